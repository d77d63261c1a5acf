// SPDX-License-Identifier: GPL-3.0-or-later
#include "jobeventlog.h"

#include <QTest>

using fs::JobEvent;
using fs::JobEventLog;

class tst_JobEventLog : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstPageComesOutOldestFirst();
    void overlappingPageAddsOnlyTheNewOnes();
    void eventRepeatedInsideOneMergeIsKeptOnce();
    void backFilledGapLandsInTimeOrder();
    void sameSecondKeepsTheServersOrder();
    void emptyPageChangesNothing();
};

namespace {

JobEvent makeEvent(const QString &id, qint64 createdAt, const QString &message = {})
{
    JobEvent e;
    e.id = id;
    e.createdAt = createdAt;
    e.level = QStringLiteral("info");
    e.message = message.isEmpty() ? id : message;
    return e;
}

QStringList ids(const QList<JobEvent> &events)
{
    QStringList result;
    for (const JobEvent &e : events)
        result << e.id;
    return result;
}

} // namespace

void tst_JobEventLog::firstPageComesOutOldestFirst()
{
    JobEventLog log;
    const auto merge = log.merge({makeEvent(QStringLiteral("e3"), 30),
            makeEvent(QStringLiteral("e2"), 20), makeEvent(QStringLiteral("e1"), 10)});
    QCOMPARE(ids(merge.added),
            (QStringList {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QVERIFY(!merge.reachedKnown);
    QCOMPARE(ids(log.events()), ids(merge.added));
}

void tst_JobEventLog::overlappingPageAddsOnlyTheNewOnes()
{
    JobEventLog log;
    log.merge({makeEvent(QStringLiteral("e2"), 20), makeEvent(QStringLiteral("e1"), 10)});
    const auto merge =
            log.merge({makeEvent(QStringLiteral("e4"), 40), makeEvent(QStringLiteral("e3"), 30),
                    makeEvent(QStringLiteral("e2"), 20), makeEvent(QStringLiteral("e1"), 10)});
    QCOMPARE(ids(merge.added), (QStringList {QStringLiteral("e3"), QStringLiteral("e4")}));
    QVERIFY(merge.reachedKnown);
    QCOMPARE(log.events().size(), 4);
    QVERIFY(log.contains(QStringLiteral("e4")));
    QVERIFY(!log.contains(QStringLiteral("e5")));
}

void tst_JobEventLog::eventRepeatedInsideOneMergeIsKeptOnce()
{
    // Page 1 and page 2 overlap when an event arrives between the two requests.
    JobEventLog log;
    const auto merge =
            log.merge({makeEvent(QStringLiteral("e3"), 30), makeEvent(QStringLiteral("e2"), 20),
                    makeEvent(QStringLiteral("e2"), 20), makeEvent(QStringLiteral("e1"), 10)});
    QCOMPARE(ids(merge.added),
            (QStringList {QStringLiteral("e1"), QStringLiteral("e2"), QStringLiteral("e3")}));
    QCOMPARE(log.events().size(), 3);
}

void tst_JobEventLog::backFilledGapLandsInTimeOrder()
{
    JobEventLog log;
    log.merge({makeEvent(QStringLiteral("e1"), 10)});
    log.merge({makeEvent(QStringLiteral("e9"), 90)});
    // The app was away: the events in between arrive later, through `after` pages.
    const auto merge =
            log.merge({makeEvent(QStringLiteral("e5"), 50), makeEvent(QStringLiteral("e4"), 40)});
    QCOMPARE(ids(merge.added), (QStringList {QStringLiteral("e4"), QStringLiteral("e5")}));
    QCOMPARE(ids(log.events()),
            (QStringList {QStringLiteral("e1"), QStringLiteral("e4"), QStringLiteral("e5"),
                    QStringLiteral("e9")}));
}

void tst_JobEventLog::sameSecondKeepsTheServersOrder()
{
    JobEventLog log;
    // Newest first from the server: "b" was emitted after "a" in the same second.
    const auto merge = log.merge({makeEvent(QStringLiteral("c"), 11),
            makeEvent(QStringLiteral("b"), 10), makeEvent(QStringLiteral("a"), 10)});
    QCOMPARE(ids(merge.added),
            (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    const auto later = log.merge({makeEvent(QStringLiteral("d"), 10)});
    // A late event of an already-seen second goes after the ones of that second.
    QCOMPARE(ids(log.events()),
            (QStringList {QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("d"),
                    QStringLiteral("c")}));
    QCOMPARE(later.added.size(), 1);
}

void tst_JobEventLog::emptyPageChangesNothing()
{
    JobEventLog log;
    QVERIFY(log.isEmpty());
    const auto merge = log.merge({});
    QVERIFY(merge.added.isEmpty());
    QVERIFY(!merge.reachedKnown);
    QVERIFY(log.isEmpty());
}

QTEST_GUILESS_MAIN(tst_JobEventLog)
#include "tst_jobeventlog.moc"
