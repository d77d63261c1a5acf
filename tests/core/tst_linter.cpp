// SPDX-License-Identifier: GPL-3.0-or-later
// The linter's rules, each at its edge: a line that triggers it and one just inside the rule.
#include "linter.h"
#include "lintstate.h"

#include <QTest>

using fs::ExampleFormat;
using fs::ExampleLint;
using fs::Linter;
using fs::LintFinding;
using fs::LintFindings;
using fs::LintOptions;
using fs::LintState;

class tst_Linter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void codes_data();
    void codes();
    void validExamplesAreClean_data();
    void validExamplesAreClean();
    void messagesArePlainWords();
    void fixesAreOffered_data();
    void fixesAreOffered();
    void reservedTokens_data();
    void reservedTokens();
    void bomIsSkippedOnLineOneOnly();
    void exampleTooLong();
    void tokenCounts();
    void tooFewExamples();
    void duplicates();
    void mixedFormats();
    void stateFollowsRowChanges();
    void issueCounts();
};

namespace {

LintOptions rulesOnly()
{
    LintOptions options;
    options.countTokens = false;
    return options;
}

ExampleLint lint(const QByteArray &line, int lineNumber = 1)
{
    return Linter(rulesOnly()).lintLine(line, lineNumber);
}

QStringList codesOf(const LintFindings &findings)
{
    QStringList codes;
    for (const LintFinding &finding : findings)
        codes << finding.code;
    return codes;
}

const LintFinding *find(const LintFindings &findings, const QString &code)
{
    for (const LintFinding &finding : findings) {
        if (finding.code == code)
            return &finding;
    }
    return nullptr;
}

// A full chat line around some messages: system + user + the given turns.
QByteArray chat(const char *turns, const char *extra = "")
{
    return QByteArray(R"({"messages":[{"role":"system","content":"Be brief."},)"
                      R"({"role":"user","content":"Hi"},)")
            + turns + "]" + extra + "}";
}

QByteArray dpo(const char *input, const char *preferred, const char *other)
{
    return QByteArray(R"({"input":{"messages":)") + input + R"(},"preferred_output":)" + preferred
            + R"(,"non_preferred_output":)" + other + "}";
}

const char *kSys = R"([{"role":"system","content":"Be kind."},{"role":"user","content":"Hi?"}])";
const char *kGood = R"([{"role":"assistant","content":"Hello!"}])";
const char *kBad = R"([{"role":"assistant","content":"Go away."}])";

} // namespace

void tst_Linter::codes_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<bool>("found");
    QTest::addColumn<int>("messageIndex"); ///< expected when found
    QTest::addColumn<bool>("error"); ///< severity when found

    const QString invalidJson = QStringLiteral("invalid_json");
    QTest::newRow("invalid_json: cut short")
            << QByteArray(R"({"messages":[)") << invalidJson << true << -1 << true;
    QTest::newRow("invalid_json: single quotes")
            << QByteArray("{'messages': []}") << invalidJson << true << -1 << true;
    QTest::newRow("invalid_json: inside")
            << chat(R"({"role":"assistant","content":"ok"})") << invalidJson << false << 0 << true;

    const QString dataType = QStringLiteral("data_type");
    QTest::newRow("data_type: a list") << QByteArray("[1,2]") << dataType << true << -1 << true;
    QTest::newRow("data_type: a string")
            << QByteArray("\"hello\"") << dataType << true << -1 << true;
    QTest::newRow("data_type: message is a string")
            << chat(R"("Hello!")") << dataType << true << 2 << true;
    QTest::newRow("data_type: part of unknown type")
            << chat(R"({"role":"assistant","content":[{"type":"input_audio","data":"x"}]})")
            << dataType << true << 2 << true;
    QTest::newRow("data_type: image in an assistant message") << chat(
            R"({"role":"assistant","content":[{"type":"image_url","image_url":{"url":"https://x/a.png"}}]})")
                                                              << dataType << true << 2 << true;
    QTest::newRow("data_type: inside, image in a user message") << QByteArray(
            R"({"messages":[{"role":"user","content":[{"type":"text","text":"What is it?"},{"type":"image_url","image_url":{"url":"https://x/a.png"}}]},{"role":"assistant","content":"A cat."}]})")
                                                                << dataType << false << 0 << true;
    QTest::newRow("data_type: parallel_tool_calls as text")
            << chat(R"({"role":"assistant","content":"ok"})", R"(,"parallel_tool_calls":"no")")
            << dataType << true << -1 << true;
    QTest::newRow("data_type: inside, parallel_tool_calls false")
            << chat(R"({"role":"assistant","content":"ok"})", R"(,"parallel_tool_calls":false)")
            << dataType << false << 0 << true;
    QTest::newRow("data_type: 11 images") << QByteArray(
            R"({"messages":[{"role":"user","content":[)"
            R"({"type":"image_url","image_url":{"url":"u"}},{"type":"image_url","image_url":{"url":"u"}},)"
            R"({"type":"image_url","image_url":{"url":"u"}},{"type":"image_url","image_url":{"url":"u"}},)"
            R"({"type":"image_url","image_url":{"url":"u"}},{"type":"image_url","image_url":{"url":"u"}},)"
            R"({"type":"image_url","image_url":{"url":"u"}},{"type":"image_url","image_url":{"url":"u"}},)"
            R"({"type":"image_url","image_url":{"url":"u"}},{"type":"image_url","image_url":{"url":"u"}},)"
            R"({"type":"image_url","image_url":{"url":"u"}}]},{"role":"assistant","content":"Cats."}]})")
                                          << dataType << true << -1 << true;

    const QString noList = QStringLiteral("missing_messages_list");
    QTest::newRow("missing_messages_list: empty object")
            << QByteArray("{}") << noList << true << -1 << true;
    QTest::newRow("missing_messages_list: empty list")
            << QByteArray(R"({"messages":[]})") << noList << true << -1 << true;
    QTest::newRow("missing_messages_list: not a list")
            << QByteArray(R"({"messages":{"role":"user"}})") << noList << true << -1 << true;
    QTest::newRow("missing_messages_list: prompt/completion")
            << QByteArray(R"({"prompt":"a","completion":"b"})") << noList << true << -1 << true;
    QTest::newRow("missing_messages_list: inside, one message")
            << QByteArray(R"({"messages":[{"role":"assistant","content":"x"}]})") << noList << false
            << 0 << true;

    const QString missingKey = QStringLiteral("message_missing_key");
    QTest::newRow("message_missing_key: no role")
            << chat(R"({"content":"Hello"})") << missingKey << true << 2 << true;
    QTest::newRow("message_missing_key: no content")
            << chat(R"({"role":"assistant"})") << missingKey << true << 2 << true;
    QTest::newRow("message_missing_key: tool answer without tool_call_id") << chat(
            R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]},{"role":"tool","content":"42"})")
                                                                           << missingKey << true
                                                                           << 3 << true;
    QTest::newRow("message_missing_key: inside, tool call without content") << chat(
            R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{}"}}]})")
                                                                            << missingKey << false
                                                                            << 0 << true;

    const QString unknownKey = QStringLiteral("message_unrecognized_key");
    QTest::newRow("message_unrecognized_key: extra key")
            << chat(R"({"role":"assistant","content":"ok","thoughts":"hm"})") << unknownKey << true
            << 2 << true;
    QTest::newRow("message_unrecognized_key: tool_call_id on a user message") << chat(
            R"({"role":"user","content":"x","tool_call_id":"c1"},{"role":"assistant","content":"y"})")
                                                                              << unknownKey << true
                                                                              << 2 << true;
    QTest::newRow("message_unrecognized_key: inside, every assistant key")
            << chat(R"({"role":"assistant","name":"bot","content":"ok","weight":1,"refusal":null})")
            << unknownKey << false << 0 << true;

    const QString role = QStringLiteral("unrecognized_role");
    QTest::newRow("unrecognized_role: typo")
            << chat(R"({"role":"asistant","content":"ok"})") << role << true << 2 << true;
    QTest::newRow("unrecognized_role: capitalised")
            << chat(R"({"role":"Assistant","content":"ok"})") << role << true << 2 << true;
    QTest::newRow("unrecognized_role: a number")
            << chat(R"({"role":3,"content":"ok"})") << role << true << 2 << true;
    QTest::newRow("unrecognized_role: inside, developer") << QByteArray(
            R"({"messages":[{"role":"developer","content":"Be brief."},{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]})")
                                                          << role << false << 0 << true;

    const QString content = QStringLiteral("missing_content");
    QTest::newRow("missing_content: empty")
            << chat(R"({"role":"assistant","content":""})") << content << true << 2 << true;
    QTest::newRow("missing_content: blanks")
            << chat(R"({"role":"assistant","content":" \n "})") << content << true << 2 << true;
    QTest::newRow("missing_content: null")
            << chat(R"({"role":"assistant","content":null})") << content << true << 2 << true;
    QTest::newRow("missing_content: no parts")
            << chat(R"({"role":"assistant","content":[]})") << content << true << 2 << true;
    QTest::newRow("missing_content: a number")
            << chat(R"({"role":"assistant","content":7})") << content << true << 2 << true;
    QTest::newRow("missing_content: inside, one character")
            << chat(R"({"role":"assistant","content":"k"})") << content << false << 0 << true;
    QTest::newRow("missing_content: inside, text parts")
            << chat(R"({"role":"assistant","content":[{"type":"text","text":"ok"}]})") << content
            << false << 0 << true;
    QTest::newRow("missing_content: inside, null with a tool call") << chat(
            R"({"role":"assistant","content":null,"tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{}"}}]})")
                                                                    << content << false << 0
                                                                    << true;

    const QString noAssistant = QStringLiteral("example_missing_assistant_message");
    QTest::newRow("example_missing_assistant_message: none")
            << QByteArray(R"({"messages":[{"role":"user","content":"Hi"}]})") << noAssistant << true
            << -1 << true;
    QTest::newRow("example_missing_assistant_message: inside") << QByteArray(
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"}]})")
                                                               << noAssistant << false << 0 << true;

    const QString weight = QStringLiteral("invalid_weight");
    QTest::newRow("invalid_weight: 2") << chat(R"({"role":"assistant","content":"ok","weight":2})")
                                       << weight << true << 2 << true;
    QTest::newRow("invalid_weight: 0.5")
            << chat(R"({"role":"assistant","content":"ok","weight":0.5})") << weight << true << 2
            << true;
    QTest::newRow("invalid_weight: text")
            << chat(R"({"role":"assistant","content":"ok","weight":"1"})") << weight << true << 2
            << true;
    QTest::newRow("invalid_weight: on a user message") << chat(
            R"({"role":"user","content":"x","weight":1},{"role":"assistant","content":"ok"})")
                                                       << weight << true << 2 << true;
    QTest::newRow("invalid_weight: inside, 0")
            << chat(R"({"role":"assistant","content":"ok","weight":0})") << weight << false << 0
            << true;
    QTest::newRow("invalid_weight: inside, 1.0")
            << chat(R"({"role":"assistant","content":"ok","weight":1.0})") << weight << false << 0
            << true;

    const QString special = QStringLiteral("special_token");
    QTest::newRow("special_token: endoftext")
            << chat(R"({"role":"assistant","content":"Done.<|endoftext|>"})") << special << true
            << 2 << true;
    QTest::newRow("special_token: fim_suffix in a text part")
            << chat(R"({"role":"assistant","content":[{"type":"text","text":"a<|fim_suffix|>b"}]})")
            << special << true << 2 << true;
    QTest::newRow("special_token: in tool call arguments") << chat(
            R"({"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{\"q\":\"<|im_start|>\"}"}}]})")
                                                           << special << true << 2 << true;
    QTest::newRow("special_token: reserved slot")
            << chat(R"({"role":"assistant","content":"<|reserved_200013|>"})") << special << true
            << 2 << true;
    QTest::newRow("special_token: inside, unknown name")
            << chat(R"({"role":"assistant","content":"<|hello|> and <|endoftext"})") << special
            << false << 0 << true;
    QTest::newRow("special_token: inside, spaced")
            << chat(R"({"role":"assistant","content":"< |endoftext| >"})") << special << false << 0
            << true;

    const QString tool = QStringLiteral("tool_call_invalid");
    const char *call =
            R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"weather","arguments":"{\"city\":\"Oslo\"}"}}]})";
    QTest::newRow("tool_call_invalid: inside, call and answer") << chat(
            QByteArray(QByteArray(call)
                    + R"(,{"role":"tool","tool_call_id":"c1","content":"3 °C"},{"role":"assistant","content":"It is cold."})")
                    .constData(),
            R"(,"tools":[{"type":"function","function":{"name":"weather","parameters":{"type":"object"}}}])")
                                                                << tool << false << 0 << true;
    QTest::newRow("tool_call_invalid: arguments not JSON") << chat(
            R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":"{city: Oslo}"}}]})")
                                                           << tool << true << 2 << true;
    QTest::newRow("tool_call_invalid: arguments an object") << chat(
            R"({"role":"assistant","tool_calls":[{"id":"c1","type":"function","function":{"name":"f","arguments":{}}}]})")
                                                            << tool << true << 2 << true;
    QTest::newRow("tool_call_invalid: answer without a call") << chat(
            R"({"role":"tool","tool_call_id":"c9","content":"42"},{"role":"assistant","content":"ok"})")
                                                              << tool << true << 2 << true;
    QTest::newRow("tool_call_invalid: answered twice") << chat(QByteArray(QByteArray(call)
            + R"(,{"role":"tool","tool_call_id":"c1","content":"1"},{"role":"tool","tool_call_id":"c1","content":"2"})")
                                                                       .constData())
                                                       << tool << true << 4 << true;
    QTest::newRow("tool_call_invalid: call without id") << chat(
            R"({"role":"assistant","tool_calls":[{"type":"function","function":{"name":"f","arguments":"{}"}}]})")
                                                        << tool << true << 2 << true;
    QTest::newRow("tool_call_invalid: empty tool_calls")
            << chat(R"({"role":"assistant","content":"ok","tool_calls":[]})") << tool << true << 2
            << true;
    QTest::newRow("tool_call_invalid: bad tool definition")
            << chat(R"({"role":"assistant","content":"ok"})",
                       R"(,"tools":[{"type":"function","function":{"name":"no spaces allowed"}}])")
            << tool << true << -1 << true;
    QTest::newRow("tool_call_invalid: calls an undeclared tool (warning)")
            << chat(call, R"(,"tools":[{"type":"function","function":{"name":"time"}}])") << tool
            << true << 2 << false;

    const QString system = QStringLiteral("missing_system");
    QTest::newRow("missing_system: none") << QByteArray(
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"}]})")
                                          << system << true << -1 << false;
    QTest::newRow("missing_system: inside, system")
            << chat(R"({"role":"assistant","content":"ok"})") << system << false << 0 << false;

    const QString user = QStringLiteral("missing_user");
    QTest::newRow("missing_user: none") << QByteArray(
            R"({"messages":[{"role":"system","content":"Hi"},{"role":"assistant","content":"Yo"}]})")
                                        << user << true << -1 << false;
    QTest::newRow("missing_user: inside")
            << chat(R"({"role":"assistant","content":"ok"})") << user << false << 0 << false;

    const QString mixed = QStringLiteral("mixed_formats");
    QTest::newRow("mixed_formats: both in one line")
            << chat(R"({"role":"assistant","content":"ok"})", R"(,"preferred_output":[])") << mixed
            << true << -1 << true;

    QTest::newRow("dpo: inside, a good pair")
            << dpo(kSys, kGood, kBad) << QStringLiteral("dpo_identical_outputs") << false << 0
            << true;
    QTest::newRow("dpo_missing_input: none") << QByteArray(
            R"({"preferred_output":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]})")
                                             << QStringLiteral("dpo_missing_input") << true << -1
                                             << true;
    QTest::newRow("dpo_missing_input: no messages")
            << dpo("[]", kGood, kBad) << QStringLiteral("dpo_missing_input") << true << -1 << true;
    QTest::newRow("dpo_missing_preferred_output: spec's old name") << QByteArray(
            R"({"input":{"messages":[{"role":"user","content":"Hi"}]},"preferred_completion":[{"role":"assistant","content":"a"}],"non_preferred_output":[{"role":"assistant","content":"b"}]})")
                                                                   << QStringLiteral(
                                                                              "dpo_missing_"
                                                                              "preferred_output")
                                                                   << true << -1 << true;
    QTest::newRow("dpo_missing_non_preferred_output: empty")
            << dpo(kSys, kGood, "[]") << QStringLiteral("dpo_missing_non_preferred_output") << true
            << -1 << true;
    QTest::newRow("dpo_output_not_single_assistant: two messages") << dpo(kSys,
            R"([{"role":"assistant","content":"a"},{"role":"assistant","content":"b"}])",
            kBad) << QStringLiteral("dpo_output_not_single_assistant")
                                                                   << true << 2 << true;
    QTest::newRow("dpo_output_not_single_assistant: a user answer")
            << dpo(kSys, kGood, R"([{"role":"user","content":"b"}])")
            << QStringLiteral("dpo_output_not_single_assistant") << true << 3 << true;
    QTest::newRow("dpo_identical_outputs: same text")
            << dpo(kSys, kGood, kGood) << QStringLiteral("dpo_identical_outputs") << true << -1
            << false;
    QTest::newRow("dpo_input_ends_with_assistant")
            << dpo(R"([{"role":"user","content":"Hi"},{"role":"assistant","content":"Yes?"}])",
                       kGood, kBad)
            << QStringLiteral("dpo_input_ends_with_assistant") << true << 1 << true;
    QTest::newRow("dpo_text_only: an image")
            << dpo(R"([{"role":"user","content":[{"type":"image_url","image_url":{"url":"u"}}]}])",
                       kGood, kBad)
            << QStringLiteral("dpo_text_only") << true << -1 << true;
    QTest::newRow("invalid_weight: in a preference example")
            << dpo(kSys, R"([{"role":"assistant","content":"a","weight":1}])", kBad) << weight
            << true << 2 << true;
    QTest::newRow("special_token: in a non-preferred answer")
            << dpo(kSys, kGood, R"([{"role":"assistant","content":"<|endofprompt|>"}])") << special
            << true << 3 << true;
}

void tst_Linter::codes()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    QFETCH(bool, found);
    QFETCH(int, messageIndex);
    QFETCH(bool, error);

    const ExampleLint result = lint(line, 7);
    const LintFinding *finding = find(result.findings, code);
    if (!found) {
        QVERIFY2(!finding, qPrintable(codesOf(result.findings).join(u' ')));
        return;
    }
    QVERIFY2(finding, qPrintable(codesOf(result.findings).join(u' ')));
    QCOMPARE(finding->line, 7);
    QCOMPARE(finding->messageIndex, messageIndex);
    QCOMPARE(finding->isError(), error);
    QVERIFY(!finding->message.isEmpty());
    QVERIFY2(!finding->message.contains(QLatin1String("%")), qPrintable(finding->message));
}

void tst_Linter::validExamplesAreClean_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("format");
    QTest::newRow("chat") << chat(R"({"role":"assistant","content":"Hello"})")
                          << int(ExampleFormat::Chat);
    QTest::newRow("chat with weights and names") << chat(
            R"({"role":"assistant","content":"a","weight":0},{"role":"user","name":"bob","content":"b"},{"role":"assistant","content":"c","weight":1})")
                                                 << int(ExampleFormat::Chat);
    QTest::newRow("tools") << chat(
            R"({"role":"assistant","content":null,"tool_calls":[{"id":"a","type":"function","function":{"name":"f","arguments":"{}"}},{"id":"b","type":"function","function":{"name":"f","arguments":"[1]"}}]},)"
            R"({"role":"tool","tool_call_id":"b","content":"2"},{"role":"tool","tool_call_id":"a","content":"1"},{"role":"assistant","content":"Done"})",
            R"(,"tools":[{"type":"function","function":{"name":"f","description":"x","parameters":{"type":"object","properties":{}}}}],"parallel_tool_calls":true)")
                           << int(ExampleFormat::Chat);
    QTest::newRow("preference") << dpo(kSys, kGood, kBad) << int(ExampleFormat::Preference);
}

void tst_Linter::validExamplesAreClean()
{
    QFETCH(QByteArray, line);
    QFETCH(int, format);
    const ExampleLint result = lint(line);
    QVERIFY2(result.findings.isEmpty(), qPrintable(codesOf(result.findings).join(u' ')));
    QCOMPARE(int(result.format), format);
    QVERIFY(result.parsed);
    QVERIFY(result.digest != 0);
}

void tst_Linter::messagesArePlainWords()
{
    const ExampleLint result = lint(chat(R"({"role":"asistant","content":"ok"})"));
    const LintFinding *finding = find(result.findings, QStringLiteral("unrecognized_role"));
    QVERIFY(finding);
    QCOMPARE(finding->message,
            QStringLiteral("Message 3 has the role “asistant”, which the service does not know. "
                           "Use system, developer, user, assistant or tool."));
    const ExampleLint capital = lint(chat(R"({"role":"Assistant","content":"ok"})"));
    QVERIFY(find(capital.findings, QStringLiteral("unrecognized_role"))
                    ->message.endsWith(QStringLiteral("Did you mean “assistant”?")));
    const ExampleLint broken = lint(QByteArray(R"({"messages": [)"));
    QVERIFY(broken.findings.first().message.startsWith(
            QLatin1String("This line is not valid JSON")));
    const ExampleLint preference =
            lint(dpo(kSys, kGood, R"([{"role":"assistant","content":"<|endoftext|>"}])"));
    QCOMPARE(find(preference.findings, QStringLiteral("special_token"))->message.left(40),
            QStringLiteral("The non-preferred answer contains <|endo"));
}

void tst_Linter::fixesAreOffered_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("fix");
    QTest::newRow("empty last message")
            << chat(R"({"role":"assistant","content":"ok"},{"role":"user","content":""})")
            << QStringLiteral("missing_content") << int(LintFinding::Fix::DropEmptyTrailingMessage);
    QTest::newRow("empty message in the middle") << chat(
            R"({"role":"assistant","content":""},{"role":"user","content":"x"},{"role":"assistant","content":"y"})")
                                                 << QStringLiteral("missing_content")
                                                 << int(LintFinding::Fix::None);
    QTest::newRow("reserved token")
            << chat(R"({"role":"assistant","content":"<|endoftext|>"})")
            << QStringLiteral("special_token") << int(LintFinding::Fix::RemoveSpecialToken);
    QTest::newRow("weight") << chat(R"({"role":"assistant","content":"ok","weight":true})")
                            << QStringLiteral("invalid_weight") << int(LintFinding::Fix::FixWeight);
    QTest::newRow("no fix for a role")
            << chat(R"({"role":"bot","content":"ok"})") << QStringLiteral("unrecognized_role")
            << int(LintFinding::Fix::None);
}

void tst_Linter::fixesAreOffered()
{
    QFETCH(QByteArray, line);
    QFETCH(QString, code);
    QFETCH(int, fix);
    const ExampleLint result = lint(line);
    const LintFinding *finding = find(result.findings, code);
    QVERIFY2(finding, qPrintable(codesOf(result.findings).join(u' ')));
    QCOMPARE(int(finding->fix), fix);
}

void tst_Linter::reservedTokens_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("found");
    QTest::addColumn<QString>("cleaned");
    QTest::newRow("none") << QStringLiteral("plain <b>text</b> | with pipes |") << QStringList()
                          << QStringLiteral("plain <b>text</b> | with pipes |");
    QTest::newRow("each once, in order")
            << QStringLiteral("a<|fim_prefix|>b<|endoftext|>c<|fim_prefix|>")
            << QStringList {QStringLiteral("<|fim_prefix|>"), QStringLiteral("<|endoftext|>")}
            << QStringLiteral("abc");
    QTest::newRow("nested start") << QStringLiteral("<|<|im_end|>|>")
                                  << QStringList {QStringLiteral("<|im_end|>")}
                                  << QStringLiteral("<||>");
    QTest::newRow("harmony") << QStringLiteral("<|start|>assistant<|channel|>final<|message|>Hi")
                             << QStringList {QStringLiteral("<|start|>"),
                                        QStringLiteral("<|channel|>"),
                                        QStringLiteral("<|message|>")}
                             << QStringLiteral("assistantfinalHi");
    QTest::newRow("reserved needs digits")
            << QStringLiteral("<|reserved_|><|reserved_x1|>") << QStringList()
            << QStringLiteral("<|reserved_|><|reserved_x1|>");
    QTest::newRow("case matters") << QStringLiteral("<|EndOfText|>") << QStringList()
                                  << QStringLiteral("<|EndOfText|>");
}

void tst_Linter::reservedTokens()
{
    QFETCH(QString, text);
    QFETCH(QStringList, found);
    QFETCH(QString, cleaned);
    QCOMPARE(Linter::findReservedTokens(text), found);
    QCOMPARE(Linter::removeReservedTokens(text), cleaned);
    // Both encodings' own specials are on the list.
    const QStringList all = Linter::reservedTokens();
    for (const char *token : {"<|endoftext|>", "<|fim_prefix|>", "<|fim_middle|>", "<|fim_suffix|>",
                 "<|endofprompt|>"})
        QVERIFY2(all.contains(QLatin1String(token)), token);
}

void tst_Linter::bomIsSkippedOnLineOneOnly()
{
    const QByteArray line = "\xEF\xBB\xBF" + chat(R"({"role":"assistant","content":"ok"})");
    QVERIFY(lint(line, 1).findings.isEmpty());
    QCOMPARE(codesOf(lint(line, 2).findings), QStringList {QStringLiteral("invalid_json")});
    const LintFinding bom = Linter::bomFinding();
    QCOMPARE(bom.code, QStringLiteral("bom"));
    QCOMPARE(bom.line, 1);
    QCOMPARE(bom.fix, LintFinding::Fix::RemoveBom);
}

void tst_Linter::exampleTooLong()
{
    LintOptions options;
    options.model = QStringLiteral("gpt-4o-mini-2024-07-18");
    const QByteArray line = chat(R"({"role":"assistant","content":"Hello there, how are you?"})");
    options.tokenLimit = 1000;
    const ExampleLint roomy = Linter(options).lintLine(line, 3);
    QVERIFY(roomy.tokens > 10);
    QVERIFY(!find(roomy.findings, QStringLiteral("example_too_long")));

    // Exactly at the limit is fine; one token over is not.
    options.tokenLimit = roomy.tokens;
    QVERIFY(!find(Linter(options).lintLine(line, 3).findings, QStringLiteral("example_too_long")));
    options.tokenLimit = roomy.tokens - 1;
    const ExampleLint over = Linter(options).lintLine(line, 3);
    const LintFinding *finding = find(over.findings, QStringLiteral("example_too_long"));
    QVERIFY(finding);
    QVERIFY(!finding->isError());
    QCOMPARE(finding->line, 3);
    QVERIFY(finding->message.contains(QString::number(roomy.tokens)));

    // The model's own training context by default.
    QCOMPARE(Linter(LintOptions {QStringLiteral("gpt-4o-mini-2024-07-18"), true, 0}).tokenLimit(),
            65536);
    QCOMPARE(Linter(LintOptions {QStringLiteral("gpt-3.5-turbo-0125"), true, 0}).tokenLimit(),
            16385);
}

void tst_Linter::tokenCounts()
{
    LintOptions options;
    options.model = QStringLiteral("gpt-4o-2024-08-06");
    // The cookbook's count: 3 per message + role + content, 3 at the end. "Hi" and "Hello" are one
    // token each, as are the roles.
    const QByteArray line =
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]})";
    const ExampleLint result = Linter(options).lintLine(line, 1);
    QCOMPARE(result.tokens, 3 + 1 + 1 + 3 + 1 + 1 + 3);
    QCOMPARE(result.assistantTokens, 1);
    QCOMPARE(Linter(rulesOnly()).lintLine(line, 1).tokens, 0);
}

void tst_Linter::tooFewExamples()
{
    QCOMPARE(Linter::countFindings(10), LintFindings());
    const LintFindings nine = Linter::countFindings(9);
    QCOMPARE(nine.size(), 1);
    QCOMPARE(nine.first().code, QStringLiteral("too_few_examples"));
    QCOMPARE(nine.first().line, 0);
    QVERIFY(nine.first().isError());
    QVERIFY(nine.first().message.contains(QLatin1String("9 examples")));
    QCOMPARE(Linter::countFindings(0).size(), 1);

    LintState state;
    const QByteArray line = chat(R"({"role":"assistant","content":"ok"})");
    QList<ExampleLint> rows;
    for (int i = 0; i < 9; ++i)
        rows << lint(line + QByteArray(i, ' '));
    state.reset(rows);
    QCOMPARE(codesOf(state.fileFindings()), QStringList {QStringLiteral("too_few_examples")});
    state.insertRows(9, 1);
    QVERIFY(state.fileFindings().isEmpty());
}

void tst_Linter::duplicates()
{
    LintState state;
    const ExampleLint a = lint(
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo"}]})");
    // The same example with other key order and spacing is the same example.
    const ExampleLint sameA = lint(
            R"({ "messages": [ {"content":"Hi","role":"user"}, {"content":"Yo","role":"assistant"} ] })");
    const ExampleLint b = lint(
            R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Yo!"}]})");
    state.reset({a, b, sameA, sameA});
    QCOMPARE(state.duplicateOf(0), -1);
    QCOMPARE(state.duplicateOf(1), -1);
    QCOMPARE(state.duplicateOf(2), 0);
    QCOMPARE(state.duplicateOf(3), 0);
    // Kept: find() points into the list (a temporary here was read after it was freed: ASan).
    const LintFindings findings3 = state.findings(3);
    const LintFinding *finding = find(findings3, QStringLiteral("duplicate_example"));
    QVERIFY(finding);
    QCOMPARE(finding->line, 4);
    QVERIFY(!finding->isError());
    QVERIFY(finding->message.contains(QLatin1String("example 1")));
    QVERIFY(!find(state.findings(0), QStringLiteral("duplicate_example")));

    // Edit the first: the third becomes the original.
    state.setResult(0, b);
    QCOMPARE(state.duplicateOf(0), -1);
    QCOMPARE(state.duplicateOf(1), 0);
    QCOMPARE(state.duplicateOf(2), -1);
    QCOMPARE(state.duplicateOf(3), 2);
    // Invalid lines are not compared.
    state.reset({lint("{oops"), lint("{oops")});
    QCOMPARE(state.duplicateOf(1), -1);
}

void tst_Linter::mixedFormats()
{
    const ExampleLint c = lint(chat(R"({"role":"assistant","content":"ok"})"));
    const ExampleLint p = lint(dpo(kSys, kGood, kBad));
    LintState state;
    state.reset({c, c, p});
    QCOMPARE(state.mainFormat(), ExampleFormat::Chat);
    QVERIFY(!find(state.findings(0), QStringLiteral("mixed_formats")));
    // Kept: find() points into the list (a temporary here was read after it was freed: ASan).
    const LintFindings findings2 = state.findings(2);
    const LintFinding *finding = find(findings2, QStringLiteral("mixed_formats"));
    QVERIFY(finding);
    QVERIFY(finding->isError());
    QCOMPARE(finding->line, 3);
    QVERIFY(finding->message.contains(QLatin1String("2 other examples are chat")));

    // A tie: the format the file starts with wins.
    state.reset({p, c});
    QCOMPARE(state.mainFormat(), ExampleFormat::Preference);
    QVERIFY(find(state.findings(1), QStringLiteral("mixed_formats")));
    QVERIFY(!find(state.findings(0), QStringLiteral("mixed_formats")));

    // One format only: nothing; invalid lines don't count as a format.
    state.reset({p, p, lint("[]")});
    for (int row = 0; row < 3; ++row)
        QVERIFY(!find(state.findings(row), QStringLiteral("mixed_formats")));
}

void tst_Linter::stateFollowsRowChanges()
{
    const ExampleLint good = lint(chat(R"({"role":"assistant","content":"ok"})"));
    const ExampleLint bad = lint(chat(R"({"role":"asistant","content":"ok"})"));
    LintState state;
    state.reset({good, bad});
    QCOMPARE(state.findings(1).first().line, 2);
    state.insertRows(0, 2);
    QCOMPARE(state.count(), 4);
    QVERIFY(!state.isLinted(0));
    QCOMPARE(state.unlintedRows(), (QList<int> {0, 1}));
    QCOMPARE(state.findings(3).first().code, QStringLiteral("unrecognized_role"));
    QCOMPARE(state.findings(3).first().line, 4);
    state.moveRow(3, 0);
    QCOMPARE(state.findings(0).first().line, 1);
    QVERIFY(state.findings(3).isEmpty());
    state.removeRows(0, 1);
    QCOMPARE(state.count(), 3);
    QCOMPARE(state.errorCount(0), 0);

    LintState whole;
    whole.reset({good, bad});
    whole.setBom(true);
    const LintFindings all = whole.allFindings();
    // File findings first (BOM, too few), then by line.
    QCOMPARE(codesOf(all),
            (QStringList {QStringLiteral("bom"), QStringLiteral("too_few_examples"),
                    QStringLiteral("unrecognized_role"),
                    QStringLiteral("example_missing_assistant_message")}));
    // A limit keeps the first findings in the same order (what the findings panel shows).
    QCOMPARE(codesOf(whole.allFindings(3)), codesOf(all).mid(0, 3));
    QCOMPARE(whole.allFindings(0).size(), 0);
    QCOMPARE(whole.allFindings(100).size(), all.size());
}

void tst_Linter::issueCounts()
{
    const ExampleLint good = lint(chat(R"({"role":"assistant","content":"ok"})"));
    const ExampleLint twoProblems = lint(
            R"({"messages":[{"role":"user","content":"x"},{"role":"asistant","content":""}]})");
    LintState state;
    state.reset({good, twoProblems, good});
    QList<quint16> errors;
    QList<quint16> warnings;
    state.issueCounts(&errors, &warnings);
    // Row 1: unrecognized role, missing content, no assistant (errors); no system (warning).
    QCOMPARE(errors, (QList<quint16> {0, 3, 0}));
    // Row 2 repeats row 0.
    QCOMPARE(warnings, (QList<quint16> {0, 1, 1}));
    QCOMPARE(state.errorCount(1), 3);
    QCOMPARE(state.warningCount(2), 1);
    // + too_few_examples.
    QCOMPARE(state.totalErrors(), 4);
    QCOMPARE(state.totalWarnings(), 2);
}

QTEST_GUILESS_MAIN(tst_Linter)
#include "tst_linter.moc"
