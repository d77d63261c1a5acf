// SPDX-License-Identifier: GPL-3.0-or-later
// The upload queue every area and the CLI use: one task sends at a time, in order; the pre-flight
// check refuses with a sentence until the person decides; cancel at every stage; the texts shown
// for progress; and the same queue on a Together AI connection.
#include "numberedexamples.h"
#include "sandboxserver.h"
#include "uploadqueue.h"
#include "uploadsandboxfixture.h"
#include "uploadsource.h"

#include <QFile>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace fs;
using fs::sandbox::SandboxOptions;
using fs::sandbox::SandboxServer;
using fs::test::numberedExamples;

namespace {

bool waitForStage(UploadTask *task, UploadTask::Stage stage, int timeoutMs = 20000)
{
    return QTest::qWaitFor([task, stage] { return task->stage() == stage; }, timeoutMs);
}

} // namespace

class tst_UploadQueue : public QObject, public fs::test::UploadSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void sendsOneAtATimeInOrder();
    void checkRefusesWithItsSentenceUntilTheUserDecides();
    void cancelWhileWaitingAndWhileSending();
    void progressTexts();
    void stageAndDetailTexts();
    void togetherConnectionThroughTheQueue();

private:
    UploadSettings settings() const;

    std::unique_ptr<UploadQueue> m_queue;
};

void tst_UploadQueue::init()
{
    QString problem;
    QVERIFY2(startUploadSandbox(&problem), qPrintable(problem));
    m_queue = std::make_unique<UploadQueue>(m_nam.get());
    m_queue->setConnection(sandboxConnection());
}

void tst_UploadQueue::cleanup()
{
    m_queue.reset();
    stopUploadSandbox();
}

UploadSettings tst_UploadQueue::settings() const
{
    UploadSettings settings;
    settings.options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
    settings.options.processingPollMs = 20;
    return settings;
}

void tst_UploadQueue::sendsOneAtATimeInOrder()
{
    m_server->injectLatency(60);
    QList<UploadTask *> tasks;
    QStringList started;
    int mostSending = 0;
    auto watch = [&](UploadTask *task) {
        connect(task, &UploadTask::stageChanged, this, [&, task](UploadTask::Stage stage) {
            if (stage == UploadTask::Stage::Uploading)
                started << task->filename();
            int sending = 0;
            for (UploadTask *t : m_queue->tasks())
                sending += t->isSending() ? 1 : 0;
            mostSending = std::max(mostSending, sending);
        });
    };
    QSignalSpy added(m_queue.get(), &UploadQueue::taskAdded);
    QSignalSpy uploaded(m_queue.get(), &UploadQueue::uploaded);
    for (const QString &name : {QStringLiteral("a.jsonl"), QStringLiteral("b.jsonl")}) {
        tasks << m_queue->addFile(writeFile(name, numberedExamples(20)), settings());
        watch(tasks.constLast());
    }
    tasks << m_queue->addData(QStringLiteral("c.jsonl"), numberedExamples(15), settings());
    watch(tasks.constLast());
    QCOMPARE(added.size(), 3);
    QCOMPARE(m_queue->tasks(), tasks);
    QVERIFY(m_queue->hasActive());
    for (UploadTask *task : std::as_const(tasks))
        QVERIFY2(waitForStage(task, UploadTask::Stage::Done), qPrintable(task->stageText()));
    QCOMPARE(started,
            (QStringList {QStringLiteral("a.jsonl"), QStringLiteral("b.jsonl"),
                    QStringLiteral("c.jsonl")}));
    QCOMPARE(mostSending, 1);
    QCOMPARE(uploaded.size(), 3);
    QCOMPARE(uploaded.at(0).at(0).value<UploadTask *>(), tasks.at(0));
    QCOMPARE(uploaded.at(2).at(1).value<FileObject>().filename, QStringLiteral("c.jsonl"));
    QVERIFY(!m_queue->hasActive());
    QSignalSpy removed(m_queue.get(), &UploadQueue::taskRemoved);
    m_queue->removeFinished();
    QCOMPARE(removed.size(), 3);
    QVERIFY(m_queue->tasks().isEmpty());
}

void tst_UploadQueue::checkRefusesWithItsSentenceUntilTheUserDecides()
{
    // Three examples: the linter's "too few examples" is an error for training data.
    UploadTask *few = m_queue->addFile(
            writeFile(QStringLiteral("few.jsonl"), numberedExamples(3)), settings());
    UploadTask *fine = m_queue->addFile(
            writeFile(QStringLiteral("fine.jsonl"), numberedExamples(12)), settings());
    QVERIFY(waitForStage(few, UploadTask::Stage::NeedsConfirmation));
    QCOMPARE(few->errorCount(), 1);
    QCOMPARE(few->findings().first().code, QStringLiteral("too_few_examples"));
    QCOMPARE(few->warningText(),
            QStringLiteral("The check found an error. The service will most likely refuse this "
                           "file. Fix it in the Datasets area, or upload anyway if you are sure."));
    QCOMPARE(few->stageText(), QStringLiteral("Problems found: not sent yet"));
    QVERIFY(UploadTask::findingText(few->findings().first()).startsWith(QLatin1String("Error")));
    // A refused file does not hold up the one after it.
    QVERIFY(waitForStage(fine, UploadTask::Stage::Done));
    QCOMPARE(few->stage(), UploadTask::Stage::NeedsConfirmation);
    QCOMPARE(m_served->countMatching(QStringLiteral("POST /v1/files")), 1);
    // Upload anyway: sent, and said so.
    few->uploadAnyway();
    QVERIFY(few->overridden());
    QVERIFY(waitForStage(few, UploadTask::Stage::Done));
    QCOMPARE(m_served->countMatching(QStringLiteral("POST /v1/files")), 2);

    // As validation data three examples are fine: a warning, not a refusal.
    UploadSettings validation = settings();
    validation.use = DataUse::Validation;
    UploadTask *small =
            m_queue->addData(QStringLiteral("validation.jsonl"), numberedExamples(3), validation);
    QVERIFY(waitForStage(small, UploadTask::Stage::Done));
    QCOMPARE(small->errorCount(), 0);
    const LintFindings findings = small->findings();
    QVERIFY(std::any_of(findings.cbegin(), findings.cend(), [](const LintFinding &f) {
        return f.code == QLatin1String("too_few_examples") && !f.isError();
    }));
}

void tst_UploadQueue::cancelWhileWaitingAndWhileSending()
{
    m_server->injectLatency(400);
    UploadTask *first =
            m_queue->addData(QStringLiteral("first.jsonl"), numberedExamples(20), settings());
    UploadTask *second =
            m_queue->addData(QStringLiteral("second.jsonl"), numberedExamples(20), settings());
    QVERIFY(waitForStage(first, UploadTask::Stage::Uploading));
    QVERIFY(waitForStage(second, UploadTask::Stage::Waiting));
    QSignalSpy secondFinished(second, &UploadTask::finished);
    second->cancel();
    QCOMPARE(second->stage(), UploadTask::Stage::Cancelled);
    QCOMPARE(secondFinished.size(), 1);
    QCOMPARE(second->stageText(), QStringLiteral("Cancelled"));
    first->cancel();
    QCOMPARE(first->stage(), UploadTask::Stage::Cancelled);
    QVERIFY(!m_queue->hasActive());
    // Neither arrived: the second was never sent, the first was stopped on its way.
    QVERIFY(first->file().id.isEmpty());
    QVERIFY(second->file().id.isEmpty());
    // Cancelled while checking: the check stops, nothing is sent.
    m_server->injectLatency(0);
    UploadTask *checking =
            m_queue->addData(QStringLiteral("third.jsonl"), numberedExamples(20), settings());
    QCOMPARE(checking->stage(), UploadTask::Stage::Checking);
    checking->cancel();
    QCOMPARE(checking->stage(), UploadTask::Stage::Cancelled);
    m_queue->remove(checking);
    QCOMPARE(m_queue->tasks().size(), 2);
}

void tst_UploadQueue::progressTexts()
{
    UploadProgress p;
    p.phase = UploadProgress::Phase::Sending;
    p.sentBytes = 1200000;
    p.totalBytes = 4000000;
    p.bytesPerSecond = 250000;
    p.secondsLeft = 12;
    p.partsTotal = 1;
    QCOMPARE(UploadTask::progressText(p),
            QStringLiteral("1.2 MB of 4.0 MB sent · 250.0 kB/s · about 12 s left"));
    p.partsTotal = 5;
    p.partsDone = 2;
    p.partsReused = 1;
    QCOMPARE(UploadTask::progressText(p),
            QStringLiteral("1.2 MB of 4.0 MB sent · 250.0 kB/s · about 12 s left · 2 of 5 parts "
                           "(1 sent before)"));
    // While the service checks the file there is no speed to show.
    p.phase = UploadProgress::Phase::Processing;
    p.sentBytes = p.totalBytes;
    p.partsTotal = 1;
    QCOMPARE(UploadTask::progressText(p), QStringLiteral("4.0 MB of 4.0 MB sent"));
    QCOMPARE(UploadTask::timeLeftText(0), QStringLiteral("about 1 s left"));
    QCOMPARE(UploadTask::timeLeftText(200), QStringLiteral("about 3 min left"));
    QCOMPARE(UploadTask::timeLeftText(3900), QStringLiteral("about 1 h 5 min left"));
}

void tst_UploadQueue::stageAndDetailTexts()
{
    UploadTask *task =
            m_queue->addData(QStringLiteral("texts.jsonl"), numberedExamples(12), settings());
    QStringList stages;
    connect(task, &UploadTask::stageChanged, this, [&] { stages << task->stageText(); });
    QCOMPARE(task->stageText(), QStringLiteral("Checking the examples before sending…"));
    QVERIFY(task->detailText().endsWith(QLatin1String("checked")));
    QVERIFY(waitForStage(task, UploadTask::Stage::Done));
    QCOMPARE(stages.constLast(), QStringLiteral("Ready to use"));
    QVERIFY(stages.contains(QStringLiteral("Getting ready to send…")));
    QCOMPARE(task->detailText(),
            QStringLiteral("On the service as %1. You can use it for a fine-tuning job now.")
                    .arg(task->file().id));
    QVERIFY(task->warningText().isEmpty());
}

void tst_UploadQueue::togetherConnectionThroughTheQueue()
{
    Connection together;
    together.kind = Connection::Kind::Together;
    QUrl base = m_server->baseUrl();
    base.setPath(QStringLiteral("/together/v1"));
    together.baseUrl = base;
    together.apiKey = QStringLiteral("tgp_v1_test");
    m_queue->setConnection(together);
    UploadSettings large = settings();
    large.options.multipartLimit = 1024; // the presigned flow for the second
    UploadTask *small =
            m_queue->addData(QStringLiteral("small.jsonl"), numberedExamples(12), settings());
    UploadTask *big =
            m_queue->addFile(writeFile(QStringLiteral("big.jsonl"), numberedExamples(200)), large);
    QVERIFY2(waitForStage(small, UploadTask::Stage::Done), qPrintable(small->detailText()));
    QVERIFY2(waitForStage(big, UploadTask::Stage::Done), qPrintable(big->detailText()));
    QCOMPARE(small->file().status, QStringLiteral("processed"));
    QCOMPARE(big->file().status, QStringLiteral("processed"));
    QCOMPARE(m_served->countMatching(QStringLiteral("POST /together/v1/files/upload 200")), 1);
    QCOMPARE(m_served->countMatching(QStringLiteral("PUT /together/_upload/")), 1);
    // Resumable parts are OpenAI's: asked for on Together, the task fails and says so.
    UploadSettings resumable = settings();
    resumable.alwaysResumable = true;
    resumable.preflight = false;
    UploadTask *parts =
            m_queue->addData(QStringLiteral("parts.jsonl"), numberedExamples(12), resumable);
    QVERIFY(waitForStage(parts, UploadTask::Stage::Failed));
    QVERIFY(parts->detailText().contains(QLatin1String("OpenAI feature")));
}

QTEST_GUILESS_MAIN(tst_UploadQueue)
#include "tst_uploadqueue.moc"
