// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonl.h"

#include "linter.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>

namespace fs {

namespace {

bool isBlank(QByteArrayView line)
{
    for (const char c : line) {
        if (c != ' ' && c != '\t' && c != '\r' && c != '\f' && c != '\v')
            return false;
    }
    return true;
}

QByteArray terminator(LineEnd end)
{
    switch (end) {
    case LineEnd::None:
        return {};
    case LineEnd::Lf:
        return QByteArrayLiteral("\n");
    case LineEnd::CrLf:
        return QByteArrayLiteral("\r\n");
    }
    return {};
}

} // namespace

JsonlReader::JsonlReader(Parsing parsing)
    : m_parsing(parsing)
{
}

void JsonlReader::addData(QByteArrayView chunk)
{
    if (chunk.isEmpty())
        return;
    QByteArrayView data = chunk;
    QByteArray joined;
    if (!m_pending.isEmpty() && m_started) {
        // Inside a line that began in an earlier chunk: only grow it until it ends, so a long
        // line is held once (not copied chunk after chunk with the pending part in front).
        const qsizetype nl = chunk.indexOf('\n');
        if (nl < 0) {
            m_pending.append(chunk.data(), chunk.size());
            return;
        }
        m_pending.append(chunk.data(), nl + 1);
        joined = std::move(m_pending);
        m_pending = QByteArray();
        addData(joined);
        joined = QByteArray();
        addData(chunk.sliced(nl + 1));
        return;
    }
    if (!m_pending.isEmpty()) {
        joined = m_pending + QByteArray(chunk.data(), chunk.size());
        m_pending.clear();
        data = joined;
    }
    if (!m_started) {
        if (data.size() < 3 && QByteArrayView("\xEF\xBB\xBF").startsWith(data)) {
            m_pending = data.toByteArray(); // could still become a BOM
            return;
        }
        m_started = true;
        if (data.startsWith("\xEF\xBB\xBF")) {
            m_bom = true;
            data = data.sliced(3);
        }
    }
    qsizetype start = 0;
    for (;;) {
        const qsizetype nl = data.indexOf('\n', start);
        if (nl < 0)
            break;
        qsizetype end = nl;
        LineEnd ending = LineEnd::Lf;
        if (end > start && data.at(end - 1) == '\r') {
            --end;
            ending = LineEnd::CrLf;
        }
        processLine(data.sliced(start, end - start), ending);
        start = nl + 1;
    }
    if (start < data.size())
        m_pending = data.sliced(start).toByteArray();
}

void JsonlReader::finish()
{
    if (m_finished)
        return;
    if (!m_started && !m_pending.isEmpty()) {
        // Fewer than 3 bytes in the whole file: not a BOM.
        m_started = true;
    }
    if (!m_pending.isEmpty()) {
        const QByteArray last = m_pending;
        m_pending.clear();
        processLine(last, LineEnd::None);
    }
    m_finished = true;
}

void JsonlReader::processLine(QByteArrayView line, LineEnd end)
{
    ++m_physicalLine;
    if (isBlank(line)) {
        m_blank.append(line.data(), line.size());
        m_blank.append(terminator(end));
        return;
    }
    JsonlRecord record;
    record.line = line.toByteArray();
    record.leading = m_blank;
    m_blank.clear();
    record.end = end;
    record.sourceLine = m_physicalLine;
    if (m_parsing == Parsing::LinesOnly) {
        m_records.append(std::move(record));
        ++m_rows;
        return;
    }
    if (Linter::isOverlong(line)) {
        // Far beyond what the service accepts: kept as it is, not parsed at any cost.
        JsonlIssue issue;
        issue.line = m_physicalLine;
        issue.row = m_rows;
        issue.parserError = QStringLiteral("line too long");
        issue.message = Linter::overlongFinding(m_physicalLine, line.size()).message;
        m_issues.append(issue);
        ExampleSummary summary;
        summary.format = Example::Format::InvalidJson;
        const qsizetype head = std::min<qsizetype>(line.size(), ExampleSummary::kPreviewLength * 2);
        summary.preview = QString::fromUtf8(line.first(head)).left(ExampleSummary::kPreviewLength);
        m_summaries.append(summary);
        m_records.append(std::move(record));
        ++m_rows;
        return;
    }
    const Example example = Example::fromLine(record.line);
    if (!example.isValidJson()) {
        JsonlIssue issue;
        issue.line = m_physicalLine;
        issue.row = m_rows;
        issue.parserError = example.parseError();
        issue.offset = example.parseErrorOffset();
        issue.message = QCoreApplication::translate("fs::JsonlReader",
                "Line %1 is not valid JSON (%2 at character %3). It is kept as it "
                "is; fix it or delete it.")
                                .arg(m_physicalLine)
                                .arg(issue.parserError)
                                .arg(issue.offset + 1);
        m_issues.append(issue);
    }
    m_summaries.append(ExampleSummary::of(example));
    m_records.append(std::move(record));
    ++m_rows;
}

void JsonlReader::takeRecords(QList<JsonlRecord> *records, QList<ExampleSummary> *summaries)
{
    if (records->isEmpty())
        records->swap(m_records);
    else
        records->append(std::move(m_records));
    if (summaries->isEmpty())
        summaries->swap(m_summaries);
    else
        summaries->append(std::move(m_summaries));
    m_records.clear();
    m_summaries.clear();
}

QList<JsonlIssue> JsonlReader::takeIssues()
{
    QList<JsonlIssue> result;
    result.swap(m_issues);
    return result;
}

namespace {

JsonlContents contentsOf(JsonlReader &reader)
{
    JsonlContents contents;
    contents.bom = reader.hasBom();
    reader.takeRecords(&contents.records, &contents.summaries);
    contents.issues = reader.takeIssues();
    contents.trailing = reader.trailing();
    return contents;
}

} // namespace

JsonlContents JsonlReader::readAll(QByteArrayView data)
{
    JsonlReader reader;
    reader.addData(data);
    reader.finish();
    return contentsOf(reader);
}

JsonlContents JsonlReader::readFile(const QString &path, DatasetError *error)
{
    QFile file(path);
    if (!DatasetError::openForReading(file, error))
        return {};
    JsonlReader reader;
    QByteArray chunk;
    // Until a read gives nothing, not until atEnd(): files in /proc say their size is 0.
    for (;;) {
        const bool atStart = file.pos() == 0;
        chunk = file.read(4 << 20);
        if (atStart && Linter::looksLikeUtf16(chunk)) {
            if (error)
                *error = DatasetError::utf16(path);
            return {};
        }
        if (chunk.isEmpty()) {
            if (file.error() == QFile::NoError)
                break;
            if (error)
                *error = DatasetError::make(
                        DatasetError::Kind::Unreadable, path, file.errorString());
            return {};
        }
        reader.addData(chunk);
    }
    reader.finish();
    JsonlContents contents = contentsOf(reader);
    if (error)
        *error = {};
    return contents;
}

namespace {

// Record `i` with its blank lines before it and its line end, as serialize() writes it.
void appendRecord(QByteArray &out, const QList<JsonlRecord> &records, qsizetype i,
        const QByteArray &trailing, LineEnd defaultEnd)
{
    const JsonlRecord &r = records.at(i);
    out.append(r.leading);
    out.append(r.line);
    LineEnd end = r.end;
    // A last line without newline that is no longer last needs one; so does one followed by
    // trailing blank lines.
    if (end == LineEnd::None && (i + 1 < records.size() || !trailing.isEmpty()))
        end = defaultEnd == LineEnd::None ? LineEnd::Lf : defaultEnd;
    out.append(terminator(end));
}

// Commits what was written to `file` (`written`: every write succeeded), or drops it and says
// why; the file at `path` is untouched then.
DatasetError commitSave(QSaveFile &file, const QString &path, bool written)
{
    if (!written) {
        const QString detail = file.errorString();
        file.cancelWriting();
        return DatasetError::make(DatasetError::Kind::WriteFailed, path, detail);
    }
    if (!file.commit())
        return DatasetError::make(DatasetError::Kind::WriteFailed, path, file.errorString());
    return {};
}

} // namespace

QByteArray JsonlWriter::serialize(
        bool bom, const QList<JsonlRecord> &records, const QByteArray &trailing, LineEnd defaultEnd)
{
    qsizetype size = 3 + trailing.size();
    for (const JsonlRecord &r : records)
        size += r.leading.size() + r.line.size() + 2;
    QByteArray out;
    out.reserve(size);
    if (bom)
        out.append("\xEF\xBB\xBF");
    for (qsizetype i = 0; i < records.size(); ++i)
        appendRecord(out, records, i, trailing, defaultEnd);
    out.append(trailing);
    return out;
}

DatasetError JsonlWriter::save(const QString &path, bool bom, const QList<JsonlRecord> &records,
        const QByteArray &trailing, LineEnd defaultEnd)
{
    // Written in slices of about 1 MB, not from one buffer holding the whole file (that would
    // double the memory a 100 MB dataset needs while it is saved). Same bytes as serialize().
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return DatasetError::make(DatasetError::Kind::NotWritable, path, file.errorString());
    constexpr qsizetype kSlice = 1 << 20;
    QByteArray out;
    out.reserve(kSlice + 4096);
    bool ok = true;
    auto flush = [&] {
        ok = ok && file.write(out) == out.size();
        out.clear();
    };
    if (bom)
        out.append("\xEF\xBB\xBF");
    for (qsizetype i = 0; i < records.size() && ok; ++i) {
        appendRecord(out, records, i, trailing, defaultEnd);
        if (out.size() >= kSlice)
            flush();
    }
    out.append(trailing);
    flush();
    return commitSave(file, path, ok);
}

DatasetError JsonlWriter::saveLines(const QString &path, const QList<QByteArray> &lines)
{
    qsizetype size = 0;
    for (const QByteArray &l : lines)
        size += l.size() + 1;
    QByteArray out;
    out.reserve(size);
    for (const QByteArray &l : lines) {
        out.append(l);
        out.append('\n');
    }
    return saveBytes(path, out);
}

DatasetError JsonlWriter::saveBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        return DatasetError::make(DatasetError::Kind::NotWritable, path, file.errorString());
    }
    return commitSave(file, path, file.write(bytes) == bytes.size());
}

} // namespace fs
