// SPDX-License-Identifier: GPL-3.0-or-later
#include "example.h"

#include <QJsonDocument>
#include <QTest>

using namespace fs;

class tst_DatasetExample : public QObject
{
    Q_OBJECT

private slots:
    void formats_data()
    {
        QTest::addColumn<QByteArray>("line");
        QTest::addColumn<int>("format");
        QTest::newRow("chat") << QByteArray("{\"messages\":[]}") << int(Example::Format::Chat);
        QTest::newRow("preference")
                << QByteArray("{\"input\":{\"messages\":[]},\"preferred_output\":[]}")
                << int(Example::Format::Preference);
        QTest::newRow("only outputs")
                << QByteArray("{\"non_preferred_output\":[]}") << int(Example::Format::Preference);
        QTest::newRow("legacy completion") << QByteArray("{\"prompt\":\"a\",\"completion\":\"b\"}")
                                           << int(Example::Format::Other);
        QTest::newRow("empty object") << QByteArray("{}") << int(Example::Format::Other);
        QTest::newRow("array") << QByteArray("[{\"role\":\"user\"}]")
                               << int(Example::Format::NotObject);
        QTest::newRow("string") << QByteArray("\"text\"") << int(Example::Format::NotObject);
        QTest::newRow("number") << QByteArray("42") << int(Example::Format::NotObject);
        QTest::newRow("null") << QByteArray("null") << int(Example::Format::NotObject);
        QTest::newRow("truncated")
                << QByteArray("{\"messages\":[") << int(Example::Format::InvalidJson);
        QTest::newRow("trailing garbage")
                << QByteArray("{} x") << int(Example::Format::InvalidJson);
        QTest::newRow("two objects") << QByteArray("{}{}") << int(Example::Format::InvalidJson);
        QTest::newRow("single quotes")
                << QByteArray("{'messages':[]}") << int(Example::Format::InvalidJson);
    }
    void formats()
    {
        QFETCH(QByteArray, line);
        QFETCH(int, format);
        const Example e = Example::fromLine(line);
        QCOMPARE(int(e.format()), format);
        // Whatever it is, writing it back loses nothing that was valid.
        if (e.format() == Example::Format::InvalidJson) {
            QCOMPARE(e.toLine(), line);
            QVERIFY(!e.parseError().isEmpty());
            QVERIFY(e.parseErrorOffset() >= 0);
        } else {
            QCOMPARE(Example::fromLine(e.toLine()), e);
        }
    }

    void oddShapesAreKept()
    {
        // messages not an array, a message that is not an object, content of a wrong type.
        Example notArray = Example::fromLine("{\"messages\":\"hello\"}");
        QVERIFY(!notArray.hasMessagesArray());
        QCOMPARE(notArray.messageCount(), 0);
        QCOMPARE(notArray.toLine(), QByteArray("{\"messages\":\"hello\"}"));
        Example mixed =
                Example::fromLine("{\"messages\":[\"hi\",{\"role\":\"user\",\"content\":5}]}");
        QCOMPARE(mixed.messageCount(), 2);
        QVERIFY(!mixed.message(0).isObject());
        QCOMPARE(mixed.message(0).toJson().toString(), QStringLiteral("hi"));
        QCOMPARE(mixed.message(1).content().toInt(), 5);
        QCOMPARE(mixed.message(1).text(), QString());
        mixed.setMessage(1, Message(QStringLiteral("user"), QStringLiteral("ok")));
        QCOMPARE(mixed.toLine(),
                QByteArray("{\"messages\":[\"hi\",{\"role\":\"user\",\"content\":\"ok\"}]}"));
    }

    void messageAccessors()
    {
        Message m(QJsonDocument::fromJson(
                "{\"role\":\"assistant\",\"content\":null,\"weight\":1.0,\"x\":1,"
                "\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":{\"name\":\"f\","
                "\"arguments\":\"{}\"}}]}")
                          .object());
        QCOMPARE(m.role(), QStringLiteral("assistant"));
        QVERIFY(m.hasContent());
        QVERIFY(m.content().isNull());
        QCOMPARE(m.text(), QString());
        QCOMPARE(m.weightValue(), std::optional<int>(1));
        QCOMPARE(m.unknownKeys(), QStringList {QStringLiteral("x")});
        QCOMPARE(m.toolCalls().size(), 1);
        QVERIFY(m.toolCallsText().contains(QLatin1String("\"name\": \"f\"")));
        m.setWeight(std::nullopt);
        QVERIFY(!m.hasWeight());
        m.setToolCalls({});
        QVERIFY(!m.hasToolCalls());
        m.setName(QStringLiteral("n"));
        QCOMPARE(m.name(), QStringLiteral("n"));
        m.setName(QString());
        QVERIFY(!m.hasName());
        Message w(QJsonDocument::fromJson("{\"weight\":\"1\"}").object());
        QVERIFY(w.hasWeight());
        QCOMPARE(w.weightValue(), std::nullopt);
        Message half(QJsonDocument::fromJson("{\"weight\":0.5}").object());
        QCOMPARE(half.weightValue(), std::nullopt);
        // Text parts: joined for display, replaced by a string when set.
        Message parts(QJsonDocument::fromJson(
                "{\"role\":\"user\",\"content\":[{\"type\":\"text\",\"text\":\"a\"},{\"type\":"
                "\"image_url\"},{\"type\":\"text\",\"text\":\"b\"}]}")
                              .object());
        QCOMPARE(parts.text(), QStringLiteral("a\nb"));
        QVERIFY(!parts.isTextContent());
        QVERIFY(Message::isKnownRole(QStringLiteral("developer")));
        QVERIFY(!Message::isKnownRole(QStringLiteral("asistant")));
    }

    void parseToolCalls()
    {
        QString error;
        QCOMPARE(Message::parseToolCalls(QStringLiteral("  "), &error),
                std::optional<QJsonArray>(QJsonArray()));
        const auto one = Message::parseToolCalls(QStringLiteral("{\"id\":\"a\"}"), &error);
        QVERIFY(one);
        QCOMPARE(one->size(), 1);
        QVERIFY(!Message::parseToolCalls(QStringLiteral("[{\"id\":"), &error));
        QVERIFY(error.contains(QLatin1String("not valid JSON")));
        QVERIFY(!Message::parseToolCalls(QStringLiteral("[1, 2]"), &error));
        QVERIFY(error.contains(QLatin1String("curly braces")));
    }

    void messageListOperations()
    {
        Example e = Example::chat({Message(QStringLiteral("user"), QStringLiteral("1")),
                Message(QStringLiteral("assistant"), QStringLiteral("2"))});
        e.insertMessage(0, Message(QStringLiteral("system"), QStringLiteral("0")));
        e.insertMessage(3, Message(QStringLiteral("user"), QStringLiteral("3")));
        e.insertMessage(9, Message()); // out of range: ignored
        QCOMPARE(e.messageCount(), 4);
        e.moveMessage(3, 1);
        QCOMPARE(e.message(1).text(), QStringLiteral("3"));
        e.removeMessage(1);
        e.removeMessage(7);
        QCOMPARE(e.messageCount(), 3);
        QCOMPARE(e.firstText(QStringLiteral("assistant")), QStringLiteral("2"));
        QCOMPARE(e.firstText(QStringLiteral("tool")), QString());
        e.setTools(QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("function")}}});
        e.setParallelToolCalls(false);
        QCOMPARE(e.toLine(),
                QByteArray("{\"messages\":[{\"role\":\"system\",\"content\":\"0\"},{\"role\":"
                           "\"user\",\"content\":\"1\"},"
                           "{\"role\":\"assistant\",\"content\":\"2\"}],\"tools\":[{\"type\":"
                           "\"function\"}],"
                           "\"parallel_tool_calls\":false}"));
        e.setTools({});
        e.setParallelToolCalls(std::nullopt);
        QVERIFY(!e.hasTools());
        QVERIFY(!e.toLine().contains("parallel"));
    }

    void formatConversion()
    {
        Example e = Example::chat({Message(QStringLiteral("user"), QStringLiteral("q"))});
        e.setTools(QJsonArray {QJsonObject {{QStringLiteral("type"), QStringLiteral("function")}}});
        e.setFormat(Example::Format::Preference);
        QVERIFY(e.isPreference());
        QCOMPARE(e.messages().size(), 1);
        QCOMPARE(e.tools().size(), 1);
        e.setPreferredOutput({Message(QStringLiteral("assistant"), QStringLiteral("good"))});
        e.setNonPreferredOutput({Message(QStringLiteral("assistant"), QStringLiteral("bad"))});
        QCOMPARE(e.toLine(),
                QByteArray("{\"input\":{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],"
                           "\"tools\":[{\"type\":\"function\"}]},"
                           "\"preferred_output\":[{\"role\":\"assistant\",\"content\":\"good\"}],"
                           "\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":\"bad\"}]"
                           "}"));
        e.setFormat(Example::Format::Chat);
        QVERIFY(e.isChat());
        QCOMPARE(e.toLine(),
                QByteArray("{\"messages\":[{\"role\":\"user\",\"content\":\"q\"}],\"tools\":[{"
                           "\"type\":\"function\"}]}"));
        // Setting an output on a chat example makes it a preference example.
        Example c = Example::chat({Message(QStringLiteral("user"), QStringLiteral("q"))});
        c.setPreferredOutput({Message(QStringLiteral("assistant"), QStringLiteral("a"))});
        QVERIFY(c.isPreference());
        QCOMPARE(c.messages().size(), 1);
    }

    void summaries()
    {
        const Example e =
                Example::fromLine("{\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{"
                                  "\"role\":\"user\",\"content\":\"  Hello\\n\\n  world  \"},"
                                  "{\"role\":\"assistant\",\"content\":\"x\"},{\"role\":\"tool\","
                                  "\"content\":\"t\"},{\"role\":\"wizard\"}]}");
        const ExampleSummary s = ExampleSummary::of(e);
        QCOMPARE(s.preview, QStringLiteral("Hello world"));
        QCOMPARE(s.messageCount, 5);
        QCOMPARE(s.roles,
                quint8(ExampleSummary::HasSystem | ExampleSummary::HasUser
                        | ExampleSummary::HasAssistant | ExampleSummary::HasTool
                        | ExampleSummary::HasOtherRole));
        QCOMPARE(s.tokens, -1);
        const ExampleSummary longOne = ExampleSummary::of(
                Example::chat({Message(QStringLiteral("user"), QString(500, QLatin1Char('a')))}));
        QCOMPARE(longOne.preview.size(), ExampleSummary::kPreviewLength);
        QVERIFY(longOne.preview.endsWith(QChar(0x2026)));
        const ExampleSummary bad = ExampleSummary::of(Example::fromLine("{oops"));
        QCOMPARE(bad.format, Example::Format::InvalidJson);
        QCOMPARE(bad.preview, QStringLiteral("{oops"));
    }
};

QTEST_GUILESS_MAIN(tst_DatasetExample)
#include "tst_datasetexample.moc"
