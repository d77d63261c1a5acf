// SPDX-License-Identifier: GPL-3.0-or-later
#include "sseparser.h"

namespace fs {

QList<SseEvent> SseParser::feed(const QByteArray &bytes)
{
    QList<SseEvent> out;
    const char *data = bytes.constData();
    const qsizetype size = bytes.size();
    qsizetype pos = 0;
    while (pos < size && m_overflow == Overflow::None) {
        if (m_lastWasCr) {
            m_lastWasCr = false;
            if (data[pos] == '\n') { // second half of CRLF
                ++pos;
                continue;
            }
        }
        // The next line end (CR or LF) from here, found a run at a time rather than per byte.
        qsizetype end = pos;
        while (end < size && data[end] != '\n' && data[end] != '\r')
            ++end;
        const qsizetype take = end - pos;
        if (m_maxLine > 0 && m_line.size() + take > m_maxLine) {
            m_overflow = Overflow::Line;
            break;
        }
        m_line.append(data + pos, take);
        if (end == size)
            break; // the line continues in the next feed
        m_lastWasCr = data[end] == '\r';
        processLine(m_line, out);
        m_line.clear();
        pos = end + 1;
    }
    if (m_overflow != Overflow::None) {
        m_line.clear();
        m_data.clear();
        m_hasData = false;
    }
    return out;
}

QList<SseEvent> SseParser::finish()
{
    QList<SseEvent> out;
    if (m_overflow != Overflow::None) {
        reset();
        return out;
    }
    if (!m_line.isEmpty()) {
        processLine(m_line, out);
        m_line.clear();
    }
    // The last line may take the pending event past its limit (found by tests/fuzz/fuzz_sse):
    // such an event is dropped like one passing it earlier, never handed over.
    if (m_overflow == Overflow::None)
        dispatch(out);
    reset();
    return out;
}

void SseParser::reset()
{
    m_line.clear();
    m_data.clear();
    m_event.clear();
    m_lastId.clear();
    m_hasData = false;
    m_lastWasCr = false;
    m_atStart = true;
    m_overflow = Overflow::None;
}

void SseParser::processLine(const QByteArray &rawLine, QList<SseEvent> &out)
{
    // A UTF-8 byte order mark may precede the first line only; it can arrive split across
    // feeds, so it is stripped from the completed first line.
    static const QByteArray bom("\xEF\xBB\xBF");
    QByteArray line = rawLine;
    if (m_atStart && line.startsWith(bom))
        line.remove(0, bom.size());
    m_atStart = false;
    if (line.isEmpty()) {
        dispatch(out);
        return;
    }
    if (line.startsWith(':'))
        return; // comment, e.g. ": OPENROUTER PROCESSING" keep-alives
    QByteArray field;
    QByteArray value;
    const int colon = line.indexOf(':');
    if (colon < 0) {
        field = line;
    } else {
        field = line.left(colon);
        value = line.mid(colon + 1);
        if (value.startsWith(' '))
            value.remove(0, 1);
    }
    if (field == "data") {
        if (m_hasData)
            m_data.append('\n');
        m_data.append(value);
        m_hasData = true;
        if (m_maxEvent > 0 && m_data.size() > m_maxEvent)
            m_overflow = Overflow::Event;
    } else if (field == "event") {
        m_event = value;
    } else if (field == "id") {
        if (!value.contains('\0'))
            m_lastId = value;
    }
    // "retry" and unknown fields are ignored: reconnecting is the caller's decision.
}

void SseParser::dispatch(QList<SseEvent> &out)
{
    if (m_hasData)
        out.append(SseEvent {m_event, m_data, m_lastId});
    m_data.clear();
    m_event.clear();
    m_hasData = false;
}

} // namespace fs
