// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

namespace fs {

/**
 * @brief The words of a core file that translates through a file-local tr(): lupdate files a
 * tr() call under the class of the function it is in, and under the namespace ("fs") when that
 * is a free function (e.g. in an anonymous namespace). Looks in `context` (the file's class)
 * first, then in "fs", so both kinds of call find their translation.
 */
inline QString translateInCore(
        const char *context, const char *text, const char *disambiguation = nullptr)
{
    const QString source = QString::fromUtf8(text);
    const QString own = QCoreApplication::translate(context, text, disambiguation);
    return own != source ? own : QCoreApplication::translate("fs", text, disambiguation);
}

} // namespace fs
