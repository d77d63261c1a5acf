// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_multipart: multipart/form-data bodies — the sandbox's parser on any Content-Type and body,
// and the app's builder (app/core/api/multipart.*) read back by it.

#include "../../app/core/api/multipart.h" // the builder
#include "../../app/sandbox/multipart.h" // the sandbox's parser
#include "fuzzsupport.h"

#include <fuzzer/FuzzedDataProvider.h>

using namespace fs;

namespace {

/// The name as the builder escapes it (WHATWG form encoding of CR, LF and '"').
QByteArray escaped(const QString &text)
{
    QByteArray bytes = text.toUtf8();
    bytes.replace('\r', "%0D").replace('\n', "%0A").replace('"', "%22");
    return bytes;
}

QString textFrom(FuzzedDataProvider &provider)
{
    const std::string s = provider.ConsumeRandomLengthString(40);
    return QString::fromUtf8(s.data(), qsizetype(s.size()));
}

void roundTrip(const uint8_t *data, size_t size)
{
    FuzzedDataProvider provider(data, size);
    const QByteArray boundary = "----FinetuneStudio0123456789abcdef";
    Multipart builder(boundary);
    struct Expected
    {
        QByteArray name, filename, data;
        bool file;
    };
    QList<Expected> expected;
    bool comparable = true;
    const int count = provider.ConsumeIntegralInRange(0, 4);
    for (int i = 0; i < count; ++i) {
        const bool file = provider.ConsumeBool();
        const QString name = textFrom(provider);
        const QString filename = file ? textFrom(provider) : QString();
        const std::string s = provider.ConsumeRandomLengthString(200);
        const QByteArray content(s.data(), qsizetype(s.size()));
        if (file)
            builder.addFile(name, filename, content);
        else
            builder.addField(name, QString::fromUtf8(content));
        const QByteArray value = file ? content : QString::fromUtf8(content).toUtf8();
        expected.append({escaped(name), escaped(filename), value, file});
        // The builder's random boundary makes these impossible in practice; a backslash is
        // unescaped by the sandbox (RFC 2045 quoted-pair) but not escaped by browsers or us.
        if (value.contains(QByteArray("--" + boundary)) || name.contains(QLatin1Char('\\'))
                || filename.contains(QLatin1Char('\\')))
            comparable = false;
    }
    QList<sandbox::MultipartField> fields;
    const bool ok = sandbox::parseMultipart(builder.contentType(), builder.body(), &fields);
    if (!comparable)
        return;
    FS_FUZZ_CHECK(ok);
    FS_FUZZ_CHECK(fields.size() == expected.size());
    for (qsizetype i = 0; i < fields.size(); ++i) {
        FS_FUZZ_CHECK(fields.at(i).name == expected.at(i).name);
        FS_FUZZ_CHECK(fields.at(i).hasFilename == expected.at(i).file);
        FS_FUZZ_CHECK(fields.at(i).filename == expected.at(i).filename);
        FS_FUZZ_CHECK(fields.at(i).data == expected.at(i).data);
        if (expected.at(i).file)
            FS_FUZZ_CHECK(fields.at(i).contentType == "application/octet-stream");
    }
}

} // namespace

extern "C" int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    fuzz::initialize(argc, argv);
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    // Any request: the first line is the Content-Type header, the rest the body.
    const QByteArray bytes = fuzz::bytesOf(data, size);
    const qsizetype newline = bytes.indexOf('\n');
    const QByteArray contentType = newline < 0 ? bytes : bytes.left(newline);
    const QByteArray body = newline < 0 ? QByteArray() : bytes.mid(newline + 1);
    QList<sandbox::MultipartField> fields;
    if (sandbox::parseMultipart(contentType, body, &fields)) {
        for (const sandbox::MultipartField &field : std::as_const(fields)) {
            FS_FUZZ_CHECK(field.data.size() <= body.size());
            FS_FUZZ_CHECK(!field.hasFilename || field.filename.size() <= body.size());
        }
        sandbox::findField(fields, "file");
    }

    roundTrip(data, size);
    return 0;
}
