// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_jsonl: a dataset file as the editor and `validate` read it — the JSONL reader (whole and
// in random chunks), writing it back unedited, and the linter with exact token counting.

#include "filevalidation.h"
#include "fuzzsupport.h"
#include "jsonl.h"

using namespace fs;

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytesOf(data, size);

    const JsonlContents whole = JsonlReader::readAll(bytes);
    FS_FUZZ_CHECK(whole.summaries.size() == whole.records.size());
    for (const JsonlIssue &issue : whole.issues) {
        FS_FUZZ_CHECK(issue.row >= 0 && issue.row < whole.records.size());
        FS_FUZZ_CHECK(!issue.message.isEmpty());
    }

    // An unedited file is written back byte for byte.
    FS_FUZZ_CHECK(JsonlWriter::serialize(whole.bom, whole.records, whole.trailing) == bytes);

    // The background loader feeds chunks split anywhere: the same records as reading at once.
    JsonlReader reader;
    fuzz::Chunker chunker(bytes, 64);
    QList<JsonlRecord> records;
    QList<ExampleSummary> summaries;
    for (qsizetype pos = 0; pos < bytes.size();) {
        const qsizetype n = qMin(chunker.next(), bytes.size() - pos);
        reader.addData(QByteArrayView(bytes).sliced(pos, n));
        reader.takeRecords(&records, &summaries);
        pos += n;
    }
    reader.finish();
    reader.takeRecords(&records, &summaries);
    FS_FUZZ_CHECK(reader.hasBom() == whole.bom);
    FS_FUZZ_CHECK(reader.trailing() == whole.trailing);
    FS_FUZZ_CHECK(records.size() == whole.records.size());
    for (qsizetype i = 0; i < records.size(); ++i) {
        FS_FUZZ_CHECK(records.at(i).line == whole.records.at(i).line);
        FS_FUZZ_CHECK(records.at(i).leading == whole.records.at(i).leading);
        FS_FUZZ_CHECK(records.at(i).end == whole.records.at(i).end);
        FS_FUZZ_CHECK(records.at(i).sourceLine == whole.records.at(i).sourceLine);
    }
    FS_FUZZ_CHECK(reader.takeIssues().size() == whole.issues.size());

    // The linter as `validate` runs it, tokens counted with either encoding.
    LintOptions options;
    if (qHash(bytes) & 1)
        options.model = QStringLiteral("gpt-3.5-turbo-0125"); // cl100k_base
    FileValidation validation;
    const DatasetError error = validateData(bytes, options, &validation);
    FS_FUZZ_CHECK(!error.isError());
    if (!validation.state.isUtf16()) {
        FS_FUZZ_CHECK(validation.exampleCount() == whole.records.size());
        FS_FUZZ_CHECK(validation.counts.size() == whole.records.size());
    }
    const LintFindings findings = validation.findings();
    FS_FUZZ_CHECK(findings.size() >= validation.errorCount());
    return 0;
}
