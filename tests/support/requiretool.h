// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QtTest>

/// A tool or file a test needs (s3rver, a keyring, a reference spec) is missing: on a
/// developer's machine the test is skipped with the reason; under CI (CI=true), where
/// everything must really run, it fails. Use inside a test function (it may return from it).
#define FS_REQUIRE_TOOL(available, why)                                                            \
    do {                                                                                           \
        if (!(available)) {                                                                        \
            const QString fsRequireWhy_ = (why);                                                   \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                               \
                QFAIL(qPrintable(QStringLiteral("CI must run this test, but: ") + fsRequireWhy_)); \
            QSKIP(qPrintable(fsRequireWhy_));                                                      \
        }                                                                                          \
    } while (false)
