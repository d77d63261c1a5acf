// SPDX-License-Identifier: GPL-3.0-or-later
#include "logredaction.h"

#include <QRegularExpression>
#include <atomic>
#include <cstdio>

namespace fs {

namespace {

const QString kRedacted = QStringLiteral("[redacted]");

struct Patterns
{
    // A secret header's name, then what separates it from its value in the notations Qt and
    // we print (": ", "=", "\", \"", "', '"), then the value up to a quote, a comma or the end.
    QRegularExpression header {
            QStringLiteral(
                    R"((\b(?:proxy-)?authorization|\b(?:x-)?api[-_]?key|\bset-cookie|)"
                    R"(\bcookie|\bx-amz-security-token|\b(?:access|refresh|id)_token|\bdevice_code)"
                    R"()(["']?\s*[:=,]\s*["']?)[^"'\r\n,)&]+)"),
            QRegularExpression::CaseInsensitiveOption};
    QRegularExpression scheme {
            QStringLiteral(R"(\b(Bearer|bearer|BEARER|Basic)\s+[A-Za-z0-9._~+/=-]{8,})")};
    QRegularExpression shapes {
            QStringLiteral(R"(\b(?:sk|pk|rk)-[A-Za-z0-9_-]{16,}|\btgp_v1_[A-Za-z0-9_-]{16,}|)"
                           R"(\b(?:AKIA|ASIA)[0-9A-Z]{16}\b|\bxox[abpr]-[A-Za-z0-9-]{10,}|)"
                           R"(\bgh[pousr]_[A-Za-z0-9]{20,}|)"
                           // JSON Web Tokens (Microsoft's access tokens), wherever they appear
                           R"(\beyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)")};
    QRegularExpression signature {
            QStringLiteral(R"(((?:X-Amz-Signature|X-Amz-Credential|Signature|)"
                           R"(sig|signature)=)[^&\s"',]+)"),
            QRegularExpression::CaseInsensitiveOption};
};

const Patterns &patterns()
{
    static const Patterns p;
    return p;
}

QtMessageHandler g_previous = nullptr;
std::atomic_bool g_installed {false};

void redactingHandler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString clean = redactSecrets(message);
    if (g_previous)
        g_previous(type, context, clean);
    else // not reached: Qt always has a handler
        fprintf(stderr, "%s\n", qPrintable(qFormatLogMessage(type, context, clean)));
}

} // namespace

QString redactSecrets(const QString &line)
{
    const Patterns &p = patterns();
    QString out = line;
    out.replace(p.header, QStringLiteral("\\1\\2") + kRedacted);
    out.replace(p.scheme, QStringLiteral("\\1 ") + kRedacted);
    out.replace(p.shapes, kRedacted);
    out.replace(p.signature, QStringLiteral("\\1") + kRedacted);
    return out;
}

void installRedactingMessageHandler()
{
    if (g_installed.exchange(true))
        return;
    g_previous = qInstallMessageHandler(redactingHandler);
}

} // namespace fs
