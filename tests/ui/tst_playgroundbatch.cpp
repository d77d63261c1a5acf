// SPDX-License-Identifier: GPL-3.0-or-later
#include "batchpage.h"
#include "batchresultsmodel.h"
#include "batchrunner.h"
#include "filedialog.h"
#include "playgroundarea.h"
#include "practicebadge.h"
#include "tst_playgroundsupport.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>

using namespace fs;
using namespace fs::ui;
using fs::test::kBaseModel;

class tst_PlaygroundBatch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void smallBatchRunsToCompletionAndFillsTheTable();
    void rateLimitPausesAndEveryRowIsScored();
    void cancelKeepsWhatArrived();
    void storedResultsReopenAndRescoreWithoutAskingModels();
    void emptyAndBadInputsAreExplained();
    void defaultsAreBaseAgainstFineTunedNeverTheSameModel();
    void shortNameAndDatedVersionAreWarnedAsOneModel();
    void sandboxAnswersAreMarkedAsPractice();

private:
    std::unique_ptr<PlaygroundArea> makeArea();
    /// A validation file of `count` support-bot examples.
    QString writeValidationFile(int count);
    bool chooseModels(BatchPage *page);
    bool runAndWait(BatchPage *page, int timeoutMs = 60000);

    fs::test::PlaygroundFixture m_fixture;
    QString m_resultsPath;
};

void tst_PlaygroundBatch::initTestCase()
{
    QString why;
    QVERIFY2(m_fixture.start(&why), qPrintable(why));
    // As in the app: the finished job with its checkpoints is in the job history.
    QVERIFY2(m_fixture.rememberJob(&why), qPrintable(why));
    m_resultsPath = m_fixture.dir.filePath(QStringLiteral("results.jsonl"));
}

void tst_PlaygroundBatch::cleanupTestCase()
{
    fs::test::PlaygroundFixture::forgetJobs();
}

std::unique_ptr<PlaygroundArea> tst_PlaygroundBatch::makeArea()
{
    auto area = m_fixture.makeArea();
    area->setCurrentPage(PlaygroundArea::Batch);
    area->resize(1150, 800);
    area->show();
    return area;
}

QString tst_PlaygroundBatch::writeValidationFile(int count)
{
    const QList<QByteArray> lines = fs::test::readFile(
            QStringLiteral(FS_TEST_DATA_DIR "/../../resources/samples/support-bot.jsonl"))
                                            .trimmed()
                                            .split('\n');
    QByteArray data;
    for (int i = 0; i < count; ++i)
        data += lines.at(i % lines.size()) + '\n';
    const QString path = m_fixture.dir.filePath(QStringLiteral("validation-%1.jsonl").arg(count));
    QFile file(path);
    if (file.open(QIODevice::WriteOnly))
        file.write(data);
    return path;
}

bool tst_PlaygroundBatch::chooseModels(BatchPage *page)
{
    if (page->modelRowCount() < 2 || !fs::test::waitReady(page->modelSelector(0))
            || !fs::test::waitReady(page->modelSelector(1)))
        return false;
    page->modelSelector(0)->setModel(kBaseModel);
    page->modelSelector(1)->setModel(m_fixture.fineTuned);
    return page->modelSelector(1)->model() == m_fixture.fineTuned;
}

bool tst_PlaygroundBatch::runAndWait(BatchPage *page, int timeoutMs)
{
    QSignalSpy finished(page->runner(), &BatchRunner::finished);
    if (!page->runButton()->isEnabled())
        return false;
    QTest::mouseClick(page->runButton(), Qt::LeftButton);
    return finished.wait(timeoutMs) || finished.count() > 0;
}

void tst_PlaygroundBatch::smallBatchRunsToCompletionAndFillsTheTable()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(!page->runButton()->isEnabled()); // no file yet
    QVERIFY(!page->datasetRadio()->isEnabled()); // no dataset area
    QCOMPARE(page->concurrencySpinBox()->value(), 4);
    QVERIFY(chooseModels(page));
    const QString path = writeValidationFile(10);
    const FileDialog::ScopedTestHook fileDialogs([path](const FileRequest &request) {
        return request.kind == QLatin1String("batchInput") ? QStringList {path} : QStringList();
    });
    QTest::mouseClick(
            page->findChild<QPushButton *>(QStringLiteral("browsePushButton")), Qt::LeftButton);
    QCOMPARE(page->fileLineEdit()->text(), path);
    page->concurrencySpinBox()->setValue(3);

    QSignalSpy progress(page->runner(), &BatchRunner::progress);
    QVERIFY(runAndWait(page));
    QVERIFY(progress.count() >= 2);
    QCOMPARE(page->progressBar()->value(), 20);
    QCOMPARE(page->progressBar()->maximum(), 20);
    QCOMPARE(page->runner()->concurrency(), 3);

    BatchResultsModel *model = page->resultsModel();
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(model->results().doneCount(), 20);
    QCOMPARE(model->results().failedCount(), 0);
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("Examples scored: 10")));
    // The fine-tune repeats its training answers: a much better ROUGE-L than the base model.
    const double base = model->results().average(0).rougeL.fmeasure;
    const double tuned = model->results().average(1).rougeL.fmeasure;
    QVERIFY2(tuned > base + 0.3, qPrintable(QStringLiteral("%1 vs %2").arg(base).arg(tuned)));
    const QString averages = page->averagesLabel()->text();
    QVERIFY(averages.contains(QLatin1String("ROUGE-L")));
    QVERIFY(averages.contains(QString::number(tuned, 'f', 3)));

    // Sorted by difference, biggest first (done on finishing); then ascending by the header.
    const int diff = model->differenceColumn();
    QVERIFY(diff > 0);
    auto diffAt = [model, diff](int row) {
        return model->data(model->index(row, diff), BatchResultsModel::SortRole).toDouble();
    };
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(diffAt(row - 1) >= diffAt(row));
    page->tableView()->sortByColumn(diff, Qt::AscendingOrder);
    for (int row = 1; row < model->rowCount(); ++row)
        QVERIFY(diffAt(row - 1) <= diffAt(row));
    QTest::mouseClick(
            page->findChild<QPushButton *>(QStringLiteral("sortPushButton")), Qt::LeftButton);
    QVERIFY(diffAt(0) >= diffAt(model->rowCount() - 1));
    QVERIFY(diffAt(0) > 0);
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("batch"));

    // CSV export: a header and one line per example.
    const QString csv = m_fixture.dir.filePath(QStringLiteral("comparison.csv"));
    const FileDialog::ScopedTestHook savingDialogs([csv, this](const FileRequest &request) {
        if (request.kind == QLatin1String("exportCsv"))
            return QStringList {csv};
        if (request.kind == QLatin1String("saveResults"))
            return QStringList {m_resultsPath};
        return QStringList();
    });
    QVERIFY(page->exportButton()->isEnabled());
    QTest::mouseClick(page->exportButton(), Qt::LeftButton);
    const QByteArray data = fs::test::readFile(csv);
    const QList<QByteArray> lines = data.trimmed().split('\n');
    QCOMPARE(lines.size(), 11);
    QVERIFY(lines.first().contains("ROUGE-L"));
    QVERIFY(data.contains(m_fixture.fineTuned.toUtf8()));
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("saveResultsPushButton")),
            Qt::LeftButton);
    QVERIFY(QFile::exists(m_resultsPath));
}

void tst_PlaygroundBatch::rateLimitPausesAndEveryRowIsScored()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(chooseModels(page));
    page->fileLineEdit()->setText(writeValidationFile(12));
    // More 429s than the client's own retries absorb: the runner must pause and resume.
    m_fixture.server->injectHttpError(429, 20, QStringLiteral("/chat/completions"), 1);
    QSignalSpy paused(page->runner(), &BatchRunner::paused);
    QVERIFY(runAndWait(page, 90000));
    m_fixture.server->clearFaults();
    QCOMPARE(page->resultsModel()->results().doneCount(), 24);
    QCOMPARE(page->resultsModel()->results().failedCount(), 0);
    QCOMPARE(page->resultsModel()->rowCount(), 12);
    QVERIFY(paused.count() >= 1);
}

void tst_PlaygroundBatch::cancelKeepsWhatArrived()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(chooseModels(page));
    page->fileLineEdit()->setText(writeValidationFile(12));
    page->concurrencySpinBox()->setValue(1);
    m_fixture.server->injectLatency(150);
    auto restore = qScopeGuard([this] { m_fixture.server->clearFaults(); });
    QSignalSpy finished(page->runner(), &BatchRunner::finished);
    QTest::mouseClick(page->runButton(), Qt::LeftButton);
    QVERIFY(page->cancelButton()->isEnabled());
    QVERIFY(!page->runButton()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(page->runner()->completed() >= 1, 10000);
    QTest::mouseClick(page->cancelButton(), Qt::LeftButton);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toBool(), true);
    QVERIFY(page->statusLabel()->text().startsWith(QLatin1String("Cancelled")));
    QVERIFY(page->resultsModel()->results().doneCount() < 24);
    QVERIFY(page->resultsModel()->results().doneCount() >= 1);
    QVERIFY(page->runButton()->isEnabled());
    QVERIFY(!page->cancelButton()->isEnabled());
}

void tst_PlaygroundBatch::storedResultsReopenAndRescoreWithoutAskingModels()
{
    QVERIFY(QFile::exists(m_resultsPath));
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QSignalSpy served(m_fixture.server.get(), &sandbox::SandboxServer::requestServed);
    const FileDialog::ScopedTestHook fileDialogs([this](const FileRequest &request) {
        return request.kind == QLatin1String("openResults") ? QStringList {m_resultsPath}
                                                            : QStringList();
    });
    // Let the model lists load first: those requests are not about the batch.
    QVERIFY(fs::test::waitReady(page->modelSelector(1)));
    served.clear();
    QTest::mouseClick(page->findChild<QPushButton *>(QStringLiteral("openResultsPushButton")),
            Qt::LeftButton);
    BatchResultsModel *model = page->resultsModel();
    QCOMPARE(model->rowCount(), 10);
    QCOMPARE(model->results().doneCount(), 20);
    const double before = model->results().average(1).rougeL.fmeasure;
    QVERIFY(before > 0);
    // Stemming on: rescored from the stored answers.
    page->stemCheckBox()->setChecked(true);
    QVERIFY(model->results().stems());
    QVERIFY(page->statusLabel()->text().contains(QLatin1String("no model was asked")));
    QVERIFY(model->results().average(0).rouge1.fmeasure
            >= 0); // still scored (values may shift with stemming)
    QCOMPARE(model->results().doneCount(), 20);
    QTest::qWait(100); // nothing to wait for: proves no model is asked again
    int chat = 0;
    for (const QList<QVariant> &arguments : std::as_const(served))
        chat += arguments.at(1).toString().contains(QLatin1String("chat")) ? 1 : 0;
    QCOMPARE(chat, 0);
    QVERIFY(page->exportButton()->isEnabled());
}

void tst_PlaygroundBatch::emptyAndBadInputsAreExplained()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("batchEmptyLabel"))->isVisibleTo(page));
    QVERIFY(chooseModels(page));
    // A file without assistant answers.
    const QString path = m_fixture.dir.filePath(QStringLiteral("no-answers.jsonl"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"messages\":[{\"role\":\"user\",\"content\":\"Hi\"}]}\n");
    file.close();
    page->fileLineEdit()->setText(path);
    QVERIFY(!page->run());
    QVERIFY(!page->statusLabel()->text().isEmpty());
    QVERIFY(!page->runner()->isRunning());
    page->fileLineEdit()->setText(m_fixture.dir.filePath(QStringLiteral("missing.jsonl")));
    QVERIFY(!page->run());
    QVERIFY(!page->statusLabel()->text().isEmpty());
    // A model row can be added and removed, never below two.
    QVERIFY(page->addModelRow());
    QCOMPARE(page->modelRowCount(), 3);
    QVERIFY(page->removeModelRow(2));
    QVERIFY(!page->removeModelRow(1));
    QCOMPARE(page->modelRowCount(), 2);
}

void tst_PlaygroundBatch::defaultsAreBaseAgainstFineTunedNeverTheSameModel()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(fs::test::waitReady(page->modelSelector(0)));
    QVERIFY(fs::test::waitReady(page->modelSelector(1)));
    // Model 1 the base, model 2 its fine-tune: "Difference" then reads as the gain of training.
    QTRY_COMPARE(page->modelSelector(0)->model(), kBaseModel);
    QCOMPARE(page->modelSelector(1)->model(), m_fixture.fineTuned);
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));

    // The last checkpoint is the fine-tuned model itself: warned next to the pickers.
    const QString last = fs::test::finalCheckpoint(page->modelSelector(0));
    QVERIFY(!last.isEmpty());
    page->modelSelector(0)->setModel(last);
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    QVERIFY2(page->sameModelLabel()->text().contains(QLatin1String("models 1 and 2")),
            qPrintable(page->sameModelLabel()->text()));
    area->resize(1024, 600); // the smallest window the app supports
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("batch-same-model"));
    // A third row starts as a copy of the second: the same model again, said at once.
    page->modelSelector(0)->setModel(kBaseModel);
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
    QVERIFY(page->addModelRow());
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    QVERIFY(page->sameModelLabel()->text().contains(QLatin1String("models 2 and 3")));
    QVERIFY(page->removeModelRow(2));
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
}

void tst_PlaygroundBatch::shortNameAndDatedVersionAreWarnedAsOneModel()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(fs::test::waitReady(page->modelSelector(0)));
    QVERIFY(fs::test::waitReady(page->modelSelector(1)));
    QTRY_COMPARE(page->modelSelector(1)->model(), m_fixture.fineTuned); // the defaults are in
    // The person chooses "gpt-4o" and "gpt-4o-2024-08-06" in the two combo boxes.
    ModelPicker *first = page->modelSelector(0)->modelPicker();
    ModelPicker *second = page->modelSelector(1)->modelPicker();
    first->setCurrentIndex(fs::test::rowOfModel(first, QStringLiteral("gpt-4o")));
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
    second->setCurrentIndex(fs::test::rowOfModel(second, QStringLiteral("gpt-4o-2024-08-06")));
    QCOMPARE(page->modelSelector(1)->model(), QStringLiteral("gpt-4o-2024-08-06"));
    QVERIFY(page->sameModelLabel()->isVisibleTo(page));
    const QString warning = page->sameModelLabel()->text();
    QVERIFY2(warning.contains(QLatin1String("models 1 and 2")), qPrintable(warning));
    QVERIFY2(warning.contains(QLatin1String("short name")), qPrintable(warning));
    area->resize(1024, 600);
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("batch-short-name"));
    second->setCurrentIndex(fs::test::rowOfModel(second, QStringLiteral("gpt-4o-mini")));
    QVERIFY(!page->sameModelLabel()->isVisibleTo(page));
}

void tst_PlaygroundBatch::sandboxAnswersAreMarkedAsPractice()
{
    auto area = makeArea();
    BatchPage *page = area->batchPage();
    QVERIFY(chooseModels(page));
    QVERIFY(!page->practiceBadge()->isVisibleTo(page)); // no answers yet
    page->fileLineEdit()->setText(writeValidationFile(2));
    QVERIFY(runAndWait(page));
    // Every answer came from the built-in sandbox: the table is marked, and so is each model.
    QVERIFY(page->practiceBadge()->isVisibleTo(page));
    QVERIFY2(page->practiceBadge()->text().contains(QLatin1String("simulated by the built-in "
                                                                  "sandbox")),
            qPrintable(page->practiceBadge()->text()));
    QVERIFY(page->practiceBadge()->toolTip().contains(QLatin1String("pretends")));
    QVERIFY(page->averagesLabel()->text().contains(QLatin1String("(simulated)")));
    const QString header = page->tableView()
                                   ->model()
                                   ->headerData(BatchResultsModel::FirstModelColumn, Qt::Horizontal,
                                           Qt::ToolTipRole)
                                   .toString();
    QVERIFY2(header.contains(PracticeBadge::simulatedText()), qPrintable(header));
    area->resize(1024, 600);
    fs::test::playgroundScreenshot(area.get(), QStringLiteral("batch-practice"));
}

QTEST_MAIN(tst_PlaygroundBatch)
#include "tst_playgroundbatch.moc"
