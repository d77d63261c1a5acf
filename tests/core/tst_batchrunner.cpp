// SPDX-License-Identifier: GPL-3.0-or-later
// Batch comparison against an in-process sandbox: loading examples, bounded concurrency, rate
// limits that pause and resume, cancel, stored generations, the table model and CSV.
#include "batchresults.h"
#include "batchresultsmodel.h"
#include "batchrunner.h"
#include "datasetdocument.h"
#include "evalsandboxfixture.h"
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using fs::BatchItem;
using fs::BatchResults;
using fs::BatchRunner;
using fs::Generation;
using fs::ModelTarget;

class tst_BatchRunner : public QObject, public fs::test::EvalSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void loadsPromptsAndReferences();
    void loadsFromTheOpenDataset();
    void unreadableFileIsExplained();
    void fiftyExamplesWithRateLimitsAllScored();
    void rateLimitAbsorbedByClientRetries();
    void concurrencyIsBounded();
    void failingModelFailsItsRowsOnly();
    void togetherModelsAnswerThroughTheirDialect();
    void cancelStopsAndResumeFinishes();
    void cancelOrDestroyWithRequestsInFlight();
    void recomputeFromStoredGenerations();
    void csvFollowsRfc4180();
    void tableModelLiveAndSortedByDifference();

private:
    QString writeExamples(int count);

    QNetworkAccessManager m_nam;
    QTemporaryDir m_dir;
};

void tst_BatchRunner::initTestCase()
{
    QVERIFY(m_dir.isValid());
    fs::sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    QVERIFY(startSandbox(options));
    QVERIFY2(trainModel(), "the sandbox job did not produce a model");
    QCOMPARE(m_training.size(), 12);
}

void tst_BatchRunner::cleanup()
{
    m_server->clearFaults();
    // A lambda left connected to the shared server keeps writing to a finished test's stack
    // frame — in an optimised build that corrupted the next test's runner (SIGSEGV). Every
    // test must scope its connections; drop any leftover so the next test is safe anyway.
    QVERIFY2(!disconnect(m_server.get(), nullptr, this, nullptr),
            "a connection to the shared sandbox server outlived its test");
}

// `count` validation examples: the training examples over and over (so the fine-tuned model
// knows the answers), each question varied a little.
QString tst_BatchRunner::writeExamples(int count)
{
    const QString path = m_dir.filePath(QStringLiteral("valid-%1.jsonl").arg(count));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    for (int i = 0; i < count; ++i) {
        QJsonObject example = m_training.at(i % m_training.size());
        QJsonArray messages = example.value(QLatin1String("messages")).toArray();
        QJsonObject user = messages.at(1).toObject();
        user.insert(QStringLiteral("content"),
                QString(user.value(QLatin1String("content")).toString()
                        + QStringLiteral(" (%1)").arg(i)));
        messages.replace(1, user);
        example.insert(QStringLiteral("messages"), messages);
        file.write(QJsonDocument(example).toJson(QJsonDocument::Compact) + '\n');
    }
    return path;
}

void tst_BatchRunner::loadsPromptsAndReferences()
{
    const QString path = m_dir.filePath(QStringLiteral("mixed.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q1"},)"
               R"({"role":"assistant","content":"A1"},{"role":"user","content":"Q2"},)"
               R"({"role":"assistant","content":"A2"}]})"
               "\n"
               R"({"messages":[{"role":"user","content":"no answer"}]})"
               "\n"
               "not json\n"
               R"({"input":{"messages":[{"role":"user","content":"Q"}]},"preferred_output":[]})"
               "\r\n\n"
               R"({"messages":[{"role":"user","content":"Q3"},{"role":"assistant","content":"A3"},)"
               R"({"role":"user","content":"thanks"}]})");
    file.close();
    const fs::BatchItemsLoad load = fs::loadBatchItems(path);
    QVERIFY(load.error.isEmpty());
    QCOMPARE(load.items.size(), 2);
    QCOMPARE(load.skipped, 3);
    // Multi-turn: everything before the last assistant message is the prompt.
    const BatchItem &first = load.items.at(0);
    QCOMPARE(first.prompt.size(), 4);
    QCOMPARE(first.prompt.last().text(), QStringLiteral("Q2"));
    QCOMPARE(first.reference, QStringLiteral("A2"));
    QCOMPARE(first.sourceLine, 1);
    QCOMPARE(fs::lastUserText(first.prompt), QStringLiteral("Q2"));
    // A trailing user turn after the last answer is dropped with it.
    QCOMPARE(load.items.at(1).prompt.size(), 1);
    QCOMPARE(load.items.at(1).reference, QStringLiteral("A3"));
    QCOMPARE(load.items.at(1).sourceLine, 6);
}

void tst_BatchRunner::loadsFromTheOpenDataset()
{
    fs::DatasetDocument document;
    QVERIFY(!document.open(writeExamples(5)).isError());
    document.appendExample(
            fs::Example::chat({fs::Message(QStringLiteral("user"), QStringLiteral("hi"))}));
    const fs::BatchItemsLoad load = fs::batchItemsFrom(document);
    QCOMPARE(load.items.size(), 5);
    QCOMPARE(load.skipped, 1);
    QCOMPARE(load.items.at(2).sourceLine, 3);
    QCOMPARE(load.items.at(0).reference,
            m_training.at(0)
                    .value(QLatin1String("messages"))
                    .toArray()
                    .at(2)
                    .toObject()
                    .value(QLatin1String("content"))
                    .toString());
}

void tst_BatchRunner::unreadableFileIsExplained()
{
    const fs::BatchItemsLoad missing =
            fs::loadBatchItems(m_dir.filePath(QStringLiteral("nope.jsonl")));
    QVERIFY(missing.items.isEmpty());
    QVERIFY(!missing.error.isEmpty());
    const QString path = m_dir.filePath(QStringLiteral("useless.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"messages":[{"role":"user","content":"only a question"}]})"
               "\n");
    file.close();
    const fs::BatchItemsLoad useless = fs::loadBatchItems(path);
    QVERIFY(useless.items.isEmpty());
    QCOMPARE(useless.skipped, 1);
    QVERIFY(useless.error.contains(QLatin1String("assistant")));
}

void tst_BatchRunner::fiftyExamplesWithRateLimitsAllScored()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(50));
    QCOMPARE(load.items.size(), 50);
    BatchRunner runner(&m_nam);
    fs::RetryPolicy noRetries;
    noRetries.maxRetries = 0; // every 429 reaches the runner: it must pause and resend
    runner.setRetryPolicy(noRetries);
    runner.setConcurrency(4);
    runner.setup(load.items, {target(m_base), target(m_tuned)});
    QCOMPARE(runner.total(), 100);
    QSignalSpy paused(&runner, &BatchRunner::paused);
    QSignalSpy resumed(&runner, &BatchRunner::resumed);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QSignalSpy progress(&runner, &BatchRunner::progress);
    int served429 = 0;
    QObject scope; // ends the connection with `served429`
    connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, &scope,
            [&](const QString &, const QString &, int status) { served429 += status == 429; });

    runner.start();
    QVERIFY(QTest::qWaitFor([&] { return runner.completed() >= 10; }, 10000));
    m_server->injectHttpError(429, 3, QStringLiteral("/chat/completions"), 1);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().toBool(), false);
    QCOMPARE(served429, 3);
    QVERIFY(paused.count() >= 1);
    QCOMPARE(paused.first().first().toInt(), 1000); // the server's retry-after
    QCOMPARE(paused.first().at(1).value<fs::ApiError>().httpStatus, 429);
    QVERIFY(resumed.count() >= 1);
    QCOMPARE(runner.completed(), 100);
    QCOMPARE(progress.last().at(0).toInt(), 100);
    QVERIFY(runner.elapsedMs() >= 1000);

    const BatchResults &results = runner.results();
    QCOMPARE(results.doneCount(), 100);
    QCOMPARE(results.failedCount(), 0);
    for (int i = 0; i < 50; ++i) {
        for (int m = 0; m < 2; ++m) {
            const Generation &g = results.generation(i, m);
            QCOMPARE(g.status, Generation::Status::Done);
            QVERIFY(!g.text.isEmpty());
            QVERIFY(g.completionTokens > 0);
        }
        // The fine-tuned model repeats its training answers: the reference exactly.
        QCOMPARE(results.generation(i, 1).scores.rougeL.fmeasure, 1.0);
    }
    int count = 0;
    const fs::RougeScores base = results.average(0, &count);
    QCOMPARE(count, 50);
    const fs::RougeScores tuned = results.average(1);
    QCOMPARE(tuned.rouge1.fmeasure, 1.0);
    QVERIFY(base.rougeL.fmeasure < 0.5);
    QVERIFY(base.rouge2.fmeasure < tuned.rouge2.fmeasure);
}

void tst_BatchRunner::rateLimitAbsorbedByClientRetries()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(6));
    BatchRunner runner(&m_nam);
    fs::RetryPolicy policy;
    policy.jitter = false;
    policy.maxRetries = 2;
    runner.setRetryPolicy(policy);
    runner.setup(load.items, {target(m_base)});
    QSignalSpy paused(&runner, &BatchRunner::paused);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    m_server->injectHttpError(429, 1, QStringLiteral("/chat/completions"), 1);
    runner.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(paused.count(), 0); // the client's own retry took it
    QCOMPARE(runner.results().doneCount(), 6);
    int attempts = 0;
    for (int i = 0; i < 6; ++i)
        attempts += runner.results().generation(i, 0).attempts;
    QCOMPARE(attempts, 7);
}

void tst_BatchRunner::concurrencyIsBounded()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(12));
    constexpr int kLatencyMs = 80;
    for (const int limit : {1, 3, 8}) {
        BatchRunner runner(&m_nam);
        runner.setConcurrency(limit);
        runner.setup(load.items, {target(m_base), target(m_tuned)});
        m_server->injectLatency(kLatencyMs);
        int most = 0;
        QTimer sampler;
        connect(&sampler, &QTimer::timeout, this,
                [&] { most = std::max(most, runner.inFlight()); });
        sampler.start(5);
        // What the server saw: each answer leaves kLatencyMs (plus a little work) after its
        // request arrived, so [served − latency, served) lies inside the request's time on the
        // server. Requests on one connection never overlap there; the most overlapping
        // intervals is how many really were in flight (not queued in Qt's network stack).
        QElapsedTimer clock;
        clock.start();
        QList<qint64> served;
        QObject scope; // ends the connection with `served`, also when a check fails
        connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, &scope,
                [&](const QString &, const QString &path, int) {
                    if (path.contains(QLatin1String("/chat")))
                        served << clock.elapsed();
                });
        QSignalSpy finished(&runner, &BatchRunner::finished);
        runner.start();
        most = std::max(most, runner.inFlight());
        QVERIFY(finished.wait(30000));
        QObject::disconnect(m_server.get(), nullptr, &scope, nullptr);
        QCOMPARE(most, limit);
        QCOMPARE(runner.results().doneCount(), 24);
        QCOMPARE(served.size(), 24);
        int serverMost = 0;
        for (const qint64 end : std::as_const(served)) {
            // Intervals containing the instant just before `end`.
            int overlapping = 0;
            for (const qint64 other : std::as_const(served))
                overlapping += (other - kLatencyMs < end && end <= other) ? 1 : 0;
            serverMost = std::max(serverMost, overlapping);
        }
        QCOMPARE(serverMost, limit);
        // 24 requests of ≥ 80 ms, `limit` at a time, cannot take less than this.
        QVERIFY2(runner.elapsedMs() >= (24 / limit) * kLatencyMs - 20,
                qPrintable(QString::number(runner.elapsedMs())));
    }
}

void tst_BatchRunner::failingModelFailsItsRowsOnly()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(5));
    BatchRunner runner(&m_nam);
    runner.setup(load.items, {target(QStringLiteral("no-such-model")), target(m_base)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(20000));
    const BatchResults &results = runner.results();
    QCOMPARE(results.failedCount(), 5);
    QCOMPARE(results.doneCount(), 10);
    QCOMPARE(results.generation(0, 0).status, Generation::Status::Failed);
    QVERIFY(!results.generation(0, 0).error.isEmpty());
    QCOMPARE(results.generation(0, 1).status, Generation::Status::Done);
    int n = -1;
    results.average(0, &n);
    QCOMPARE(n, 0);
}

// A Together connection: the runner's chats go to /together/v1/chat/completions in Together's
// shape (ProviderClient, the connection's dialect); a fine-tune that is not deployed fails its
// rows with the service's 404 and the batch goes on.
void tst_BatchRunner::togetherModelsAnswerThroughTheirDialect()
{
    ModelTarget together =
            target(QStringLiteral("meta-llama/Meta-Llama-3.1-8B-Instruct-Reference"));
    together.connection.kind = fs::Connection::Kind::Together;
    together.connection.baseUrl =
            QUrl(QStringLiteral("http://127.0.0.1:%1/together/v1").arg(m_server->port()));
    together.maxCompletionTokens = 200;
    ModelTarget notDeployed = together;
    notDeployed.model = together.model + QStringLiteral(":lumen:not-deployed");
    QStringList paths;
    QMetaObject::Connection served =
            connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, this,
                    [&paths](const QString &, const QString &path, int) { paths << path; });
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(3));
    BatchRunner runner(&m_nam);
    runner.setup(load.items, {together, notDeployed});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(20000));
    disconnect(served);
    const BatchResults &results = runner.results();
    for (int item = 0; item < 3; ++item) {
        QCOMPARE(results.generation(item, 0).status, Generation::Status::Done);
        QVERIFY(!results.generation(item, 0).text.isEmpty());
        QVERIFY(results.generation(item, 0).completionTokens > 0);
        QCOMPARE(results.generation(item, 1).status, Generation::Status::Failed);
    }
    QCOMPARE(paths.count(QStringLiteral("/together/v1/chat/completions")), 6);
}

void tst_BatchRunner::cancelStopsAndResumeFinishes()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(30));
    BatchRunner runner(&m_nam);
    runner.setConcurrency(2);
    runner.setup(load.items, {target(m_base)});
    m_server->injectLatency(50);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(QTest::qWaitFor([&] { return runner.completed() >= 4; }, 10000));
    runner.cancel();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.first().first().toBool(), true);
    QVERIFY(!runner.isRunning());
    const int done = runner.results().doneCount();
    QVERIFY(done >= 4 && done < 30);
    int served = 0;
    QObject scope; // ends the connection with `served`
    connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, &scope,
            [&](const QString &, const QString &path, int) {
                served += path.contains(QLatin1String("/chat")) ? 1 : 0;
            });
    QTest::qWait(300); // nothing to wait for: proves nothing is sent after cancel
    QCOMPARE(served, 0);
    QCOMPARE(runner.results().doneCount(), done);

    // Starting again sends only what is still pending.
    runner.start();
    QCOMPARE(runner.total(), 30 - done);
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(runner.results().doneCount(), 30);
    QCOMPARE(served, 30 - done);
}

void tst_BatchRunner::cancelOrDestroyWithRequestsInFlight()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(8));
    m_server->injectLatency(100);
    int served = 0;
    QObject scope; // ends the connection with `served`
    connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, &scope,
            [&](const QString &, const QString &path, int) {
                served += path.contains(QLatin1String("/chat")) ? 1 : 0;
            });

    // Cancelled mid-flight, set up afresh and run again: the aborted replies of the first run
    // must not count in (or unbalance the lanes of) the second.
    BatchRunner runner(&m_nam);
    runner.setConcurrency(4);
    runner.setup(load.items, {target(m_base)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    QSignalSpy generations(&runner, &BatchRunner::generationFinished);
    runner.start();
    QCOMPARE(runner.inFlight(), 4);
    runner.cancel();
    QCOMPARE(runner.inFlight(), 0);
    QCOMPARE(generations.count(), 0);
    runner.setup(load.items, {target(m_base)});
    QCOMPARE(runner.total(), 8);
    runner.start();
    QCOMPARE(runner.inFlight(), 4);
    runner.setup(load.items, {target(m_tuned)}); // ignored while running
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.last().first().toBool(), false);
    QCOMPARE(generations.count(), 8);
    QCOMPARE(runner.completed(), 8);
    QCOMPARE(runner.results().doneCount(), 8);
    QCOMPARE(runner.inFlight(), 0);

    // Destroyed with requests in flight while the event loop keeps running: the late answers
    // reach nobody, and nothing more is sent.
    auto *doomed = new BatchRunner(&m_nam);
    doomed->setConcurrency(4);
    doomed->setup(load.items, {target(m_base)});
    doomed->start();
    QCOMPARE(doomed->inFlight(), 4);
    const int servedBefore = served;
    delete doomed;
    QTest::qWait(400); // nothing to wait for: proves nothing more is sent
    QVERIFY2(served - servedBefore <= 4, qPrintable(QString::number(served - servedBefore)));
    QCOMPARE(runner.results().doneCount(), 8); // the other runner is untouched
}

void tst_BatchRunner::recomputeFromStoredGenerations()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(12));
    BatchRunner runner(&m_nam);
    runner.setup(load.items, {target(m_base), target(m_tuned)});
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(20000));
    const QString path = m_dir.filePath(QStringLiteral("results.jsonl"));
    QString error;
    QVERIFY2(runner.results().save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(!file.readAll().contains("sk-test"));

    int served = 0;
    QObject scope; // ends the connection with `served`
    connect(m_server.get(), &fs::sandbox::SandboxServer::requestServed, &scope,
            [&](const QString &, const QString &, int) { ++served; });
    std::optional<BatchResults> loaded = BatchResults::load(path, &error);
    QVERIFY2(loaded, qPrintable(error));
    QCOMPARE(loaded->itemCount(), 12);
    QCOMPARE(loaded->modelLabels(), (QStringList {m_base, m_tuned}));
    for (int i = 0; i < 12; ++i) {
        for (int m = 0; m < 2; ++m) {
            QCOMPARE(loaded->generation(i, m).text, runner.results().generation(i, m).text);
            QCOMPARE(loaded->generation(i, m).scores.rougeL.fmeasure,
                    runner.results().generation(i, m).scores.rougeL.fmeasure);
        }
    }
    QCOMPARE(loaded->items().at(3).prompt.size(), load.items.at(3).prompt.size());
    const double unstemmed = loaded->average(0).rouge1.fmeasure;
    loaded->recompute(true);
    QVERIFY(loaded->stems());
    // The base answers share words with the references only once stemmed ("opens"/"open"…),
    // so the average must move; the tuned model's exact answers stay at 1.
    QVERIFY2(loaded->average(0).rouge1.fmeasure != unstemmed,
            qPrintable(QString::number(unstemmed)));
    QCOMPARE(loaded->average(1).rouge1.fmeasure, 1.0);
    QCOMPARE(served, 0);

    // A damaged file is refused in plain words.
    QVERIFY(!BatchResults::fromJsonl("{\"messages\":[]}\n", &error));
    QVERIFY(!error.isEmpty());
}

void tst_BatchRunner::csvFollowsRfc4180()
{
    BatchItem item;
    item.prompt = {fs::Message(QStringLiteral("user"), QStringLiteral("Say \"hi\", please"))};
    item.reference = QStringLiteral("Hi,\nthere");
    item.sourceLine = 4;
    BatchResults results({item}, {target(QStringLiteral("m1")), target(QStringLiteral("m2"))});
    Generation a;
    a.status = Generation::Status::Done;
    a.text = QStringLiteral("Hi there");
    results.setGeneration(0, 0, a);
    Generation b;
    b.status = Generation::Status::Failed;
    b.error = QStringLiteral("Too many requests");
    results.setGeneration(0, 1, b);
    const QByteArray csv = results.toCsv();
    const QList<QByteArray> lines = csv.split('\n');
    QVERIFY(csv.endsWith("\r\n"));
    QCOMPARE(lines.first(),
            QByteArray("Line,Prompt,Reference,m1 answer,m1 ROUGE-1 F,m1 ROUGE-2 F,m1 ROUGE-L F,"
                       "m2 answer,m2 ROUGE-1 F,m2 ROUGE-2 F,m2 ROUGE-L F,ROUGE-L F difference\r"));
    // "Hi,\nthere" vs "Hi there": R1 1, R2 1, RL 1 (punctuation and line break vanish).
    QCOMPARE(csv.mid(csv.indexOf("\r\n") + 2),
            QByteArray("4,\"Say \"\"hi\"\", please\",\"Hi,\nthere\",Hi there,1.0000,1.0000,1.0000,"
                       "Too many requests,,,,\r\n"));
    const QString path = m_dir.filePath(QStringLiteral("out.csv"));
    QString error;
    QVERIFY(results.exportCsv(path, &error));
    QVERIFY(!results.exportCsv(m_dir.filePath(QStringLiteral("no/such/dir/out.csv")), &error));
    QVERIFY(!error.isEmpty());
}

void tst_BatchRunner::tableModelLiveAndSortedByDifference()
{
    const fs::BatchItemsLoad load = fs::loadBatchItems(writeExamples(20));
    BatchRunner runner(&m_nam);
    runner.setConcurrency(3);
    fs::BatchResultsModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setRunner(&runner);
    runner.setup(load.items, {target(m_base), target(m_tuned)});
    QCOMPARE(model.rowCount(), 20);
    QCOMPARE(model.columnCount(), 3 + 2 * 4 + 1);
    QCOMPARE(model.differenceColumn(), 11);
    QCOMPARE(model.headerData(model.modelColumn(1, 0), Qt::Horizontal).toString(), m_tuned);
    QCOMPARE(model.index(0, model.modelColumn(0, 0)).data().toString(), QStringLiteral("waiting…"));
    QVERIFY(model.index(0, model.differenceColumn()).data().toString().isEmpty());

    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy finished(&runner, &BatchRunner::finished);
    runner.start();
    model.sort(model.modelColumn(0, 3), Qt::DescendingOrder); // sorting while rows arrive
    QVERIFY(finished.wait(20000));
    QCOMPARE(changed.count(), 40);

    // Sorted by the difference, largest first: where the fine-tune helped most.
    model.sort(model.differenceColumn(), Qt::DescendingOrder);
    double previous = 2;
    for (int row = 0; row < model.rowCount(); ++row) {
        const double difference = model.index(row, model.differenceColumn())
                                          .data(fs::BatchResultsModel::SortRole)
                                          .toDouble();
        QVERIFY(difference <= previous);
        previous = difference;
        const int item = model.rowItem(row);
        const double expected = runner.results().generation(item, 1).scores.rougeL.fmeasure
                - runner.results().generation(item, 0).scores.rougeL.fmeasure;
        QCOMPARE(difference, expected);
        QCOMPARE(model.index(row, fs::BatchResultsModel::LineColumn).data().toInt(),
                load.items.at(item).sourceLine);
    }
    QVERIFY(model.index(0, model.differenceColumn())
                    .data()
                    .toString()
                    .startsWith(QLatin1Char('+')));
    model.sort(model.differenceColumn(), Qt::AscendingOrder);
    QVERIFY(model.index(0, model.differenceColumn())
                    .data(fs::BatchResultsModel::SortRole)
                    .toDouble()
            <= model.index(19, model.differenceColumn())
                       .data(fs::BatchResultsModel::SortRole)
                       .toDouble());
    model.sort(fs::BatchResultsModel::LineColumn, Qt::AscendingOrder);
    QCOMPARE(model.rowItem(0), 0);

    // A stored result shown without a runner.
    fs::BatchResultsModel stored;
    QAbstractItemModelTester storedTester(
            &stored, QAbstractItemModelTester::FailureReportingMode::QtTest);
    stored.setResults(runner.results());
    QCOMPARE(stored.rowCount(), 20);
    QCOMPARE(stored.index(0, stored.modelColumn(1, 3)).data().toString(), QStringLiteral("1.000"));
}

QTEST_GUILESS_MAIN(tst_BatchRunner)
#include "tst_batchrunner.moc"
