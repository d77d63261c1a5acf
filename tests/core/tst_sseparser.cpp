// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

#include <QTest>

using namespace fs;

namespace {

QList<QByteArray> datas(const QList<SseEvent> &events)
{
    QList<QByteArray> result;
    for (const SseEvent &event : events)
        result.append(event.data);
    return result;
}

// The chat stream a real server sends with include_usage: role chunk, content, finish, usage, DONE.
const QByteArray kStream =
        "data: "
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":"
        "\"\"}}]}\n\n"
        ": keep-alive comment\n\n"
        "data: "
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hel\xC3\xA9\"}}]}\n\n"
        "data: "
        "{\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
        "data: "
        "{\"id\":\"c1\",\"choices\":[],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":2,"
        "\"total_tokens\":7}}\n\n"
        "data: [DONE]\n\n";

} // namespace

class tst_SseParser : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void wholeStream();
    void splitAtEveryBytePosition_data();
    void splitAtEveryBytePosition();
    void byteByByte();
    void crlfAndCrLineEndings_data();
    void crlfAndCrLineEndings();
    void multiLineData();
    void commentsAndUnknownFields();
    void eventAndIdFields();
    void noSpaceAfterColonAndFieldWithoutColon();
    void blankLinesWithoutDataDispatchNothing();
    void finishFlushesPendingEvent();
    void finishDropsNothingWhenComplete();
    void eventLimitHoldsAtTheEndOfTheStream();
    void byteOrderMark();
    void lineLimit();
    void eventLimit();
};

void tst_SseParser::wholeStream()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed(kStream);
    QCOMPARE(events.size(), 5);
    QVERIFY(events.at(1).data.contains("Hel\xC3\xA9"));
    QVERIFY(events.at(3).data.contains("\"choices\":[]"));
    QCOMPARE(events.at(4).data, QByteArray("[DONE]"));
    QVERIFY(!parser.hasPendingData());
}

void tst_SseParser::splitAtEveryBytePosition_data()
{
    QTest::addColumn<QByteArray>("stream");
    QTest::newRow("LF") << kStream;
    QByteArray crlf = kStream;
    crlf.replace("\n", "\r\n");
    QTest::newRow("CRLF") << crlf;
}

void tst_SseParser::splitAtEveryBytePosition()
{
    QFETCH(QByteArray, stream);
    SseParser reference;
    const QList<QByteArray> expected = datas(reference.feed(stream));
    QCOMPARE(expected.size(), 5);
    for (int cut = 0; cut <= stream.size(); ++cut) {
        SseParser parser;
        QList<SseEvent> events = parser.feed(stream.left(cut));
        events += parser.feed(stream.mid(cut));
        QVERIFY2(datas(events) == expected, qPrintable(QStringLiteral("cut at %1").arg(cut)));
        // and three pieces
        for (int second = cut; second <= stream.size(); second += 7) {
            SseParser three;
            QList<SseEvent> parts = three.feed(stream.left(cut));
            parts += three.feed(stream.mid(cut, second - cut));
            parts += three.feed(stream.mid(second));
            QVERIFY2(datas(parts) == expected,
                    qPrintable(QStringLiteral("cuts at %1 and %2").arg(cut).arg(second)));
        }
    }
}

void tst_SseParser::byteByByte()
{
    QByteArray crlf = kStream;
    crlf.replace("\n", "\r\n");
    SseParser parser;
    QList<SseEvent> events;
    for (char c : std::as_const(crlf))
        events += parser.feed(QByteArray(1, c));
    QCOMPARE(events.size(), 5);
    QCOMPARE(events.last().data, QByteArray("[DONE]"));
}

void tst_SseParser::crlfAndCrLineEndings_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::newRow("LF") << QByteArray("data: a\ndata: b\n\ndata: c\n\n");
    QTest::newRow("CRLF") << QByteArray("data: a\r\ndata: b\r\n\r\ndata: c\r\n\r\n");
    QTest::newRow("CR") << QByteArray("data: a\rdata: b\r\rdata: c\r\r");
    QTest::newRow("mixed") << QByteArray("data: a\r\ndata: b\n\rdata: c\r\n\n");
}

void tst_SseParser::crlfAndCrLineEndings()
{
    QFETCH(QByteArray, input);
    SseParser parser;
    QCOMPARE(datas(parser.feed(input)), (QList<QByteArray> {"a\nb", "c"}));
}

void tst_SseParser::multiLineData()
{
    SseParser parser;
    const QList<SseEvent> events =
            parser.feed("data: {\"a\":\ndata:  1}\ndata:\n\n"); // second line keeps one space
    QCOMPARE(events.size(), 1);
    QCOMPARE(events.first().data, QByteArray("{\"a\":\n 1}\n"));
}

void tst_SseParser::commentsAndUnknownFields()
{
    SseParser parser;
    const QList<SseEvent> events = parser.feed(": hello\n:\nretry: 1000\nfoo: bar\ndata: x\n\n");
    QCOMPARE(datas(events), QList<QByteArray> {"x"});
    QVERIFY(parser.feed(": only a comment\n\n").isEmpty());
}

void tst_SseParser::eventAndIdFields()
{
    SseParser parser;
    const QList<SseEvent> events =
            parser.feed("event: error\nid: 7\ndata: {\"error\":{}}\n\ndata: next\n\n");
    QCOMPARE(events.size(), 2);
    QCOMPARE(events.at(0).event, QByteArray("error"));
    QCOMPARE(events.at(0).id, QByteArray("7"));
    QVERIFY(events.at(1).event.isEmpty()); // the event name does not carry over
    QCOMPARE(events.at(1).id, QByteArray("7")); // the id does (last event id)
}

void tst_SseParser::noSpaceAfterColonAndFieldWithoutColon()
{
    SseParser parser;
    QCOMPARE(datas(parser.feed("data:x\n\ndata\n\n")), (QList<QByteArray> {"x", ""}));
}

void tst_SseParser::blankLinesWithoutDataDispatchNothing()
{
    SseParser parser;
    QVERIFY(parser.feed("\n\n\r\n\n").isEmpty());
    QVERIFY(parser.feed("event: ping\n\n").isEmpty());
}

void tst_SseParser::finishFlushesPendingEvent()
{
    SseParser parser;
    QVERIFY(parser.feed("data: [DONE]").isEmpty());
    QVERIFY(parser.hasPendingData());
    QCOMPARE(datas(parser.finish()), QList<QByteArray> {"[DONE]"});
    QVERIFY(!parser.hasPendingData());
    QVERIFY(parser.finish().isEmpty());
}

void tst_SseParser::finishDropsNothingWhenComplete()
{
    SseParser parser;
    QCOMPARE(parser.feed("data: a\n\ndata: b\n").size(), 1);
    QCOMPARE(datas(parser.finish()), QList<QByteArray> {"b"});
}

void tst_SseParser::byteOrderMark()
{
    SseParser parser;
    QList<SseEvent> events = parser.feed("\xEF\xBB");
    events += parser.feed("\xBF"
                          "data: a\n\n");
    QCOMPARE(datas(events), QList<QByteArray> {"a"});
}

QTEST_GUILESS_MAIN(tst_SseParser)
void tst_SseParser::lineLimit()
{
    SseParser parser;
    parser.setLimits(10, 100);
    // exactly 10 bytes ("data: 1234") is a line; the events before the overlong line come out
    QList<SseEvent> events = parser.feed("data: 1234\n\n");
    QCOMPARE(datas(events), QList<QByteArray>({"1234"}));
    QCOMPARE(parser.overflow(), SseParser::Overflow::None);
    events = parser.feed("data: 1\n\ndata: 12345");
    QCOMPARE(datas(events), QList<QByteArray>({"1"}));
    QCOMPARE(parser.overflow(), SseParser::Overflow::Line);
    // nothing after it is buffered or dispatched
    QVERIFY(parser.feed(QByteArray(1000, 'x') + "\n\ndata: late\n\n").isEmpty());
    QVERIFY(!parser.hasPendingData());
    QVERIFY(parser.finish().isEmpty());
    QCOMPARE(parser.overflow(), SseParser::Overflow::None); // finish() resets
}

void tst_SseParser::eventLimit()
{
    SseParser parser;
    parser.setLimits(100, 25);
    // 3 lines of 8 bytes joined with "\n" = 26 bytes > 25
    QList<SseEvent> events = parser.feed("data: ok\n\ndata: 12345678\ndata: 12345678\n");
    QCOMPARE(datas(events), QList<QByteArray>({"ok"}));
    QCOMPARE(parser.overflow(), SseParser::Overflow::None);
    events = parser.feed("data: 12345678\n\n");
    QVERIFY(events.isEmpty());
    QCOMPARE(parser.overflow(), SseParser::Overflow::Event);

    SseParser unlimited;
    QCOMPARE(unlimited.feed("data: " + QByteArray(100000, 'u') + "\n\n").size(), 1);
}

// Found by tests/fuzz/fuzz_sse (corpus/sse/crash-event-limit-at-end): a stream ending without a
// blank line handed over its last event even when that last line took it past the event limit.
void tst_SseParser::eventLimitHoldsAtTheEndOfTheStream()
{
    SseParser parser;
    parser.setLimits(100, 10);
    QVERIFY(parser.feed("data: ok\n\ndata: 12345678901234").size() == 1);
    QCOMPARE(parser.overflow(), SseParser::Overflow::None);
    QVERIFY(parser.finish().isEmpty());

    // within the limit the pending event still comes out at the end
    parser.setLimits(100, 10);
    QVERIFY(parser.feed("data: 1234567890").isEmpty());
    QCOMPARE(datas(parser.finish()), QList<QByteArray> {"1234567890"});
}

#include "tst_sseparser.moc"
