// SPDX-License-Identifier: GPL-3.0-or-later
// The printer behind `chat`: queues without waiting for the reader, writes everything in order,
// and stops quietly when the reader goes away.
#include "streamprinter.h"

#include <QtTest>
#include <csignal>
#include <thread>
#include <unistd.h>

using fs::cli::StreamPrinter;

class tst_StreamPrinter : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { std::signal(SIGPIPE, SIG_IGN); }
    void printDoesNotWaitForTheReader();
    void everythingArrivesInOrder();
    void aReaderThatLeavesEndsThePrinting();

private:
    static QByteArray readAll(int fd);
};

QByteArray tst_StreamPrinter::readAll(int fd)
{
    QByteArray all;
    char buffer[65536];
    for (;;) {
        const ssize_t n = ::read(fd, buffer, sizeof buffer);
        if (n <= 0)
            return all;
        all.append(buffer, n);
    }
}

void tst_StreamPrinter::printDoesNotWaitForTheReader()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    StreamPrinter printer(fds[1]);
    // 8 MB into a pipe that holds 64 kB and that nobody reads yet: a blocking print would hang
    // here (and the test would time out).
    const QByteArray block(1 << 20, 'x');
    for (int i = 0; i < 8; ++i)
        printer.print(block);
    QVERIFY(printer.peakQueued() > 1 << 20);
    qsizetype received = 0;
    std::thread reader([&] { received = readAll(fds[0]).size(); });
    printer.finish();
    ::close(fds[1]);
    reader.join();
    ::close(fds[0]);
    QCOMPARE(received, qsizetype(8 << 20));
}

void tst_StreamPrinter::everythingArrivesInOrder()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    QByteArray expected;
    QByteArray got;
    std::thread reader([&] { got = readAll(fds[0]); });
    {
        StreamPrinter printer(fds[1]);
        for (int i = 0; i < 20000; ++i) {
            const QByteArray piece = QByteArray::number(i) + (i % 7 ? " " : "\n");
            expected += piece;
            printer.print(piece);
        }
        printer.print(QByteArray()); // nothing to print is not an end
        printer.print("ünïcødé\n");
        expected += "ünïcødé\n";
    } // the destructor finishes
    ::close(fds[1]);
    reader.join();
    ::close(fds[0]);
    QCOMPARE(got, expected);
}

void tst_StreamPrinter::aReaderThatLeavesEndsThePrinting()
{
    int fds[2];
    QCOMPARE(::pipe(fds), 0);
    ::close(fds[0]); // `finetune-studio chat … | head -1` after head has exited
    StreamPrinter printer(fds[1]);
    printer.print("first\n");
    printer.finish(); // returns: EPIPE stops the printer instead of hanging or crashing
    printer.print("after the end\n"); // dropped, not queued without bound
    QCOMPARE(printer.peakQueued(), qint64(6));
    ::close(fds[1]);
}

QTEST_GUILESS_MAIN(tst_StreamPrinter)
#include "tst_streamprinter.moc"
