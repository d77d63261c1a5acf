// SPDX-License-Identifier: GPL-3.0-or-later
#include "englishplurals.h"

#include <QCoreApplication>
#include <QPointer>

namespace fs {

QString EnglishPlurals::translate(
        const char *context, const char *sourceText, const char *disambiguation, int n) const
{
    Q_UNUSED(context)
    Q_UNUSED(disambiguation)
    if (n < 0 || !sourceText)
        return {};
    QString text = QString::fromUtf8(sourceText);
    if (!text.contains(QLatin1String("(s)")))
        return {};
    return text.replace(QLatin1String("(s)"), n == 1 ? QString() : QStringLiteral("s"));
}

void EnglishPlurals::install()
{
    static QPointer<EnglishPlurals> installed;
    if (installed || !QCoreApplication::instance())
        return;
    installed = new EnglishPlurals(QCoreApplication::instance());
    QCoreApplication::installTranslator(installed);
}

} // namespace fs
