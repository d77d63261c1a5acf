// SPDX-License-Identifier: GPL-3.0-or-later
#include "comparisonsession.h"
#include "filedialog.h"
#include "jobhistory.h"
#include "messagebox.h"
#include "panewidget.h"
#include "parameterswidget.h"
#include "playgroundarea.h"
#include "practicebadge.h"
#include "sidebysidepage.h"
#include "transcriptview.h"
#include "tst_playgroundsupport.h"

#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QToolButton>

using namespace fs;
using namespace fs::ui;
using fs::test::kBaseModel;
using fs::test::kPrompt;

class tst_Playground : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void modelListsAreGroupedInPlainWords();
    void samePromptStreamsIntoBaseAndFineTunedPanes();
    void stopEndsOneOrAllAnswers();
    void conversationContinuesTurnAfterTurn();
    void saveAndLoadKeepsTurnsButNoKeys();
    void panesCanBeAddedAndRemovedWithinLimits();
    void emptyStatesSayWhatToDo();
    void jobHistoryCheckpointsAreOffered();
    void sandboxPanesAreMarkedAsPractice();

private:
    std::unique_ptr<PlaygroundArea> makeArea();
    /// Sends through the message box with Ctrl+Return and waits until every pane finished.
    bool sendAndWait(SideBySidePage *page, const QString &text);

    fs::test::PlaygroundFixture m_fixture;
};

std::unique_ptr<PlaygroundArea> tst_Playground::makeArea()
{
    auto area = m_fixture.makeArea();
    fs::test::PlaygroundFixture::showActive(area.get(), QSize(1100, 720));
    return area;
}

bool tst_Playground::sendAndWait(SideBySidePage *page, const QString &text)
{
    page->messageEdit()->setPlainText(text);
    QSignalSpy all(page->session(), &ComparisonSession::allFinished);
    page->messageEdit()->setFocus();
    QTest::keyClick(page->messageEdit(), Qt::Key_Return, Qt::ControlModifier);
    return all.wait(20000) || all.count() > 0;
}

void tst_Playground::initTestCase()
{
    QString why;
    QVERIFY2(m_fixture.start(&why), qPrintable(why));
    QVERIFY(m_fixture.fineTuned.startsWith(QLatin1String("ft:") + kBaseModel));
    fs::test::PlaygroundFixture::forgetJobs(); // no job of an earlier run is offered
}

void tst_Playground::modelListsAreGroupedInPlainWords()
{
    QCOMPARE(ModelChoice::kindOf(kBaseModel), ModelChoice::Kind::Base);
    QCOMPARE(ModelChoice::kindOf(m_fixture.fineTuned), ModelChoice::Kind::FineTuned);
    QCOMPARE(ModelChoice::kindOf(m_fixture.fineTuned + QStringLiteral(":ckpt-step-24")),
            ModelChoice::Kind::Checkpoint);
    QCOMPARE(ModelChoice::baseOf(m_fixture.fineTuned), kBaseModel);
    QCOMPARE(ModelChoice::describe(QStringLiteral("ft:gpt-4o-mini:org:lumen:abc123")),
            QStringLiteral("lumen (from gpt-4o-mini)"));
    QCOMPARE(ModelChoice::describe(QStringLiteral("ft:gpt-4o-mini:org:lumen:abc123:ckpt-step-24")),
            QStringLiteral("lumen (from gpt-4o-mini), step 24"));
    QVERIFY(!ModelChoice::canChat(QStringLiteral("text-embedding-3-small")));
    QVERIFY(ModelChoice::canChat(kBaseModel));

    ModelPicker picker;
    picker.setChoices({{kBaseModel, ModelChoice::Kind::Base, {}, {}, 0},
            {m_fixture.fineTuned, ModelChoice::Kind::FineTuned, {}, kBaseModel, 0}});
    // Two headings and two models; headings cannot be chosen.
    QCOMPARE(picker.count(), 4);
    QCOMPARE(picker.itemText(0), QStringLiteral("Your fine-tuned models"));
    QVERIFY(!(picker.model()->flags(picker.model()->index(0, 0)) & Qt::ItemIsSelectable));
    QCOMPARE(picker.itemText(2), QStringLiteral("Base models"));
    QCOMPARE(picker.currentModel(), m_fixture.fineTuned);
    picker.setCurrentModel(kBaseModel);
    QCOMPARE(picker.currentModel(), kBaseModel);
    // A model the list does not carry (e.g. a checkpoint from Jobs) is added under its kind.
    const QString checkpoint = m_fixture.fineTuned + QStringLiteral(":ckpt-step-7");
    picker.setCurrentModel(checkpoint);
    QCOMPARE(picker.currentModel(), checkpoint);
    QVERIFY(picker.currentText().contains(QLatin1String("step 7")));
}

void tst_Playground::samePromptStreamsIntoBaseAndFineTunedPanes()
{
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QCOMPARE(page->paneCount(), 2);
    QVERIFY(fs::test::waitReady(page->paneWidget(0)->targetSelector()));
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));

    // By default: the newest fine-tune (right) next to the model it came from (left).
    QTRY_COMPARE(page->paneWidget(1)->targetSelector()->model(), m_fixture.fineTuned);
    QCOMPARE(page->paneWidget(0)->targetSelector()->model(), kBaseModel);
    page->paneWidget(1)->targetSelector()->setModel(kBaseModel);
    // "Open in Playground" from Jobs: the fine-tune next to its base model.
    area->showModel(m_fixture.fineTuned);
    QCOMPARE(page->paneWidget(0)->targetSelector()->model(), kBaseModel);
    QCOMPARE(page->paneWidget(1)->targetSelector()->model(), m_fixture.fineTuned);
    QCOMPARE(page->session()->target(1).model, m_fixture.fineTuned);

    page->systemPromptEdit()->setPlainText(QStringLiteral("You are a helpful assistant."));
    QSignalSpy deltas(page->session(), &ComparisonSession::paneDelta);
    QVERIFY(sendAndWait(page, kPrompt));
    QVERIFY(page->messageEdit()->toPlainText().isEmpty());

    // Both panes received their answers fragment by fragment.
    int perPane[2] = {0, 0};
    for (const QList<QVariant> &arguments : std::as_const(deltas))
        ++perPane[arguments.at(0).toInt()];
    QVERIFY2(perPane[0] > 3 && perPane[1] > 3,
            qPrintable(QStringLiteral("%1 / %2").arg(perPane[0]).arg(perPane[1])));

    const QString base = page->session()->currentAnswer(0);
    const QString tuned = page->session()->currentAnswer(1);
    QVERIFY(!base.isEmpty());
    QVERIFY(!tuned.isEmpty());
    QVERIFY(base != tuned);
    // The fine-tune answers like its training data.
    QVERIFY2(tuned.contains(QLatin1String("Forgot password")), qPrintable(tuned));
    // What was streamed is what the pane shows, under the model's name.
    const QString shown0 = page->paneWidget(0)->transcriptView()->toPlainText();
    const QString shown1 = page->paneWidget(1)->transcriptView()->toPlainText();
    QVERIFY(shown0.contains(base));
    QVERIFY(shown1.contains(tuned));
    QVERIFY(shown0.contains(kPrompt));
    QVERIFY(shown1.contains(QLatin1String("lumen (from ") + kBaseModel));
    QVERIFY(!shown0.contains(tuned));

    // Metrics in plain words.
    for (int i = 0; i < 2; ++i) {
        const QString metrics = page->paneWidget(i)->metricsLabel()->text();
        QVERIFY2(metrics.contains(QLatin1String("First word after")), qPrintable(metrics));
        QVERIFY(metrics.contains(QLatin1String("tokens/s")));
        QVERIFY(metrics.contains(QLatin1String(" out")));
        const PaneMetrics m = page->session()->metrics(i);
        QVERIFY(m.timeToFirstTokenMs >= 0);
        QVERIFY(m.totalMs >= m.timeToFirstTokenMs);
        QVERIFY(m.usage.has_value());
    }

    // Copy puts the pane's answer on the clipboard.
    QTest::mouseClick(page->paneWidget(1)->copyButton(), Qt::LeftButton);
    QCOMPARE(QApplication::clipboard()->text(), tuned);
    QVERIFY(!page->paneWidget(0)->stopButton()->isEnabled());
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("sidebyside"));
}

void tst_Playground::stopEndsOneOrAllAnswers()
{
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));
    area->showModel(m_fixture.fineTuned);
    // Slow words so there is time to stop.
    m_fixture.server->setTimeScale(1.0);
    auto restore = qScopeGuard([this] { m_fixture.server->setTimeScale(0.01); });

    QSignalSpy deltas(page->session(), &ComparisonSession::paneDelta);
    page->messageEdit()->setPlainText(kPrompt);
    QVERIFY(page->send());
    QVERIFY(page->stopAllButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(deltas.count() >= 2, 10000);
    // One pane's own Stop button.
    QVERIFY(page->paneWidget(0)->stopButton()->isEnabled());
    QTest::mouseClick(page->paneWidget(0)->stopButton(), Qt::LeftButton);
    QTRY_COMPARE(page->session()->state(0), ComparisonSession::PaneState::Stopped);
    QVERIFY(page->session()->isBusy()); // the other pane goes on
    // Esc stops all.
    QTest::keyClick(page->messageEdit(), Qt::Key_Escape);
    QTRY_VERIFY(!page->session()->isBusy());
    QCOMPARE(page->session()->state(1), ComparisonSession::PaneState::Stopped);
    QVERIFY(page->paneWidget(0)->transcriptView()->toPlainText().endsWith(
            QLatin1String("Stopped.")));
    QVERIFY(page->paneWidget(1)->transcriptView()->toPlainText().endsWith(
            QLatin1String("Stopped.")));
    // What arrived before stopping is kept, and the next message can be sent.
    QVERIFY(!page->session()->currentAnswer(1).isEmpty());
    QVERIFY(!page->stopAllButton()->isEnabled());
    page->messageEdit()->setPlainText(QStringLiteral("Thanks"));
    QVERIFY(page->sendButton()->isEnabled());
}

void tst_Playground::conversationContinuesTurnAfterTurn()
{
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));
    area->showModel(m_fixture.fineTuned);
    QVERIFY(sendAndWait(page, kPrompt));
    const QString firstAnswer = page->session()->currentAnswer(1);
    QVERIFY(sendAndWait(page, QStringLiteral("Can I change the colour of my lamp?")));

    for (int i = 0; i < 2; ++i) {
        const QList<ChatMessage> history = page->session()->history(i);
        QCOMPARE(history.size(), 4);
        QCOMPARE(history.at(0).content, kPrompt);
        QCOMPARE(history.at(2).role, QStringLiteral("user"));
        QCOMPARE(history.at(3).role, QStringLiteral("assistant"));
        QCOMPARE(page->paneWidget(i)->transcriptView()->turnCount(), 2);
    }
    // Both turns are visible, the first answer above the second message.
    const QString shown = page->paneWidget(1)->transcriptView()->toPlainText();
    const qsizetype first = shown.indexOf(firstAnswer);
    const qsizetype second = shown.indexOf(QLatin1String("Can I change the colour"));
    QVERIFY(first >= 0);
    QVERIFY(second > first);
    // New forgets the conversation but keeps the models.
    QTest::mouseClick(
            page->findChild<QPushButton *>(QStringLiteral("newSessionPushButton")), Qt::LeftButton);
    QCOMPARE(page->session()->history(0).size(), 0);
    QCOMPARE(page->paneWidget(0)->transcriptView()->turnCount(), 0);
    QCOMPARE(page->session()->target(1).model, m_fixture.fineTuned);
}

void tst_Playground::saveAndLoadKeepsTurnsButNoKeys()
{
    const QString secret = QStringLiteral("sk-playground-secret-123");
    const QString keyedId = m_fixture.addKeyedConnection(secret);
    const QString path = m_fixture.dir.filePath(QStringLiteral("session.json"));
    {
        auto area = makeArea();
        SideBySidePage *page = area->sideBySidePage();
        PaneWidget *pane = page->paneWidget(1);
        pane->targetSelector()->setConnectionId(keyedId);
        QVERIFY(fs::test::waitReady(pane->targetSelector()));
        pane->targetSelector()->setModel(m_fixture.fineTuned);
        QVERIFY(fs::test::waitReady(page->paneWidget(0)->targetSelector()));
        page->paneWidget(0)->targetSelector()->setModel(kBaseModel);
        pane->parametersWidget()->setTemperature(0.3);
        pane->parametersWidget()->setSeed(42);
        QCOMPARE(page->session()->target(1).connection.apiKey, secret);
        page->systemPromptEdit()->setPlainText(QStringLiteral("Be brief."));
        const bool sent = sendAndWait(page, kPrompt);
        QVERIFY2(sent,
                qPrintable(page->statusLabel()->text() + QLatin1Char('|')
                        + page->session()->target(0).model + QLatin1Char('|')
                        + page->session()->target(1).model + QLatin1Char('|')
                        + page->session()->paneError(1).plainMessage() + QLatin1Char('|')
                        + QString::number(page->session()->history(1).size())
                        + QString::number(int(page->session()->state(1)))
                        + QString::number(int(page->session()->state(0)))));
        const FileDialog::ScopedTestHook fileDialogs([&path](const FileRequest &request) {
            return request.kind == QLatin1String("saveSession") ? QStringList {path}
                                                                : QStringList();
        });
        QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveSessionPushButton")),
                Qt::LeftButton);
    }
    const QByteArray saved = fs::test::readFile(path);
    QVERIFY(!saved.isEmpty());
    QVERIFY(!saved.contains(secret.toUtf8()));
    QVERIFY(saved.contains(m_fixture.fineTuned.toUtf8()));

    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    const FileDialog::ScopedTestHook fileDialogs([&path](const FileRequest &request) {
        return request.kind == QLatin1String("openSession") ? QStringList {path} : QStringList();
    });
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("openSessionPushButton")),
            Qt::LeftButton);
    QCOMPARE(page->paneCount(), 2);
    QCOMPARE(page->systemPromptEdit()->toPlainText(), QStringLiteral("Be brief."));
    PaneWidget *pane = page->paneWidget(1);
    QCOMPARE(pane->targetSelector()->connectionId(), keyedId);
    QCOMPARE(pane->transcriptView()->turnCount(), 1);
    QVERIFY(pane->transcriptView()->toPlainText().contains(QLatin1String("Forgot password")));
    QCOMPARE(pane->parametersWidget()->temperature(), std::optional<double>(0.3));
    QCOMPARE(pane->parametersWidget()->seed(), std::optional<qint64>(42));
    // The key is read again from the keychain, not from the file.
    QTRY_COMPARE_WITH_TIMEOUT(page->session()->target(1).connection.apiKey, secret, 10000);
    QCOMPARE(page->session()->target(1).model, m_fixture.fineTuned);
    // And the conversation goes on from where it was.
    QVERIFY(sendAndWait(page, QStringLiteral("Thank you!")));
    QCOMPARE(page->session()->history(1).size(), 4);
    QCOMPARE(page->session()->state(1), ComparisonSession::PaneState::Idle);

    // A file that is not a session is refused in plain words.
    const QString junk = m_fixture.dir.filePath(QStringLiteral("junk.json"));
    QFile file(junk);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("[1, 2, 3]");
    file.close();
    QList<MessageRequest> boxes;
    MessageBox::setTestHook([&boxes](const MessageRequest &request) {
        boxes << request;
        return QMessageBox::Ok;
    });
    QVERIFY(!page->loadSession(junk));
    MessageBox::setTestHook({});
    QCOMPARE(boxes.size(), 1);
    QCOMPARE(pane->transcriptView()->turnCount(), 2); // unchanged
    m_fixture.store->remove(keyedId);
}

void tst_Playground::panesCanBeAddedAndRemovedWithinLimits()
{
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));
    QVERIFY(!page->paneWidget(0)->removeButton()->isVisibleTo(page));
    QVERIFY(!page->removePane(0));
    QTest::mouseClick(
            page->findChild<QPushButton *>(QStringLiteral("addPanePushButton")), Qt::LeftButton);
    QCOMPARE(page->paneCount(), 3);
    // A new pane starts with the last pane's model.
    QTRY_COMPARE(page->paneWidget(2)->targetSelector()->model(),
            page->paneWidget(1)->targetSelector()->model());
    QVERIFY(page->addPane());
    QCOMPARE(page->paneCount(), 4);
    QVERIFY(!page->addPane());
    QVERIFY(!page->findChild<QPushButton *>(QStringLiteral("addPanePushButton"))->isEnabled());
    QVERIFY(page->paneWidget(3)->removeButton()->isVisibleTo(page));
    QVERIFY(fs::test::waitReady(page->paneWidget(3)->targetSelector()));
    QVERIFY(sendAndWait(page, kPrompt));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!page->session()->currentAnswer(i).isEmpty());
    QTest::mouseClick(page->paneWidget(2)->removeButton(), Qt::LeftButton);
    QTRY_COMPARE(page->paneCount(), 3);
    QCOMPARE(page->session()->paneCount(), 3);
}

void tst_Playground::emptyStatesSayWhatToDo()
{
    // A connection that cannot be reached says so in the pane, in plain words.
    Connection broken;
    broken.name = QStringLiteral("Nowhere");
    broken.kind = Connection::Kind::Compatible;
    broken.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9/v1"));
    const QString id = m_fixture.store->add(broken);
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QVERIFY(!page->sendButton()->isEnabled());
    QVERIFY(!page->paneWidget(0)->transcriptView()->placeholderText().isEmpty());
    page->paneWidget(0)->targetSelector()->setConnectionId(id);
    auto *problem = page->paneWidget(0)->targetSelector()->findChild<QLabel *>(
            QStringLiteral("problemLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(problem->isVisibleTo(page), 20000);
    QVERIFY(!problem->text().isEmpty());
    QVERIFY(!problem->text().contains(QLatin1String("QNetworkReply")));
    m_fixture.store->remove(id);
}

void tst_Playground::jobHistoryCheckpointsAreOffered()
{
    // What the Jobs area remembers: a job with its fine-tuned model and a checkpoint.
    ApiClient client(m_fixture.nam.get(), m_fixture.sandboxConnection());
    const fs::test::ReplyOutcome listed =
            fs::test::awaitReply(client.listCheckpoints(m_fixture.jobId));
    QVERIFY(listed.ok);
    const Page<Checkpoint> checkpoints = parseCheckpointPage(listed.json);
    QVERIFY(!checkpoints.data.isEmpty());
    const QString checkpointModel = checkpoints.data.first().fineTunedModelCheckpoint;
    const qint64 step = checkpoints.data.first().stepNumber;
    {
        JobHistory history(ConnectionStore::sandboxId());
        QVERIFY2(history.open(), qPrintable(history.lastError()));
        FineTuningJob job;
        job.id = QStringLiteral("ftjob-history");
        job.createdAt = 1700000000;
        job.model = kBaseModel;
        job.fineTunedModel = m_fixture.fineTuned;
        job.status = FineTuningJob::Status::Succeeded;
        job.statusText = QStringLiteral("succeeded");
        QVERIFY(history.saveJob(job));
        Checkpoint checkpoint;
        checkpoint.id = QStringLiteral("ftckpt_history");
        checkpoint.createdAt = 1700000100;
        checkpoint.fineTunedModelCheckpoint = checkpointModel;
        checkpoint.stepNumber = step;
        checkpoint.jobId = job.id;
        checkpoint.metrics.insert(QStringLiteral("train_loss"), 0.4321);
        QVERIFY(history.saveCheckpoints(job.id, {checkpoint}));
    }
    auto area = makeArea();
    ModelPicker *picker = area->sideBySidePage()->paneWidget(0)->targetSelector()->modelPicker();
    QVERIFY(fs::test::waitReady(area->sideBySidePage()->paneWidget(0)->targetSelector()));
    QVERIFY(picker->hasModel(checkpointModel));
    QVERIFY(picker->hasModel(m_fixture.fineTuned));
    QVERIFY(picker->hasModel(kBaseModel));
    const int heading = picker->findText(QStringLiteral("Checkpoints (saved during training)"));
    QVERIFY(heading >= 0);
    const QString label = picker->itemText(heading + 1);
    QVERIFY2(label.contains(QStringLiteral("step %1").arg(step))
                    && label.contains(QLatin1String("0.432")),
            qPrintable(label));
    // A checkpoint answers like any model.
    area->sideBySidePage()->paneWidget(0)->targetSelector()->setModel(checkpointModel);
    QVERIFY(sendAndWait(area->sideBySidePage(), kPrompt));
    QCOMPARE(area->sideBySidePage()->session()->state(0), ComparisonSession::PaneState::Idle);
    QVERIFY(!area->sideBySidePage()->session()->currentAnswer(0).isEmpty());
    QFile::remove(JobHistory::defaultPath());
}

void tst_Playground::sandboxPanesAreMarkedAsPractice()
{
    auto area = makeArea();
    SideBySidePage *page = area->sideBySidePage();
    QVERIFY(fs::test::waitReady(page->paneWidget(0)->targetSelector()));
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));
    // On the built-in sandbox every pane says its answers are simulated, in plain words.
    for (int i = 0; i < 2; ++i) {
        const PracticeBadge *badge = page->paneWidget(i)->practiceBadge();
        QVERIFY(badge->isVisibleTo(page));
        QCOMPARE(badge->text(), PracticeBadge::simulatedText());
        QVERIFY(badge->toolTip().contains(QLatin1String("only pretends to train and answer")));
    }
    QVERIFY(sendAndWait(page, kPrompt));
    area->resize(1024, 600); // the smallest window the app supports
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("sidebyside-practice"));

    // A pane on a real (here OpenAI-compatible) connection carries no mark; the other keeps it.
    const QString keyed = m_fixture.addKeyedConnection(QStringLiteral("sk-test-practice"));
    QVERIFY(!keyed.isEmpty());
    page->paneWidget(1)->targetSelector()->setConnectionId(keyed);
    QVERIFY(fs::test::waitReady(page->paneWidget(1)->targetSelector()));
    QVERIFY(!page->paneWidget(1)->practiceBadge()->isVisibleTo(page));
    QVERIFY(page->paneWidget(0)->practiceBadge()->isVisibleTo(page));
    page->paneWidget(1)->targetSelector()->setConnectionId(ConnectionStore::sandboxId());
    QVERIFY(page->paneWidget(1)->practiceBadge()->isVisibleTo(page));
}

QTEST_MAIN(tst_Playground)
#include "tst_playground.moc"
