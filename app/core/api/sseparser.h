// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>

namespace fs {

/// One dispatched server-sent event.
struct SseEvent
{
    QByteArray event; ///< the `event:` field; empty for the default "message"
    QByteArray data; ///< `data:` lines joined with "\n"
    QByteArray id; ///< the last `id:` seen (sticky, as in the HTML specification)
};

/**
 * @brief A push parser for text/event-stream (HTML Living Standard §9.2.6), no I/O.
 *
 * Bytes may be split anywhere, including inside a CRLF pair or a UTF-8 sequence; lines end
 * with CR, LF or CRLF; `:` lines are comments; an event is dispatched at a blank line.
 */
class SseParser
{
public:
    /// Which limit a stream broke (see setLimits()); the parser ignores everything after it.
    enum class Overflow { None, Line, Event };

    /// At most `maxLineBytes` per line and `maxEventBytes` per event (0: no limit). Beyond
    /// either, the parser stops buffering, reports overflow() and drops the rest of the stream.
    void setLimits(qint64 maxLineBytes, qint64 maxEventBytes)
    {
        m_maxLine = maxLineBytes;
        m_maxEvent = maxEventBytes;
    }
    Overflow overflow() const { return m_overflow; }

    /// Feeds the next bytes; returns the events completed by them, in order.
    QList<SseEvent> feed(const QByteArray &bytes);
    /// End of stream: returns the event still pending when the stream did not end with a blank
    /// line (tolerated: some servers omit it after the last event), and resets the parser.
    QList<SseEvent> finish();
    void reset();
    /// True when bytes are buffered that did not yet complete an event.
    bool hasPendingData() const { return !m_line.isEmpty() || m_hasData; }

private:
    void processLine(const QByteArray &line, QList<SseEvent> &out);
    void dispatch(QList<SseEvent> &out);

    QByteArray m_line;
    QByteArray m_data;
    QByteArray m_event;
    QByteArray m_lastId;
    bool m_hasData = false;
    bool m_lastWasCr = false;
    bool m_atStart = true;
    qint64 m_maxLine = 0;
    qint64 m_maxEvent = 0;
    Overflow m_overflow = Overflow::None;
};

} // namespace fs
