// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_resultcsv: a job's result file (step_metrics.csv) as downloaded — plain or base64 — read
// into steps and added to the job's metrics as the Jobs area does.

#include "fuzzsupport.h"
#include "metricsseries.h"
#include "resultcsv.h"

using namespace fs;

namespace {

void addToSeries(const ResultCsv &csv)
{
    MetricsSeries series;
    series.addPoints(csv.points);
    FS_FUZZ_CHECK(series.size() <= csv.points.size());
    for (int i = 1; i < series.size(); ++i)
        FS_FUZZ_CHECK(series.steps().at(i - 1) < series.steps().at(i));
    series.progress();
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);

    const ResultCsv plain = ResultCsv::parse(bytes);
    FS_FUZZ_CHECK(plain.ok() == plain.errorText.isEmpty());
    for (const MetricPoint &point : plain.points)
        FS_FUZZ_CHECK(point.step >= 1);
    if (plain.ok())
        FS_FUZZ_CHECK(plain.header.contains(QStringLiteral("step")));
    addToSeries(plain);

    // The same content as the service sends it: base64, in one line and wrapped at 76.
    if (!bytes.trimmed().isEmpty() && !looksLikeBase64(bytes)) {
        QByteArray wrapped;
        const QByteArray encoded = bytes.toBase64();
        for (qsizetype i = 0; i < encoded.size(); i += 76)
            wrapped += encoded.mid(i, 76) + "\r\n";
        for (const QByteArray &base64 : {encoded, wrapped}) {
            const ResultCsv decoded = ResultCsv::parse(base64);
            if (!looksLikeBase64(base64))
                continue; // e.g. base64 text that begins with "step"
            FS_FUZZ_CHECK(decoded.wasBase64);
            FS_FUZZ_CHECK(decoded.error == plain.error);
            FS_FUZZ_CHECK(decoded.header == plain.header);
            FS_FUZZ_CHECK(decoded.points.size() == plain.points.size());
            FS_FUZZ_CHECK(decoded.skippedRows == plain.skippedRows);
        }
    }
    return 0;
}
