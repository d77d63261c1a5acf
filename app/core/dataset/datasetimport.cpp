// SPDX-License-Identifier: GPL-3.0-or-later
#include "datasetimport.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>

namespace fs {

namespace {

// Gives the file's strings one translation context that lupdate sees.
struct ImportText
{
    Q_DECLARE_TR_FUNCTIONS(fs::DatasetImporter)
};

QString cellText(const QJsonValue &v)
{
    switch (v.type()) {
    case QJsonValue::String:
        return v.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Bool:
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    case QJsonValue::Double: {
        const QByteArray a = QJsonDocument(QJsonArray {v}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(a.mid(1, a.size() - 2));
    }
    case QJsonValue::Array:
        return QString::fromUtf8(QJsonDocument(v.toArray()).toJson(QJsonDocument::Compact));
    case QJsonValue::Object:
        return QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    return {};
}

TabularData fromObjects(const QList<QJsonObject> &objects, const QList<int> &lines)
{
    TabularData data;
    for (const QJsonObject &o : objects) {
        const QStringList keys = o.keys();
        for (const QString &k : keys) {
            if (!data.columns.contains(k))
                data.columns.append(k);
        }
    }
    for (qsizetype i = 0; i < objects.size(); ++i) {
        QStringList row;
        row.reserve(data.columns.size());
        for (const QString &c : std::as_const(data.columns))
            row.append(cellText(objects.at(i).value(c)));
        data.rows.append(row);
        data.sourceLines.append(lines.at(i));
    }
    return data;
}

} // namespace

TabularReader::Format TabularReader::formatForPath(const QString &path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("tsv") || suffix == QLatin1String("tab"))
        return Format::Tsv;
    if (suffix == QLatin1String("json"))
        return Format::Json;
    if (suffix == QLatin1String("jsonl") || suffix == QLatin1String("ndjson"))
        return Format::Jsonl;
    return Format::Csv;
}

QList<QStringList> TabularReader::parseDelimited(
        const QString &text, QChar separator, QList<int> *startLines)
{
    QList<QStringList> records;
    QStringList record;
    QString field;
    bool inQuotes = false;
    bool fieldStarted = false; // something (even "") was read for this field
    int line = 1;
    int recordLine = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == QChar(0xFEFF))
        i = 1;
    auto endRecord = [&] {
        record.append(field);
        field.clear();
        fieldStarted = false;
        // A record made of one empty field is a blank line: skipped.
        if (!(record.size() == 1 && record.first().isEmpty())) {
            records.append(record);
            if (startLines)
                startLines->append(recordLine);
        }
        record.clear();
    };
    for (; i < n; ++i) {
        const QChar c = text.at(i);
        if (inQuotes) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < n && text.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == separator) {
            record.append(field);
            field.clear();
            fieldStarted = false;
        } else if (c == QLatin1Char('\r') && i + 1 < n && text.at(i + 1) == QLatin1Char('\n')) {
            // CRLF ends the record at the LF.
        } else if (c == QLatin1Char('\n')) {
            endRecord();
            ++line;
            recordLine = line;
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (fieldStarted || !field.isEmpty() || !record.isEmpty())
        endRecord();
    return records;
}

TabularData TabularReader::fromDelimited(const QString &text, QChar separator)
{
    TabularData data;
    QList<int> lines;
    QList<QStringList> records = parseDelimited(text, separator, &lines);
    if (records.isEmpty())
        return data;
    data.columns = records.takeFirst();
    lines.removeFirst();
    for (QString &c : data.columns)
        c = c.trimmed();
    for (qsizetype i = 0; i < records.size(); ++i) {
        QStringList row = records.at(i);
        if (row.size() > data.columns.size()) {
            data.readErrors.append({int(i),
                    ImportText::tr("Row %1 has %2 values but there are only %3 columns; the extra "
                                   "values are ignored.")
                            .arg(i + 1)
                            .arg(row.size())
                            .arg(data.columns.size())});
            row = row.mid(0, data.columns.size());
        }
        while (row.size() < data.columns.size())
            row.append(QString());
        data.rows.append(row);
        data.sourceLines.append(lines.at(i));
    }
    return data;
}

TabularData TabularReader::fromJsonArray(const QByteArray &json, DatasetError *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isArray()) {
        if (error)
            *error = DatasetError::make(DatasetError::Kind::BadFormat, QString(),
                    parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                 : QStringLiteral("not an array"));
        return {};
    }
    QList<QJsonObject> objects;
    QList<int> lines;
    QList<QPair<int, QString>> errors;
    const QJsonArray array = doc.array();
    for (qsizetype i = 0; i < array.size(); ++i) {
        if (!array.at(i).isObject()) {
            errors.append({int(i),
                    ImportText::tr("Item %1 is not an object with named fields; it is skipped.")
                            .arg(i + 1)});
            continue;
        }
        objects.append(array.at(i).toObject());
        lines.append(int(i) + 1);
    }
    TabularData data = fromObjects(objects, lines);
    data.readErrors = errors;
    if (error)
        *error = {};
    return data;
}

TabularData TabularReader::fromJsonl(const QByteArray &jsonl)
{
    QList<QJsonObject> objects;
    QList<int> lines;
    QList<QPair<int, QString>> errors;
    const QList<QByteArray> rawLines = jsonl.split('\n');
    for (qsizetype i = 0; i < rawLines.size(); ++i) {
        QByteArray line = rawLines.at(i).trimmed();
        if (i == 0 && line.startsWith("\xEF\xBB\xBF"))
            line = line.mid(3);
        if (line.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(line, &parseError);
        if (parseError.error != QJsonParseError::NoError || !doc.isObject()) {
            errors.append({int(objects.size()),
                    ImportText::tr("Line %1 is not a JSON object; it is skipped.").arg(i + 1)});
            continue;
        }
        objects.append(doc.object());
        lines.append(int(i) + 1);
    }
    TabularData data = fromObjects(objects, lines);
    data.readErrors = errors;
    return data;
}

TabularData TabularReader::read(const QString &path, Format format, DatasetError *error)
{
    QFile file(path);
    if (!DatasetError::openForReading(file, error))
        return {};
    const QByteArray bytes = file.readAll();
    if (error)
        *error = {};
    switch (format) {
    case Format::Csv:
        return fromDelimited(QString::fromUtf8(bytes), QLatin1Char(','));
    case Format::Tsv:
        return fromDelimited(QString::fromUtf8(bytes), QLatin1Char('\t'));
    case Format::Json: {
        TabularData data = fromJsonArray(bytes, error);
        if (error && error->isError())
            *error = DatasetError::make(DatasetError::Kind::BadFormat, path, error->detail);
        return data;
    }
    case Format::Jsonl:
        return fromJsonl(bytes);
    }
    return {};
}

QStringList ImportMapping::placeholders(const QString &templ)
{
    QStringList result;
    for (qsizetype i = 0; i < templ.size(); ++i) {
        const QChar c = templ.at(i);
        if (c == QLatin1Char('{')) {
            if (i + 1 < templ.size() && templ.at(i + 1) == QLatin1Char('{')) {
                ++i;
                continue;
            }
            const qsizetype close = templ.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0)
                break;
            result.append(templ.mid(i + 1, close - i - 1).trimmed());
            i = close;
        } else if (c == QLatin1Char('}') && i + 1 < templ.size()
                && templ.at(i + 1) == QLatin1Char('}')) {
            ++i;
        }
    }
    return result;
}

QString ImportMapping::fill(const QString &templ, const QStringList &columns,
        const QStringList &row, QStringList *missing, QStringList *empty)
{
    QString out;
    for (qsizetype i = 0; i < templ.size(); ++i) {
        const QChar c = templ.at(i);
        if (c == QLatin1Char('{')) {
            if (i + 1 < templ.size() && templ.at(i + 1) == QLatin1Char('{')) {
                out += QLatin1Char('{');
                ++i;
                continue;
            }
            const qsizetype close = templ.indexOf(QLatin1Char('}'), i + 1);
            if (close < 0) {
                out += templ.mid(i);
                break;
            }
            const QString name = templ.mid(i + 1, close - i - 1).trimmed();
            const qsizetype col = columns.indexOf(name);
            if (col < 0) {
                if (missing)
                    missing->append(name);
            } else {
                const QString value = col < row.size() ? row.at(col) : QString();
                if (value.trimmed().isEmpty() && empty)
                    empty->append(name);
                out += value;
            }
            i = close;
        } else if (c == QLatin1Char('}') && i + 1 < templ.size()
                && templ.at(i + 1) == QLatin1Char('}')) {
            out += QLatin1Char('}');
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

ImportResult DatasetImporter::convert(
        const TabularData &data, const ImportMapping &mapping, int maxRows)
{
    ImportResult result;
    const qsizetype n = maxRows < 0 ? data.rows.size() : qMin<qsizetype>(maxRows, data.rows.size());
    for (qsizetype r = 0; r < n; ++r) {
        const QStringList &row = data.rows.at(r);
        const int sourceLine = r < data.sourceLines.size() ? data.sourceLines.at(r) : int(r) + 2;
        QStringList missing, empty;
        const QString system = mapping.systemTemplate.isEmpty()
                ? QString()
                : ImportMapping::fill(mapping.systemTemplate, data.columns, row, &missing, &empty);
        const QString user =
                ImportMapping::fill(mapping.userTemplate, data.columns, row, &missing, &empty);
        const QString assistant =
                ImportMapping::fill(mapping.assistantTemplate, data.columns, row, &missing, &empty);
        QStringList problems;
        missing.removeDuplicates();
        empty.removeDuplicates();
        for (const QString &m : std::as_const(missing))
            problems.append(ImportText::tr("there is no column “%1”").arg(m));
        for (const QString &e : std::as_const(empty))
            problems.append(ImportText::tr("the column “%1” is empty").arg(e));
        if (missing.isEmpty()) {
            if (user.trimmed().isEmpty() && empty.isEmpty())
                problems.append(ImportText::tr("the user message is empty"));
            if (assistant.trimmed().isEmpty() && empty.isEmpty())
                problems.append(ImportText::tr("the assistant message is empty"));
        }
        if (!problems.isEmpty()) {
            ImportRowError e;
            e.row = int(r);
            e.sourceLine = sourceLine;
            e.message = ImportText::tr("Row %1: %2.")
                                .arg(r + 1)
                                .arg(problems.join(QStringLiteral("; ")));
            result.errors.append(e);
            continue;
        }
        Messages messages;
        if (!system.trimmed().isEmpty())
            messages.append(Message(QStringLiteral("system"), system));
        messages.append(Message(QStringLiteral("user"), user));
        messages.append(Message(QStringLiteral("assistant"), assistant));
        result.examples.append(Example::chat(messages));
        result.exampleRows.append(int(r));
    }
    return result;
}

} // namespace fs
