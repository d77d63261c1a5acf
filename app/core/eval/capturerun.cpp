// SPDX-License-Identifier: GPL-3.0-or-later
#include "capturerun.h"

#include "batchrunner.h"
#include "coretranslate.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSaveFile>
#include <QTimer>

namespace fs {

namespace {

constexpr int kSidecarVersion = 1;
const char kSidecarType[] = "finetune-studio.capture";
constexpr int kSidecarIntervalMs = 250; ///< OUT is the record: the sidecar may lag this much

QString tr(const char *text)
{
    return translateInCore("fs::CaptureRun", text);
}

/// The prompt part of a captured line: its messages without the last (assistant) one.
QByteArray promptKeyOfLine(const QByteArray &line)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    QJsonArray messages = document.object().value(QLatin1String("messages")).toArray();
    if (messages.isEmpty()
            || messages.last().toObject().value(QLatin1String("role")).toString()
                    != QLatin1String("assistant"))
        return {};
    messages.removeLast();
    return QJsonDocument(messages).toJson(QJsonDocument::Compact);
}

QString settingsText(const ModelTarget &target)
{
    QString text = target.model;
    if (target.temperature)
        text += tr(", temperature %1").arg(*target.temperature);
    if (target.seed)
        text += tr(", seed %1").arg(*target.seed);
    return text;
}

bool sameSettings(const ModelTarget &a, const ModelTarget &b)
{
    return a.model == b.model && a.temperature == b.temperature && a.topP == b.topP
            && a.maxCompletionTokens == b.maxCompletionTokens && a.seed == b.seed;
}

QList<QByteArray> completeLines(const QByteArray &data)
{
    QList<QByteArray> lines;
    for (const QByteArray &line : data.split('\n')) {
        if (!line.trimmed().isEmpty())
            lines << line;
    }
    return lines;
}

} // namespace

CaptureRun::CaptureRun(QNetworkAccessManager *nam, QObject *parent)
    : QObject(parent)
    , m_runner(new BatchRunner(nam, this))
    , m_sidecarTimer(new QTimer(this))
{
    m_sidecarTimer->setSingleShot(true);
    m_sidecarTimer->setInterval(kSidecarIntervalMs);
    connect(m_sidecarTimer, &QTimer::timeout, this, &CaptureRun::writeSidecar);
    connect(m_runner, &BatchRunner::generationFinished, this,
            [this](int item, int) { onAnswer(item); });
    connect(m_runner, &BatchRunner::finished, this, &CaptureRun::onRunnerFinished);
    connect(m_runner, &BatchRunner::paused, this, [this](int delayMs, const ApiError &error) {
        Q_EMIT paused(delayMs, error.plainMessage());
    });
    connect(m_runner, &BatchRunner::resumed, this, &CaptureRun::resumed);
}

CaptureRun::~CaptureRun()
{
    if (m_sidecarTimer->isActive())
        writeSidecar();
}

QString CaptureRun::sidecarPath(const QString &outPath)
{
    return outPath + QStringLiteral(".capture.json");
}

qint64 CaptureRun::repairTruncatedTail(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.exists())
        return 0;
    if (!file.open(QIODevice::ReadWrite)) {
        if (error)
            *error = tr("%1 could not be opened: %2").arg(path, file.errorString());
        return -1;
    }
    const qint64 size = file.size();
    if (size == 0)
        return 0;
    // Read back from the end to the last newline.
    qint64 keep = 0;
    constexpr qint64 kChunk = 64 * 1024;
    for (qint64 end = size; end > 0;) {
        const qint64 start = std::max<qint64>(0, end - kChunk);
        file.seek(start);
        const QByteArray chunk = file.read(end - start);
        const qsizetype newline = chunk.lastIndexOf('\n');
        if (newline >= 0) {
            keep = start + newline + 1;
            break;
        }
        end = start;
    }
    if (keep == size)
        return 0;
    if (!file.resize(keep)) {
        if (error)
            *error = tr("%1 could not be repaired: %2").arg(path, file.errorString());
        return -1;
    }
    return size - keep;
}

bool CaptureRun::prepare(const QList<CapturePrompt> &prompts, const ModelTarget &target,
        const QString &source, const QString &outPath, QString *error)
{
    const auto fail = [error](const QString &reason) {
        if (error)
            *error = reason;
        return false;
    };
    if (m_running)
        return fail(tr("A capture is still running."));
    m_prompts = prompts;
    m_target = target;
    if (!m_target.temperature)
        m_target.temperature = 0.0;
    m_source = source;
    m_outPath = outPath;
    m_error.clear();
    m_failures.clear();
    m_answered = 0;
    m_resumedFrom = 0;
    m_unmatched = 0;
    m_repairedBytes = 0;
    m_started = QDateTime::currentDateTimeUtc();
    m_keys.clear();
    for (const CapturePrompt &prompt : std::as_const(m_prompts))
        m_keys << capturePromptKey(prompt.messages);
    m_done = QList<bool>(m_prompts.size(), false);
    m_out.close();

    const QString name = QFileInfo(outPath).fileName();
    const QFileInfo outInfo(outPath);
    if (outInfo.exists() && outInfo.size() > 0) {
        QFile sidecar(sidecarPath(outPath));
        const QJsonObject settings = sidecar.open(QIODevice::ReadOnly)
                ? QJsonDocument::fromJson(sidecar.readAll()).object()
                : QJsonObject();
        if (settings.value(QLatin1String("type")).toString() != QLatin1String(kSidecarType))
            return fail(tr("%1 already exists and was not written by a capture. Choose another "
                           "file, so nothing in it is overwritten.")
                                .arg(name));
        const ModelTarget earlier =
                ModelTarget::fromJson(settings.value(QLatin1String("target")).toObject());
        if (!sameSettings(earlier, m_target))
            return fail(tr("%1 holds answers of %2. To continue it, capture with the same model "
                           "and settings; to start anew, choose another file.")
                                .arg(name, settingsText(earlier)));
        const QDateTime started = QDateTime::fromString(
                settings.value(QLatin1String("started")).toString(), Qt::ISODate);
        if (started.isValid())
            m_started = started;
        QString repairError;
        m_repairedBytes = repairTruncatedTail(outPath, &repairError);
        if (m_repairedBytes < 0) {
            m_repairedBytes = 0;
            return fail(repairError);
        }
        QFile file(outPath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("%1 could not be read: %2").arg(name, file.errorString()));
        // Match every answer in OUT to its prompt by content; equal prompts are taken in turn.
        QHash<QByteArray, QList<int>> byKey;
        for (int i = 0; i < m_keys.size(); ++i)
            byKey[m_keys.at(i)].append(i);
        for (const QByteArray &line : completeLines(file.readAll())) {
            QList<int> &candidates = byKey[promptKeyOfLine(line)];
            if (candidates.isEmpty()) {
                ++m_unmatched;
                continue;
            }
            m_done[candidates.takeFirst()] = true;
            ++m_answered;
        }
    }
    m_resumedFrom = m_answered;
    m_out.setFileName(outPath);
    if (!m_out.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered))
        return fail(tr("%1 could not be written: %2").arg(name, m_out.errorString()));
    writeSidecar();
    return true;
}

void CaptureRun::setConcurrency(int inFlight)
{
    m_runner->setConcurrency(inFlight);
}

void CaptureRun::setRetryPolicy(const RetryPolicy &policy)
{
    m_runner->setRetryPolicy(policy);
}

void CaptureRun::setInitialBackoffMs(int ms)
{
    m_runner->setInitialBackoffMs(ms);
}

bool CaptureRun::isPaused() const
{
    return m_runner->isPaused();
}

void CaptureRun::start()
{
    if (m_running || !m_out.isOpen())
        return;
    QList<BatchItem> items;
    m_items.clear();
    for (int i = 0; i < m_prompts.size(); ++i) {
        if (m_done.at(i))
            continue;
        items.append(BatchItem {m_prompts.at(i).messages, QString(), m_prompts.at(i).sourceLine});
        m_items.append(i);
    }
    m_failures.clear();
    m_error.clear();
    m_running = true;
    Q_EMIT progress(m_answered, total(), 0);
    if (items.isEmpty()) {
        onRunnerFinished(false);
        return;
    }
    m_runner->setup(items, {m_target});
    m_runner->start();
}

void CaptureRun::cancel()
{
    if (m_running)
        m_runner->cancel();
}

void CaptureRun::onAnswer(int item)
{
    if (!m_running || item < 0 || item >= m_items.size())
        return;
    const int prompt = m_items.at(item);
    const Generation &generation = m_runner->results().generation(item, 0);
    if (generation.status == Generation::Status::Done) {
        QJsonArray messages;
        for (const Message &message : m_prompts.at(prompt).messages)
            messages.append(message.toJson());
        messages.append(QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                {QStringLiteral("content"), generation.text}});
        const QByteArray line = QJsonDocument(QJsonObject {{QStringLiteral("messages"), messages}})
                                        .toJson(QJsonDocument::Compact)
                + '\n';
        if (!appendLine(line)) {
            stop(tr("The answers could not be written to %1: %2. Those written so far are "
                    "kept; run the capture again to continue.")
                            .arg(QFileInfo(m_outPath).fileName(), m_out.errorString()));
            return;
        }
        m_done[prompt] = true;
        ++m_answered;
    } else if (generation.status == Generation::Status::Failed) {
        m_failures.append(
                CaptureFailure {prompt, m_prompts.at(prompt).sourceLine, generation.error});
    }
    if (!m_sidecarTimer->isActive())
        m_sidecarTimer->start();
    Q_EMIT progress(m_answered, total(), failedCount());
}

bool CaptureRun::appendLine(const QByteArray &line)
{
    // One write of the whole line (the file is unbuffered): a crash leaves at most a cut-off
    // last line, which prepare() removes. A short write is taken back at once.
    const qint64 before = m_out.size();
    const qint64 written = m_out.write(line);
    if (written == line.size())
        return true;
    if (written > 0)
        m_out.resize(before);
    return false;
}

void CaptureRun::stop(const QString &error)
{
    m_error = error;
    m_runner->cancel();
}

void CaptureRun::onRunnerFinished(bool cancelled)
{
    if (!m_running)
        return;
    m_running = false;
    m_sidecarTimer->stop();
    if (!cancelled && remaining() == 0)
        reorder();
    writeSidecar();
    Q_EMIT finished(cancelled);
}

void CaptureRun::reorder()
{
    QFile file(m_outPath);
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QByteArray data = file.readAll();
    file.close();
    QHash<QByteArray, QList<int>> byKey;
    for (int i = 0; i < m_keys.size(); ++i)
        byKey[m_keys.at(i)].append(i);
    QList<QByteArray> ordered(m_prompts.size());
    QList<QByteArray> others;
    for (const QByteArray &line : completeLines(data)) {
        QList<int> &candidates = byKey[promptKeyOfLine(line)];
        if (candidates.isEmpty())
            others << line;
        else
            ordered[candidates.takeFirst()] = line;
    }
    QByteArray result;
    result.reserve(data.size());
    for (const QByteArray &line : std::as_const(ordered)) {
        if (!line.isEmpty())
            result += line + '\n';
    }
    for (const QByteArray &line : std::as_const(others))
        result += line + '\n';
    if (result == data)
        return;
    m_out.close();
    QSaveFile save(m_outPath);
    if (save.open(QIODevice::WriteOnly) && save.write(result) == result.size())
        save.commit(); // on failure the file stays as it was: complete, in arrival order
    m_out.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Unbuffered);
}

void CaptureRun::writeSidecar()
{
    QJsonArray done;
    for (int i = 0; i < m_done.size(); ++i) {
        if (m_done.at(i))
            done.append(i);
    }
    QJsonArray failed;
    for (const CaptureFailure &failure : std::as_const(m_failures)) {
        failed.append(QJsonObject {{QStringLiteral("prompt"), failure.prompt},
                {QStringLiteral("line"), failure.sourceLine},
                {QStringLiteral("reason"), failure.reason}});
    }
    QJsonObject settings {
            {QStringLiteral("type"), QString::fromLatin1(kSidecarType)},
            {QStringLiteral("version"), kSidecarVersion},
            {QStringLiteral("model"), m_target.model},
            {QStringLiteral("temperature"), m_target.temperature.value_or(0.0)},
            {QStringLiteral("seed"),
                    m_target.seed ? QJsonValue(double(*m_target.seed)) : QJsonValue()},
            {QStringLiteral("target"), m_target.toJson()},
            {QStringLiteral("source"), m_source},
            {QStringLiteral("prompts"), total()},
            {QStringLiteral("answered"), m_answered},
            {QStringLiteral("started"), m_started.toString(Qt::ISODateWithMs)},
            {QStringLiteral("updated"),
                    QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
            {QStringLiteral("done"), done},
            {QStringLiteral("failed"), failed},
    };
    QSaveFile file(sidecarPath(m_outPath));
    if (file.open(QIODevice::WriteOnly))
        file.write(QJsonDocument(settings).toJson(QJsonDocument::Indented));
    file.commit(); // best effort: OUT is the record, the next prepare() rebuilds the rest
}

QString CaptureRun::failureSummary(int limit) const
{
    QStringList reasons;
    for (const CaptureFailure &failure : m_failures) {
        if (!reasons.contains(failure.reason))
            reasons << failure.reason;
        if (reasons.size() >= limit)
            break;
    }
    return reasons.join(QLatin1Char(' '));
}

} // namespace fs
