// SPDX-License-Identifier: GPL-3.0-or-later
#include "instancechannel.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QUuid>
#include <atomic>
#include <unistd.h>

using namespace fs;

namespace {

/// A server name no other test (or running app) uses.
QString uniqueName()
{
    return QStringLiteral("fs-test-%1-%2")
            .arg(QCoreApplication::applicationPid())
            .arg(QUuid::createUuid().toString(QUuid::Id128).left(8));
}

} // namespace

class tst_InstanceChannel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void secondStartHandsItsFilesToTheFirst()
    {
        const QString name = uniqueName();
        InstanceChannel running(name);
        QVERIFY(running.listen());
        QSignalSpy received(&running, &InstanceChannel::filesReceived);
        // The second start blocks on its answer, as the new process does: another thread here.
        const QStringList files {
                QStringLiteral("/data/a.jsonl"), QStringLiteral("/data/b c.jsonl")};
        std::atomic<int> handedOver {-1};
        QThread *second = QThread::create(
                [&] { handedOver = InstanceChannel::sendToRunning(name, files, 30000) ? 1 : 0; });
        second->start();
        QVERIFY(received.wait(30000));
        QCOMPARE(received.first().first().toStringList(), files);
        QTRY_VERIFY(second->isFinished());
        delete second;
        QCOMPARE(handedOver.load(), 1);
    }

    void aSecondAppDoesNotListen()
    {
        const QString name = uniqueName();
        InstanceChannel first(name);
        QVERIFY(first.listen());
        InstanceChannel second(name);
        QString problem;
        QVERIFY(!second.listen(&problem));
        QCOMPARE(problem, QStringLiteral("Finetune Studio is already running."));
    }

    void nobodyListens()
    {
        QVERIFY(!InstanceChannel::sendToRunning(uniqueName(), {QStringLiteral("/x.jsonl")}));
        // The app that starts then listens itself.
        InstanceChannel channel(uniqueName());
        QVERIFY(channel.listen());
    }

    void namesArePerUserAndProfile()
    {
        const QString a = InstanceChannel::nameFor(QStringLiteral("/home/a/.local/share/x"));
        QVERIFY(a.startsWith(QStringLiteral("finetune-studio-%1-").arg(::getuid())));
        QCOMPARE(InstanceChannel::nameFor(QStringLiteral("/home/a/.local/share/x")), a);
        QVERIFY(InstanceChannel::nameFor(QStringLiteral("/home/b/.local/share/x")) != a);
    }
};

QTEST_GUILESS_MAIN(tst_InstanceChannel)
#include "tst_instancechannel.moc"
