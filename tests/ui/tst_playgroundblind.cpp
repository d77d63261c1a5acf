// SPDX-License-Identifier: GPL-3.0-or-later
#include "appsettings.h"
#include "batchpage.h"
#include "blindcomparison.h"
#include "blindpage.h"
#include "comparisonsession.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "joblistmodel.h"
#include "playgroundarea.h"
#include "practicebadge.h"
#include "transcriptview.h"
#include "tst_playgroundsupport.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QUndoStack>

using namespace fs;
using namespace fs::ui;
using fs::test::kBaseModel;
using fs::test::kPrompt;

class tst_PlaygroundBlind : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void namesAreHiddenAndKeysRecordVotes();
    void lostVoteBecomesDpoLineAndUndoRemovesIt();
    void correctedExampleThroughTheDialog();
    void withoutDatasetSaysSoAndOffersOne();
    void defaultsAreBaseAgainstFineTunedNeverTheSameModel();
    void bothBadOffersToWriteTheBetterAnswer();
    void shortNameAndDatedVersionAreWarnedAsOneModel();
    void modelTrainedDuringTheSessionReachesThePickers();
    void sandboxAnswersAreMarkedAsPractice(); // last: adds a connection to the store

private:
    struct Setup
    {
        std::unique_ptr<DatasetArea> datasets;
        std::unique_ptr<PlaygroundArea> area;
        BlindPage *page = nullptr;
    };
    Setup makeArea(bool withDataset);
    /// Asks both models and waits for both answers.
    bool askAndWait(BlindPage *page, const QString &text);
    /// Puts the base model and the fine-tune on the two sides, then askAndWait().
    bool askBaseAndTuned(BlindPage *page, const QString &text);

    fs::test::PlaygroundFixture m_fixture;
    std::unique_ptr<fs::AppSettings> m_datasetSettings;
};

void tst_PlaygroundBlind::initTestCase()
{
    QString why;
    QVERIFY2(m_fixture.start(&why), qPrintable(why));
    // As in the app: the finished job with its checkpoints is in the job history.
    QVERIFY2(m_fixture.rememberJob(&why), qPrintable(why));
    m_datasetSettings = std::make_unique<fs::AppSettings>(
            m_fixture.dir.filePath(QStringLiteral("datasets.ini")));
}

void tst_PlaygroundBlind::cleanupTestCase()
{
    fs::test::PlaygroundFixture::forgetJobs();
}

tst_PlaygroundBlind::Setup tst_PlaygroundBlind::makeArea(bool withDataset)
{
    Setup setup;
    if (withDataset) {
        setup.datasets = std::make_unique<DatasetArea>(m_datasetSettings.get());
        setup.datasets->setRecoveryDirectory(m_fixture.dir.filePath(QStringLiteral("recovery")));
        setup.datasets->newDataset();
    }
    setup.area = m_fixture.makeArea(setup.datasets.get());
    setup.area->setCurrentPage(PlaygroundArea::Blind);
    fs::test::PlaygroundFixture::showActive(setup.area.get(), QSize(1100, 760));
    setup.page = setup.area->blindPage();
    setup.page->setSeed(7);
    return setup;
}

bool tst_PlaygroundBlind::askAndWait(BlindPage *page, const QString &text)
{
    page->messageEdit()->setPlainText(text);
    page->messageEdit()->setFocus();
    QSignalSpy all(page->session(), &ComparisonSession::allFinished);
    QTest::keyClick(page->messageEdit(), Qt::Key_Return, Qt::ControlModifier);
    return all.wait(20000) || all.count() > 0;
}

bool tst_PlaygroundBlind::askBaseAndTuned(BlindPage *page, const QString &text)
{
    if (!fs::test::waitReady(page->firstSelector()) || !fs::test::waitReady(page->secondSelector()))
        return false;
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    return askAndWait(page, text);
}

void tst_PlaygroundBlind::namesAreHiddenAndKeysRecordVotes()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->firstSelector()));
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    // Nothing to vote on yet.
    QVERIFY(!page->voteButton(0)->isEnabled());
    QCOMPARE(page->tallyTable()->item(0, 0)->text(), QStringLiteral("No votes yet."));

    const QString prompts[4] = {kPrompt, QStringLiteral("Can I dim my lamp?"),
            QStringLiteral("How long does shipping take?"),
            QStringLiteral("My lamp flickers, what do I do?")};
    const Qt::Key keys[4] = {Qt::Key_1, Qt::Key_2, Qt::Key_3, Qt::Key_4};
    QSet<int> sidesSeen;
    for (int i = 0; i < 4; ++i) {
        QVERIFY(askAndWait(page, prompts[i]));
        const int round = page->currentRound();
        QCOMPARE(round, i);
        const BlindComparison::Round r = page->comparison()->round(round);
        // Names hidden: the headings say A and B only, the answers are the right panes'.
        const QString headings = page->sideHeading(0)->text() + page->sideHeading(1)->text();
        QVERIFY2(!headings.contains(kBaseModel) && !headings.contains(QLatin1String("lumen")),
                qPrintable(headings));
        QVERIFY(headings.contains(QLatin1String("Answer A")));
        const int paneA = page->comparison()->paneOnSide(round, BlindComparison::Side::A);
        sidesSeen.insert(paneA);
        QVERIFY(page->sideView(0)->toPlainText().contains(page->session()->currentAnswer(paneA)));
        QVERIFY(page->sideView(1)->toPlainText().contains(
                page->session()->currentAnswer(1 - paneA)));
        QCOMPARE(r.answerA, page->session()->currentAnswer(paneA));
        QVERIFY(page->voteButton(0)->isEnabled());
        if (i == 0)
            fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("blind-before-vote"));
        // The key goes to whatever has focus after the answers (the vote bar), not the message box.
        QWidget *focus = QApplication::focusWidget();
        QVERIFY(focus);
        QVERIFY(!qobject_cast<QPlainTextEdit *>(focus) || focus != page->messageEdit());
        QTest::keyClick(focus, keys[i]);
        QVERIFY(page->comparison()->round(round).vote.has_value());
        QCOMPARE(int(*page->comparison()->round(round).vote), i);
        QVERIFY(page->voteButton(i)->isChecked());
    }
    // The side shuffle put each model on side A at least once over these rounds (seed 7).
    QCOMPARE(sidesSeen.size(), 2);

    // Tally: one A win, one B win, one tie, one "both bad" — in real model names.
    const PairTally tally = page->comparison()->tally().pair(kBaseModel, m_fixture.fineTuned);
    QCOMPARE(tally.votes(), 4);
    QCOMPARE(tally.ties, 1);
    QCOMPARE(tally.bothBad, 1);
    QCOMPARE(tally.winsA + tally.winsB, 2);
    QCOMPARE(page->tallyTable()->rowCount(), 2);
    const QString rate = page->tallyTable()->item(0, 3)->text();
    const WilsonInterval expected = tally.winRate(tally.modelA);
    QVERIFY2(rate.contains(QStringLiteral("%1%").arg(qRound(expected.estimate * 100))),
            qPrintable(rate));
    QVERIFY(rate.contains(QStringLiteral("%1%").arg(qRound(expected.lower * 100))));
    QVERIFY(rate.contains(QStringLiteral("%1%").arg(qRound(expected.upper * 100))));

    // A digit typed into the message box is text, not a vote.
    page->messageEdit()->clear();
    page->messageEdit()->setFocus();
    QTest::keyClick(page->messageEdit(), Qt::Key_1);
    QCOMPARE(page->messageEdit()->toPlainText(), QStringLiteral("1"));
    QCOMPARE(page->comparison()->tally().pair(kBaseModel, m_fixture.fineTuned).votes(), 4);

    // Reveal on demand.
    QVERIFY(page->revealButton()->isEnabled());
    QTest::mouseClick(page->revealButton(), Qt::LeftButton);
    const BlindComparison::Round last = page->comparison()->round(3);
    QVERIFY(last.revealed);
    QVERIFY(page->sideHeading(0)->text().contains(
            ModelChoice::describe(last.modelA).toHtmlEscaped()));
    QVERIFY(page->sideHeading(1)->text().contains(
            ModelChoice::describe(last.modelB).toHtmlEscaped()));
    QVERIFY(!page->revealButton()->isEnabled());
}

void tst_PlaygroundBlind::lostVoteBecomesDpoLineAndUndoRemovesIt()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    QVERIFY(askAndWait(page, kPrompt));
    const int round = page->currentRound();
    // Vote for the fine-tune, wherever it is shown.
    const int paneA = page->comparison()->paneOnSide(round, BlindComparison::Side::A);
    const bool tunedIsA = paneA == 1;
    QVERIFY(!page->learnButton()->isVisibleTo(page));
    QTest::keyClick(page, tunedIsA ? Qt::Key_1 : Qt::Key_2);
    QVERIFY(page->comparison()->hasLoser(round));
    QVERIFY(page->learnButton()->isVisibleTo(page));
    QVERIFY(page->learnButton()->isEnabled());
    fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("blind"));

    DatasetDocument *document = setup.datasets->document();
    const int before = document->count();
    QVERIFY(page->addToDataset(TrainingExampleDialog::Kind::Preference));
    QCOMPARE(document->count(), before + 1);
    const Example example = document->example(before);
    QVERIFY(example.isPreference());
    const QString tuned = page->session()->currentAnswer(1);
    const QString base = page->session()->currentAnswer(0);
    QCOMPARE(example.preferredOutput().value(0).text(), tuned);
    QCOMPARE(example.nonPreferredOutput().value(0).text(), base);
    QVERIFY(QString::fromUtf8(document->toBytes()).contains(QLatin1String("non_preferred_output")));
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("preference pair")));
    // Undoable in the dataset editor.
    document->undoStack()->undo();
    QCOMPARE(document->count(), before);

    // A tie has no loser: nothing to learn.
    QVERIFY(askAndWait(page, QStringLiteral("Can I dim my lamp?")));
    QTest::keyClick(page, Qt::Key_3);
    QVERIFY(!page->comparison()->hasLoser(page->currentRound()));
    QVERIFY(!page->learnButton()->isVisibleTo(page));
    QVERIFY(!page->addToDataset(TrainingExampleDialog::Kind::Preference));
    QCOMPARE(document->count(), before);
}

void tst_PlaygroundBlind::correctedExampleThroughTheDialog()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    QVERIFY(askAndWait(page, kPrompt));
    QTest::keyClick(page, Qt::Key_2); // B wins, whichever model it is
    const BlindComparison::Round round = page->comparison()->round(page->currentRound());
    QTest::mouseClick(page->learnButton(), Qt::LeftButton);
    TrainingExampleDialog *dialog = page->trainingDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->preferredAnswer(), round.answerB);
    dialog->setPreferredAnswer(QStringLiteral("Open Settings, then Forgot password."));
    dialog->setKind(TrainingExampleDialog::Kind::Corrected);
    DatasetDocument *document = setup.datasets->document();
    const int before = document->count();
    dialog->accept();
    QCOMPARE(document->count(), before + 1);
    const Example example = document->example(before);
    QVERIFY(example.isChat());
    const Messages messages = example.messages();
    QCOMPARE(messages.last().role(), QStringLiteral("assistant"));
    QCOMPARE(messages.last().text(), QStringLiteral("Open Settings, then Forgot password."));
    bool hasPrompt = false;
    for (const Message &message : messages)
        hasPrompt = hasPrompt || message.text() == kPrompt;
    QVERIFY(hasPrompt);
}

void tst_PlaygroundBlind::withoutDatasetSaysSoAndOffersOne()
{
    Setup setup = makeArea(false);
    BlindPage *page = setup.page;
    QSignalSpy needed(setup.area.get(), &PlaygroundArea::datasetNeeded);
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    QVERIFY(askAndWait(page, kPrompt));
    QTest::keyClick(page, Qt::Key_1);
    QVERIFY(page->comparison()->hasLoser(page->currentRound()));
    QVERIFY(!page->learnButton()->isEnabled());
    auto *create = page->findChild<QPushButton *>(QStringLiteral("createDatasetPushButton"));
    QVERIFY(create->isVisibleTo(page));
    QVERIFY(!page->addToDataset(TrainingExampleDialog::Kind::Preference));
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("dataset")));
    QTest::mouseClick(create, Qt::LeftButton);
    QCOMPARE(needed.count(), 1);

    // A model that fails gives nothing to vote on.
    m_fixture.server->injectHttpError(400, 1, QStringLiteral("/chat/completions"));
    QVERIFY(askAndWait(page, QStringLiteral("Can I dim my lamp?")));
    m_fixture.server->clearFaults();
    QVERIFY(!page->voteButton(0)->isEnabled());
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("no answer")));
    const int votes = page->comparison()->tally().pair(kBaseModel, m_fixture.fineTuned).votes();
    QTest::keyClick(page, Qt::Key_1);
    QCOMPARE(page->comparison()->tally().pair(kBaseModel, m_fixture.fineTuned).votes(), votes);
}

void tst_PlaygroundBlind::defaultsAreBaseAgainstFineTunedNeverTheSameModel()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->firstSelector()));
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    // Before anything is chosen: the base model against the fine-tune trained from it.
    QTRY_COMPARE(page->firstSelector()->model(), kBaseModel);
    QCOMPARE(page->secondSelector()->model(), m_fixture.fineTuned);
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));

    // The checkpoint at the last step is the fine-tuned model under another name: warned.
    const QString last = fs::test::finalCheckpoint(page->secondSelector());
    QVERIFY(!last.isEmpty());
    page->firstSelector()->setModel(last);
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    const QString warning = page->sameModelLabel()->text();
    QVERIFY2(warning.contains(QLatin1String("same model")), qPrintable(warning));
    QVERIFY(warning.contains(ModelChoice::describe(last)));
    // The picker says so too.
    const int row = page->firstSelector()->modelPicker()->currentIndex();
    QVERIFY(page->firstSelector()->modelPicker()->itemText(row).contains(
            QLatin1String("the same as the final model")));
    setup.area->resize(1024, 600); // the smallest window the app supports
    fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("blind-same-model"));

    // The very same model on both sides: warned; a different one: the warning goes.
    page->firstSelector()->setModel(m_fixture.fineTuned);
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    page->firstSelector()->setModel(kBaseModel);
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
}

void tst_PlaygroundBlind::shortNameAndDatedVersionAreWarnedAsOneModel()
{
    Setup setup = makeArea(false);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->firstSelector()));
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    QTRY_COMPARE(page->secondSelector()->model(), m_fixture.fineTuned); // the defaults are in
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));

    // The person chooses "gpt-4.1" and "gpt-4.1-2025-04-14" in the two combo boxes.
    ModelPicker *first = page->firstSelector()->modelPicker();
    ModelPicker *second = page->secondSelector()->modelPicker();
    const QString alias = QStringLiteral("gpt-4.1");
    const QString dated = QStringLiteral("gpt-4.1-2025-04-14");
    QVERIFY(fs::test::rowOfModel(first, alias) >= 0);
    QVERIFY(fs::test::rowOfModel(second, dated) >= 0);
    first->setCurrentIndex(fs::test::rowOfModel(first, alias));
    second->setCurrentIndex(fs::test::rowOfModel(second, dated));
    QCOMPARE(page->firstSelector()->model(), alias);
    QCOMPARE(page->secondSelector()->model(), dated);
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    const QString warning = page->sameModelLabel()->text();
    QVERIFY2(warning.contains(QLatin1String("same model")), qPrintable(warning));
    QVERIFY2(warning.contains(QLatin1String("short name")), qPrintable(warning));
    QVERIFY(warning.indexOf(alias) < warning.indexOf(dated)); // the short name first
    setup.area->resize(1024, 600);
    fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("blind-short-name"));

    // Another family on the second side: the warning goes; back to the dated one: it comes back.
    second->setCurrentIndex(fs::test::rowOfModel(second, QStringLiteral("gpt-4.1-mini")));
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
    second->setCurrentIndex(fs::test::rowOfModel(second, dated));
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    // Two dated versions of one family are two models.
    first->setCurrentIndex(fs::test::rowOfModel(first, QStringLiteral("gpt-4.1-mini-2025-04-14")));
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
}

void tst_PlaygroundBlind::modelTrainedDuringTheSessionReachesThePickers()
{
    // The Jobs area's list, as in the app: read from the job history, refreshed from the service.
    JobHistory history(ConnectionStore::sandboxId());
    QVERIFY2(history.open(), qPrintable(history.lastError()));
    JobListModel jobs;
    jobs.setHistory(&history);
    jobs.loadHistory();

    // Two Playgrounds open before the job ends; in one the person chose a model on Blind Rating.
    Setup untouched = makeArea(false);
    Setup chosen = makeArea(false);
    untouched.area->followJobs(&jobs);
    chosen.area->followJobs(&jobs);
    BatchPage *batch = untouched.area->batchPage();
    for (TargetSelector *selector : {untouched.page->firstSelector(),
                 untouched.page->secondSelector(), batch->modelSelector(0), batch->modelSelector(1),
                 chosen.page->firstSelector(), chosen.page->secondSelector()})
        QVERIFY(fs::test::waitReady(selector));
    QTRY_COMPARE(untouched.page->secondSelector()->model(), m_fixture.fineTuned);
    QTRY_COMPARE(batch->modelSelector(1)->model(), m_fixture.fineTuned);
    QTRY_COMPARE(chosen.page->secondSelector()->model(), m_fixture.fineTuned);
    const QString nano = QStringLiteral("gpt-4.1-nano");
    ModelPicker *picker = chosen.page->firstSelector()->modelPicker();
    picker->setCurrentIndex(fs::test::rowOfModel(picker, nano));
    QCOMPARE(chosen.page->firstSelector()->model(), nano);

    // A job ends on the service after the Playground was built; the job list learns of it.
    QString tuned;
    QString jobId;
    QString why;
    QVERIFY2(m_fixture.trainJob(QStringLiteral("lumen-v2"), &tuned, &jobId, &why), qPrintable(why));
    QVERIFY(!untouched.page->secondSelector()->modelPicker()->hasModel(tuned));
    ApiClient client(m_fixture.nam.get(), m_fixture.sandboxConnection());
    jobs.refresh(&client);

    // Offered in every picker; where nobody chose, the new default is its base against it.
    QTRY_VERIFY(untouched.page->firstSelector()->modelPicker()->hasModel(tuned));
    QTRY_COMPARE(untouched.page->secondSelector()->model(), tuned);
    QCOMPARE(untouched.page->firstSelector()->model(), kBaseModel);
    QTRY_COMPARE(batch->modelSelector(1)->model(), tuned);
    QCOMPARE(batch->modelSelector(0)->model(), kBaseModel);
    QVERIFY(!untouched.page->sameModelLabel()->isVisibleTo(untouched.page));
    // The person's choice stays; the new model is there to choose.
    QTRY_VERIFY(chosen.page->secondSelector()->modelPicker()->hasModel(tuned));
    QCOMPARE(chosen.page->firstSelector()->model(), nano);
    QCOMPARE(chosen.page->secondSelector()->model(), m_fixture.fineTuned);

    // The tests after this one compare with the first fine-tune only.
    QVERIFY(history.removeJob(jobId));
    QVERIFY(fs::test::awaitReply(client.deleteModel(tuned)).ok);
}

void tst_PlaygroundBlind::bothBadOffersToWriteTheBetterAnswer()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(askBaseAndTuned(page, kPrompt));
    QVERIFY(!page->writeButton()->isVisibleTo(page));
    QTest::keyClick(page, Qt::Key_4); // both are bad
    QVERIFY(page->comparison()->bothBad(page->currentRound()));
    QVERIFY(!page->learnButton()->isVisibleTo(page)); // no winner to keep
    QVERIFY(page->writeButton()->isVisibleTo(page));
    QVERIFY(page->writeButton()->isEnabled());
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("Write the better answer")));
    const BlindComparison::Round round = page->comparison()->round(page->currentRound());
    setup.area->resize(1024, 600);
    fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("blind-both-bad"));

    QTest::mouseClick(page->writeButton(), Qt::LeftButton);
    TrainingExampleDialog *dialog = page->trainingDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->isWrittenAnswer());
    fs::test::playgroundScreenshot(dialog, QStringLiteral("blind-write-answer"));
    // The message is there; the answer is the person's to write (Add is off until then).
    const auto labels = dialog->findChildren<QLabel *>();
    const bool promptShown = std::any_of(labels.cbegin(), labels.cend(),
            [](const QLabel *label) { return label->text().contains(kPrompt.toHtmlEscaped()); });
    QVERIFY(promptShown);
    QVERIFY(dialog->preferredAnswer().isEmpty());
    auto *buttons = dialog->findChild<QDialogButtonBox *>();
    QVERIFY(!buttons->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!dialog->findChild<QRadioButton *>(QStringLiteral("preferenceRadioButton"))
                     ->isVisibleTo(dialog));
    QVERIFY(dialog->findChild<QLabel *>(QStringLiteral("worseAnswerLabel"))
                    ->text()
                    .contains(round.answerA.left(40).toHtmlEscaped()));
    const QString written = QStringLiteral("Open Settings, choose Forgot password, then follow "
                                           "the link we email you.");
    QTest::keyClicks(dialog->answerEdit(), written);
    QVERIFY(buttons->button(QDialogButtonBox::Ok)->isEnabled());

    DatasetDocument *document = setup.datasets->document();
    const int before = document->count();
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QCOMPARE(document->count(), before + 1);
    const Example example = document->example(before);
    QVERIFY(example.isChat());
    QCOMPARE(example.messages().last().role(), QStringLiteral("assistant"));
    QCOMPARE(example.messages().last().text(), written);
    QCOMPARE(example.messages().at(example.messages().size() - 2).text(), kPrompt);
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("corrected example")));
    // Undoable like every edit of the dataset.
    document->undoStack()->undo();
    QCOMPARE(document->count(), before);
    // Only after "both are bad": a decided round offers the winner instead.
    QVERIFY(!page->addWrittenAnswer(QString()));
    QTest::keyClick(page, Qt::Key_1);
    QVERIFY(!page->writeButton()->isVisibleTo(page));
    QVERIFY(!page->addWrittenAnswer(written));
    QCOMPARE(document->count(), before);
}

void tst_PlaygroundBlind::sandboxAnswersAreMarkedAsPractice()
{
    Setup setup = makeArea(true);
    BlindPage *page = setup.page;
    QVERIFY(fs::test::waitReady(page->firstSelector()));
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    // Both sides on the built-in sandbox: both answers are practice answers.
    QVERIFY(page->practiceBadge()->isVisibleTo(page));
    QVERIFY2(page->practiceBadge()->text().contains(QLatin1String("simulated by the built-in "
                                                                  "sandbox")),
            qPrintable(page->practiceBadge()->text()));
    QVERIFY(page->practiceBadge()->toolTip().contains(QLatin1String("pretends")));

    // One side on a real (OpenAI-compatible) connection: which side stays hidden until revealed.
    const QString keyed = m_fixture.addKeyedConnection(QStringLiteral("sk-test-practice"));
    QVERIFY(!keyed.isEmpty());
    page->secondSelector()->setConnectionId(keyed);
    QVERIFY(fs::test::waitReady(page->secondSelector()));
    page->firstSelector()->setModel(kBaseModel);
    page->secondSelector()->setModel(m_fixture.fineTuned);
    QVERIFY(page->practiceBadge()->text().contains(QLatin1String("One of the two answers")));
    QVERIFY(askAndWait(page, kPrompt));
    QVERIFY(page->practiceBadge()->text().contains(QLatin1String("One of the two answers")));
    page->reveal();
    const QString side =
            page->comparison()->paneOnSide(page->currentRound(), BlindComparison::Side::A) == 0
            ? QStringLiteral("A")
            : QStringLiteral("B");
    QVERIFY2(page->practiceBadge()->text().contains(QStringLiteral("side %1").arg(side)),
            qPrintable(page->practiceBadge()->text()));

    // Neither side simulated: no mark.
    page->firstSelector()->setConnectionId(keyed);
    QVERIFY(fs::test::waitReady(page->firstSelector()));
    page->firstSelector()->setModel(kBaseModel);
    QVERIFY(askAndWait(page, kPrompt));
    QVERIFY(!page->practiceBadge()->isVisibleTo(page));
}

QTEST_MAIN(tst_PlaygroundBlind)
#include "tst_playgroundblind.moc"
