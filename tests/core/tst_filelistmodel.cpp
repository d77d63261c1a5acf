// SPDX-License-Identifier: GPL-3.0-or-later
#include "apiclient.h"
#include "filelistmodel.h"
#include "providerclient.h"
#include "sandboxserver.h"
#include "uploaddirectly.h"

#include <QAbstractItemModelTester>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QTest>
#include <memory>

using namespace fs;

class tst_FileListModel : public QObject
{
    Q_OBJECT

    std::unique_ptr<sandbox::SandboxServer> m_sandbox;
    std::unique_ptr<QNetworkAccessManager> m_nam;
    std::unique_ptr<ApiClient> m_client;

    Connection sandboxConnection() const
    {
        Connection connection;
        connection.kind = Connection::Kind::Sandbox;
        connection.baseUrl = m_sandbox->baseUrl();
        return connection;
    }

    /// Uploads through the API client directly (not what is tested here).
    FileObject upload(const QString &name, const QByteArray &content,
            const QString &purpose = QStringLiteral("fine-tune"))
    {
        return test::uploadDirectly(m_client.get(), name, content, purpose);
    }

    static bool load(FileListModel &model)
    {
        QSignalSpy finished(&model, &FileListModel::loadFinished);
        model.refresh();
        return finished.wait(5000) && finished.first().first().toBool();
    }

    static QStringList names(const QAbstractItemModel &model)
    {
        QStringList list;
        for (int row = 0; row < model.rowCount(); ++row)
            list << model.index(row, FileListModel::FilenameColumn).data().toString();
        return list;
    }

private Q_SLOTS:
    void init()
    {
        sandbox::SandboxOptions options;
        // Files are "being checked" for 1 s × timeScale after they arrive.
        options.timeScale = 0.3;
        m_sandbox = std::make_unique<sandbox::SandboxServer>(options);
        QString problem;
        QVERIFY2(m_sandbox->start(&problem), qPrintable(problem));
        m_nam = std::make_unique<QNetworkAccessManager>();
        m_client = std::make_unique<ApiClient>(m_nam.get(), sandboxConnection());
        RetryPolicy noRetries;
        noRetries.maxRetries = 0;
        m_client->setRetryPolicy(noRetries);
    }

    void cleanup()
    {
        m_client.reset();
        m_nam.reset();
        m_sandbox.reset();
    }

    void emptyListLoads()
    {
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(!load(model)); // no client yet: nothing to load
        model.setClient(m_client.get());
        QSignalSpy loading(&model, &FileListModel::loadingChanged);
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.isLoaded());
        QVERIFY(!model.isLoading());
        QCOMPARE(loading.count(), 2);
        QCOMPARE(model.columnCount(), int(FileListModel::ColumnCount));
        QCOMPARE(model.headerData(FileListModel::StatusColumn, Qt::Horizontal).toString(),
                QStringLiteral("Status"));
    }

    void loadsEveryPageWithAfter()
    {
        for (int i = 0; i < 7; ++i)
            upload(QStringLiteral("f%1.jsonl").arg(i), QByteArray(100 + i, 'x'));
        int pages = 0;
        connect(m_sandbox.get(), &sandbox::SandboxServer::requestServed, this,
                [&pages](const QString &method, const QString &path) {
                    if (method == QLatin1String("GET") && path.endsWith(QLatin1String("/files")))
                        ++pages;
                });
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        model.setPageSize(3);
        QSignalSpy progress(&model, &FileListModel::loadProgress);
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 7);
        QCOMPARE(pages, 3); // 3 + 3 + 1
        QCOMPARE(progress.count(), 3);
        QCOMPARE(progress.last().first().toInt(), 7);
        // Newest first, as the service lists them.
        QCOMPARE(names(model).first(), QStringLiteral("f6.jsonl"));
        QCOMPARE(names(model).last(), QStringLiteral("f0.jsonl"));
        QSet<QString> ids;
        for (const FileObject &file : model.files())
            ids.insert(file.id);
        QCOMPARE(ids.size(), 7);
    }

    void displayTextsAndRawSortValues()
    {
        const FileObject uploaded = upload(QStringLiteral("big.jsonl"), QByteArray(2500, 'x'));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPollIntervalMs(0);
        model.setClient(m_client.get());
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 1);
        const auto cell = [&model](int column, int role = Qt::DisplayRole) {
            return model.index(0, column).data(role);
        };
        QCOMPARE(cell(FileListModel::FilenameColumn).toString(), QStringLiteral("big.jsonl"));
        QCOMPARE(cell(FileListModel::PurposeColumn).toString(), QStringLiteral("Fine-tuning data"));
        QCOMPARE(cell(FileListModel::SizeColumn).toString(), QStringLiteral("2.5 kB"));
        QCOMPARE(cell(FileListModel::SizeColumn, FileListModel::SortRole).toLongLong(), 2500);
        QCOMPARE(cell(FileListModel::CreatedColumn, FileListModel::SortRole).toLongLong(),
                uploaded.createdAt);
        QVERIFY(!cell(FileListModel::CreatedColumn).toString().isEmpty());
        QCOMPARE(cell(FileListModel::StatusColumn).toString(), QStringLiteral("Checking…"));
        QCOMPARE(cell(FileListModel::ExpiresColumn).toString(), QStringLiteral("Never"));
        QCOMPARE(cell(FileListModel::StatusColumn, FileListModel::FileIdRole).toString(),
                uploaded.id);

        // An error shows "Problem" and the service's reason as the tooltip.
        FileObject broken = uploaded;
        broken.status = QStringLiteral("error");
        broken.statusDetails = QStringLiteral("Line 3: missing 'messages'.");
        broken.expiresAt = 1900000000;
        model.upsertFile(broken);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(cell(FileListModel::StatusColumn).toString(), QStringLiteral("Problem"));
        QCOMPARE(cell(FileListModel::StatusColumn, Qt::ToolTipRole).toString(),
                broken.statusDetails);
        QCOMPARE(cell(FileListModel::StatusColumn, FileListModel::StatusRole).toString(),
                QStringLiteral("error"));
        QCOMPARE(cell(FileListModel::ExpiresColumn, FileListModel::SortRole).toLongLong(),
                1900000000LL);
        QVERIFY(cell(FileListModel::ExpiresColumn).toString() != QStringLiteral("Never"));
        QCOMPARE(FileListModel::statusText(QStringLiteral("processed")), QStringLiteral("Ready"));
        QCOMPARE(FileListModel::statusText(QStringLiteral("brand_new")),
                QStringLiteral("brand_new"));
    }

    void sortsThroughAProxyByRawValues()
    {
        // 900 B, 10 kB and 2 kB: as text "900 B" < "2.0 kB" < "10 kB" fails alphabetically.
        upload(QStringLiteral("a.jsonl"), QByteArray(900, 'x'));
        upload(QStringLiteral("b.jsonl"), QByteArray(10000, 'x'));
        upload(QStringLiteral("c.jsonl"), QByteArray(2000, 'x'));
        FileListModel model;
        model.setClient(m_client.get());
        QVERIFY(load(model));
        QSortFilterProxyModel proxy;
        QAbstractItemModelTester tester(
                &proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        proxy.setSourceModel(&model);
        proxy.setSortRole(FileListModel::SortRole);
        proxy.sort(FileListModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(names(proxy),
                QStringList({QStringLiteral("b.jsonl"), QStringLiteral("c.jsonl"),
                        QStringLiteral("a.jsonl")}));
        proxy.sort(FileListModel::SizeColumn, Qt::AscendingOrder);
        QCOMPARE(names(proxy).first(), QStringLiteral("a.jsonl"));
        // A file added later lands at its sorted place.
        FileObject tiny = model.file(0);
        tiny.id = QStringLiteral("file-tiny");
        tiny.filename = QStringLiteral("tiny.jsonl");
        tiny.bytes = 5;
        model.upsertFile(tiny);
        QCOMPARE(names(proxy).first(), QStringLiteral("tiny.jsonl"));
    }

    void purposeFilterAsksTheService()
    {
        upload(QStringLiteral("train.jsonl"), QByteArray("{}\n"));
        upload(QStringLiteral("requests.jsonl"), QByteArray("{}\n"), QStringLiteral("batch"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 2);
        QSignalSpy finished(&model, &FileListModel::loadFinished);
        model.setPurposeFilter(QStringLiteral("batch"));
        QVERIFY(model.isLoading());
        QVERIFY(finished.wait(5000));
        QCOMPARE(names(model), QStringList({QStringLiteral("requests.jsonl")}));
        QCOMPARE(model.index(0, 0).data(FileListModel::PurposeRole).toString(),
                QStringLiteral("batch"));
        // A new file of another purpose is not shown under this filter.
        FileObject other = model.file(0);
        other.id = QStringLiteral("file-other");
        other.purpose = QStringLiteral("fine-tune");
        model.upsertFile(other);
        QCOMPARE(model.rowCount(), 1);
        model.setPurposeFilter({});
        QVERIFY(finished.wait(5000));
        QCOMPARE(model.rowCount(), 2);
    }

    void upsertAndRemove()
    {
        const FileObject first = upload(QStringLiteral("one.jsonl"), QByteArray("{}\n"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        QVERIFY(load(model));
        const FileObject second = upload(QStringLiteral("two.jsonl"), QByteArray("{}\n"));
        model.upsertFile(second);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(second.id), 0);
        FileObject renamed = second;
        renamed.filename = QStringLiteral("two-renamed.jsonl");
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        model.upsertFile(renamed);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(model.file(model.rowOf(second.id)).filename, QStringLiteral("two-renamed.jsonl"));
        QVERIFY(model.removeFile(first.id));
        QVERIFY(!model.removeFile(first.id));
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.rowOf(first.id), -1);
        QVERIFY(model.file(5).id.isEmpty());
    }

    void refreshMergesAndKeepsRows()
    {
        const FileObject a = upload(QStringLiteral("a.jsonl"), QByteArray("{}\n"));
        const FileObject b = upload(QStringLiteral("b.jsonl"), QByteArray("{}\n"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        model.setPageSize(1);
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 2);
        // Deleted elsewhere, and a new one: a refresh removes one row and adds one, without a
        // reset.
        ApiReply *del = m_client->deleteFile(a.id);
        QSignalSpy deleted(del, &ApiReply::finished);
        QVERIFY(deleted.wait(5000));
        const FileObject c = upload(QStringLiteral("c.jsonl"), QByteArray("{}\n"));
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        QVERIFY(load(model));
        QCOMPARE(reset.count(), 0);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOf(a.id), -1);
        QVERIFY(model.rowOf(b.id) >= 0);
        QVERIFY(model.rowOf(c.id) >= 0);
    }

    void failedLoadKeepsRowsAndSaysWhy()
    {
        upload(QStringLiteral("a.jsonl"), QByteArray("{}\n"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        QVERIFY(load(model));
        m_sandbox->injectHttpError(500, 1, QStringLiteral("/files"));
        QVERIFY(!load(model));
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(!model.errorMessage().isEmpty());
        QCOMPARE(model.lastError().httpStatus, 500);
        QVERIFY(load(model));
        QVERIFY(model.errorMessage().isEmpty());
    }

    void followsFilesBeingChecked()
    {
        const FileObject file = upload(QStringLiteral("fresh.jsonl"), QByteArray("{}\n"));
        QCOMPARE(file.status, QStringLiteral("uploaded"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPollIntervalMs(50);
        model.setClient(m_client.get());
        QSignalSpy statusChanged(&model, &FileListModel::fileStatusChanged);
        QVERIFY(load(model));
        QCOMPARE(model.index(0, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Checking…"));
        QVERIFY(statusChanged.wait(5000));
        QCOMPARE(statusChanged.first().first().value<FileObject>().status,
                QStringLiteral("processed"));
        QCOMPARE(model.index(0, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Ready"));
    }

    void changingClientEmptiesTheList()
    {
        upload(QStringLiteral("a.jsonl"), QByteArray("{}\n"));
        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setClient(m_client.get());
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 1);
        // Switched while a load runs: the old answer must not land in the new list.
        model.refresh();
        model.setClient(nullptr);
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoading());
        QTest::qWait(200); // nothing to wait for: proves the old answer does not land
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(!model.isLoaded());
    }

    void togetherListsItsFilesWithTheirCheck()
    {
        // A Together AI connection lists through its dialect: one list, "Processed" as status.
        Connection together;
        together.kind = Connection::Kind::Together;
        QUrl base = m_sandbox->baseUrl();
        base.setPath(QStringLiteral("/together/v1"));
        together.baseUrl = base;
        together.apiKey = QStringLiteral("tgp_v1_test");
        ApiClient client(m_nam.get(), together);
        ProviderClient provider(&client);
        std::optional<ProviderResult<FileObject>> uploaded;
        provider.uploadFile(QStringLiteral("together.jsonl"), QByteArray("{}\n"),
                QStringLiteral("fine-tune"),
                [&uploaded](const ProviderResult<FileObject> &result) { uploaded = result; });
        QTRY_VERIFY_WITH_TIMEOUT(uploaded.has_value(), 5000);
        QVERIFY2(uploaded->ok(), qPrintable(uploaded->error.plainMessage()));
        upload(QStringLiteral("openai-side.jsonl"), QByteArray("{}\n")); // not Together's

        FileListModel model;
        QAbstractItemModelTester tester(
                &model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setPollIntervalMs(50);
        model.setClient(&client);
        QSignalSpy statusChanged(&model, &FileListModel::fileStatusChanged);
        QVERIFY(load(model));
        QCOMPARE(names(model), QStringList {QStringLiteral("together.jsonl")});
        QCOMPARE(model.file(0).id, uploaded->value->id);
        QCOMPARE(model.index(0, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Checking…"));
        QVERIFY(statusChanged.wait(5000));
        QCOMPARE(model.index(0, FileListModel::StatusColumn).data().toString(),
                QStringLiteral("Ready"));

        std::optional<ProviderResult<DeletedObject>> deleted;
        provider.deleteFile(uploaded->value->id,
                [&deleted](const ProviderResult<DeletedObject> &result) { deleted = result; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), 5000);
        QVERIFY(deleted->ok() && deleted->value->deleted);
        QVERIFY(load(model));
        QCOMPARE(model.rowCount(), 0);
    }
};

QTEST_GUILESS_MAIN(tst_FileListModel)
#include "tst_filelistmodel.moc"
