// SPDX-License-Identifier: GPL-3.0-or-later
// Where the prompts of a capture come from: a dataset or validation file, the open dataset, a
// pasted list, the Playground's conversation (live or saved), and a file read by its content.
#include "captureprompts.h"
#include "comparisonsession.h"
#include "datasetdocument.h"
#include "example.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTest>

using fs::CapturePromptsLoad;
using fs::ChatMessage;
using fs::Messages;

class tst_CapturePrompts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void datasetPromptEndsBeforeTheLastAnswer();
    void jsonlFileKeepsEveryExampleWithAUserMessage();
    void openDatasetIsASource();
    void pastedListOnePerLine();
    void pastedListSeparatedByEmptyLines();
    void pastedListWithSystemPromptAndNothingInIt();
    void conversationGivesEachUserTurnWithItsContext();
    void sessionPrefersThePaneOfTheModel();
    void fileIsReadByItsContent();
    void promptKeyIdentifiesEqualPrompts();

private:
    QString write(const QString &name, const QByteArray &data);
    QTemporaryDir m_dir;
};

namespace {

QStringList roles(const Messages &messages)
{
    QStringList list;
    for (const fs::Message &message : messages)
        list << message.role();
    return list;
}

QStringList texts(const Messages &messages)
{
    QStringList list;
    for (const fs::Message &message : messages)
        list << message.text();
    return list;
}

const QByteArray kDataset =
        R"({"messages":[{"role":"system","content":"S"},{"role":"user","content":"Q1"},)"
        R"({"role":"assistant","content":"A1"},{"role":"user","content":"Q2"},)"
        R"({"role":"assistant","content":"A2","weight":1},{"role":"user","content":"after"}]})"
        "\n"
        R"({"messages":[{"role":"user","content":"no answer yet"}]})"
        "\n"
        R"({"messages":[{"role":"system","content":"only a system prompt"}]})"
        "\n"
        "not json\n"
        R"({"input":{"messages":[{"role":"user","content":"pick one"}]},)"
        R"("preferred_output":[{"role":"assistant","content":"a"}],)"
        R"("non_preferred_output":[{"role":"assistant","content":"b"}]})"
        "\n";

} // namespace

void tst_CapturePrompts::initTestCase()
{
    QVERIFY(m_dir.isValid());
}

QString tst_CapturePrompts::write(const QString &name, const QByteArray &data)
{
    const QString path = m_dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

void tst_CapturePrompts::datasetPromptEndsBeforeTheLastAnswer()
{
    const fs::Example example = fs::Example::fromLine(kDataset.split('\n').first());
    const std::optional<fs::CapturePrompt> prompt = fs::capturePromptFrom(example, 7);
    QVERIFY(prompt);
    QCOMPARE(prompt->sourceLine, 7);
    // Up to the last assistant turn, that turn dropped (and what came after it).
    QCOMPARE(roles(prompt->messages),
            QStringList({QStringLiteral("system"), QStringLiteral("user"),
                    QStringLiteral("assistant"), QStringLiteral("user")}));
    QCOMPARE(texts(prompt->messages).last(), QStringLiteral("Q2"));
    // Earlier assistant turns keep their JSON exactly (the captured example repeats them).
    QCOMPARE(prompt->messages.at(2).toJson().toObject().value(QLatin1String("content")).toString(),
            QStringLiteral("A1"));
}

void tst_CapturePrompts::jsonlFileKeepsEveryExampleWithAUserMessage()
{
    const QString path = write(QStringLiteral("mixed.jsonl"), kDataset);
    const CapturePromptsLoad load = fs::capturePromptsFromJsonl(path);
    QVERIFY2(load.error.isEmpty(), qPrintable(load.error));
    QCOMPARE(load.source, QStringLiteral("mixed.jsonl"));
    QCOMPARE(load.prompts.size(), 3);
    QCOMPARE(load.skipped, 2); // the system-only example and the invalid line
    QCOMPARE(load.prompts.at(0).sourceLine, 1);
    QCOMPARE(texts(load.prompts.at(1).messages), QStringList({QStringLiteral("no answer yet")}));
    QCOMPARE(load.prompts.at(1).sourceLine, 2);
    // A preference example: its input messages.
    QCOMPARE(texts(load.prompts.at(2).messages), QStringList({QStringLiteral("pick one")}));
    QCOMPARE(load.prompts.at(2).sourceLine, 5);

    const CapturePromptsLoad none = fs::capturePromptsFromJsonl(write(
            QStringLiteral("none.jsonl"), R"({"messages":[{"role":"system","content":"S"}]})"));
    QVERIFY(none.prompts.isEmpty());
    QVERIFY(none.error.contains(QLatin1String("no user message")));
    const CapturePromptsLoad missing = fs::capturePromptsFromJsonl(m_dir.filePath("missing.jsonl"));
    QVERIFY(!missing.error.isEmpty());
}

void tst_CapturePrompts::openDatasetIsASource()
{
    fs::DatasetDocument document;
    document.appendExample(fs::Example::fromLine(kDataset.split('\n').at(0)));
    document.appendExample(fs::Example::fromLine(kDataset.split('\n').at(2)));
    document.appendExample(fs::Example::fromLine(kDataset.split('\n').at(1)));
    const CapturePromptsLoad load = fs::capturePromptsFrom(document);
    QCOMPARE(load.prompts.size(), 2);
    QCOMPARE(load.skipped, 1);
    QCOMPARE(load.prompts.at(0).sourceLine, 1);
    QCOMPARE(load.prompts.at(1).sourceLine, 3);
    QCOMPARE(load.source, QStringLiteral("the open dataset"));
}

void tst_CapturePrompts::pastedListOnePerLine()
{
    const CapturePromptsLoad load = fs::capturePromptsFromList(
            QStringLiteral("How do I reset it?\r\n  Where is the button?  \nWhat does red mean?"));
    QVERIFY(load.error.isEmpty());
    QCOMPARE(load.prompts.size(), 3);
    QCOMPARE(roles(load.prompts.at(0).messages), QStringList({QStringLiteral("user")}));
    QCOMPARE(texts(load.prompts.at(1).messages),
            QStringList({QStringLiteral("  Where is the button?")}));
    QCOMPARE(load.prompts.at(2).sourceLine, 3);
}

void tst_CapturePrompts::pastedListSeparatedByEmptyLines()
{
    // With an empty line anywhere, prompts are blocks: a prompt may span lines.
    const CapturePromptsLoad load = fs::capturePromptsFromList(
            QStringLiteral("\nWrite a haiku\nabout lamps.\n\n\n   \nSummarise:\nline one\nline "
                           "two\n\nShort one\n"));
    QCOMPARE(load.prompts.size(), 3);
    QCOMPARE(texts(load.prompts.at(0).messages),
            QStringList({QStringLiteral("Write a haiku\nabout lamps.")}));
    QCOMPARE(load.prompts.at(0).sourceLine, 2);
    QCOMPARE(texts(load.prompts.at(1).messages),
            QStringList({QStringLiteral("Summarise:\nline one\nline two")}));
    QCOMPARE(load.prompts.at(1).sourceLine, 7);
    QCOMPARE(texts(load.prompts.at(2).messages), QStringList({QStringLiteral("Short one")}));
}

void tst_CapturePrompts::pastedListWithSystemPromptAndNothingInIt()
{
    const CapturePromptsLoad load =
            fs::capturePromptsFromList(QStringLiteral("A\nB"), QStringLiteral("Be brief."));
    QCOMPARE(load.prompts.size(), 2);
    QCOMPARE(roles(load.prompts.at(1).messages),
            QStringList({QStringLiteral("system"), QStringLiteral("user")}));
    QCOMPARE(texts(load.prompts.at(1).messages),
            QStringList({QStringLiteral("Be brief."), QStringLiteral("B")}));

    const CapturePromptsLoad empty = fs::capturePromptsFromList(QStringLiteral("\n  \n\n"));
    QVERIFY(empty.prompts.isEmpty());
    QVERIFY(empty.error.contains(QLatin1String("one per line")));
}

void tst_CapturePrompts::conversationGivesEachUserTurnWithItsContext()
{
    const QList<ChatMessage> history = {{QStringLiteral("user"), QStringLiteral("Hi")},
            {QStringLiteral("assistant"), QStringLiteral("Hello!")},
            {QStringLiteral("user"), QStringLiteral("Shorter please")},
            {QStringLiteral("assistant"), QStringLiteral("Hi.")}};
    const CapturePromptsLoad load =
            fs::capturePromptsFromConversation(QStringLiteral("You are terse."), history);
    QCOMPARE(load.prompts.size(), 2);
    QCOMPARE(texts(load.prompts.at(0).messages),
            QStringList({QStringLiteral("You are terse."), QStringLiteral("Hi")}));
    QCOMPARE(texts(load.prompts.at(1).messages),
            QStringList({QStringLiteral("You are terse."), QStringLiteral("Hi"),
                    QStringLiteral("Hello!"), QStringLiteral("Shorter please")}));
    QVERIFY(!fs::capturePromptsFromConversation({}, {}).error.isEmpty());
}

void tst_CapturePrompts::sessionPrefersThePaneOfTheModel()
{
    QNetworkAccessManager nam;
    fs::ComparisonSession session(&nam);
    QJsonObject saved = session.toJson();
    QJsonArray panes;
    const auto pane = [](const QString &model, const QString &answer) {
        return QJsonObject {
                {QStringLiteral("target"), QJsonObject {{QStringLiteral("model"), model}}},
                {QStringLiteral("history"),
                        QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                            {QStringLiteral("content"), QStringLiteral("Hi")}},
                                QJsonObject {{QStringLiteral("role"), QStringLiteral("assistant")},
                                        {QStringLiteral("content"), answer}},
                                QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                        {QStringLiteral("content"), QStringLiteral("And?")}}}}};
    };
    panes << pane(QStringLiteral("gpt-4o-mini"), QStringLiteral("base says"))
          << pane(QStringLiteral("ft:gpt-4o-mini:acme::x"), QStringLiteral("tuned says"));
    saved.insert(QStringLiteral("panes"), panes);
    QVERIFY(session.fromJson(saved));

    const CapturePromptsLoad tuned =
            fs::capturePromptsFromSession(session, QStringLiteral("ft:gpt-4o-mini:acme::x"));
    QCOMPARE(tuned.prompts.size(), 2);
    QCOMPARE(texts(tuned.prompts.at(1).messages).at(1), QStringLiteral("tuned says"));
    // Another model: the first pane's conversation.
    const CapturePromptsLoad other = fs::capturePromptsFromSession(session, QStringLiteral("x"));
    QCOMPARE(texts(other.prompts.at(1).messages).at(1), QStringLiteral("base says"));
    QVERIFY(!fs::capturePromptsFromSession(QJsonObject {}).error.isEmpty());
}

void tst_CapturePrompts::fileIsReadByItsContent()
{
    QNetworkAccessManager nam;
    fs::ComparisonSession session(&nam);
    QJsonObject saved = session.toJson();
    saved.insert(QStringLiteral("panes"),
            QJsonArray {QJsonObject {{QStringLiteral("history"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                            {QStringLiteral("content"),
                                    QStringLiteral("From the playground")}}}}}});
    const QString sessionPath = write(
            QStringLiteral("session.json"), QJsonDocument(saved).toJson(QJsonDocument::Indented));
    const CapturePromptsLoad fromSession = fs::loadCapturePrompts(sessionPath);
    QVERIFY2(fromSession.error.isEmpty(), qPrintable(fromSession.error));
    QCOMPARE(fromSession.prompts.size(), 1);
    QCOMPARE(texts(fromSession.prompts.at(0).messages),
            QStringList({QStringLiteral("From the playground")}));
    QCOMPARE(fromSession.source, QStringLiteral("session.json"));

    const CapturePromptsLoad fromJsonl =
            fs::loadCapturePrompts(write(QStringLiteral("data.jsonl"), kDataset));
    QCOMPARE(fromJsonl.prompts.size(), 3);

    // A .txt file is a list even when a line looks like JSON; other text is a list too.
    const CapturePromptsLoad fromTxt =
            fs::loadCapturePrompts(write(QStringLiteral("list.txt"), "{\"a\":1}\nsecond\n"));
    QCOMPARE(fromTxt.prompts.size(), 2);
    QCOMPARE(texts(fromTxt.prompts.at(0).messages), QStringList({QStringLiteral("{\"a\":1}")}));
    const CapturePromptsLoad fromText =
            fs::loadCapturePrompts(write(QStringLiteral("prompts"), "one\ntwo\nthree\n"));
    QCOMPARE(fromText.prompts.size(), 3);
    QVERIFY(!fs::loadCapturePrompts(m_dir.filePath(QStringLiteral("nope.txt"))).error.isEmpty());
}

void tst_CapturePrompts::promptKeyIdentifiesEqualPrompts()
{
    const Messages a = {fs::Message(QStringLiteral("user"), QStringLiteral("Hi"))};
    const Messages b = {fs::Message(QJsonObject {
            {QStringLiteral("content"), QStringLiteral("Hi")}, {QStringLiteral("role"), "user"}})};
    const Messages c = {fs::Message(QStringLiteral("user"), QStringLiteral("Hi!"))};
    QCOMPARE(fs::capturePromptKey(a), fs::capturePromptKey(b));
    QVERIFY(fs::capturePromptKey(a) != fs::capturePromptKey(c));
}

QTEST_GUILESS_MAIN(tst_CapturePrompts)
#include "tst_captureprompts.moc"
