// SPDX-License-Identifier: GPL-3.0-or-later
// The retirement calendar where a person sees it: the start-up banner for models of the job
// history that stop answering soon (with "Keep This Model's Behaviour…" and "Remind Me Later",
// remembered), the dialog that explains the steps and starts a capture, and the sentence in the
// Playground's model picker and panes.
#include "activeconnection.h"
#include "appsettings.h"
#include "connectionstore.h"
#include "jobhistory.h"
#include "joblistmodel.h"
#include "jobmonitor.h"
#include "jobnotifier.h"
#include "jobsarea.h"
#include "keepbehaviourdialog.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "modelpicker.h"
#include "modelregistry.h"
#include "newjobdialog.h"
#include "panewidget.h"
#include "playgroundarea.h"
#include "retirementbanner.h"
#include "retirementcalendar.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "sidebysidepage.h"
#include "targetselector.h"
#include "userfolders.h"

#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>
#include <memory>

using fs::ConnectionStore;
using fs::RetirementCalendar;
using fs::ui::MainWindow;
using fs::ui::RetirementBanner;

namespace {

const QString kRetiring = QStringLiteral("ft:gpt-4o-mini-2024-07-18:acme:support-bot:a1b2c3");
const QString kNoDate = QStringLiteral("ft:gpt-4.1-nano-2025-04-14:acme:notes:d4e5f6");
const QDate kToday(2026, 12, 6); // 39 days before gpt-4o-mini stops answering

} // namespace

class tst_RetirementBanner : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    fs::MemorySecretStore m_secrets;
    std::unique_ptr<fs::sandbox::SandboxServer> m_sandbox;
    QNetworkAccessManager m_nam;
    QString m_workId;

    std::unique_ptr<MainWindow> makeWindow()
    {
        auto window = std::make_unique<MainWindow>(m_store.get(), &m_secrets, &m_nam);
        window->resize(1024, 600);
        window->show();
        return window;
    }

    /// The job history (at `path`, else the default one) holds a succeeded job of `model` on
    /// the connection `connectionId`.
    static void remember(const QString &connectionId, const QString &jobId, const QString &model,
            const QString &path = {})
    {
        fs::JobHistory history(connectionId);
        QVERIFY2(history.open(path), qPrintable(history.lastError()));
        // As the service sent it: the history keeps the JSON and reads jobs back from it.
        const fs::FineTuningJob job =
                fs::FineTuningJob::fromJson(QJsonObject {{QStringLiteral("id"), jobId},
                        {QStringLiteral("object"), QStringLiteral("fine_tuning.job")},
                        {QStringLiteral("created_at"),
                                jobId == QLatin1String("ftjob-1") ? 1760000000 : 1750000000},
                        {QStringLiteral("model"), fs::ModelRegistry::baseModelName(model)},
                        {QStringLiteral("status"), QStringLiteral("succeeded")},
                        {QStringLiteral("fine_tuned_model"), model}});
        QVERIFY(history.saveJob(job));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(fs::test::useTemporaryUserFolders(m_home));
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedKingdom));
        fs::ui::MessageBox::setTestHook(
                [](const fs::ui::MessageRequest &) { return QMessageBox::Ok; });
        m_sandbox = std::make_unique<fs::sandbox::SandboxServer>();
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        RetirementCalendar::setClock([] { return kToday; });
    }

    void cleanupTestCase() { RetirementCalendar::setClock({}); }

    void init()
    {
        QFile::remove(fs::JobHistory::defaultPath());
        fs::AppSettings::standard().setRetirementReminders({});
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        fs::Connection work;
        work.name = QStringLiteral("Work");
        work.kind = fs::Connection::Kind::OpenAI;
        m_workId = m_store->add(work);
    }

    void noHistoryNoBanner()
    {
        auto window = makeWindow();
        window->checkRetirements();
        QVERIFY(window->retirementBanner()->isHidden());
        QVERIFY(!QFile::exists(fs::JobHistory::defaultPath())); // nothing created by looking
    }

    void bannerNamesTheRetiringModel()
    {
        remember(m_workId, QStringLiteral("ftjob-1"), kRetiring);
        remember(m_workId, QStringLiteral("ftjob-2"), kNoDate); // no date announced: no warning
        auto window = makeWindow();
        RetirementBanner *banner = window->retirementBanner();
        QVERIFY(banner->isHidden()); // a window a test builds does not look by itself
        window->checkRetirements();
        QVERIFY(banner->isVisible());
        QCOMPARE(banner->warnings().size(), 1);
        QVERIFY(banner->rowLabel(0));
        QVERIFY(!banner->rowLabel(1));
        const QString text = banner->rowLabel(0)->text();
        QVERIFY2(text.startsWith(QStringLiteral("“support-bot (from gpt-4o-mini-2024-07-18)”")),
                qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("connection “Work”")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("stops answering on 14 Jan 2027 — in 39 days")),
                qPrintable(text));
        QCOMPARE(banner->keepButton(0)->text(), QStringLiteral("Keep This Model’s Behaviour…"));
        QVERIFY(banner->rowLabel(0)->toolTip().contains(QLatin1String("deprecations")));
        QVERIFY(banner->moreLabel()->isHidden());
        fs::test::saveScreenshot(window.get(), QStringLiteral("retirement-banner"));

        // Beyond the window (more than 60 days before): nothing to say yet.
        window->checkRetirements(QDate(2026, 10, 1));
        QVERIFY(banner->isHidden());
        // Past: too late to keep anything, so no banner either.
        window->checkRetirements(QDate(2027, 1, 15));
        QVERIFY(banner->isHidden());
    }

    void keepBehaviourSignalsAndOpensTheSteps()
    {
        remember(m_workId, QStringLiteral("ftjob-1"), kRetiring);
        auto window = makeWindow();
        window->checkRetirements();
        RetirementBanner *banner = window->retirementBanner();
        QSignalSpy keep(banner, &RetirementBanner::keepBehaviourRequested);
        QTest::mouseClick(banner->keepButton(0), Qt::LeftButton);
        QCOMPARE(keep.count(), 1);
        QCOMPARE(keep.at(0).at(0).toString(), kRetiring);
        QCOMPARE(keep.at(0).at(1).toString(), QStringLiteral("Work"));

        // No guided flow connected: the dialog with the steps and the capture command.
        fs::ui::KeepBehaviourDialog *dialog = window->keepBehaviourDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString intro =
                dialog->findChild<QLabel *>(QStringLiteral("keepBehaviourIntro"))->text();
        QVERIFY2(intro.contains(QStringLiteral("stops answering on 14 Jan 2027 — in 39 days")),
                qPrintable(intro));
        QVERIFY(!dialog->startButton()->isEnabled()); // no prompts file yet
        QVERIFY(dialog->commandView()->toPlainText().startsWith(
                QLatin1String("finetune-studio capture --connection Work --model ") + kRetiring));
        fs::test::saveScreenshotOver(window.get(), dialog, QStringLiteral("keep-behaviour-dialog"));

        // A prompts file: the answers go next to it; Start runs the capture command.
        const QString prompts = m_dir->filePath(QStringLiteral("support.jsonl"));
        QFile file(prompts);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"({"messages":[{"role":"user","content":"Hi"}]})"
                   "\n");
        file.close();
        dialog->setPromptsFile(prompts);
        QCOMPARE(dialog->answersFile(), m_dir->filePath(QStringLiteral("support-captured.jsonl")));
        QVERIFY(dialog->startButton()->isEnabled());
        // A stand-in for the app binary: echo prints the arguments it was given and succeeds.
        const QString echo = QStandardPaths::findExecutable(QStringLiteral("echo"));
        QVERIFY(!echo.isEmpty());
        dialog->setProgram(echo);
        QSignalSpy captured(dialog, &fs::ui::KeepBehaviourDialog::captured);
        QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
        QVERIFY(captured.wait(10000) || captured.count() == 1);
        QCOMPARE(captured.at(0).at(0).toString(), dialog->answersFile());
        QVERIFY2(dialog->statusLabel()->text().startsWith(QLatin1String("Done:")),
                qPrintable(dialog->statusLabel()->text()));
        QCOMPARE(dialog->startButton()->text(), QStringLiteral("Start Capturing"));
    }

    void handlerTakesOverTheAction()
    {
        remember(m_workId, QStringLiteral("ftjob-1"), kRetiring);
        auto window = makeWindow();
        QStringList asked;
        window->setKeepBehaviourHandler([&asked](const QString &model, const QString &name) {
            asked << model << name;
            return true;
        });
        window->checkRetirements();
        QTest::mouseClick(window->retirementBanner()->keepButton(0), Qt::LeftButton);
        QCOMPARE(asked, QStringList({kRetiring, QStringLiteral("Work")}));
        QVERIFY(!window->keepBehaviourDialog());
        // A handler that declines (nothing to open): the dialog after all.
        window->setKeepBehaviourHandler([](const QString &, const QString &) { return false; });
        QTest::mouseClick(window->retirementBanner()->keepButton(0), Qt::LeftButton);
        QVERIFY(window->keepBehaviourDialog());
    }

    void remindMeLaterIsRememberedPerModel()
    {
        const QString second = QStringLiteral("ft:gpt-4.1-2025-04-14:acme:drafts:z9");
        remember(m_workId, QStringLiteral("ftjob-1"), kRetiring);
        remember(m_workId, QStringLiteral("ftjob-3"), second);
        {
            auto window = makeWindow();
            window->checkRetirements();
            RetirementBanner *banner = window->retirementBanner();
            QCOMPARE(banner->warnings().size(), 2);
            QCOMPARE(banner->findChild<QLabel *>(QStringLiteral("retirementBannerTitle"))->text(),
                    QStringLiteral("Models you trained are retiring"));
            fs::test::saveScreenshot(window.get(), QStringLiteral("retirement-banner-two"));
            const QString first = banner->warnings().at(0).where.model;
            QTest::mouseClick(banner->remindButton(0), Qt::LeftButton);
            QCOMPARE(banner->warnings().size(), 1);
            QVERIFY(banner->warnings().at(0).where.model != first);
            QTRY_VERIFY(banner->rowLabel(0) && !banner->rowLabel(1));
            QTest::mouseClick(banner->remindButton(0), Qt::LeftButton);
            QVERIFY(banner->isHidden());
        }
        // The next start (a new window) the same day: still put off.
        auto window = makeWindow();
        window->checkRetirements();
        QVERIFY(window->retirementBanner()->isHidden());
        // A week later both are back.
        window->checkRetirements(kToday.addDays(fs::RetirementReminders::kRemindAfterDays));
        QCOMPARE(window->retirementBanner()->warnings().size(), 2);
    }

    void jobsListAndMonitorMarkTheModel()
    {
        const QString path = m_dir->filePath(QStringLiteral("history.sqlite"));
        remember(ConnectionStore::sandboxId(), QStringLiteral("ftjob-1"), kRetiring, path);
        remember(ConnectionStore::sandboxId(), QStringLiteral("ftjob-2"), kNoDate, path);
        fs::ActiveConnection active(m_store.get(), &m_secrets, &m_nam);
        fs::ui::JobsArea area(&active, &m_nam, nullptr, path);
        area.notifier()->setSystemTrayAllowed(false);
        area.resize(1024, 600);
        area.show();
        QVERIFY(QTest::qWaitForWindowExposed(&area));
        fs::JobListModel *jobs = area.jobListModel();
        // Once connected the list is read again (the history, then the service's pages).
        QTRY_COMPARE(active.state(), fs::ActiveConnection::State::Connected);
        QTRY_COMPARE(jobs->rowCount(), 2);
        QTRY_VERIFY(!jobs->isLoading());
        QTableView *view = area.jobListView();
        // The fine-tuned model's cell: its tooltip holds the sentence, only for the retiring one.
        const auto tooltip = [view, jobs](const QString &jobId, int column) -> QString {
            const QModelIndex index = view->model()->index(jobs->rowOf(jobId), column);
            QStyleOptionViewItem option;
            option.rect = view->visualRect(index);
            QHelpEvent event(QEvent::ToolTip, option.rect.center(),
                    view->viewport()->mapToGlobal(option.rect.center()));
            QToolTip::hideText();
            const bool shown =
                    view->itemDelegateForIndex(index)->helpEvent(&event, view, option, index);
            return shown ? QToolTip::text() : QString();
        };
        QTRY_COMPARE(tooltip(QStringLiteral("ftjob-1"), fs::JobListModel::FineTunedModelColumn),
                QString(kRetiring
                        + QStringLiteral("\nstops answering on 14 Jan 2027 — in 39 days")));
        QCOMPARE(tooltip(QStringLiteral("ftjob-1"), fs::JobListModel::BaseModelColumn),
                QStringLiteral("gpt-4o-mini-2024-07-18\nstops answering on 14 Jan 2027 — in 39 "
                               "days"));
        QCOMPARE(tooltip(QStringLiteral("ftjob-2"), fs::JobListModel::FineTunedModelColumn),
                kNoDate);

        // The monitor says it in a sentence for the selected job.
        QVERIFY(area.selectJob(QStringLiteral("ftjob-1")));
        QLabel *label = area.monitor()->retirementLabel();
        QTRY_VERIFY(label->isVisible());
        QCOMPARE(label->text(),
                QStringLiteral("This fine-tuned model stops answering on 14 Jan 2027 — in 39 "
                               "days."));
        fs::test::saveScreenshot(&area, QStringLiteral("retirement-jobs"));
        QVERIFY(area.selectJob(QStringLiteral("ftjob-2")));
        QTRY_VERIFY(label->isHidden());

        // The New Job form says when training and answering end for a base model that retires.
        area.newJob();
        fs::ui::NewJobDialog *dialog = area.newJobDialog();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitFor([dialog] { return dialog->filesLoaded(); }, 10000));
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("modelNoteLabel"));
        QVERIFY(dialog->selectModel(QStringLiteral("gpt-4o-mini-2024-07-18")));
        QVERIFY2(note->text().endsWith(QStringLiteral(
                         "Retiring: new fine-tuning stops on 6 Jan 2027 — in 31 days; this model "
                         "stops answering on 14 Jan 2027 — in 39 days, and its fine-tunes with "
                         "it.")),
                qPrintable(note->text()));
        fs::test::saveScreenshotOver(&area, dialog, QStringLiteral("retirement-new-job"));
        dialog->reject();
    }

    void pickerAndPaneSayWhenTheModelStops()
    {
        auto area = std::make_unique<fs::ui::PlaygroundArea>(
                m_store.get(), &m_secrets, &m_nam, nullptr, nullptr);
        area->resize(1024, 600);
        area->show();
        fs::ui::SideBySidePage *page = area->sideBySidePage();
        fs::ui::PaneWidget *pane = page->paneWidget(1);
        QVERIFY(QTest::qWaitFor([pane] { return pane->targetSelector()->isReady(); }, 20000));
        // The sandbox speaks OpenAI: its fine-tunes of gpt-4o-mini follow OpenAI's calendar.
        pane->targetSelector()->setModel(kRetiring);
        QTRY_VERIFY(pane->retirementLabel()->isVisible());
        QCOMPARE(pane->retirementLabel()->text(),
                QStringLiteral("This model stops answering on 14 Jan 2027 — in 39 days."));
        fs::ui::ModelPicker *picker = pane->targetSelector()->modelPicker();
        QCOMPARE(picker->retirementNotice(kRetiring),
                QStringLiteral("stops answering on 14 Jan 2027 — in 39 days"));
        const int row = picker->findData(kRetiring, Qt::UserRole + 1);
        QVERIFY(row >= 0);
        QVERIFY(picker->itemData(row, Qt::ToolTipRole)
                        .toString()
                        .endsWith(QStringLiteral("stops answering on 14 Jan 2027 — in 39 days")));
        QVERIFY(!picker->itemIcon(row).isNull());
        fs::test::saveScreenshot(area.get(), QStringLiteral("retirement-playground-pane"));

        // A model without a date: no sentence, no sign.
        pane->targetSelector()->setModel(kNoDate);
        QTRY_VERIFY(pane->retirementLabel()->isHidden());
        const int other = picker->findData(kNoDate, Qt::UserRole + 1);
        QVERIFY(other >= 0);
        QVERIFY(picker->itemIcon(other).isNull());
        QCOMPARE(picker->itemData(other, Qt::ToolTipRole).toString(), kNoDate);
    }
};

QTEST_MAIN(tst_RetirementBanner)
#include "tst_retirementbanner.moc"
