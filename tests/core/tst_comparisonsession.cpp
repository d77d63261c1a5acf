// SPDX-License-Identifier: GPL-3.0-or-later
// The side-by-side session against an in-process sandbox: a base and a fine-tuned model answer
// the same prompt, streamed into both panes; stop, failure, history, save/load, blind voting.
#include "blindcomparison.h"
#include "comparisonsession.h"
#include "datasetdocument.h"
#include "evalsandboxfixture.h"
#include "sandboxhttp.h"
#include "sandboxserver.h"

#include <QHash>
#include <QNetworkAccessManager>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using fs::ComparisonSession;
using fs::ModelTarget;
using PaneState = fs::ComparisonSession::PaneState;

class tst_ComparisonSession : public QObject, public fs::test::EvalSandboxFixture
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void samePromptStreamsIntoBaseAndFineTuned();
    void conversationContinuesTurnAfterTurn();
    void refusesEmptyBusyOrModelless();
    void stopOnePaneKeepsWhatArrived();
    void failingPaneDoesNotStopTheOther();
    void droppedStreamFailsThePane();
    void panesBetweenTwoAndFour();
    void saveAndLoadWithoutKeys();
    void loadRejectsOtherFiles();
    void blindVoteBecomesDpoLine();
    void eightStreamsAtOnce();

private:
    /// The fixture's target, named and with a key of its own (a saved session must not hold it).
    ModelTarget target(const QString &model) const;
    bool waitIdle(ComparisonSession &session, int timeoutMs = 15000);

    QNetworkAccessManager m_nam;
};

namespace {
const QString kPrompt = QStringLiteral("What time do you open on Saturday?");
}

void tst_ComparisonSession::initTestCase()
{
    fs::sandbox::SandboxOptions options;
    options.timeScale = 0.01;
    QVERIFY(startSandbox(options));
    // A fine-tuned model: a tiny job on the bakery data, run fast.
    QVERIFY2(trainModel(), "the sandbox job did not produce a model");
}

void tst_ComparisonSession::cleanup()
{
    m_server->clearFaults();
    m_server->setTimeScale(0.01);
}

ModelTarget tst_ComparisonSession::target(const QString &model) const
{
    ModelTarget target = EvalSandboxFixture::target(model);
    target.connection.id = QStringLiteral("sandbox-id");
    target.connection.name = QStringLiteral("Sandbox");
    target.connection.apiKey = QStringLiteral("sk-secret-test-key");
    return target;
}

bool tst_ComparisonSession::waitIdle(ComparisonSession &session, int timeoutMs)
{
    return QTest::qWaitFor([&] { return !session.isBusy(); }, timeoutMs);
}

void tst_ComparisonSession::samePromptStreamsIntoBaseAndFineTuned()
{
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(m_base));
    ModelTarget tuned = target(m_tuned);
    tuned.temperature = 0.2;
    tuned.seed = 7;
    session.setTarget(1, tuned);
    QSignalSpy deltas(&session, &ComparisonSession::paneDelta);
    QSignalSpy started(&session, &ComparisonSession::paneStarted);
    QSignalSpy finished(&session, &ComparisonSession::paneFinished);
    QSignalSpy all(&session, &ComparisonSession::allFinished);

    QVERIFY(session.send(kPrompt));
    QCOMPARE(started.count(), 2);
    QVERIFY(session.isBusy());
    QCOMPARE(session.state(0), PaneState::Waiting);
    QVERIFY(all.wait(15000));
    QCOMPARE(all.count(), 1);
    QCOMPARE(finished.count(), 2);

    QString streamed[2];
    int perPane[2] = {0, 0};
    for (const QList<QVariant> &signal : std::as_const(deltas)) {
        const int pane = signal.at(0).toInt();
        streamed[pane] += signal.at(1).toString();
        ++perPane[pane];
    }
    for (int pane = 0; pane < 2; ++pane) {
        QVERIFY2(perPane[pane] > 3, "the answer arrived in one piece instead of streaming");
        QCOMPARE(session.state(pane), PaneState::Idle);
        QCOMPARE(session.currentAnswer(pane), streamed[pane]);
        const fs::PaneMetrics metrics = session.metrics(pane);
        QVERIFY(metrics.timeToFirstTokenMs >= 0);
        QVERIFY(metrics.totalMs >= metrics.timeToFirstTokenMs);
        QVERIFY(metrics.usage);
        QVERIFY(metrics.usage->completionTokens > 0);
        QVERIFY(metrics.tokensPerSecond > 0);
        QCOMPARE(session.history(pane).size(), 2);
        QCOMPARE(session.history(pane).at(1).content, streamed[pane]);
    }
    // Visibly different: the fine-tuned model answers in its training data's voice.
    QVERIFY(streamed[0] != streamed[1]);
    QVERIFY2(streamed[1].contains(QLatin1String("Crumb")), qPrintable(streamed[1]));
    QVERIFY2(!streamed[0].contains(QLatin1String("Crumb")), qPrintable(streamed[0]));
}

void tst_ComparisonSession::conversationContinuesTurnAfterTurn()
{
    ComparisonSession session(&m_nam);
    session.setSystemPrompt(QStringLiteral("You are brief."));
    session.setTarget(0, target(m_base));
    session.setTarget(1, target(m_tuned));
    QVERIFY(session.send(kPrompt));
    QVERIFY(waitIdle(session));
    QVERIFY(session.send(QStringLiteral("And on Sunday?")));
    QVERIFY(waitIdle(session));
    for (int pane = 0; pane < 2; ++pane) {
        const QList<fs::ChatMessage> history = session.history(pane);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(0).role, QStringLiteral("user"));
        QCOMPARE(history.at(2).content, QStringLiteral("And on Sunday?"));
        QCOMPARE(history.at(3).role, QStringLiteral("assistant"));
        const QList<fs::ChatMessage> request = session.requestMessages(pane);
        QCOMPARE(request.size(), 5);
        QCOMPARE(request.first().role, QStringLiteral("system"));
        QCOMPARE(request.first().content, QStringLiteral("You are brief."));
    }
    // Regenerating replaces the last answer of one pane only.
    QVERIFY(session.regenerate(1));
    QVERIFY(waitIdle(session));
    QCOMPARE(session.history(1).size(), 4);
    QCOMPARE(session.history(0).size(), 4);
    session.clearConversation();
    QVERIFY(session.history(0).isEmpty());
    QCOMPARE(session.target(1).model, m_tuned);
}

void tst_ComparisonSession::refusesEmptyBusyOrModelless()
{
    ComparisonSession session(&m_nam);
    QVERIFY(!session.send(kPrompt)); // no pane has a model
    session.setTarget(0, target(m_base));
    QVERIFY(!session.send(QStringLiteral("   ")));
    m_server->injectLatency(300);
    QVERIFY(session.send(kPrompt));
    QVERIFY(!session.send(kPrompt)); // still answering
    QVERIFY(!session.regenerate(0));
    QCOMPARE(session.state(1), PaneState::Idle); // the pane without a model was not asked
    QVERIFY(session.history(1).isEmpty());
    QVERIFY(waitIdle(session));
    QCOMPARE(session.history(0).size(), 2);
}

void tst_ComparisonSession::stopOnePaneKeepsWhatArrived()
{
    m_server->setTimeScale(1.0); // 30 ms between words
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(m_base));
    session.setTarget(1, target(m_tuned));
    QSignalSpy deltas(&session, &ComparisonSession::paneDelta);
    QVERIFY(session.send(kPrompt));
    QVERIFY(QTest::qWaitFor(
            [&] {
                return session.state(0) == PaneState::Streaming
                        && session.currentAnswer(0).size() > 5;
            },
            10000));
    session.stop(0);
    QCOMPARE(session.state(0), PaneState::Stopped);
    QVERIFY(session.isBusy()); // the other pane goes on
    const QString partial = session.currentAnswer(0);
    QVERIFY(waitIdle(session));
    QCOMPARE(session.state(1), PaneState::Idle);
    QCOMPARE(session.history(0).size(), 2);
    QCOMPARE(session.history(0).at(1).content, partial);
    QVERIFY(session.history(1).at(1).content.size() > partial.size());
    QVERIFY(!session.paneError(0).isError());
    // Deltas stop arriving for the stopped pane.
    int afterStop = 0;
    for (const QList<QVariant> &signal : std::as_const(deltas))
        afterStop += signal.at(0).toInt() == 0 ? 1 : 0;
    QVERIFY(afterStop > 0);
    QCOMPARE(session.currentAnswer(0), partial);

    // stopAll ends everything.
    QVERIFY(session.send(QStringLiteral("Again?")));
    session.stopAll();
    QVERIFY(!session.isBusy());
}

void tst_ComparisonSession::failingPaneDoesNotStopTheOther()
{
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(QStringLiteral("no-such-model")));
    session.setTarget(1, target(m_base));
    QVERIFY(session.send(kPrompt));
    QVERIFY(waitIdle(session));
    QCOMPARE(session.state(0), PaneState::Failed);
    QCOMPARE(session.paneError(0).httpStatus, 404);
    QVERIFY(!session.paneError(0).plainMessage().isEmpty());
    QCOMPARE(session.history(0).size(), 1); // the question stays, no answer
    QCOMPARE(session.state(1), PaneState::Idle);
    QCOMPARE(session.history(1).size(), 2);
}

void tst_ComparisonSession::droppedStreamFailsThePane()
{
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(m_base));
    session.setTarget(1, target(m_base));
    m_server->injectStreamDrop(3);
    QVERIFY(session.send(kPrompt));
    QVERIFY(waitIdle(session));
    const int failed = (session.state(0) == PaneState::Failed ? 1 : 0)
            + (session.state(1) == PaneState::Failed ? 1 : 0);
    QCOMPARE(failed, 1);
}

void tst_ComparisonSession::panesBetweenTwoAndFour()
{
    ComparisonSession session(&m_nam);
    QCOMPARE(session.paneCount(), 2);
    QVERIFY(!session.removePane(0));
    QCOMPARE(session.addPane(target(m_base)), 2);
    QCOMPARE(session.addPane(target(m_tuned)), 3);
    QCOMPARE(session.addPane(), -1);
    QCOMPARE(session.paneCount(), 4);
    session.setTarget(0, target(m_base));
    session.setTarget(1, target(m_tuned));
    QVERIFY(session.send(kPrompt));
    QVERIFY(waitIdle(session));
    for (int pane = 0; pane < 4; ++pane)
        QCOMPARE(session.history(pane).size(), 2);
    // Removing a pane while it streams is safe.
    QVERIFY(session.send(QStringLiteral("More?")));
    QVERIFY(session.removePane(3));
    QVERIFY(waitIdle(session));
    QCOMPARE(session.paneCount(), 3);
    QCOMPARE(session.target(2).model, m_base);
}

void tst_ComparisonSession::saveAndLoadWithoutKeys()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("session.json"));
    ComparisonSession session(&m_nam);
    session.setSystemPrompt(QStringLiteral("Be kind."));
    ModelTarget a = target(m_base);
    a.temperature = 0.5;
    a.topP = 0.9;
    a.maxCompletionTokens = 64;
    a.seed = 42;
    session.setTarget(0, a);
    session.setTarget(1, target(m_tuned));
    session.addPane(target(m_base));
    QVERIFY(session.send(kPrompt));
    QVERIFY(waitIdle(session));
    QString error;
    QVERIFY2(session.save(path, &error), qPrintable(error));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray saved = file.readAll();
    QVERIFY(!saved.contains("sk-secret-test-key"));
    QVERIFY(saved.contains("Be kind."));

    ComparisonSession loaded(&m_nam);
    QSignalSpy panes(&loaded, &ComparisonSession::panesChanged);
    QVERIFY2(loaded.load(path, &error), qPrintable(error));
    QCOMPARE(panes.count(), 1);
    QCOMPARE(loaded.paneCount(), 3);
    QCOMPARE(loaded.systemPrompt(), QStringLiteral("Be kind."));
    const ModelTarget back = loaded.target(0);
    QCOMPARE(back.model, m_base);
    QCOMPARE(back.temperature, std::optional<double>(0.5));
    QCOMPARE(back.topP, std::optional<double>(0.9));
    QCOMPARE(back.maxCompletionTokens, std::optional<int>(64));
    QCOMPARE(back.seed, std::optional<qint64>(42));
    QCOMPARE(back.connection.id, QStringLiteral("sandbox-id"));
    QCOMPARE(back.connection.baseUrl, m_server->baseUrl());
    QCOMPARE(back.connection.kind, fs::Connection::Kind::Sandbox);
    QVERIFY(back.connection.apiKey.isEmpty());
    QCOMPARE(loaded.history(1).size(), 2);
    QCOMPARE(loaded.history(1).at(1).content, session.history(1).at(1).content);
    // It goes on from where it was once the key is back.
    ModelTarget withKey = loaded.target(1);
    withKey.connection.apiKey = QStringLiteral("sk-secret-test-key");
    loaded.setTarget(1, withKey);
    QVERIFY(loaded.send(QStringLiteral("And on Sunday?")));
    QVERIFY(waitIdle(loaded));
    QCOMPARE(loaded.history(1).size(), 4);
}

void tst_ComparisonSession::loadRejectsOtherFiles()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("other.json"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"messages":[]})");
    file.close();
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(m_base));
    QString error;
    QVERIFY(!session.load(path, &error));
    QVERIFY(!error.isEmpty());
    QCOMPARE(session.target(0).model, m_base); // unchanged
    QVERIFY(!session.load(dir.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY(error.contains(QLatin1String("missing.json")));
}

void tst_ComparisonSession::blindVoteBecomesDpoLine()
{
    ComparisonSession session(&m_nam);
    session.setTarget(0, target(m_base));
    session.setTarget(1, target(m_tuned));
    fs::BlindComparison blind(99);
    fs::DatasetDocument dataset;
    for (int i = 0; i < 3; ++i) {
        const QString question = QStringLiteral("Question %1: do you bake on Sundays?").arg(i);
        QVERIFY(session.send(question));
        QVERIFY(waitIdle(session));
        const int round = blind.beginRound(session.target(0).model, session.target(1).model,
                {fs::Message(QStringLiteral("user"), question)});
        for (int pane = 0; pane < 2; ++pane)
            blind.setPaneAnswer(round, pane, session.currentAnswer(pane));
        // The rater prefers the base model's answer: the fine-tune lost.
        const bool baseOnA = blind.paneOnSide(round, fs::BlindComparison::Side::A) == 0;
        blind.vote(round, baseOnA ? fs::Vote::A : fs::Vote::B);
        dataset.appendExample(*blind.dpoExample(round));
        const fs::Example line = dataset.example(dataset.count() - 1);
        QVERIFY(line.isPreference());
        QCOMPARE(line.preferredOutput().first().text(), session.currentAnswer(0));
        QCOMPARE(line.nonPreferredOutput().first().text(), session.currentAnswer(1));
    }
    const fs::PairTally pair = blind.tally().pair(m_base, m_tuned);
    QCOMPARE(pair.winRate(m_base).estimate, 1.0);
    QCOMPARE(pair.votes(), 3);
    QCOMPARE(dataset.count(), 3);
}

void tst_ComparisonSession::eightStreamsAtOnce()
{
    // Two sessions of four panes stream at the same time (30 ms between words): every answer
    // arrives whole, and the same model gives the same answer in every pane.
    m_server->setTimeScale(1.0);
    QNetworkAccessManager otherNam; // a second window, as it were: its own connections
    ComparisonSession first(&m_nam);
    ComparisonSession second(&otherNam);
    for (ComparisonSession *session : {&first, &second}) {
        session->setTarget(0, target(m_base));
        session->setTarget(1, target(m_tuned));
        session->addPane(target(m_base));
        session->addPane(target(m_tuned));
    }
    // Side by side, not one after the other: at some moment all four panes of a session are
    // streaming (each has had a word and is not finished yet).
    QHash<const ComparisonSession *, QSet<int>> streaming;
    QHash<const ComparisonSession *, int> most;
    for (ComparisonSession *session : {&first, &second}) {
        connect(session, &ComparisonSession::paneDelta, this, [&, session](int pane) {
            streaming[session].insert(pane);
            most[session] = std::max(most.value(session), int(streaming[session].size()));
        });
        connect(session, &ComparisonSession::paneFinished, this,
                [&, session](int pane) { streaming[session].remove(pane); });
    }
    QVERIFY(first.send(kPrompt));
    QVERIFY(second.send(kPrompt));
    QVERIFY(waitIdle(first, 30000));
    QVERIFY(waitIdle(second, 30000));
    for (ComparisonSession *session : {&first, &second}) {
        for (int pane = 0; pane < 4; ++pane) {
            QCOMPARE(session->state(pane), PaneState::Idle);
            QCOMPARE(session->currentAnswer(pane), first.currentAnswer(pane % 2));
        }
        QCOMPARE(most.value(session), 4);
    }
}

QTEST_GUILESS_MAIN(tst_ComparisonSession)
#include "tst_comparisonsession.moc"
