// SPDX-License-Identifier: GPL-3.0-or-later
// Our Porter stemmer against NLTK's PorterStemmer (the one rouge-score uses): a committed
// vocabulary with NLTK's stems, and NLTK itself run live on that vocabulary plus random words.
#include "porterstemmer.h"

#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

using fs::PorterStemmer;

class tst_PorterStemmer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void examplesFromThePaper_data();
    void examplesFromThePaper();
    void committedVocabulary();
    void liveAgainstNltk();

private:
    QStringList m_words;
    QStringList m_stems;
};

void tst_PorterStemmer::initTestCase()
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/rouge/porter-vocabulary.tsv"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const QList<QByteArray> fields = line.split('\t');
        QCOMPARE(fields.size(), 2);
        m_words << QString::fromUtf8(fields.at(0));
        m_stems << QString::fromUtf8(fields.at(1));
    }
    QVERIFY(m_words.size() > 3000);
}

void tst_PorterStemmer::examplesFromThePaper_data()
{
    QTest::addColumn<QString>("word");
    QTest::addColumn<QString>("stem");
    const char *pairs[][2] = {
            // Porter (1980), with NLTK's default mode where it differs.
            {"caresses", "caress"}, {"ponies", "poni"},
            {"ties", "tie"}, // NLTK: four-letter "ies" → "ie" (paper: "ti")
            {"cats", "cat"}, {"agreed", "agre"}, {"plastered", "plaster"}, {"motoring", "motor"},
            {"sing", "sing"}, {"conflated", "conflat"}, {"hopping", "hop"}, {"falling", "fall"},
            {"filing", "file"}, {"happy", "happi"},
            {"enjoy", "enjoy"}, // NLTK: y stays after a vowel
            {"sky", "sky"}, // NLTK: irregular form
            {"dying", "die"}, // NLTK: irregular form
            {"relational", "relat"}, {"generalization", "gener"}, {"electrical", "electr"},
            {"adjustment", "adjust"}, {"adoption", "adopt"}, {"controlling", "control"},
            {"rate", "rate"}, {"by", "by"}, // NLTK: words of one or two letters stay
            {"Running", "run"}, // lower-cased like NLTK
    };
    for (const auto &pair : pairs) {
        QTest::newRow(pair[0]) << QString::fromLatin1(pair[0]) << QString::fromLatin1(pair[1]);
    }
}

void tst_PorterStemmer::examplesFromThePaper()
{
    QFETCH(QString, word);
    QFETCH(QString, stem);
    QCOMPARE(PorterStemmer::stem(word), stem);
}

void tst_PorterStemmer::committedVocabulary()
{
    QStringList wrong;
    for (qsizetype i = 0; i < m_words.size(); ++i) {
        const QString ours = PorterStemmer::stem(m_words.at(i));
        if (ours != m_stems.at(i))
            wrong << QStringLiteral("%1: NLTK %2, ours %3").arg(m_words.at(i), m_stems.at(i), ours);
    }
    QVERIFY2(wrong.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 words differ, e.g.\n")
                               .arg(wrong.size())
                               .arg(m_words.size())
                    + wrong.mid(0, 20).join(QLatin1Char('\n'))));
}

void tst_PorterStemmer::liveAgainstNltk()
{
    // The committed words plus random ones: letters weighted towards vowels and y, with
    // suffixes Porter's rules look at.
    QStringList words = m_words;
    QRandomGenerator random(20261121);
    const QString letters = QStringLiteral("aeiouyaeiouybcdfghjklmnprstvwxzlnrst");
    const QStringList suffixes {QString(), QStringLiteral("s"), QStringLiteral("ies"),
            QStringLiteral("ed"), QStringLiteral("ing"), QStringLiteral("ational"),
            QStringLiteral("alli"), QStringLiteral("logi"), QStringLiteral("ness"),
            QStringLiteral("ement"), QStringLiteral("ion"), QStringLiteral("ll"),
            QStringLiteral("y"), QStringLiteral("e"), QStringLiteral("iveness")};
    for (int i = 0; i < 3000; ++i) {
        QString word;
        const int length = 1 + int(random.bounded(9));
        for (int k = 0; k < length; ++k)
            word += letters.at(int(random.bounded(int(letters.size()))));
        words << word + suffixes.at(int(random.bounded(int(suffixes.size()))));
    }

    QProcess python;
    python.start(QStringLiteral("/usr/bin/python3"),
            {QStringLiteral("-c"),
                    QStringLiteral("import sys\n"
                                   "from nltk.stem.porter import PorterStemmer\n"
                                   "s = PorterStemmer()\n"
                                   "for w in sys.stdin.read().split():\n"
                                   "    print(s.stem(w))\n")});
    if (!python.waitForStarted(10000))
        QFAIL("/usr/bin/python3 is missing: the live check against NLTK's Porter stemmer needs it "
              "(install python3-nltk: packaging/install-deps.sh --tests).");
    python.write(words.join(QLatin1Char('\n')).toUtf8());
    python.closeWriteChannel();
    QVERIFY(python.waitForFinished(60000));
    if (python.exitCode() != 0) {
        const QByteArray err = python.readAllStandardError();
        if (err.contains("No module named"))
            QFAIL("python3-nltk is not installed: the live check against NLTK's Porter stemmer "
                  "needs it (packaging/install-deps.sh --tests installs it).");
        QFAIL(err.constData());
    }
    const QStringList reference = QString::fromUtf8(python.readAllStandardOutput())
                                          .split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(reference.size(), words.size());
    QStringList wrong;
    for (qsizetype i = 0; i < words.size(); ++i) {
        const QString ours = PorterStemmer::stem(words.at(i));
        if (ours != reference.at(i))
            wrong << QStringLiteral("%1: NLTK %2, ours %3").arg(words.at(i), reference.at(i), ours);
    }
    QVERIFY2(wrong.isEmpty(),
            qPrintable(QStringLiteral("%1 of %2 words differ, e.g.\n")
                               .arg(wrong.size())
                               .arg(words.size())
                    + wrong.mid(0, 20).join(QLatin1Char('\n'))));
}

QTEST_GUILESS_MAIN(tst_PorterStemmer)
#include "tst_porterstemmer.moc"
