// SPDX-License-Identifier: GPL-3.0-or-later
// "Your First Fine-tune" in the window as the app assembles it: reachable from the Help menu and
// from the welcome, and its ticks follow edits of the open dataset (and their undo).
#include "apiclient.h"
#include "areas.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "exportdialog.h"
#include "guidepanel.h"
#include "jobsarea.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "windowtestbase.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>
#include <memory>

using namespace fs::ui;
using fs::GuideStep;
using Id = fs::GuideStep::Id;
using State = fs::GuideStep::State;

namespace {

fs::Example goodExample(int i)
{
    return fs::Example::fromLine(
            QStringLiteral(R"({"messages":[{"role":"user","content":"How do I do thing %1?"},)"
                           R"({"role":"assistant","content":"Open the menu and pick %1."}]})")
                    .arg(i)
                    .toUtf8());
}

} // namespace

class tst_Guide : public QObject, protected fs::test::WindowTestBase
{
    Q_OBJECT

    std::unique_ptr<MainWindow> m_window;
    Areas m_areas;

    GuidePanel *panel() const { return m_window->findChild<GuidePanel *>(); }
    State state(Id id) const { return panel()->step(id).state; }
    QString status(Id id) const { return panel()->step(id).status; }

    void showGuide()
    {
        auto *action = m_window->findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY(action);
        if (!m_areas.guide->isVisible())
            action->trigger();
        QTRY_VERIFY(m_areas.guide->isVisible());
    }

private Q_SLOTS:
    void initTestCase()
    {
        QString problem;
        QVERIFY2(setUpWindowTest(&problem), qPrintable(problem));
    }

    void init()
    {
        m_window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        m_areas = installAreas(m_window.get());
        m_window->resize(1024, 600);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    }

    void cleanup()
    {
        // Nothing to save: the datasets made here are thrown away.
        if (m_areas.datasets)
            m_areas.datasets->document()->undoStack()->setClean();
        m_window.reset();
    }

    void reachableFromHelpAndTheWelcome()
    {
        QVERIFY(m_areas.guide);
        QVERIFY(!m_areas.guide->isVisible());
        auto *action = m_window->findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY(action);
        const QList<QAction *> help = m_window->helpMenu()->actions();
        QVERIFY(help.contains(action));
        // Right after "Welcome…".
        QCOMPARE(help.indexOf(action),
                help.indexOf(m_window->findChild<QAction *>(QStringLiteral("welcomeAction"))) + 1);
        QVERIFY(action->text().contains(QLatin1String("Your First Fine-tune")));
        action->trigger();
        QVERIFY(m_areas.guide->isVisible());
        action->trigger();
        QVERIFY(!m_areas.guide->isVisible());

        Q_EMIT m_window->guideRequested(); // what the welcome's guide button sends
        QVERIFY(m_areas.guide->isVisible());
        QVERIFY(panel()->isVisible());
    }

    void ticksFollowEdits()
    {
        showGuide();
        // Nothing open: nothing ticked, and the guide says where to start.
        QCOMPARE(state(Id::Examples), State::Todo);
        QVERIFY2(status(Id::Examples).contains(QLatin1String("No dataset is open")),
                qPrintable(status(Id::Examples)));
        QVERIFY(panel()->progressText().startsWith(QLatin1String("0 of 6")));
        // On the sandbox the cost step says nothing is charged.
        QVERIFY(panel()->step(Id::Cost).advice.contains(QLatin1String("charges nothing")));

        // A new dataset with 9 good examples: not enough yet.
        m_areas.datasets->newDataset();
        fs::DatasetDocument *document = m_areas.datasets->document();
        QCOMPARE(document->count(), 1);
        document->setMessageText(0, 0, QStringLiteral("How do I start?"));
        document->setMessageText(0, 1, QStringLiteral("Press Start."));
        for (int i = 1; i < 9; ++i)
            document->appendExample(goodExample(i));
        QTRY_COMPARE(status(Id::Examples), QStringLiteral("You have 9 examples. Add one more."));
        QCOMPARE(state(Id::Examples), State::Todo);
        QTRY_COMPARE(state(Id::Checks), State::Todo); // too few examples is an error

        // The tenth: both tick.
        document->appendExample(goodExample(9));
        QTRY_COMPARE(state(Id::Examples), State::Done);
        QVERIFY2(status(Id::Examples).startsWith(QLatin1String("You have 10 examples.")),
                qPrintable(status(Id::Examples)));
        QTRY_COMPARE(state(Id::Checks), State::Done);
        QTRY_COMPARE(state(Id::Cost), State::Done);
        QVERIFY2(status(Id::Cost).contains(QLatin1String("Estimated cost: ")),
                qPrintable(status(Id::Cost)));
        QCOMPARE(state(Id::Validation), State::Todo);
        QVERIFY(panel()->progressText().startsWith(QLatin1String("3 of 6")));

        // "Add an Example" from the Edit menu adds a blank one: the checks find errors.
        QAction *add = m_areas.datasets->action(QStringLiteral("addExampleAction"));
        QVERIFY(add);
        add->trigger();
        QCOMPARE(document->count(), 11);
        QTRY_COMPARE(state(Id::Checks), State::Todo);
        QVERIFY2(status(Id::Checks).contains(QLatin1String("to fix")),
                qPrintable(status(Id::Checks)));
        QVERIFY2(status(Id::Examples).startsWith(QLatin1String("You have 11 examples.")),
                qPrintable(status(Id::Examples)));

        // Undo takes it back, and the tick with it.
        document->undoStack()->undo();
        QCOMPARE(document->count(), 10);
        QTRY_COMPARE(state(Id::Checks), State::Done);

        // Deleting examples below ten takes the tick away again.
        document->removeExample(9);
        QTRY_COMPARE(state(Id::Examples), State::Todo);
        QTRY_COMPARE(state(Id::Checks), State::Todo);
    }

    void anExportedValidationFileTicks()
    {
        showGuide();
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        m_areas.datasets->newDataset();
        fs::DatasetDocument *document = m_areas.datasets->document();
        document->setMessageText(0, 0, QStringLiteral("How do I start?"));
        document->setMessageText(0, 1, QStringLiteral("Press Start."));
        for (int i = 1; i < 12; ++i)
            document->appendExample(goodExample(i));
        QVERIFY(!document->saveAs(dir.filePath(QStringLiteral("mine.jsonl"))).isError());
        QTRY_COMPARE(state(Id::Examples), State::Done);
        QCOMPARE(state(Id::Validation), State::Todo);

        // File → Export Training and Validation Files…, as the guide says.
        m_areas.datasets->action(QStringLiteral("exportSplitAction"))->trigger();
        auto *dialog = m_window->findChild<ExportSplitDialog *>();
        QVERIFY(dialog);
        QTRY_VERIFY(dialog->isVisible());
        QCOMPARE(dialog->validationPath(), dir.filePath(QStringLiteral("mine-validation.jsonl")));
        dialog->accept();
        QVERIFY(QFile::exists(dir.filePath(QStringLiteral("mine-validation.jsonl"))));
        // No edit follows: the guide notices when the window is back in front.
        QTRY_COMPARE(state(Id::Validation), State::Done);
        QCOMPARE(status(Id::Validation), QStringLiteral("A validation file is ready."));
    }

    void aSampleAtTheSmallestWindowSize()
    {
        QVERIFY(m_areas.datasets->openFile(QStringLiteral(":/samples/support-bot.jsonl")));
        fs::DatasetDocument *document = m_areas.datasets->document();
        QTRY_VERIFY(!document->isLoading() && document->count() > 0);
        showGuide();
        QTRY_COMPARE(state(Id::Examples), State::Done);
        QTRY_COMPARE(state(Id::Cost), State::Done);
        // At 1024×600 the guide is a slim column beside the work (the area list shows only its
        // icons meanwhile), never over it, and the window keeps its size.
        QCOMPARE(m_window->size(), QSize(1024, 600));
        QVERIFY(!m_areas.guide->isFloating());
        QVERIFY(m_window->isNavigationCompact());
        QVERIFY(m_areas.guide->x() >= m_window->centralWidget()->geometry().right());
        fs::test::saveScreenshotWith(m_window.get(), m_areas.guide, QStringLiteral("guide"));
        // Closed with its own button, the Help entry is unticked; shown again, it is ticked.
        auto *action = m_window->findChild<QAction *>(QStringLiteral("guideAction"));
        QVERIFY(action->isChecked());
        m_areas.guide->close();
        QVERIFY(!action->isChecked());
        action->trigger();
        QVERIFY(m_areas.guide->isVisible());
        QVERIFY(action->isChecked());

        // With room to spare the guide sits in a column beside the work.
        m_areas.guide->hide();
        m_areas.guide->setFloating(false);
        m_window->resize(1600, 900);
        QTRY_COMPARE(m_window->width(), 1600);
        action->trigger();
        QVERIFY(!m_areas.guide->isFloating());
        QCOMPARE(m_window->width(), 1600);
        fs::test::saveScreenshot(m_window.get(), QStringLiteral("guide-docked"));
    }

    void aJobStartedThenFinished()
    {
        // Last: the sandbox and the job history keep the job for the tests after it.
        showGuide();
        QCOMPARE(state(Id::JobStarted), State::Todo);
        m_sandbox->setTimeScale(0.01); // a whole job in a moment
        fs::TrackerIntervals fast;
        fast.runningMs = 100;
        fast.waitingMs = 100;
        fast.maxBackoffMs = 400;
        m_areas.jobs->setTrackerIntervals(fast);
        QTRY_VERIFY(m_areas.jobs->client());
        fs::ApiClient *client = m_areas.jobs->client();

        QFile sample(QStringLiteral(":/samples/support-bot.jsonl"));
        QVERIFY(sample.open(QIODevice::ReadOnly));
        fs::ApiReply *upload =
                client->uploadFile(QStringLiteral("support-bot.jsonl"), sample.readAll());
        QSignalSpy uploaded(upload, &fs::ApiReply::finished);
        QVERIFY(uploaded.wait(10000));
        QVERIFY(upload->ok());
        fs::CreateJobRequest request;
        request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
        request.trainingFile = fs::FileObject::fromJson(upload->json()).id;
        fs::ApiReply *create = client->createJob(request);
        QSignalSpy created(create, &fs::ApiReply::finished);
        QVERIFY(created.wait(10000));
        QVERIFY2(create->ok(), qPrintable(create->error().plainMessage()));

        m_areas.jobs->refreshJobs();
        QTRY_COMPARE_WITH_TIMEOUT(state(Id::JobStarted), State::Done, 15000);
        QCOMPARE(status(Id::JobStarted), QStringLiteral("A job was started."));
        QTRY_COMPARE_WITH_TIMEOUT(state(Id::JobFinished), State::Done, 60000);
        QVERIFY2(status(Id::JobFinished).contains(QLatin1String("validation loss should fall")),
                qPrintable(status(Id::JobFinished)));
        m_sandbox->setTimeScale(1.0);
    }
};

QTEST_MAIN(tst_Guide)
#include "tst_guide.moc"
