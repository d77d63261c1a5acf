// SPDX-License-Identifier: GPL-3.0-or-later
// The dataset editor on a 100,000-example / ~110 MB file, as a person uses it: the real Datasets
// area inside the main window (as ui/application.cpp builds it), driven through its widgets.
// Prints the time to the first rows on screen, the time until every example is checked and
// counted, and the longest GUI-thread stall (a 5 ms watchdog timer's largest gap) while opening,
// scrolling to the end, typing a search, saving, setting the system message of every example
// and undoing that; then peak memory against the file size.
//
//   QT_QPA_PLATFORM=offscreen bench_editor [--examples N] [--file FILE]
#include "appsettings.h"
#include "benchdata.h"
#include "bulkdialogs.h"
#include "connectionstore.h"
#include "datasetarea.h"
#include "datasetdocument.h"
#include "examplesmodel.h"
#include "lintrunner.h"
#include "mainwindow.h"
#include "secretstore.h"

#include <QAction>
#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QUndoStack>
#include <cstdio>
#include <functional>

using namespace fs;
using namespace fs::ui;

namespace {

/// The GUI thread's heartbeat: the largest gap between two ticks is the longest stall.
class Watchdog : public QObject
{
public:
    Watchdog()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.elapsed();
            m_maxGap = qMax(m_maxGap, now - m_last);
            m_last = now;
        });
        m_clock.start();
        m_timer.start();
    }
    void reset()
    {
        m_last = m_clock.elapsed();
        m_maxGap = 0;
    }
    qint64 maxGap() const { return m_maxGap; }
    qint64 now() const { return m_clock.elapsed(); }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGap = 0;
};

/// Runs the event loop until `done` holds (checked every 5 ms) or `timeoutMs` passes.
bool waitUntil(const std::function<bool()> &done, int timeoutMs = 120000)
{
    QElapsedTimer t;
    t.start();
    while (!done()) {
        if (t.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qSleep(1);
    }
    return true;
}

/// Lets the event loop run for `ms` (deferred refreshes: findings, statistics).
void settle(int ms)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
        QTest::qSleep(1);
    }
}

/// Records when the examples view first paints with rows in it.
class FirstPaint : public QObject
{
public:
    FirstPaint(QTableView *view, Watchdog *clock)
        : m_view(view)
        , m_clock(clock)
    {
        view->viewport()->installEventFilter(this);
    }
    qint64 at = -1;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (at < 0 && event->type() == QEvent::Paint && m_view->model()->rowCount() > 0)
            at = m_clock->now();
        return QObject::eventFilter(watched, event);
    }

private:
    QTableView *m_view;
    Watchdog *m_clock;
};

void report(const char *what, qint64 ms, qint64 stall)
{
    std::printf("%-44s %7lld ms   longest GUI stall %4lld ms%s\n", what, ms, stall,
            stall > 50 ? "   (over 50 ms)" : "");
    std::fflush(stdout);
}

bool lintDone(DatasetArea *area)
{
    return !area->document()->isLoading() && area->lintRunner()->isComplete()
            && !area->isBulkRunning();
}

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int examples = 100000;
    QString existing;
    const QStringList args = app.arguments();
    for (int i = 1; i < args.size(); ++i) {
        if (args.at(i) == QLatin1String("--examples") && i + 1 < args.size())
            examples = args.at(++i).toInt();
        else if (args.at(i) == QLatin1String("--file") && i + 1 < args.size())
            existing = args.at(++i);
    }
    QTemporaryDir dir;
    QString path = dir.filePath(QStringLiteral("big.jsonl"));
    if (!existing.isEmpty()) {
        // Edited and saved below: work on a copy.
        if (!QFile::copy(existing, path)) {
            std::fprintf(stderr, "cannot copy %s\n", qPrintable(existing));
            return 2;
        }
    } else {
        const QByteArray data = bench::generateChatDataset(examples);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(data) != data.size()) {
            std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
            return 2;
        }
    }
    const qint64 fileSize = QFileInfo(path).size();
    std::printf("file: %.1f MB\n", double(fileSize) / 1e6);
    // Peak memory from here on: the generator's buffer is gone, reset the high-water mark.
    {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
    }
    const qint64 rssBefore = bench::procStatusKb("VmRSS:");

    fs::AppSettings settings(dir.filePath(QStringLiteral("settings.ini")));
    ConnectionStore store(&settings);
    MemorySecretStore secrets;
    QNetworkAccessManager nam;
    MainWindow window(&store, &secrets, &nam);
    auto *area = new DatasetArea(&settings);
    area->setRecoveryDirectory(dir.filePath(QStringLiteral("recovery")));
    window.insertArea(0, DatasetArea::tr("Datasets"), QIcon(), area);
    area->attachTo(&window);
    window.showArea(0);
    window.resize(1280, 800);
    window.show();
    settle(300);

    Watchdog watchdog;
    QTableView *view = area->examplesView();
    FirstPaint firstPaint(view, &watchdog);

    // ---- open ----------------------------------------------------------------------------------
    watchdog.reset();
    const qint64 openStart = watchdog.now();
    area->openFile(path);
    qint64 loaded = -1;
    qint64 checked = -1;
    waitUntil([&] {
        if (loaded < 0 && !area->document()->isLoading())
            loaded = watchdog.now() - openStart;
        if (checked < 0 && lintDone(area))
            checked = watchdog.now() - openStart;
        return checked >= 0;
    });
    settle(600); // the problems and statistics panels refresh after a pause
    std::printf("examples: %d\n", area->document()->count());
    std::printf("first rows shown in the examples view: %lld ms after opening\n",
            firstPaint.at < 0 ? -1 : firstPaint.at - openStart);
    std::printf("file read: %lld ms; every example checked and its tokens counted: %lld ms\n",
            loaded, checked);
    report("open (until checked and counted, +0.6 s)", watchdog.now() - openStart,
            watchdog.maxGap());
    {
        const qint64 peak = bench::procStatusKb("VmHWM:");
        std::printf("memory after opening: peak %.1f MB (VmHWM) = %.2f x the file\n",
                double(peak) / 1024, double(peak) * 1024 / double(fileSize));
    }

    // ---- scrolling to the end ------------------------------------------------------------------
    {
        watchdog.reset();
        const qint64 start = watchdog.now();
        QScrollBar *bar = view->verticalScrollBar();
        // Dragging the scroll bar down in 40 steps, each painted, then End.
        for (int i = 1; i <= 40; ++i) {
            bar->setValue(bar->maximum() * i / 40);
            settle(10);
        }
        view->setFocus();
        QTest::keyClick(view, Qt::Key_End, Qt::ControlModifier);
        settle(100);
        report("scroll to the end (40 steps + Ctrl+End)", watchdog.now() - start,
                watchdog.maxGap());
    }

    // ---- typing in the search box ---------------------------------------------------------------
    {
        auto *search = area->findChild<QLineEdit *>(QStringLiteral("searchLineEdit"));
        const auto *filter = area->filterModel();
        watchdog.reset();
        const qint64 start = watchdog.now();
        search->setFocus();
        // "refund", then a pause, then "s" (most examples miss "refunds").
        QTest::keyClicks(search, QStringLiteral("refund"), Qt::NoModifier, 60);
        settle(20);
        const qint64 typed = watchdog.now();
        waitUntil([&] { return filter->rowCount() < area->document()->count(); });
        const qint64 shown = watchdog.now() - typed;
        settle(200);
        QTest::keyClicks(search, QStringLiteral("s"));
        const qint64 typed2 = watchdog.now();
        const int before = filter->rowCount();
        waitUntil([&] { return filter->rowCount() != before; }, 5000);
        const qint64 shown2 = watchdog.now() - typed2;
        settle(300);
        report("type \"refund\" + \"s\" in the search box", watchdog.now() - start,
                watchdog.maxGap());
        std::printf("  result shown %lld ms after the last key (%d rows), then %lld ms (%d rows)\n",
                shown, before, shown2, filter->rowCount());
        watchdog.reset();
        const qint64 clearStart = watchdog.now();
        search->clear();
        settle(100);
        report("clear the search box", watchdog.now() - clearStart, watchdog.maxGap());
    }

    // ---- save ---------------------------------------------------------------------------------
    {
        // An edit first, so the save has something to do.
        area->selectRow(0);
        settle(50);
        watchdog.reset();
        const qint64 start = watchdog.now();
        area->action(QStringLiteral("duplicateExampleAction"))->trigger();
        settle(100);
        report("duplicate one example", watchdog.now() - start, watchdog.maxGap());
        watchdog.reset();
        const qint64 saveStart = watchdog.now();
        bool finished = false;
        bool ok = false;
        QObject::connect(area, &DatasetArea::saveFinished, area, [&](bool result) {
            finished = true;
            ok = result;
        });
        area->action(QStringLiteral("saveAction"))->trigger();
        waitUntil([&] { return finished; });
        const qint64 took = watchdog.now() - saveStart;
        settle(100);
        report(ok ? "save (Ctrl+S, until written)" : "save FAILED", took, watchdog.maxGap());
    }

    // ---- bulk system prompt and its undo
    // ---------------------------------------------------------
    // The peak so far (saving writes the whole file from one buffer), then the peak of the bulk
    // change and its undo alone.
    const qint64 hwmBeforeBulk = bench::procStatusKb("VmHWM:");
    {
        QFile clear(QStringLiteral("/proc/self/clear_refs"));
        if (clear.open(QIODevice::WriteOnly))
            clear.write("5");
    }
    {
        watchdog.reset();
        const qint64 start = watchdog.now();
        area->action(QStringLiteral("systemPromptAction"))->trigger();
        SystemPromptDialog *dialog = nullptr;
        waitUntil([&] {
            dialog = area->findChild<SystemPromptDialog *>();
            return dialog && dialog->isVisible();
        });
        auto *prompt = dialog->findChild<QPlainTextEdit *>(QStringLiteral("promptPlainTextEdit"));
        prompt->setPlainText(QStringLiteral("You are a concise support agent."));
        QTest::mouseClick(
                dialog->findChild<QPushButton *>(QStringLiteral("setPushButton")), Qt::LeftButton);
        const qint64 clicked = watchdog.now();
        waitUntil([&] { return !area->isBulkRunning(); });
        const qint64 applied = watchdog.now() - clicked;
        const qint64 peakApplied = bench::procStatusKb("VmHWM:");
        waitUntil([&] { return lintDone(area); });
        const qint64 relinted = watchdog.now() - clicked;
        settle(600);
        report("system message of every example", watchdog.now() - start, watchdog.maxGap());
        std::printf("  applied %lld ms after Set, checked and counted again after %lld ms (%s)\n",
                applied, relinted, qPrintable(area->document()->undoStack()->undoText()));
        const qint64 peak = bench::procStatusKb("VmHWM:");
        std::printf("  memory: peak %.2f x the file once applied, %.2f x once checked again "
                    "(%.1f MB)\n",
                double(peakApplied) * 1024 / double(fileSize),
                double(peak) * 1024 / double(fileSize), double(peak) / 1024);

        watchdog.reset();
        const qint64 undoStart = watchdog.now();
        area->action(QStringLiteral("undoAction"))->trigger();
        const qint64 undone = watchdog.now() - undoStart;
        waitUntil([&] { return lintDone(area); });
        const qint64 undoRelinted = watchdog.now() - undoStart;
        settle(600);
        report("undo it (Ctrl+Z)", watchdog.now() - undoStart, watchdog.maxGap());
        std::printf("  undone in %lld ms, checked and counted again after %lld ms\n", undone,
                undoRelinted);
    }

    // ---- diagnosis: the same change without the linter's per-example re-check -----------------
    {
        // LintRunner re-lints each changed example in the GUI thread (and scans every row for
        // duplicates each time); this shows what the rest of the editor costs on its own.
        QObject::disconnect(
                area->document(), &DatasetDocument::exampleChanged, area->lintRunner(), nullptr);
        QObject::disconnect(
                area->document(), &DatasetDocument::examplesChanged, area->lintRunner(), nullptr);
        watchdog.reset();
        const qint64 start = watchdog.now();
        area->document()->undoStack()->redo();
        settle(300);
        report("diagnosis: redo it without the per-example re-check", watchdog.now() - start,
                watchdog.maxGap());
        watchdog.reset();
        const qint64 undoStart = watchdog.now();
        area->document()->undoStack()->undo();
        settle(300);
        report("diagnosis: undo it without the per-example re-check", watchdog.now() - undoStart,
                watchdog.maxGap());
    }

    const qint64 hwmBulk = bench::procStatusKb("VmHWM:");
    const qint64 hwm = qMax(hwmBulk, hwmBeforeBulk);
    std::printf("memory of the change to every example and its undo (the undo stack holds what "
                "the change did to each line): peak %.1f MB (VmHWM) = %.2f x the file\n",
            double(hwmBulk) / 1024, double(hwmBulk) * 1024 / double(fileSize));
    std::printf("memory at the end: peak %.1f MB (VmHWM) = %.2f x the file (%.1f MB), before the "
                "change %.2f x; RSS before opening %.1f MB\n",
            double(hwm) / 1024, double(hwm) * 1024 / double(fileSize), double(fileSize) / 1e6,
            double(hwmBeforeBulk) * 1024 / double(fileSize), double(rssBefore) / 1024);
    // Closing without the question about unsaved changes.
    area->document()->undoStack()->setClean();
    return 0;
}
