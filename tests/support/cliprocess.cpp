// SPDX-License-Identifier: GPL-3.0-or-later
#include "cliprocess.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTimer>

namespace fs::test {

QProcessEnvironment isolatedEnvironment(const QString &home)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("OPENAI_BASE_URL"));
    env.remove(QStringLiteral("OPENAI_API_KEY"));
    env.remove(QStringLiteral("TOGETHER_API_KEY"));
    env.insert(QStringLiteral("HOME"), home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home + QStringLiteral("/config"));
    return env;
}

QStringList idsInData(const QString &json)
{
    QStringList ids;
    const QJsonArray data =
            QJsonDocument::fromJson(json.toUtf8()).object().value(QLatin1String("data")).toArray();
    for (const QJsonValue &item : data)
        ids << item.toObject().value(QLatin1String("id")).toString();
    return ids;
}

namespace {

/// What a finished (or, when !finished, overdue: then killed) process left behind.
CliResult collect(QProcess &process, bool finished)
{
    CliResult result;
    if (!finished) {
        process.kill();
        process.waitForFinished();
        result.err = QStringLiteral("timed out");
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

} // namespace

CliResult runCli(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    return collect(process, process.waitForFinished(timeoutMs));
}

CliResult runCliServing(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, int timeoutMs)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    QEventLoop loop;
    QObject::connect(&process, &QProcess::finished, &loop, &QEventLoop::quit);
    QObject::connect(&process, &QProcess::errorOccurred, &loop, &QEventLoop::quit);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    process.start(program, arguments);
    if (process.state() != QProcess::NotRunning)
        loop.exec();
    return collect(process, process.state() == QProcess::NotRunning);
}

SandboxProcess::~SandboxProcess()
{
    kill();
}

bool SandboxProcess::start(const QString &program, const QStringList &extra, double timeScale)
{
    m_process.setProgram(program);
    m_process.setArguments(
            QStringList {QStringLiteral("sandbox"), QStringLiteral("--port"), QStringLiteral("0"),
                    QStringLiteral("--time-scale"), QString::number(timeScale)}
            + extra);
    m_process.start();
    if (!m_process.waitForStarted(10000))
        return false;
    // It prints its address once it listens, so from then on it answers.
    const QRegularExpression pattern(QStringLiteral("(http://127\\.0\\.0\\.1:\\d+)/v1"));
    QString seen;
    for (int i = 0; i < 100; ++i) {
        m_process.waitForReadyRead(200);
        seen += QString::fromUtf8(m_process.readAllStandardOutput());
        const QRegularExpressionMatch match = pattern.match(seen);
        if (match.hasMatch()) {
            m_root = match.captured(1);
            return true;
        }
    }
    return false;
}

QString SandboxProcess::baseUrl() const
{
    return m_root.isEmpty() ? QString() : m_root + QStringLiteral("/v1");
}

bool SandboxProcess::stop(int timeoutMs)
{
    if (!isRunning())
        return true;
    m_process.terminate();
    return m_process.waitForFinished(timeoutMs);
}

void SandboxProcess::kill()
{
    if (!isRunning())
        return;
    m_process.kill();
    m_process.waitForFinished();
}

} // namespace fs::test
