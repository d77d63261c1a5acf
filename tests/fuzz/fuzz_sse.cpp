// SPDX-License-Identifier: GPL-3.0-or-later
// fuzz_sse: a streamed chat answer (text/event-stream) as the network hands it over — split at
// random places — through the SSE parser, with and without the stream limits of ApiLimits.

#include "fuzzsupport.h"
#include "sseparser.h"

using namespace fs;

namespace {

bool sameEvents(const QList<SseEvent> &a, const QList<SseEvent> &b)
{
    if (a.size() != b.size())
        return false;
    for (qsizetype i = 0; i < a.size(); ++i) {
        if (a.at(i).event != b.at(i).event || a.at(i).data != b.at(i).data
                || a.at(i).id != b.at(i).id)
            return false;
    }
    return true;
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
    const uint hash = qHash(bytes, 7);
    // Without limits half of the time; otherwise small ones so that inputs reach them.
    const qint64 maxLine = (hash & 1) ? 0 : qint64(1 + (hash >> 1) % 200);
    const qint64 maxEvent = (hash & 2) ? 0 : qint64(1 + (hash >> 9) % 400);

    SseParser whole;
    whole.setLimits(maxLine, maxEvent);
    QList<SseEvent> expected = whole.feed(bytes);
    const SseParser::Overflow overflow = whole.overflow();
    expected += whole.finish();

    SseParser chunked;
    chunked.setLimits(maxLine, maxEvent);
    fuzz::Chunker chunker(bytes, 32);
    QList<SseEvent> events;
    bool overflowSeen = false;
    for (qsizetype pos = 0; pos < bytes.size();) {
        const qsizetype n = qMin(chunker.next(), bytes.size() - pos);
        const QList<SseEvent> got = chunked.feed(bytes.mid(pos, n));
        // After a limit is passed, nothing more comes out.
        FS_FUZZ_CHECK(!overflowSeen || got.isEmpty());
        overflowSeen = chunked.overflow() != SseParser::Overflow::None;
        events += got;
        pos += n;
    }
    FS_FUZZ_CHECK(chunked.overflow() == overflow);
    events += chunked.finish();
    FS_FUZZ_CHECK(!chunked.hasPendingData());
    FS_FUZZ_CHECK(sameEvents(events, expected));

    for (const SseEvent &event : std::as_const(events)) {
        FS_FUZZ_CHECK(maxEvent == 0 || event.data.size() <= maxEvent);
        FS_FUZZ_CHECK(!event.id.contains('\0'));
        FS_FUZZ_CHECK(!event.event.contains('\n') && !event.event.contains('\r'));
    }
    return 0;
}
