// SPDX-License-Identifier: GPL-3.0-or-later
#include "examplevisit.h"

#include "datasetdocument.h"
#include "dataseterror.h"
#include "example.h"
#include "jsonl.h"

namespace fs {

QString visitExamples(const QString &path, const ExampleVisitor &visit)
{
    DatasetError error;
    const JsonlContents contents = JsonlReader::readFile(path, &error);
    if (error.isError())
        return error.message;
    for (const JsonlRecord &record : contents.records)
        visit(Example::fromLine(record.line), record.sourceLine);
    return {};
}

void visitExamples(const DatasetDocument &document, const ExampleVisitor &visit)
{
    for (int row = 0; row < document.count(); ++row)
        visit(document.example(row), row + 1);
}

} // namespace fs
