// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Small valid chat training data for tests that send a file somewhere: line i asks
// "Question i?" and is answered "Answer number i.", so every line differs.

#include <QByteArray>
#include <QString>

namespace fs::test {

/// Line `i` of the numbered examples, with its newline.
inline QByteArray numberedExample(int i)
{
    return QStringLiteral("{\"messages\":[{\"role\":\"user\",\"content\":\"Question %1?\"},"
                          "{\"role\":\"assistant\",\"content\":\"Answer number %1.\"}]}\n")
            .arg(i)
            .toUtf8();
}

/// The first `count` numbered examples.
inline QByteArray numberedExamples(int count)
{
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data += numberedExample(i);
    return data;
}

/// Numbered examples until the data is at least `bytes` long.
inline QByteArray numberedExamplesOfSize(qint64 bytes)
{
    QByteArray data;
    for (int i = 0; data.size() < bytes; ++i)
        data += numberedExample(i);
    return data;
}

} // namespace fs::test
