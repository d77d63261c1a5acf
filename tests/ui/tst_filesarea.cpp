// SPDX-License-Identifier: GPL-3.0-or-later
#include "activeconnection.h"
#include "apiclient.h"
#include "appsettings.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "filedetailspanel.h"
#include "filedialog.h"
#include "filelistmodel.h"
#include "filesarea.h"
#include "mainwindow.h"
#include "messagebox.h"
#include "sandboxserver.h"
#include "screenshot.h"
#include "secretstore.h"
#include "uploaddirectly.h"
#include "uploadjournal.h"
#include "uploadrow.h"
#include "uploadtask.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace fs;
using namespace fs::ui;

namespace {

bool waitForStage(UploadTask *task, UploadTask::Stage stage, int timeoutMs = 15000)
{
    return QTest::qWaitFor([task, stage] { return task->stage() == stage; }, timeoutMs);
}

QByteArray sample(const QString &name)
{
    QFile file(QStringLiteral(":/samples/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing sample %s", qPrintable(name));
    return file.readAll();
}

} // namespace

class tst_FilesArea : public QObject
{
    Q_OBJECT

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<fs::AppSettings> m_settings;
    std::unique_ptr<ConnectionStore> m_store;
    std::unique_ptr<MemorySecretStore> m_secrets;
    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ActiveConnection> m_active;
    std::unique_ptr<ApiClient> m_client; ///< the test's own view of the service
    QList<MessageRequest> m_messages;
    QMessageBox::StandardButton m_answer = QMessageBox::Cancel;
    QStringList m_requests; ///< "METHOD path" the sandbox served

    UploadOptions testOptions() const
    {
        UploadOptions options;
        options.journalDirectory = m_dir->filePath(QStringLiteral("journal"));
        options.processingPollMs = 50;
        return options;
    }

    std::unique_ptr<FilesArea> makeArea(DatasetArea *datasets = nullptr, bool wait = true)
    {
        auto area = std::make_unique<FilesArea>(m_active.get(), m_nam.get(), datasets);
        area->setSettings(m_settings.get());
        area->setUploadOptions(testOptions());
        area->resize(1100, 720);
        area->show();
        if (wait && !QTest::qWaitFor([&area] { return area->model()->isLoaded(); }, 10000))
            return nullptr;
        return area;
    }

    QString writeFile(const QString &name, const QByteArray &bytes)
    {
        const QString path = m_dir->filePath(name);
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate)
                || file.write(bytes) != bytes.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QList<FileObject> serverFiles()
    {
        ApiReply *reply = m_client->listFiles();
        QSignalSpy done(reply, &ApiReply::finished);
        if (!done.wait(5000) || !reply->ok())
            qFatal("list failed");
        return parseFilePage(reply->json()).data;
    }

    static int proxyRowOf(FilesArea *area, const QString &fileId)
    {
        const int row = area->model()->rowOf(fileId);
        return row < 0 ? -1 : area->proxyModel()->mapFromSource(area->model()->index(row, 0)).row();
    }

    int served(const QString &method, const QString &pathPart) const
    {
        int count = 0;
        for (const QString &request : m_requests) {
            if (request.startsWith(method + QLatin1Char(' ')) && request.contains(pathPart))
                ++count;
        }
        return count;
    }

    /// A valid training file of about `bytes` bytes (the sample repeated with varied text).
    static QByteArray bigDataset(int bytes)
    {
        const QList<QByteArray> lines = sample(QStringLiteral("support-bot.jsonl")).split('\n');
        QByteArray out;
        int i = 0;
        while (out.size() < bytes) {
            QByteArray line = lines.at(i % 12);
            if (line.isEmpty()) {
                ++i;
                continue;
            }
            line.replace(QByteArrayLiteral("How do I"),
                    QByteArray("Number " + QByteArray::number(i) + ": how do I"));
            out += line + '\n';
            ++i;
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        MessageBox::setTestHook([this](const MessageRequest &request) {
            m_messages << request;
            return m_answer;
        });
    }

    void init()
    {
        m_messages.clear();
        m_requests.clear();
        m_answer = QMessageBox::Cancel;
        m_dir = std::make_unique<QTemporaryDir>();
        m_settings = std::make_unique<fs::AppSettings>(m_dir->filePath(QStringLiteral("s.ini")));
        sandbox::SandboxOptions options;
        options.timeScale = 0.02; // files are checked in 20 ms, a job takes seconds
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        connect(m_sandbox.get(), &sandbox::SandboxServer::requestServed, this,
                [this](const QString &method, const QString &path) {
                    m_requests << method + QLatin1Char(' ') + path;
                });
        m_store = std::make_unique<ConnectionStore>(m_settings.get());
        m_store->setSandboxBaseUrl(m_sandbox->baseUrl());
        m_secrets = std::make_unique<MemorySecretStore>();
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_active = std::make_unique<ActiveConnection>(m_store.get(), m_secrets.get(), m_nam.get());
        Connection connection;
        connection.kind = Connection::Kind::Sandbox;
        connection.baseUrl = m_sandbox->baseUrl();
        m_client = std::make_unique<ApiClient>(m_nam.get(), connection);
    }

    void cleanup()
    {
        m_client.reset();
        m_active.reset();
        m_nam.reset();
        m_store.reset();
        m_secrets.reset();
        m_sandbox.reset();
        m_settings.reset();
        m_dir.reset();
    }

    void emptyStateInPlainWords()
    {
        auto area = makeArea();
        QVERIFY(area);
        QVERIFY2(area->emptyText().contains(QStringLiteral("No files on this connection yet")),
                qPrintable(area->emptyText()));
        QVERIFY(!area->action(QStringLiteral("deleteAction"))->isEnabled());
        QVERIFY(!area->action(QStringLiteral("uploadDatasetAction"))->isEnabled());
        QVERIFY(area->action(QStringLiteral("uploadFileAction"))->isEnabled());
        // An unreachable service: the empty page says why and offers to try again.
        m_sandbox->injectHttpError(500, 10, QStringLiteral("/files"));
        RetryPolicy none;
        none.maxRetries = 0;
        area->client()->setRetryPolicy(none);
        QSignalSpy finished(area->model(), &FileListModel::loadFinished);
        area->refresh();
        QVERIFY(finished.wait(5000));
        QVERIFY2(area->emptyText().contains(QStringLiteral("could not be loaded")),
                qPrintable(area->emptyText()));
        auto *retry = area->findChild<QPushButton *>(QStringLiteral("emptyPushButton"));
        QVERIFY(retry->isVisible());
        QCOMPARE(retry->text(), QStringLiteral("Try Again"));
        m_sandbox->clearFaults();
        QTest::mouseClick(retry, Qt::LeftButton);
        QVERIFY(finished.wait(5000));
        QVERIFY(area->emptyText().contains(QStringLiteral("No files on this connection yet")));
    }

    void uploadsTheOpenDatasetAndListsItProcessed()
    {
        DatasetArea datasets(m_settings.get());
        datasets.setRecoveryDirectory(m_dir->filePath(QStringLiteral("recovery")));
        const QString path = writeFile(
                QStringLiteral("support-bot.jsonl"), sample(QStringLiteral("support-bot.jsonl")));
        QVERIFY(datasets.openFile(path));
        QTRY_VERIFY_WITH_TIMEOUT(!datasets.document()->isLoading(), 10000);
        auto area = makeArea(&datasets);
        QVERIFY(area);
        QAction *upload = area->action(QStringLiteral("uploadDatasetAction"));
        QVERIFY(upload->isEnabled());
        QSignalSpy uploaded(area.get(), &FilesArea::fileUploaded);
        QSignalSpy uploadedAs(area.get(), &FilesArea::fileUploadedAs);
        upload->trigger();
        QCOMPARE(area->uploads().size(), 1);
        UploadTask *task = area->uploads().first();
        QCOMPARE(task->path(), path); // saved and unchanged: the file itself goes
        QVERIFY(waitForStage(task, UploadTask::Stage::Done));
        QCOMPARE(uploaded.count(), 1);
        const FileObject file = uploaded.first().first().value<FileObject>();
        QCOMPARE(file.filename, QStringLiteral("support-bot.jsonl"));
        QCOMPARE(file.status, QStringLiteral("processed"));
        QCOMPARE(uploadedAs.first().at(1).value<DataUse>(), DataUse::Training);
        // In the list, with its status in plain words.
        const int row = area->model()->rowOf(file.id);
        QVERIFY(row >= 0);
        QCOMPARE(area->model()->index(row, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Ready"));
        QCOMPARE(area->model()->index(row, 0).data(FileListModel::StatusRole).toString(),
                QStringLiteral("processed"));
        QCOMPARE(area->useOf(file.id), std::optional<DataUse>(DataUse::Training));
        // The row says where it went; details show every field.
        UploadRow *uploadRow = area->rowFor(task);
        QVERIFY(uploadRow->detailText().contains(file.id));
        area->view()->selectRow(proxyRowOf(area.get(), file.id));
        QCOMPARE(area->detailsPanel()->fieldText(QStringLiteral("id")), file.id);
        QCOMPARE(area->detailsPanel()->fieldText(QStringLiteral("use")),
                QStringLiteral("Training data"));
        QVERIFY(area->detailsPanel()
                        ->fieldText(QStringLiteral("status"))
                        .contains(QStringLiteral("Ready")));
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/files")), 1);

        // Edited and not saved: the editor's current content goes, not the file on disk.
        datasets.document()->appendExample(datasets.document()->example(0));
        QVERIFY(datasets.document()->isModified());
        UploadTask *edited = area->uploadDataset(DataUse::Validation);
        QVERIFY(edited);
        QVERIFY(edited->path().isEmpty());
        QCOMPARE(edited->size(), qint64(datasets.document()->toBytes().size()));
        QVERIFY(waitForStage(edited, UploadTask::Stage::Done));
        QCOMPARE(area->useOf(edited->file().id), std::optional<DataUse>(DataUse::Validation));
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-list"));
    }

    void preflightErrorsBlockUntilOverridden()
    {
        auto area = makeArea();
        QVERIFY(area);
        QByteArray broken = sample(QStringLiteral("support-bot.jsonl"));
        broken += "{\"messages\": [not json\n";
        const QString path = writeFile(QStringLiteral("broken.jsonl"), broken);
        area->uploadFiles({path});
        UploadTask *task = area->uploads().first();
        QVERIFY(waitForStage(task, UploadTask::Stage::NeedsConfirmation));
        QVERIFY(task->errorCount() >= 1);
        QTest::qWait(200); // nothing to wait for: proves it waits for the person, sends nothing
        QCOMPARE(task->stage(), UploadTask::Stage::NeedsConfirmation);
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/files")), 0);
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/uploads")), 0);
        UploadRow *row = area->rowFor(task);
        auto *warning = row->findChild<QLabel *>(QStringLiteral("warningLabel"));
        QVERIFY(warning->isVisible());
        QVERIFY2(warning->text().contains(QStringLiteral("most likely refuse")),
                qPrintable(warning->text()));
        auto *findings = row->findChild<QListWidget *>(QStringLiteral("findingsListWidget"));
        QVERIFY(findings->isVisible());
        QVERIFY(findings->count() >= 1);
        QVERIFY2(findings->item(0)->text().startsWith(QStringLiteral("Error, example 13")),
                qPrintable(findings->item(0)->text()));
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-preflight"));
        auto *anyway = row->findChild<QPushButton *>(QStringLiteral("uploadAnywayPushButton"));
        QVERIFY(anyway->isVisible());
        QTest::mouseClick(anyway, Qt::LeftButton);
        // Sent; the service's own check then refuses it, and the list says so in plain words.
        QVERIFY(waitForStage(task, UploadTask::Stage::Failed));
        QVERIFY(task->overridden());
        QVERIFY(task->isProcessingError());
        QVERIFY2(task->errorMessage().contains(QStringLiteral("Line 13")),
                qPrintable(task->errorMessage()));
        QVERIFY(!row->findChild<QPushButton *>(QStringLiteral("resumePushButton"))->isVisible());
        const int listed = area->model()->rowOf(task->file().id);
        QVERIFY(listed >= 0);
        QCOMPARE(area->model()->index(listed, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Problem"));
        QVERIFY(area->model()
                        ->index(listed, FileListModel::StatusColumn)
                        .data(Qt::ToolTipRole)
                        .toString()
                        .contains(QStringLiteral("Line 13")));
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-refused"));

        // Warnings alone don't block: a three-example file as validation data only warns.
        UploadSettings settings = area->uploadSettings();
        settings.use = DataUse::Validation;
        UploadTask *small =
                area->uploadPath(writeFile(QStringLiteral("val.jsonl"),
                                         sample(QStringLiteral("support-bot-validation.jsonl"))),
                        settings);
        QVERIFY(waitForStage(small, UploadTask::Stage::Done));
        QCOMPARE(small->errorCount(), 0);
        QVERIFY(small->warningCount() >= 1);
        // …but as training data, ten examples are the minimum: that blocks.
        settings.use = DataUse::Training;
        UploadTask *tooFew =
                area->uploadPath(writeFile(QStringLiteral("few.jsonl"),
                                         sample(QStringLiteral("support-bot-validation.jsonl"))),
                        settings);
        QVERIFY(waitForStage(tooFew, UploadTask::Stage::NeedsConfirmation));
        auto *dontUpload =
                area->rowFor(tooFew)->findChild<QPushButton *>(QStringLiteral("cancelPushButton"));
        QCOMPARE(dontUpload->text(), QStringLiteral("Don't Upload"));
        QTest::mouseClick(dontUpload, Qt::LeftButton);
        QCOMPARE(tooFew->stage(), UploadTask::Stage::Cancelled);
    }

    void cancelMidUpload()
    {
        auto area = makeArea();
        QVERIFY(area);
        UploadOptions options = testOptions();
        options.partSize = 16 * 1024;
        area->setUploadOptions(options);
        UploadSettings settings = area->uploadSettings();
        settings.alwaysResumable = true;
        settings.options = options;
        m_sandbox->injectLatency(100);
        const QString path = writeFile(QStringLiteral("big.jsonl"), bigDataset(600 * 1024));
        UploadTask *task = area->uploadPath(path, settings);
        // Long enough in flight for the speed to be known (it is measured over 300 ms at least).
        QVERIFY(QTest::qWaitFor(
                [task] {
                    return task->progress().bytesPerSecond > 0 && task->progress().partsDone >= 2;
                },
                15000));
        QCOMPARE(task->stage(), UploadTask::Stage::Uploading);
        UploadRow *row = area->rowFor(task);
        QVERIFY2(row->detailText().contains(QStringLiteral(" of ")), qPrintable(row->detailText()));
        QVERIFY2(row->detailText().contains(QStringLiteral(" parts")),
                qPrintable(row->detailText()));
        QVERIFY2(row->detailText().contains(QStringLiteral("/s")), qPrintable(row->detailText()));
        QVERIFY2(row->detailText().contains(QStringLiteral("left")), qPrintable(row->detailText()));
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-uploading"));
        QTest::mouseClick(
                row->findChild<QPushButton *>(QStringLiteral("cancelPushButton")), Qt::LeftButton);
        QCOMPARE(task->stage(), UploadTask::Stage::Cancelled);
        // The service is told to drop the parts; nothing is left to resume.
        QTRY_COMPARE_WITH_TIMEOUT(
                served(QStringLiteral("POST"), QStringLiteral("/cancel")), 1, 5000);
        m_sandbox->injectLatency(0);
        QVERIFY(UploadJournal(options.journalDirectory).pendingUploads().isEmpty());
        QVERIFY(serverFiles().isEmpty());
        QVERIFY(row->findChild<QPushButton *>(QStringLiteral("dismissPushButton"))->isVisible());
        QVERIFY(!row->findChild<QPushButton *>(QStringLiteral("resumePushButton"))->isVisible());
    }

    void failedUploadResumesAlsoAfterARestart()
    {
        UploadOptions options = testOptions();
        options.partSize = 16 * 1024;
        const QByteArray content = bigDataset(200 * 1024);
        const QString path = writeFile(QStringLiteral("resume.jsonl"), content);
        {
            auto area = makeArea();
            QVERIFY(area);
            area->setUploadOptions(options);
            UploadSettings settings = area->uploadSettings();
            settings.alwaysResumable = true;
            settings.options = options;
            m_sandbox->injectLatency(60);
            UploadTask *task = area->uploadPath(path, settings);
            QVERIFY(QTest::qWaitFor([task] { return task->progress().partsDone >= 3; }, 15000));
            // The network goes bad: every part fails, retries included.
            m_sandbox->injectHttpError(503, 1000, QStringLiteral("/parts"));
            QVERIFY(waitForStage(task, UploadTask::Stage::Failed, 30000));
            QVERIFY(task->isResumable());
            UploadRow *row = area->rowFor(task);
            QVERIFY(!row->detailText().isEmpty()); // why, in plain words
            auto *resume = row->findChild<QPushButton *>(QStringLiteral("resumePushButton"));
            QVERIFY(resume->isVisible());
            QCOMPARE(resume->text(), QStringLiteral("Resume"));
            fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-failed"));
        } // the app quits with the upload unfinished
        m_sandbox->clearFaults();
        m_sandbox->injectLatency(0);

        auto area = makeArea();
        QVERIFY(area);
        auto *banner = area->findChild<QWidget *>(QStringLiteral("resumeBanner"));
        QVERIFY(banner->isVisible());
        QCOMPARE(area->offeredResumes().size(), 1);
        QVERIFY(area->findChild<QLabel *>(QStringLiteral("bannerLabel"))
                        ->text()
                        .contains(QStringLiteral("resume.jsonl")));
        QVERIFY(area->uploads().isEmpty()); // offered, not started by itself
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-banner"));
        const int partsBefore = served(QStringLiteral("POST"), QStringLiteral("/parts"));
        QTest::mouseClick(area->findChild<QPushButton *>(QStringLiteral("bannerResumePushButton")),
                Qt::LeftButton);
        QVERIFY(!banner->isVisible());
        QCOMPARE(area->uploads().size(), 1);
        UploadTask *task = area->uploads().first();
        QVERIFY(waitForStage(task, UploadTask::Stage::Done));
        QVERIFY(task->progress().partsReused >= 3);
        const int partsTotal = int((content.size() + options.partSize - 1) / options.partSize);
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/parts")) - partsBefore,
                partsTotal - task->progress().partsReused);
        QCOMPARE(task->file().bytes, qint64(content.size()));
        QVERIFY(area->model()->rowOf(task->file().id) >= 0);
    }

    void resumeButtonRetriesInTheSameRun()
    {
        auto area = makeArea();
        QVERIFY(area);
        m_sandbox->injectHttpError(500, 3, QStringLiteral("/files")); // the first try and 2 retries
        UploadTask *task = area->uploadPath(
                writeFile(QStringLiteral("a.jsonl"), sample(QStringLiteral("support-bot.jsonl"))),
                area->uploadSettings());
        QVERIFY(waitForStage(task, UploadTask::Stage::Failed, 20000));
        QVERIFY(!task->errorMessage().isEmpty());
        auto *resume =
                area->rowFor(task)->findChild<QPushButton *>(QStringLiteral("resumePushButton"));
        QVERIFY(resume->isVisible());
        QTest::mouseClick(resume, Qt::LeftButton);
        QVERIFY(waitForStage(task, UploadTask::Stage::Done));
    }

    void otherPurposesAndSkippedChecksGoUnchecked()
    {
        auto area = makeArea();
        QVERIFY(area);
        QByteArray broken = sample(QStringLiteral("support-bot.jsonl")) + "{not json\n";
        // Batch input is not training data: the linter has no say.
        UploadSettings settings = area->uploadSettings();
        settings.purpose = QStringLiteral("batch");
        UploadTask *batch =
                area->uploadPath(writeFile(QStringLiteral("batch.jsonl"), broken), settings);
        QCOMPARE(batch->stage(), UploadTask::Stage::Waiting);
        QVERIFY(waitForStage(batch, UploadTask::Stage::Done));
        QCOMPARE(batch->file().purpose, QStringLiteral("batch"));
        QVERIFY(batch->findings().isEmpty());
        QVERIFY(!area->useOf(batch->file().id)); // only fine-tuning data is training/validation

        // A check may be skipped while it runs (a huge file): nothing blocks then.
        UploadTask *skipped = area->uploadPath(
                writeFile(QStringLiteral("skipped.jsonl"), broken), area->uploadSettings());
        QCOMPARE(skipped->stage(), UploadTask::Stage::Checking);
        auto *skip = area->rowFor(skipped)->findChild<QPushButton *>(
                QStringLiteral("skipCheckPushButton"));
        // The new row is shown on the next turn of the event loop; the check may be over by then.
        QVERIFY(skip->isVisibleTo(area->rowFor(skipped)));
        skip->click();
        QVERIFY(skipped->checkSkipped());
        QVERIFY(!skip->isVisibleTo(area->rowFor(skipped)));
        // The service's own check still refuses the broken line, and says where.
        QVERIFY(waitForStage(skipped, UploadTask::Stage::Failed));
        QVERIFY(skipped->isProcessingError());

        // Cancelled while checking: nothing is sent.
        const int sentBefore = served(QStringLiteral("POST"), QStringLiteral("/files"));
        UploadTask *cancelled = area->uploadPath(
                writeFile(QStringLiteral("never.jsonl"), broken), area->uploadSettings());
        QCOMPARE(cancelled->stage(), UploadTask::Stage::Checking);
        area->rowFor(cancelled)
                ->findChild<QPushButton *>(QStringLiteral("cancelPushButton"))
                ->click();
        QCOMPARE(cancelled->stage(), UploadTask::Stage::Cancelled);
        QTest::qWait(200); // nothing to wait for: proves a cancelled upload stays so
        QCOMPARE(cancelled->stage(), UploadTask::Stage::Cancelled);
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/files")), sentBefore);
    }

    void switchingTheConnectionShowsItsFiles()
    {
        test::uploadDirectly(m_client.get(), QStringLiteral("here.jsonl"), "{}\n");
        sandbox::SandboxServer other;
        QString problem;
        QVERIFY2(other.start(&problem), qPrintable(problem));
        auto area = makeArea();
        QVERIFY(area);
        QCOMPARE(area->model()->rowCount(), 1);
        Connection connection;
        connection.kind = Connection::Kind::Compatible;
        connection.name = QStringLiteral("Other server");
        connection.baseUrl = other.baseUrl();
        const QString id = m_store->add(connection);
        QSignalSpy finished(area->model(), &FileListModel::loadFinished);
        QVERIFY(m_store->setActive(id));
        QTRY_VERIFY_WITH_TIMEOUT(!finished.isEmpty() && !area->model()->isLoading(), 10000);
        QCOMPARE(area->client()->connection().baseUrl, other.baseUrl());
        QCOMPARE(area->model()->rowCount(), 0);
        QVERIFY(area->emptyText().contains(QStringLiteral("No files on this connection yet")));
    }

    void togetherConnectionUploadsShowsAndDeletes()
    {
        // A "Together AI" connection on the sandbox's Together dialect.
        Connection together;
        together.kind = Connection::Kind::Together;
        together.name = QStringLiteral("Together (practice)");
        QUrl base = m_sandbox->baseUrl();
        base.setPath(QStringLiteral("/together/v1"));
        together.baseUrl = base;
        QVERIFY(m_store->setActive(m_store->add(together)));
        auto area = makeArea();
        QVERIFY(area);
        QCOMPARE(area->model()->rowCount(), 0);
        // Parts that resume are OpenAI's: the choice is off and says why.
        auto *resumable = area->findChild<QCheckBox *>(QStringLiteral("resumableCheckBox"));
        QVERIFY(resumable && !resumable->isEnabled());
        QVERIFY(resumable->toolTip().contains(QStringLiteral("OpenAI feature")));

        // A small file: checked, sent in one multipart request, followed until ready, listed.
        UploadTask *small = area->uploadPath(
                writeFile(QStringLiteral("together-small.jsonl"), bigDataset(6000)),
                area->uploadSettings());
        QVERIFY(small);
        QVERIFY2(waitForStage(small, UploadTask::Stage::Done), qPrintable(small->detailText()));
        QCOMPARE(served(QStringLiteral("POST"), QStringLiteral("/together/v1/files/upload")), 1);
        // A large one (large for the test): the presigned flow.
        UploadSettings settings = area->uploadSettings();
        settings.options.multipartLimit = 4096;
        UploadTask *large = area->uploadPath(
                writeFile(QStringLiteral("together-large.jsonl"), bigDataset(200 * 1024)),
                settings);
        QVERIFY2(waitForStage(large, UploadTask::Stage::Done), qPrintable(large->detailText()));
        QCOMPARE(served(QStringLiteral("PUT"), QStringLiteral("/together/_upload/")), 1);
        QCOMPARE(area->model()->rowCount(), 2);
        const int row = proxyRowOf(area.get(), large->file().id);
        QVERIFY(row >= 0);
        QCOMPARE(area->proxyModel()->index(row, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Ready"));
        QVERIFY(area->rowFor(large));
        area->resize(1024, 600);
        fs::test::saveScreenshot(area.get(), QStringLiteral("filesui-together"));

        // A fresh load lists them from the service, with their check.
        QSignalSpy loaded(area->model(), &FileListModel::loadFinished);
        area->refresh();
        QVERIFY(loaded.wait(5000));
        QCOMPARE(area->model()->rowCount(), 2);
        // Deleted through the dialect.
        area->view()->selectRow(proxyRowOf(area.get(), small->file().id));
        m_answer = QMessageBox::Yes;
        QSignalSpy deleted(area.get(), &FilesArea::fileDeleted);
        area->action(QStringLiteral("deleteAction"))->trigger();
        QVERIFY(deleted.wait(5000));
        QCOMPARE(served(QStringLiteral("DELETE"), QStringLiteral("/together/v1/files/")), 1);
        QCOMPARE(area->model()->rowCount(), 1);
        QCOMPARE(area->model()->file(0).id, large->file().id);

        // Close on a finished upload's row lets it go; Clear Finished the rest.
        QPointer<UploadRow> smallRow = area->rowFor(small);
        QVERIFY(smallRow);
        QTest::mouseClick(smallRow->findChild<QPushButton *>(QStringLiteral("dismissPushButton")),
                Qt::LeftButton);
        QTRY_VERIFY(!smallRow);
        QCOMPARE(area->uploads(), QList<UploadTask *> {large});
        area->findChild<QPushButton *>(QStringLiteral("clearFinishedPushButton"))->click();
        QTRY_VERIFY(area->uploads().isEmpty() && !area->rowFor(large));
    }

    void deleteAsksFirst()
    {
        const FileObject keep =
                test::uploadDirectly(m_client.get(), QStringLiteral("keep.jsonl"), "{}\n");
        const FileObject gone =
                test::uploadDirectly(m_client.get(), QStringLiteral("gone.jsonl"), "{}\n");
        auto area = makeArea();
        QVERIFY(area);
        QCOMPARE(area->model()->rowCount(), 2);
        area->view()->selectRow(proxyRowOf(area.get(), gone.id));
        QVERIFY(area->action(QStringLiteral("deleteAction"))->isEnabled());
        // The Delete key, with the focus in the list; the answer is Cancel.
        area->view()->setFocus();
        m_answer = QMessageBox::Cancel;
        QTest::keyClick(area->view(), Qt::Key_Delete);
        QCOMPARE(m_messages.size(), 1);
        QVERIFY(m_messages.first().text.contains(QStringLiteral("gone.jsonl")));
        QCOMPARE(m_messages.first().defaultButton, QMessageBox::Cancel);
        QTest::qWait(100); // nothing to wait for: proves nothing is deleted
        QCOMPARE(serverFiles().size(), 2);
        m_answer = QMessageBox::Yes;
        QSignalSpy deleted(area.get(), &FilesArea::fileDeleted);
        area->action(QStringLiteral("deleteAction"))->trigger();
        QVERIFY(deleted.wait(5000));
        QCOMPARE(deleted.first().first().toString(), gone.id);
        QCOMPARE(area->model()->rowOf(gone.id), -1);
        QVERIFY(area->model()->rowOf(keep.id) >= 0);
        const QList<FileObject> left = serverFiles();
        QCOMPARE(left.size(), 1);
        QCOMPARE(left.first().id, keep.id);
    }

    void dropStartsAnUploadOfEachFile()
    {
        auto area = makeArea();
        QVERIFY(area);
        const QString a =
                writeFile(QStringLiteral("one.jsonl"), sample(QStringLiteral("support-bot.jsonl")));
        const QString b = writeFile(
                QStringLiteral("two.jsonl"), sample(QStringLiteral("weather-tools.jsonl")));
        QMimeData text;
        text.setText(QStringLiteral("not a file"));
        QDragEnterEvent refused(
                QPoint(20, 20), Qt::CopyAction, &text, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(area.get(), &refused);
        QVERIFY(!refused.isAccepted());

        QMimeData mime;
        mime.setUrls({QUrl::fromLocalFile(a), QUrl::fromLocalFile(b)});
        QDragEnterEvent enter(
                QPoint(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(area.get(), &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent drop(QPointF(20, 20), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
        QCoreApplication::sendEvent(area.get(), &drop);
        QVERIFY(drop.isAccepted());
        QCOMPARE(area->uploads().size(), 2);
        // One sends at a time: never two at once.
        bool overlapped = false;
        QTimer watch;
        connect(&watch, &QTimer::timeout, this, [&] {
            overlapped = overlapped
                    || (area->uploads().at(0)->isSending() && area->uploads().at(1)->isSending());
        });
        watch.start(1);
        for (UploadTask *task : area->uploads())
            QVERIFY(waitForStage(task, UploadTask::Stage::Done));
        QVERIFY(!overlapped);
        QCOMPARE(area->model()->rowCount(), 2);
        QVERIFY(area->emptyText().isEmpty());
    }

    void purposeFilter()
    {
        test::uploadDirectly(m_client.get(), QStringLiteral("train.jsonl"), "{}\n");
        test::uploadDirectly(
                m_client.get(), QStringLiteral("requests.jsonl"), "{}\n", QStringLiteral("batch"));
        auto area = makeArea();
        QVERIFY(area);
        QCOMPARE(area->proxyModel()->rowCount(), 2);
        auto *filter = area->findChild<QComboBox *>(QStringLiteral("filterComboBox"));
        QSignalSpy finished(area->model(), &FileListModel::loadFinished);
        filter->setCurrentIndex(filter->findData(QStringLiteral("batch")));
        QVERIFY(finished.wait(5000));
        QCOMPARE(area->proxyModel()->rowCount(), 1);
        QCOMPARE(area->proxyModel()->index(0, FileListModel::FilenameColumn).data().toString(),
                QStringLiteral("requests.jsonl"));
        filter->setCurrentIndex(filter->findData(QStringLiteral("vision")));
        QVERIFY(finished.wait(5000));
        QCOMPARE(area->proxyModel()->rowCount(), 0);
        QVERIFY2(area->emptyText().contains(QStringLiteral("Images")),
                qPrintable(area->emptyText()));
        filter->setCurrentIndex(0);
        QVERIFY(finished.wait(5000));
        QCOMPARE(area->proxyModel()->rowCount(), 2);
    }

    void saveContentDecodesABase64ResultFile()
    {
        // A finished job's result file: the sandbox, like the service, stores it base64-encoded.
        const FileObject training = test::uploadDirectly(m_client.get(),
                QStringLiteral("train.jsonl"), sample(QStringLiteral("support-bot.jsonl")));
        QVERIFY(QTest::qWaitFor(
                [&] {
                    ApiReply *reply = m_client->retrieveFile(training.id);
                    QSignalSpy done(reply, &ApiReply::finished);
                    return done.wait(5000)
                            && FileObject::fromJson(reply->json()).status
                            == QLatin1String("processed");
                },
                20000));
        CreateJobRequest request;
        request.model = QStringLiteral("gpt-4.1-mini-2025-04-14");
        request.trainingFile = training.id;
        ApiReply *created = m_client->createJob(request);
        QSignalSpy createdSpy(created, &ApiReply::finished);
        QVERIFY(createdSpy.wait(5000));
        QVERIFY2(created->ok(), qPrintable(created->error().technicalSummary()));
        const QString jobId = FineTuningJob::fromJson(created->json()).id;
        FineTuningJob job;
        QVERIFY(QTest::qWaitFor(
                [&] {
                    ApiReply *reply = m_client->retrieveJob(jobId);
                    QSignalSpy done(reply, &ApiReply::finished);
                    if (!done.wait(5000))
                        return false;
                    job = FineTuningJob::fromJson(reply->json());
                    if (!job.isTerminal())
                        QTest::qWait(200); // paces the polling (the condition is below)
                    return job.isTerminal();
                },
                60000));
        QCOMPARE(job.status, FineTuningJob::Status::Succeeded);
        QVERIFY(!job.resultFiles.isEmpty());
        const QString resultId = job.resultFiles.first();

        auto area = makeArea();
        QVERIFY(area);
        const int row = proxyRowOf(area.get(), resultId);
        QVERIFY(row >= 0);
        QCOMPARE(area->proxyModel()->index(row, FileListModel::PurposeColumn).data().toString(),
                QStringLiteral("Training results"));
        area->view()->selectRow(row);
        const QString target = m_dir->filePath(QStringLiteral("metrics.csv"));
        QString suggested;
        const FileDialog::ScopedTestHook fileDialogs([&](const FileRequest &request) {
            suggested = QFileInfo(request.path).fileName();
            return request.kind == QLatin1String("save") ? QStringList {target} : QStringList();
        });
        QSignalSpy saved(area.get(), &FilesArea::contentSaved);
        area->action(QStringLiteral("saveContentAction"))->trigger();
        QVERIFY(saved.wait(10000));
        QVERIFY(saved.first().first().toBool());
        QVERIFY(!suggested.isEmpty());
        QFile file(target);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray csv = file.readAll();
        QVERIFY2(csv.startsWith("step,"), csv.left(40).constData());
        QVERIFY(area->statusText().contains(QStringLiteral("decoded")));
        // The raw bytes were base64 (else the test proves nothing).
        ApiReply *raw = m_client->fileContent(resultId);
        QSignalSpy rawDone(raw, &ApiReply::finished);
        QVERIFY(rawDone.wait(5000));
        QCOMPARE(QByteArray::fromBase64(raw->body()), csv);
        QVERIFY(!raw->body().startsWith("step,"));

        // An ordinary file is saved byte for byte.
        const int trainingRow = proxyRowOf(area.get(), training.id);
        area->view()->selectRow(trainingRow);
        const QString plainTarget = m_dir->filePath(QStringLiteral("copy.jsonl"));
        const FileDialog::ScopedTestHook plainFileDialogs(
                [&](const FileRequest &) { return QStringList {plainTarget}; });
        area->action(QStringLiteral("saveContentAction"))->trigger();
        QVERIFY(saved.wait(10000));
        QFile copy(plainTarget);
        QVERIFY(copy.open(QIODevice::ReadOnly));
        QCOMPARE(copy.readAll(), sample(QStringLiteral("support-bot.jsonl")));
    }

    void refreshKeyWinsInTheMainWindow()
    {
        // The window's "Test Again" also has F5; with the focus in the Files area, F5 reloads
        // the list (not both ambiguous and neither working).
        MainWindow window(m_store.get(), m_secrets.get(), m_nam.get());
        auto *area = new FilesArea(&window);
        area->setSettings(m_settings.get());
        area->setUploadOptions(testOptions());
        const int index = window.addArea(QStringLiteral("Files"), QIcon(), area);
        window.showArea(index);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(area->model()->isLoaded(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(window.activeConnection()->isSettled(), 10000);
        area->view()->setFocus();
        QSignalSpy loading(area->model(), &FileListModel::loadingChanged);
        QTest::keyClick(area->view(), Qt::Key_F5);
        QVERIFY(!loading.isEmpty());
        QVERIFY(loading.first().first().toBool());
        QVERIFY(window.activeConnection()->isSettled()); // the window did not re-test
    }
};

QTEST_MAIN(tst_FilesArea)
#include "tst_filesarea.moc"
