// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetdocument.h"
#include "statisticsupdater.h"

#include <QSignalSpy>
#include <QTest>
#include <QThreadPool>

using namespace fs;

namespace {

QList<Example> examples(int count)
{
    QList<Example> list;
    list.reserve(count);
    for (int i = 0; i < count; ++i)
        list.append(Example::chat({Message(QStringLiteral("system"), QStringLiteral("Be brief.")),
                Message(QStringLiteral("user"), QStringLiteral("Hi %1").arg(i)),
                Message(QStringLiteral("assistant"), QStringLiteral("Hello"))}));
    return list;
}

/// A document of `count` examples watched by an updater that refreshes without a pause.
struct Watched
{
    DatasetDocument document;
    StatisticsUpdater updater;
    explicit Watched(int count)
    {
        document.setAutosaveDelay(0);
        document.insertExamples(0, examples(count));
        updater.setDelay(0);
        updater.setDocument(&document);
    }
};

} // namespace

class tst_StatisticsUpdater : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void setDocumentComputesAtOnce();
    void changesRefreshAfterThePause();
    void bigDocumentInTheBackground();
    void changesDuringABackgroundRunRunAgain();
    void refreshDropsAnOlderBackgroundResult();
    void documentGoneMeansNoStatistics();
};

void tst_StatisticsUpdater::setDocumentComputesAtOnce()
{
    DatasetDocument document;
    document.setAutosaveDelay(0);
    document.insertExamples(0, examples(12));
    StatisticsUpdater updater;
    QSignalSpy updated(&updater, &StatisticsUpdater::updated);
    QVERIFY(updater.latest() == nullptr);
    updater.setDocument(&document);
    QCOMPARE(updated.count(), 1);
    QVERIFY(updater.latest() != nullptr);
    QCOMPARE(updater.latest()->examples, 12);
    QCOMPARE(updater.latest()->messagesPerExample.max, 3.0);
    QVERIFY(!updater.isPending());
}

void tst_StatisticsUpdater::changesRefreshAfterThePause()
{
    Watched w(3);
    QSignalSpy updated(&w.updater, &StatisticsUpdater::updated);
    // A burst of changes: one refresh once it settled.
    for (int i = 0; i < 5; ++i)
        w.document.appendExample(examples(1).first());
    QVERIFY(w.updater.isPending());
    QCOMPARE(w.updater.latest()->examples, 3);
    QVERIFY(updated.wait());
    QCOMPARE(w.updater.latest()->examples, 8);
    QCOMPARE(updated.count(), 1);
}

void tst_StatisticsUpdater::bigDocumentInTheBackground()
{
    Watched w(StatisticsUpdater::kBackgroundRows);
    QSignalSpy updated(&w.updater, &StatisticsUpdater::updated);
    w.document.appendExample(examples(1).first());
    QVERIFY(updated.wait());
    QCOMPARE(w.updater.latest()->examples, StatisticsUpdater::kBackgroundRows + 1);
    QCOMPARE(updated.last().first().value<DatasetStatistics>().examples,
            StatisticsUpdater::kBackgroundRows + 1);
    QTRY_VERIFY(!w.updater.isPending());
}

void tst_StatisticsUpdater::changesDuringABackgroundRunRunAgain()
{
    Watched w(StatisticsUpdater::kBackgroundRows);
    // Whether the first run is still going when the second change comes or not, the last
    // figures win.
    w.updater.setTokenLimit(100);
    QVERIFY(w.updater.isPending());
    QCoreApplication::processEvents(); // the pause ends: the background run starts
    w.updater.setTokenLimit(300);
    QTRY_VERIFY(!w.updater.isPending());
    QCOMPARE(w.updater.latest()->tokenLimit, 300);
}

void tst_StatisticsUpdater::refreshDropsAnOlderBackgroundResult()
{
    Watched w(StatisticsUpdater::kBackgroundRows);
    w.updater.setTokenLimit(100);
    QCoreApplication::processEvents(); // the pause ends: the background run starts
    w.updater.setTokenLimit(200);
    w.updater.refresh(); // now, in this thread
    QCOMPARE(w.updater.latest()->tokenLimit, 200);
    // The run of 100 may end later still: once it did, it is not shown.
    QVERIFY(!w.updater.isPending());
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCOMPARE(w.updater.latest()->tokenLimit, 200);
}

void tst_StatisticsUpdater::documentGoneMeansNoStatistics()
{
    StatisticsUpdater updater;
    {
        DatasetDocument document;
        document.setAutosaveDelay(0);
        document.insertExamples(0, examples(4));
        updater.setDocument(&document);
        QCOMPARE(updater.latest()->examples, 4);
    }
    QVERIFY(updater.document() == nullptr);
    updater.refresh();
    QCOMPARE(updater.latest()->examples, 0);
}

QTEST_GUILESS_MAIN(tst_StatisticsUpdater)
#include "tst_statisticsupdater.moc"
