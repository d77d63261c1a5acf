// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenizer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <atomic>
#include <thread>

using fs::Tokenizer;

namespace {

struct ReferenceCase
{
    QString source;
    QString text;
    std::vector<int> o200k;
    std::vector<int> cl100k;
};

std::vector<int> toIds(const QJsonArray &array)
{
    std::vector<int> ids;
    ids.reserve(size_t(array.size()));
    for (const QJsonValue &v : array)
        ids.push_back(v.toInt(-1));
    return ids;
}

// tests/data/tokenizer/reference.jsonl, written by generate-reference.mjs with OpenAI's tiktoken.
const QList<ReferenceCase> &referenceCases()
{
    static const QList<ReferenceCase> cases = [] {
        QList<ReferenceCase> out;
        QFile file(QStringLiteral(FS_TEST_DATA_DIR "/tokenizer/reference.jsonl"));
        if (!file.open(QIODevice::ReadOnly))
            return out;
        while (!file.atEnd()) {
            const QByteArray line = file.readLine().trimmed();
            if (line.isEmpty())
                continue;
            const QJsonObject o = QJsonDocument::fromJson(line).object();
            out.append({o.value(QLatin1String("source")).toString(),
                    o.value(QLatin1String("text")).toString(),
                    toIds(o.value(QLatin1String("o200k_base")).toArray()),
                    toIds(o.value(QLatin1String("cl100k_base")).toArray())});
        }
        return out;
    }();
    return cases;
}

QString idsToString(const std::vector<int> &ids)
{
    QStringList parts;
    for (const int id : ids)
        parts << QString::number(id);
    return parts.join(QLatin1Char(','));
}

// A rank file with the 256 single bytes (rank = byte value) and then `merges` in order.
QString writeRankFile(const QTemporaryDir &dir, const QString &name,
        const QList<QByteArray> &merges, int skipByte = -1)
{
    QByteArray data;
    int rank = 0;
    for (int b = 0; b < 256; ++b, ++rank) {
        if (b == skipByte)
            continue;
        data += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(rank) + '\n';
    }
    for (const QByteArray &m : merges)
        data += m.toBase64() + ' ' + QByteArray::number(rank++) + '\n';
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write(data);
    return path;
}

} // namespace

class tst_Tokenizer : public QObject
{
    Q_OBJECT

private slots:
    void referenceCorpusIsComplete();
    void matchesReferenceIds_data();
    void matchesReferenceIds();
    void decodeRoundTrips();
    void instanceIsSharedAndComplete();
    void emptyText();
    void specialTokensAreOrdinaryText();
    void encodingForModel_data();
    void encodingForModel();
    void mergesLowestRankFirst();
    void longPieceMergesLikeShortOnes();
    void loadErrors_data();
    void loadErrors();
    void missingFile();
    void concurrentEncoding();
};

void tst_Tokenizer::referenceCorpusIsComplete()
{
    const auto &cases = referenceCases();
    QVERIFY2(cases.size() >= 1000, qPrintable(QString::number(cases.size())));
    // The reference must be regenerated when the corpus changes: every corpus line is a case.
    QFile corpus(QStringLiteral(FS_TEST_DATA_DIR "/tokenizer/corpus.txt"));
    QVERIFY(corpus.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(corpus.readAll()).split(QLatin1Char('\n'));
    QStringList corpusCases;
    for (const ReferenceCase &c : cases) {
        if (c.source == QLatin1String("corpus"))
            corpusCases << c.text;
    }
    QCOMPARE(corpusCases, lines.mid(0, lines.size() - 1)); // the file ends with a newline
    // Every kind of case is there, and none has an empty expectation by accident.
    QSet<QString> sources;
    for (const ReferenceCase &c : cases) {
        sources.insert(c.source);
        if (!c.text.isEmpty()) {
            QVERIFY(!c.o200k.empty());
            QVERIFY(!c.cl100k.empty());
        }
    }
    for (const char *s : {"corpus", "whitespace", "newlines", "controls", "digits", "long",
                 "document", "random"})
        QVERIFY2(sources.contains(QLatin1String(s)), s);
}

void tst_Tokenizer::matchesReferenceIds_data()
{
    QTest::addColumn<int>("encoding");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    const auto &cases = referenceCases();
    for (int i = 0; i < cases.size(); ++i) {
        const ReferenceCase &c = cases.at(i);
        const QByteArray tag = QByteArray::number(i) + ' ' + c.source.toUtf8();
        QTest::newRow(QByteArray("o200k " + tag).constData())
                << int(Tokenizer::Encoding::O200kBase) << c.text << idsToString(c.o200k);
        QTest::newRow(QByteArray("cl100k " + tag).constData())
                << int(Tokenizer::Encoding::Cl100kBase) << c.text << idsToString(c.cl100k);
    }
}

void tst_Tokenizer::matchesReferenceIds()
{
    QFETCH(int, encoding);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding(encoding));
    const std::vector<int> ids = t.encode(text);
    QCOMPARE(idsToString(ids), expected);
    QCOMPARE(t.count(text), int(ids.size()));
}

void tst_Tokenizer::decodeRoundTrips()
{
    for (const auto encoding : {Tokenizer::Encoding::O200kBase, Tokenizer::Encoding::Cl100kBase}) {
        const Tokenizer &t = Tokenizer::instance(encoding);
        for (const ReferenceCase &c : referenceCases()) {
            if (c.text.contains(QStringLiteral("lone ")))
                continue; // a lone surrogate comes back as U+FFFD
            QCOMPARE(t.decode(t.encode(c.text)), c.text);
        }
    }
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    QCOMPARE(t.decode(t.encode(QStringLiteral("lone \xd800 x"))),
            QString(QStringLiteral("lone ") + QChar(0xfffd) + QStringLiteral(" x")));
    // Ids outside the encoding (special tokens, garbage) are skipped, not a crash.
    QCOMPARE(t.decode({-1, 199999, 200018, 13225}), QStringLiteral("Hello"));
}

void tst_Tokenizer::instanceIsSharedAndComplete()
{
    const Tokenizer &o200k = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const Tokenizer &cl100k = Tokenizer::instance(Tokenizer::Encoding::Cl100kBase);
    QCOMPARE(&Tokenizer::instance(Tokenizer::Encoding::O200kBase), &o200k);
    QCOMPARE(&Tokenizer::instance(Tokenizer::Encoding::Cl100kBase), &cl100k);
    QVERIFY(&o200k != &cl100k);
    QCOMPARE(o200k.encoding(), Tokenizer::Encoding::O200kBase);
    QCOMPARE(cl100k.encoding(), Tokenizer::Encoding::Cl100kBase);
    // The counts PROVENANCE.md gives for OpenAI's files.
    QCOMPARE(o200k.tokenCount(), 199998);
    QCOMPARE(cl100k.tokenCount(), 100256);
    QCOMPARE(Tokenizer::encodingName(Tokenizer::Encoding::O200kBase), QStringLiteral("o200k_base"));
    QCOMPARE(Tokenizer::encodingName(Tokenizer::Encoding::Cl100kBase),
            QStringLiteral("cl100k_base"));
    // Well-known ids.
    QCOMPARE(o200k.encode(u"Hello"), std::vector<int>({13225}));
    QCOMPARE(cl100k.encode(u"Hello"), std::vector<int>({9906}));
}

void tst_Tokenizer::emptyText()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    QVERIFY(t.encode(QStringView()).empty());
    QVERIFY(t.encode(QString()).empty());
    QCOMPARE(t.count(u""), 0);
    QCOMPARE(t.decode({}), QString());
}

void tst_Tokenizer::specialTokensAreOrdinaryText()
{
    // encode() is tiktoken's encode_ordinary: "<|endoftext|>" is seven ordinary tokens, never
    // the special id, so a user's text can't smuggle a control token into a count.
    const Tokenizer &o200k = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const Tokenizer &cl100k = Tokenizer::instance(Tokenizer::Encoding::Cl100kBase);
    const auto a = o200k.encode(u"<|endoftext|>");
    const auto b = cl100k.encode(u"<|endoftext|><|fim_suffix|>");
    QVERIFY(std::find(a.begin(), a.end(), 199999) == a.end());
    QVERIFY(a.size() > 1);
    QVERIFY(std::find(b.begin(), b.end(), 100257) == b.end());
    QVERIFY(std::find(b.begin(), b.end(), 100260) == b.end());
    QCOMPARE(cl100k.decode(b), QStringLiteral("<|endoftext|><|fim_suffix|>"));
}

void tst_Tokenizer::encodingForModel_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<int>("expected");
    const int o = int(Tokenizer::Encoding::O200kBase);
    const int c = int(Tokenizer::Encoding::Cl100kBase);
    QTest::newRow("gpt-4o") << "gpt-4o-2024-08-06" << o;
    QTest::newRow("gpt-4o-mini") << "gpt-4o-mini-2024-07-18" << o;
    QTest::newRow("gpt-4.1") << "gpt-4.1-2025-04-14" << o;
    QTest::newRow("gpt-4.1-nano") << "gpt-4.1-nano" << o;
    QTest::newRow("o4-mini") << "o4-mini-2025-04-16" << o;
    QTest::newRow("o1") << "o1" << o;
    QTest::newRow("gpt-5") << "gpt-5" << o;
    QTest::newRow("gpt-4") << "gpt-4" << c;
    QTest::newRow("gpt-4-0613") << "gpt-4-0613" << c;
    QTest::newRow("gpt-4-turbo") << "gpt-4-turbo" << c;
    QTest::newRow("gpt-3.5") << "gpt-3.5-turbo-0125" << c;
    QTest::newRow("azure gpt-35") << "gpt-35-turbo" << c;
    QTest::newRow("babbage") << "babbage-002" << c;
    QTest::newRow("davinci") << "davinci-002" << c;
    QTest::newRow("upper case, spaces") << "  GPT-3.5-Turbo " << c;
    QTest::newRow("ft of gpt-3.5") << "ft:gpt-3.5-turbo-0125:acme::abc123" << c;
    QTest::newRow("ft of gpt-4o-mini") << "ft:gpt-4o-mini-2024-07-18:acme:support:xyz" << o;
    QTest::newRow("unknown") << "my-local-llama" << o;
    QTest::newRow("empty") << "" << o;
}

void tst_Tokenizer::encodingForModel()
{
    QFETCH(QString, model);
    QFETCH(int, expected);
    QCOMPARE(int(Tokenizer::encodingForModel(model)), expected);
}

void tst_Tokenizer::mergesLowestRankFirst()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // "bc" (256) outranks "ab" (257): "abc" becomes a + bc, not ab + c.
    QString error;
    auto t = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("a.tiktoken"), {"bc", "ab"}), &error);
    QVERIFY2(t, qPrintable(error));
    QCOMPARE(t->tokenCount(), 258);
    QCOMPARE(t->encode(u"abc"), std::vector<int>({'a', 256}));
    QCOMPARE(t->encode(u"abab"), std::vector<int>({257, 257}));
    // Equal ranks: the leftmost pair first ("aa" on "aaa" gives aa + a).
    auto u = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("b.tiktoken"), {"aa", "aaaa"}), &error);
    QVERIFY2(u, qPrintable(error));
    QCOMPARE(u->encode(u"aaa"), std::vector<int>({256, 'a'}));
    QCOMPARE(u->encode(u"aaaaa"), std::vector<int>({257, 'a'}));
    // A whole piece that is a token is taken as it is, even when its pairs are not tokens.
    auto v = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("c.tiktoken"), {"xyz"}), &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->encode(u"xyz"), std::vector<int>({256}));
    QCOMPARE(v->encode(u"xyzx"), std::vector<int>({'x', 'y', 'z', 'x'}));
    // Text outside ASCII is byte-level: é is two bytes.
    QCOMPARE(v->encode(u"\u00e9"), std::vector<int>({0xc3, 0xa9}));
}

void tst_Tokenizer::longPieceMergesLikeShortOnes()
{
    // Pieces over 256 bytes take the heap path; the same rules must hold there. (The reference
    // cases "long" check it against tiktoken on real vocabularies.)
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    auto t = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("a.tiktoken"), {"bc", "ab"}), &error);
    QVERIFY2(t, qPrintable(error));
    for (const int repeats : {2, 85, 86, 300}) { // 6 and 255 bytes: flat; 258 and 900: heap
        std::vector<int> expected;
        for (int i = 0; i < repeats; ++i)
            expected.insert(expected.end(), {'a', 256});
        QCOMPARE(t->encode(QStringLiteral("abc").repeated(repeats)), expected);
    }
    // Merges build on merges, leftmost first among equals: 8 x "ab" becomes one token.
    auto u = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("b.tiktoken"), {"ab", "abab", "abababab"}), &error);
    QVERIFY2(u, qPrintable(error));
    for (const int repeats : {8, 24, 200, 201}) {
        std::vector<int> expected(size_t(repeats / 4), 258);
        if (repeats % 4)
            expected.push_back(256);
        QCOMPARE(u->encode(QStringLiteral("ab").repeated(repeats)), expected);
    }
    // A long piece with a token in the middle: "xyz" inside a long run of "q".
    auto v = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            writeRankFile(dir, QStringLiteral("c.tiktoken"), {"yz", "xyz"}), &error);
    QVERIFY2(v, qPrintable(error));
    const QString text =
            QString(300, QLatin1Char('q')) + QStringLiteral("xyz") + QString(300, QLatin1Char('q'));
    const auto ids = v->encode(text);
    QCOMPARE(ids.size(), size_t(601));
    QCOMPARE(ids.at(300), 257);
    QCOMPARE(v->decode(ids), text);
}

void tst_Tokenizer::loadErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QByteArray good;
    for (int b = 0; b < 256; ++b)
        good += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(b) + '\n';
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("no rank") << QByteArray(good + "YWI=\n");
    QTest::newRow("rank not a number") << QByteArray(good + "YWI= 25x\n");
    QTest::newRow("bad base64") << QByteArray(good + "Y*I= 256\n");
    QTest::newRow("no token bytes") << QByteArray(good + " 256\n");
    QTest::newRow("rank twice") << QByteArray(good + "YWI= 255\n");
    QTest::newRow("token twice") << QByteArray(good + "YQ== 256\n");
    QTest::newRow("huge rank") << QByteArray(good + "YWI= 99999999999\n");
    QTest::newRow("a byte missing") << good.mid(good.indexOf('\n') + 1);
    QTest::newRow("binary junk") << QByteArray("\x00\x01\x02 3\n", 7);
}

void tst_Tokenizer::loadErrors()
{
    QFETCH(QByteArray, content);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("broken.tiktoken"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();
    QString error;
    const auto t = Tokenizer::fromFile(Tokenizer::Encoding::O200kBase, path, &error);
    QVERIFY(!t);
    QVERIFY(!error.isEmpty());
    // Null error pointers are allowed.
    QVERIFY(!Tokenizer::fromFile(Tokenizer::Encoding::O200kBase, path, nullptr));
}

void tst_Tokenizer::missingFile()
{
    QString error;
    const auto t = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase,
            QStringLiteral("/nonexistent/cl100k_base.tiktoken"), &error);
    QVERIFY(!t);
    QVERIFY(error.contains(QStringLiteral("/nonexistent/cl100k_base.tiktoken")));
    // CRLF line endings in a rank file are accepted (a file that went through a Windows editor).
    QTemporaryDir dir;
    QByteArray crlf;
    for (int b = 0; b < 256; ++b)
        crlf += QByteArray(1, char(b)).toBase64() + ' ' + QByteArray::number(b) + "\r\n";
    QFile file(dir.filePath(QStringLiteral("crlf.tiktoken")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(crlf + "YWI= 256\r\n");
    file.close();
    const auto u = Tokenizer::fromFile(Tokenizer::Encoding::Cl100kBase, file.fileName(), &error);
    QVERIFY2(u, qPrintable(error));
    QCOMPARE(u->encode(u"ab"), std::vector<int>({256}));
}

void tst_Tokenizer::concurrentEncoding()
{
    const Tokenizer &t = Tokenizer::instance(Tokenizer::Encoding::O200kBase);
    const auto &cases = referenceCases();
    QVERIFY(!cases.isEmpty());
    std::atomic<int> mismatches {0};
    std::vector<std::thread> threads;
    for (int k = 0; k < 4; ++k) {
        threads.emplace_back([&, k] {
            for (int round = 0; round < 3; ++round) {
                for (int i = k; i < cases.size(); i += 2) {
                    if (t.encode(cases.at(i).text) != cases.at(i).o200k)
                        ++mismatches;
                }
            }
        });
    }
    for (auto &th : threads)
        th.join();
    QCOMPARE(mismatches.load(), 0);
}

QTEST_GUILESS_MAIN(tst_Tokenizer)
#include "tst_tokenizer.moc"
