// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_import: a CSV, TSV, JSON (array of objects) or JSONL file brought in with the import
// dialog — read into columns and rows, then turned into chat examples with templates.

#include "datasetimport.h"
#include "fuzzsupport.h"

#include <QJsonDocument>

using namespace fs;

namespace {

void checkShape(const TabularData &data)
{
    FS_FUZZ_CHECK(data.sourceLines.size() == data.rows.size());
    for (const QStringList &row : data.rows)
        FS_FUZZ_CHECK(row.size() == data.columns.size());
    for (const auto &error : data.readErrors)
        FS_FUZZ_CHECK(!error.second.isEmpty());
}

void convert(const TabularData &data, const QString &templ)
{
    checkShape(data);
    ImportMapping mapping;
    // Templates over the file's own column names (which may hold braces), plus one from the
    // input itself.
    const auto column = [&](int i) {
        return data.columns.isEmpty() ? QStringLiteral("x")
                                      : data.columns.at(i % data.columns.size());
    };
    mapping.systemTemplate = QStringLiteral("{{Be brief}} {") + column(2) + QStringLiteral("}");
    mapping.userTemplate = QStringLiteral("{") + column(0) + QStringLiteral("}");
    mapping.assistantTemplate = templ;
    const ImportResult result = DatasetImporter::convert(data, mapping);
    FS_FUZZ_CHECK(result.examples.size() == result.exampleRows.size());
    FS_FUZZ_CHECK(result.examples.size() + result.errors.size() == data.rows.size());
    for (const ImportRowError &error : result.errors)
        FS_FUZZ_CHECK(!error.message.isEmpty());
    for (const Example &example : result.examples) {
        // What is imported is written as a line the reader takes back as the same example.
        FS_FUZZ_CHECK(example.isChat());
        const QByteArray line = example.toLine();
        FS_FUZZ_CHECK(!line.contains('\n'));
        FS_FUZZ_CHECK(Example::fromLine(line).isChat());
    }
    const ImportResult preview = DatasetImporter::preview(data, mapping);
    FS_FUZZ_CHECK(preview.examples.size() + preview.errors.size() == qMin(5, data.rows.size()));
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
    const QString text = QString::fromUtf8(bytes);
    const QString firstLine = text.section(QLatin1Char('\n'), 0, 0);

    convert(TabularReader::fromDelimited(text, QLatin1Char(',')), firstLine);
    convert(TabularReader::fromDelimited(text, QLatin1Char('\t')), firstLine);
    convert(TabularReader::fromDelimited(text, QLatin1Char(';')), firstLine);

    DatasetError error;
    const TabularData json = TabularReader::fromJsonArray(bytes, &error);
    FS_FUZZ_CHECK(!error.isError() || json.rows.isEmpty());
    convert(json, firstLine);
    convert(TabularReader::fromJsonl(bytes), firstLine);

    // The template language on its own: any text, any columns.
    QStringList missing, empty;
    const QStringList columns = ImportMapping::placeholders(text);
    ImportMapping::fill(text, columns, columns, &missing, &empty);
    FS_FUZZ_CHECK(missing.isEmpty());
    return 0;
}
