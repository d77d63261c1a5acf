// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace fs {

class DatasetDocument;
class Example;

/// Called with each example of a file or document and where it stands (1-based line or row).
using ExampleVisitor = std::function<void(const Example &example, int sourceLine)>;

/// Calls `visit` for each example of the JSONL file at `path`, with its line in the file.
/// Returns the file's error in plain words (and visits nothing), or an empty text.
QString visitExamples(const QString &path, const ExampleVisitor &visit);
/// The same for an open document: its rows, numbered from 1.
void visitExamples(const DatasetDocument &document, const ExampleVisitor &visit);

/// Appends `item` to `items`, or counts one more in `skipped` when there is none.
template<typename T>
void keepOrSkip(std::optional<T> item, QList<T> *items, int *skipped)
{
    if (item)
        items->append(std::move(*item));
    else
        ++*skipped;
}

} // namespace fs
