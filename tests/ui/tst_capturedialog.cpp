// SPDX-License-Identifier: GPL-3.0-or-later
// The Capture Answers dialog driven as a person does: opened from the Playground (button and
// Ctrl+Shift+K) with the open dataset as prompts, a pasted list stopped half-way and started
// again, problems in plain words, closing while it runs, and open() preset with a model.
#include "appsettings.h"
#include "capturedialog.h"
#include "capturerun.h"
#include "chatrequestcounter.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "example.h"
#include "messagebox.h"
#include "playgroundarea.h"
#include "tst_playgroundsupport.h"

#include <QAction>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

using namespace fs;
using namespace fs::ui;
using fs::test::kBaseModel;

class tst_CaptureDialog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();
    void openDatasetIsCapturedAndOpensInTheEditor();
    void stoppedCaptureContinuesWithoutAskingAgain();
    void problemsAreSaidInPlainWords();
    void closingWhileRunningAsksFirst();
    void openPresetWithAModel();

private:
    struct Setup
    {
        std::unique_ptr<DatasetArea> datasets;
        std::unique_ptr<PlaygroundArea> area;
    };
    Setup makeArea(bool withDataset);
    QString out(const QString &name) const { return m_fixture.dir.filePath(name); }

    fs::test::PlaygroundFixture m_fixture;
    std::unique_ptr<fs::AppSettings> m_datasetSettings;
    std::unique_ptr<fs::test::ChatRequestCounter> m_sent; ///< chat requests per prompt
};

void tst_CaptureDialog::initTestCase()
{
    QString why;
    QVERIFY2(m_fixture.start(&why), qPrintable(why));
    m_datasetSettings = std::make_unique<fs::AppSettings>(
            m_fixture.dir.filePath(QStringLiteral("datasets.ini")));
}

void tst_CaptureDialog::init()
{
    m_sent = std::make_unique<fs::test::ChatRequestCounter>(m_fixture.server.get());
}

void tst_CaptureDialog::cleanup()
{
    m_fixture.server->clearFaults();
    m_sent.reset();
    MessageBox::setTestHook({});
}

void tst_CaptureDialog::cleanupTestCase()
{
    fs::test::PlaygroundFixture::forgetJobs();
}

tst_CaptureDialog::Setup tst_CaptureDialog::makeArea(bool withDataset)
{
    Setup setup;
    if (withDataset) {
        setup.datasets = std::make_unique<DatasetArea>(m_datasetSettings.get());
        setup.datasets->setRecoveryDirectory(m_fixture.dir.filePath(QStringLiteral("recovery")));
        setup.datasets->newDataset();
        DatasetDocument *document = setup.datasets->document();
        for (int i = 0; i < 5; ++i) {
            document->appendExample(Example::chat({Message(QStringLiteral("system"),
                                                           QStringLiteral("You help with lamps.")),
                    Message(QStringLiteral("user"), QStringLiteral("Lamp question %1").arg(i)),
                    Message(QStringLiteral("assistant"), QStringLiteral("old answer"))}));
        }
    }
    setup.area = m_fixture.makeArea(setup.datasets.get());
    setup.area->resize(1024, 600);
    setup.area->show();
    return setup;
}

namespace {

CaptureDialog *openDialog(QWidget *area)
{
    // The newest visible one (a closed dialog lingers until its deferred delete).
    CaptureDialog *found = nullptr;
    const bool shown = QTest::qWaitFor([&found, area] {
        found = nullptr;
        for (CaptureDialog *dialog : area->findChildren<CaptureDialog *>()) {
            if (dialog->isVisible())
                found = dialog;
        }
        return found != nullptr;
    });
    return shown ? found : nullptr;
}

bool startAndWait(CaptureDialog *dialog)
{
    QSignalSpy finished(dialog->run(), &CaptureRun::finished);
    if (!dialog->startButton()->isEnabled())
        return false;
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    return finished.count() > 0 || finished.wait(60000);
}

} // namespace

void tst_CaptureDialog::openDatasetIsCapturedAndOpensInTheEditor()
{
    Setup setup = makeArea(true);
    QPushButton *button =
            setup.area->findChild<QPushButton *>(QStringLiteral("captureAnswersPushButton"));
    QVERIFY(button && button->isVisible());
    fs::test::playgroundScreenshot(setup.area.get(), QStringLiteral("capture-button"));
    QCOMPARE(setup.area->captureAction()->shortcut(),
            QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K));
    QTest::mouseClick(button, Qt::LeftButton);
    CaptureDialog *dialog = openDialog(setup.area.get());
    QVERIFY(dialog);
    QVERIFY(fs::test::waitReady(dialog->targetSelector()));
    dialog->targetSelector()->setModel(kBaseModel);
    // The open dataset is the source; its five examples, each up to its last answer.
    QCOMPARE(dialog->source(), CaptureDialog::Source::Dataset);
    // (The new dataset's empty starter example has no message to send.)
    QCOMPARE(dialog->promptCountLabel()->text(),
            QStringLiteral("5 prompts will be sent. 1 example without a message from the user is "
                           "left out."));
    QCOMPARE(dialog->temperatureSpinBox()->value(), 0.0);
    QVERIFY(dialog->outputPath().endsWith(QLatin1String("-answers-gpt-4.1-mini-2025-04-14.jsonl")));
    const QString path = out(QStringLiteral("dataset-answers.jsonl"));
    dialog->setOutputPath(path);
    fs::test::playgroundScreenshot(dialog, QStringLiteral("capture-ready"));

    QSignalSpy captured(dialog, &CaptureDialog::datasetCaptured);
    QSignalSpy openRequested(setup.area.get(), &PlaygroundArea::openDatasetRequested);
    QVERIFY(startAndWait(dialog));
    QCOMPARE(captured.size(), 1);
    QCOMPARE(captured.first().first().toString(), path);
    QCOMPARE(openRequested.size(), 1);
    QCOMPARE(dialog->progressBar()->value(), 5);
    QCOMPARE(dialog->progressBar()->maximum(), 5);
    QVERIFY2(dialog->statusLabel()->text().contains(QLatin1String("All 5 answers are in")),
            qPrintable(dialog->statusLabel()->text()));
    QVERIFY(dialog->openButton()->isVisible());
    fs::test::playgroundScreenshot(dialog, QStringLiteral("capture-done"));
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 5);
    const QJsonArray first = written.first().value(QLatin1String("messages")).toArray();
    QCOMPARE(first.size(), 3);
    QCOMPARE(first.at(1)["content"].toString(), QStringLiteral("Lamp question 0"));
    QVERIFY(first.at(2)["content"].toString() != QLatin1String("old answer"));

    // The file opens in the editor (as the application connects it); the unsaved dataset
    // built above is discarded.
    MessageBox::setTestHook([](const MessageRequest &) { return QMessageBox::Discard; });
    QVERIFY(setup.datasets->openFile(path));
    QTRY_COMPARE_WITH_TIMEOUT(setup.datasets->document()->count(), 5, 20000);
    dialog->close();

    // The shortcut's action opens it as well.
    setup.area->captureAction()->trigger();
    QVERIFY(openDialog(setup.area.get()));
}

void tst_CaptureDialog::stoppedCaptureContinuesWithoutAskingAgain()
{
    Setup setup = makeArea(false);
    CaptureDialog *dialog = setup.area->captureAnswers(kBaseModel);
    QVERIFY(fs::test::waitReady(dialog->targetSelector()));
    QTRY_COMPARE(dialog->targetSelector()->model(), kBaseModel);
    QString list;
    for (int i = 0; i < 30; ++i)
        list += QStringLiteral("Pasted prompt %1\n").arg(i);
    dialog->setSourceFile(m_fixture.dir.filePath(QStringLiteral("nothing-here.jsonl")));
    QVERIFY(dialog->promptCountLabel()->text().contains(QLatin1String("could not be")));
    fs::test::playgroundScreenshot(dialog, QStringLiteral("capture-file"));
    dialog->setPastedPrompts(list);
    QCOMPARE(dialog->promptCountLabel()->text(), QStringLiteral("30 prompts will be sent."));
    const QString path = out(QStringLiteral("pasted.jsonl"));
    dialog->setOutputPath(path);
    dialog->concurrencySpinBox()->setValue(2);
    m_fixture.server->injectLatency(40);

    QSignalSpy finished(dialog->run(), &CaptureRun::finished);
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY(dialog->stopButton()->isEnabled());
    QVERIFY(!dialog->startButton()->isEnabled());
    QVERIFY(!dialog->sourceComboBox()->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(dialog->progressBar()->value() >= 4, 30000);
    fs::test::playgroundScreenshot(dialog, QStringLiteral("capture-running"));
    QTest::mouseClick(dialog->stopButton(), Qt::LeftButton);
    QCOMPARE(finished.size(), 1);
    QVERIFY2(dialog->statusLabel()->text().startsWith(QLatin1String("Stopped.")),
            qPrintable(dialog->statusLabel()->text()));
    QSet<QString> before;
    for (const QJsonObject &line : fs::test::readJsonLines(path))
        before << line.value(QLatin1String("messages")).toArray().at(0)["content"].toString();
    QVERIFY(before.size() >= 4 && before.size() < 30);

    m_sent->clear();
    QTest::mouseClick(dialog->startButton(), Qt::LeftButton);
    QVERIFY2(dialog->statusLabel()->text().startsWith(
                     QStringLiteral("Continuing: %1 of 30").arg(before.size())),
            qPrintable(dialog->statusLabel()->text()));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 60000);
    const QList<QJsonObject> written = fs::test::readJsonLines(path);
    QCOMPARE(written.size(), 30);
    for (int i = 0; i < 30; ++i) {
        const QString prompt = QStringLiteral("Pasted prompt %1").arg(i);
        QCOMPARE(written.at(i)
                         .value(QLatin1String("messages"))
                         .toArray()
                         .at(0)["content"]
                         .toString(),
                prompt);
        if (before.contains(prompt))
            QVERIFY2(!m_sent->contains(prompt), qPrintable(prompt + QStringLiteral(" sent again")));
    }
}

void tst_CaptureDialog::problemsAreSaidInPlainWords()
{
    Setup setup = makeArea(false);
    CaptureDialog *dialog = setup.area->captureAnswers();
    QVERIFY(fs::test::waitReady(dialog->targetSelector()));
    dialog->targetSelector()->setModel(kBaseModel);
    // No dataset is open: the file is the source, and none is chosen yet.
    QCOMPARE(dialog->source(), CaptureDialog::Source::File);
    QCOMPARE(dialog->promptCountLabel()->text(),
            QStringLiteral("Choose the file with the prompts."));
    QVERIFY(!dialog->start());
    QCOMPARE(dialog->statusLabel()->text(), QStringLiteral("Choose the file with the prompts."));

    dialog->setSource(CaptureDialog::Source::Dataset);
    QCOMPARE(dialog->promptCountLabel()->text(),
            QStringLiteral("Open a dataset in Datasets first."));
    dialog->setSource(CaptureDialog::Source::Conversation);
    QVERIFY(dialog->promptCountLabel()->text().contains(
            QLatin1String("Send a message in Side by Side")));
    dialog->setPastedPrompts(QStringLiteral("\n \n"));
    QVERIFY(dialog->promptCountLabel()->text().contains(QLatin1String("one per line")));

    // A file that is not a capture is never written over.
    const QString mine = out(QStringLiteral("mine.jsonl"));
    QFile file(mine);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"messages\":[]}\n");
    file.close();
    dialog->setPastedPrompts(QStringLiteral("One\nTwo"));
    dialog->setOutputPath(mine);
    QVERIFY(!dialog->start());
    QVERIFY2(dialog->statusLabel()->text().contains(QLatin1String("was not written by a capture")),
            qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(fs::test::readFile(mine), QByteArray("{\"messages\":[]}\n"));
    QVERIFY(m_sent->isEmpty());
}

void tst_CaptureDialog::closingWhileRunningAsksFirst()
{
    Setup setup = makeArea(false);
    QPointer<CaptureDialog> dialog = setup.area->captureAnswers(kBaseModel);
    QVERIFY(fs::test::waitReady(dialog->targetSelector()));
    QTRY_COMPARE(dialog->targetSelector()->model(), kBaseModel);
    dialog->setPastedPrompts(QStringLiteral("A\nB\nC\nD\nE\nF"));
    dialog->setOutputPath(out(QStringLiteral("closing.jsonl")));
    dialog->concurrencySpinBox()->setValue(1);
    m_fixture.server->injectLatency(500);
    QVERIFY(dialog->start());
    QStringList asked;
    QMessageBox::StandardButton answer = QMessageBox::No;
    MessageBox::setTestHook([&](const MessageRequest &request) {
        asked << request.text;
        return answer;
    });
    dialog->close();
    QCOMPARE(asked, QStringList({QStringLiteral("Stop capturing?")}));
    QVERIFY(dialog && dialog->isVisible());
    QVERIFY(dialog->run()->isRunning());
    answer = QMessageBox::Yes;
    QTest::keyClick(dialog, Qt::Key_Escape);
    QCOMPARE(asked.size(), 2);
    QTRY_VERIFY(!dialog); // deleted when closed, the capture stopped
}

void tst_CaptureDialog::openPresetWithAModel()
{
    QWidget parent;
    PlaygroundConnections connections(
            m_fixture.store.get(), m_fixture.secrets.get(), m_fixture.nam.get());
    CaptureDialog *dialog = CaptureDialog::open(&parent, &connections, kBaseModel);
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->testAttribute(Qt::WA_DeleteOnClose));
    QVERIFY(fs::test::waitReady(dialog->targetSelector()));
    QCOMPARE(dialog->targetSelector()->model(), kBaseModel);
    QVERIFY(dialog->startButton()->isEnabled() || dialog->source() == CaptureDialog::Source::File);
    dialog->close();
}

QTEST_MAIN(tst_CaptureDialog)
#include "tst_capturedialog.moc"
