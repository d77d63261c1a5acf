// SPDX-License-Identifier: GPL-3.0-or-later
#include "chattokens.h"

#include <QtTest>

using fs::ChatTokenMessage;
using fs::ChatTokens;
using fs::Tokenizer;

class tst_ChatTokens : public QObject
{
    Q_OBJECT

private slots:
    void cookbookExample_data();
    void cookbookExample();
    void perMessageShares();
    void nameCountsOnlyWhenPresent();
    void extraTextIsCounted();
    void emptyExample();
    void assistantTokensAreContentOnly();
};

// The example of OpenAI's cookbook "How to count tokens with tiktoken", whose published counts are
// 129 (gpt-3.5-turbo / gpt-4, cl100k_base) and 124 (gpt-4o / gpt-4o-mini, o200k_base).
struct CookbookMessage
{
    QString role, name, content;
};
static const QList<CookbookMessage> kCookbook = {
        {QStringLiteral("system"), QString(),
                QStringLiteral(
                        "You are a helpful, pattern-following assistant that translates corporate "
                        "jargon into plain English.")},
        {QStringLiteral("system"), QStringLiteral("example_user"),
                QStringLiteral("New synergies will help drive top-line growth.")},
        {QStringLiteral("system"), QStringLiteral("example_assistant"),
                QStringLiteral("Things working well together will increase revenue.")},
        {QStringLiteral("system"), QStringLiteral("example_user"),
                QStringLiteral("Let's circle back when we have more bandwidth to touch base on "
                               "opportunities "
                               "for increased leverage.")},
        {QStringLiteral("system"), QStringLiteral("example_assistant"),
                QStringLiteral("Let's talk later when we're less busy about how to do better.")},
        {QStringLiteral("user"), QString(),
                QStringLiteral(
                        "This late pivot means we don't have time to boil the ocean for the client "
                        "deliverable.")},
};

void tst_ChatTokens::cookbookExample_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("expected");
    QTest::newRow("gpt-3.5-turbo") << "gpt-3.5-turbo-0125" << 129;
    QTest::newRow("gpt-4") << "gpt-4-0613" << 129;
    QTest::newRow("gpt-4o") << "gpt-4o-2024-08-06" << 124;
    QTest::newRow("gpt-4o-mini") << "gpt-4o-mini-2024-07-18" << 124;
}

void tst_ChatTokens::cookbookExample()
{
    QFETCH(QString, model);
    QFETCH(int, expected);
    const Tokenizer &t = Tokenizer::instance(Tokenizer::encodingForModel(model));
    std::vector<ChatTokenMessage> messages;
    for (const CookbookMessage &m : kCookbook)
        messages.push_back({m.role, m.content, m.name.isNull() ? QStringView() : m.name, {}});
    const auto count = ChatTokens::example(t, messages);
    QCOMPARE(count.tokens, expected);
    QCOMPARE(int(count.perMessage.size()), kCookbook.size());
    QCOMPARE(count.assistantTokens, 0); // no assistant message in it
}

void tst_ChatTokens::perMessageShares()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const QString system = QStringLiteral("You are a helpful assistant.");
    const QString user = QStringLiteral("こんにちは！今日の天気は？");
    const QString assistant = QStringLiteral("晴れです ☀️");
    const std::vector<ChatTokenMessage> messages = {
            {u"system", system, {}, {}},
            {u"user", user, {}, {}},
            {u"assistant", assistant, {}, {}},
    };
    const auto count = ChatTokens::example(t, messages);
    const int expectedSystem = 3 + t.count(u"system") + t.count(system);
    const int expectedUser = 3 + t.count(u"user") + t.count(user);
    const int expectedAssistant = 3 + t.count(u"assistant") + t.count(assistant);
    QCOMPARE(count.perMessage,
            std::vector<qint32>({expectedSystem, expectedUser, expectedAssistant}));
    QCOMPARE(count.tokens, expectedSystem + expectedUser + expectedAssistant + 3);
    QCOMPARE(count.assistantTokens, t.count(assistant));
    for (size_t i = 0; i < messages.size(); ++i)
        QCOMPARE(ChatTokens::message(t, messages[i]), count.perMessage[i]);
}

void tst_ChatTokens::nameCountsOnlyWhenPresent()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::Cl100kBase);
    const ChatTokenMessage without {u"user", u"Hi", {}, {}};
    const ChatTokenMessage empty {u"user", u"Hi", u"", {}};
    const ChatTokenMessage named {u"user", u"Hi", u"alice", {}};
    const int base = ChatTokens::message(t, without);
    QCOMPARE(base, 3 + 1 + 1); // "user" and "Hi" are one token each
    // A name key that is present but empty still costs the 1 for the name.
    QCOMPARE(ChatTokens::message(t, empty), base + 1);
    QCOMPARE(ChatTokens::message(t, named), base + 1 + t.count(u"alice"));
}

void tst_ChatTokens::extraTextIsCounted()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const QString call = QStringLiteral(
            R"([{"id":"call_1","type":"function","function":{"name":"get_weather","arguments":"{\"city\":\"Paris\"}"}}])");
    const ChatTokenMessage plain {u"assistant", u"", {}, {}};
    const ChatTokenMessage withCall {u"assistant", u"", {}, call};
    QCOMPARE(ChatTokens::message(t, withCall), ChatTokens::message(t, plain) + t.count(call));
    // Tool-call text is not assistant content.
    QCOMPARE(ChatTokens::assistant(t, {withCall}), 0);
    QCOMPARE(ChatTokens::example(t, {withCall}).assistantTokens, 0);
}

void tst_ChatTokens::emptyExample()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const auto count = ChatTokens::example(t, {});
    QCOMPARE(count.tokens, ChatTokens::kReplyPriming);
    QCOMPARE(count.assistantTokens, 0);
    QVERIFY(count.perMessage.empty());
    // A message with nothing in it still costs its 3.
    QCOMPARE(ChatTokens::message(t, {}), ChatTokens::kTokensPerMessage);
}

void tst_ChatTokens::assistantTokensAreContentOnly()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const std::vector<ChatTokenMessage> messages = {
            {u"user", u"Question one?", {}, {}},
            {u"assistant", u"Answer one.", u"bot", {}},
            {u"user", u"Question two?", {}, {}},
            {u"assistant", u"Answer two, longer than the first one.", {}, {}},
            {u"Assistant", u"not the assistant role (roles are case-sensitive)", {}, {}},
            {u"tool", u"42", {}, u"call_1"},
    };
    const qint32 expected =
            t.count(u"Answer one.") + t.count(u"Answer two, longer than the first one.");
    QCOMPARE(ChatTokens::assistant(t, messages), expected);
    QCOMPARE(ChatTokens::example(t, messages).assistantTokens, expected);
}

QTEST_GUILESS_MAIN(tst_ChatTokens)
#include "tst_chattokens.moc"
