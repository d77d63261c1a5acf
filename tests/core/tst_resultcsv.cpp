// SPDX-License-Identifier: GPL-3.0-or-later
#include "resultcsv.h"

#include <QFile>
#include <QTest>

using namespace fs;

class tst_ResultCsv : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainCsvWithEmptyValidationCells();
    void base64IsDetectedAndDecoded();
    void columnsAreFoundByHeaderName();
    void emptyAndForeignFilesAreErrors();
    void decodeResultFileLeavesPlainTextAlone();
    void looksLikeBase64();
    void stepsOutsideTheIntRangeAreSkipped();

private:
    static QByteArray fixture(const char *name)
    {
        QFile file(QStringLiteral(FS_TEST_DATA_DIR "/jobs/") + QLatin1String(name));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("missing fixture %s", name);
        return file.readAll();
    }
};

void tst_ResultCsv::plainCsvWithEmptyValidationCells()
{
    const ResultCsv csv = ResultCsv::parse(fixture("step_metrics.csv"));
    QVERIFY(csv.ok());
    QVERIFY(!csv.wasBase64);
    QCOMPARE(csv.points.size(), 5);
    QCOMPARE(csv.skippedRows, 0);
    const MetricPoint first = csv.points.at(0);
    QCOMPARE(first.step, 1);
    QCOMPARE(first.value(Metric::TrainLoss), 1.52347);
    QCOMPARE(first.value(Metric::TrainAccuracy), 0.0); // a real zero, not "missing"
    QVERIFY(first.has(Metric::TrainAccuracy));
    QVERIFY(!first.has(Metric::ValidLoss));
    QVERIFY(!first.has(Metric::ValidAccuracy));
    const MetricPoint third = csv.points.at(2);
    QCOMPARE(third.step, 3);
    QCOMPARE(third.value(Metric::ValidLoss), 1.3);
    QCOMPARE(third.value(Metric::ValidAccuracy), 0.75);
    QVERIFY(!third.has(Metric::FullValidLoss));
}

void tst_ResultCsv::base64IsDetectedAndDecoded()
{
    const QByteArray encoded = fixture("step_metrics.b64");
    QVERIFY(!encoded.startsWith("step,"));
    QVERIFY(encoded.contains('\n')); // wrapped lines, as some tools write them
    const ResultCsv csv = ResultCsv::parse(encoded);
    QVERIFY2(csv.ok(), qPrintable(csv.errorText));
    QVERIFY(csv.wasBase64);
    QCOMPARE(csv.points.size(), 5);
    QCOMPARE(csv.points.at(4).value(Metric::ValidLoss), 1.05);
    // Unwrapped, as the service sends it.
    const ResultCsv single = ResultCsv::parse(fixture("step_metrics.csv").toBase64());
    QVERIFY(single.wasBase64);
    QCOMPARE(single.points.size(), 5);
}

void tst_ResultCsv::columnsAreFoundByHeaderName()
{
    const ResultCsv csv = ResultCsv::parse(fixture("step_metrics_full.csv"));
    QVERIFY(csv.ok());
    QCOMPARE(csv.header.size(), 6);
    // The "x" step row is skipped; the "abc" loss row keeps its step and other values.
    QCOMPARE(csv.skippedRows, 2);
    QCOMPARE(csv.points.size(), 3);
    QCOMPARE(csv.points.at(0).step, 1);
    QCOMPARE(csv.points.at(0).value(Metric::TrainLoss), 2.0);
    QCOMPARE(csv.points.at(0).value(Metric::TrainAccuracy), 0.5);
    QVERIFY(!csv.points.at(0).has(Metric::FullValidLoss));
    QCOMPARE(csv.points.at(1).value(Metric::FullValidLoss), 1.7);
    QCOMPARE(csv.points.at(1).value(Metric::FullValidAccuracy), 0.61);
    QCOMPARE(csv.points.at(2).step, 3);
    QVERIFY(!csv.points.at(2).has(Metric::TrainLoss));
    QCOMPARE(csv.points.at(2).value(Metric::TrainAccuracy), 0.7);
    // Unknown numeric columns are kept by name.
    QVERIFY(csv.otherColumns.contains(QStringLiteral("tokens_seen")));
    QCOMPARE(csv.otherColumns.value(QStringLiteral("tokens_seen")).size(), 3);
    QCOMPARE(csv.otherColumns.value(QStringLiteral("tokens_seen")).at(1).second, 200.0);
}

void tst_ResultCsv::emptyAndForeignFilesAreErrors()
{
    const ResultCsv empty = ResultCsv::parse("  \n");
    QVERIFY(!empty.ok());
    QCOMPARE(empty.error, ResultCsv::Error::Empty);
    QVERIFY(!empty.errorText.isEmpty());

    const ResultCsv foreign = ResultCsv::parse("name,age\nann,3\n");
    QCOMPARE(foreign.error, ResultCsv::Error::NotCsv);
    QVERIFY(foreign.errorText.contains(QLatin1String("step")));

    // Base64 of something that is not a result file.
    const ResultCsv encodedForeign = ResultCsv::parse(QByteArray("hello there").toBase64());
    QCOMPARE(encodedForeign.error, ResultCsv::Error::NotCsv);
    QVERIFY(encodedForeign.points.isEmpty());

    // Header only: fine, no points.
    const ResultCsv headerOnly = ResultCsv::parse("step,train_loss\n");
    QVERIFY(headerOnly.ok());
    QVERIFY(headerOnly.points.isEmpty());
}

void tst_ResultCsv::decodeResultFileLeavesPlainTextAlone()
{
    bool wasBase64 = true;
    const QByteArray plain = fixture("step_metrics.csv");
    QCOMPARE(decodeResultFile(plain, &wasBase64), plain);
    QVERIFY(!wasBase64);
    QCOMPARE(decodeResultFile(plain.toBase64(), &wasBase64), plain);
    QVERIFY(wasBase64);
    const QByteArray jsonl = "{\"messages\":[]}\n";
    QCOMPARE(decodeResultFile(jsonl, &wasBase64), jsonl);
    QVERIFY(!wasBase64);
}

void tst_ResultCsv::looksLikeBase64()
{
    QVERIFY(fs::looksLikeBase64("c3RlcCx0cmFpbl9sb3Nz"));
    QVERIFY(fs::looksLikeBase64("c3RlcCx0\ncmFpbl9s\n"));
    QVERIFY(!fs::looksLikeBase64("step,train_loss\n1,2\n"));
    QVERIFY(!fs::looksLikeBase64("step\n1\n2\n")); // a one-column CSV
    QVERIFY(!fs::looksLikeBase64(""));
    QVERIFY(!fs::looksLikeBase64("a b c d"));
}

// Found by tests/fuzz/fuzz_resultcsv (corpus/resultcsv/crash-step-inf): a step of inf or 1e300
// was converted to int (undefined behaviour; INT_MIN in practice) and kept as a point.
void tst_ResultCsv::stepsOutsideTheIntRangeAreSkipped()
{
    const ResultCsv csv = ResultCsv::parse(
            "step,train_loss\n1,0.5\ninf,0.4\n1e300,0.3\n-inf,0.2\nnan,0.1\n2147483648,0.1\n"
            "2147483647,0.05\n");
    QVERIFY(csv.ok());
    QCOMPARE(csv.skippedRows, 5);
    QCOMPARE(csv.points.size(), 2);
    QCOMPARE(csv.points.at(0).step, 1);
    QCOMPARE(csv.points.at(1).step, 2147483647);
}

QTEST_GUILESS_MAIN(tst_ResultCsv)
#include "tst_resultcsv.moc"
