// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the libFuzzer targets of this folder (built with -DFS_FUZZ=ON, see README.md).

#include <QByteArray>
#include <QCoreApplication>
#include <QtGlobal>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace fs::fuzz {

/// Qt's warnings would flood the fuzzer's output and slow it down; a fatal message still aborts
/// (libFuzzer records it as a crash).
inline void quietMessages(QtMsgType type, const QMessageLogContext &, const QString &message)
{
    if (type == QtFatalMsg) {
        std::fprintf(stderr, "qFatal: %s\n", qPrintable(message));
        std::abort();
    }
}

/// One application object for the whole run (translations, resources), and quiet Qt messages.
inline void initialize(int *argc, char ***argv)
{
    qInstallMessageHandler(quietMessages);
    static QCoreApplication *app = new QCoreApplication(*argc, *argv);
    Q_UNUSED(app);
}

inline QByteArray bytesOf(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// A deterministic sequence of chunk lengths (1 … maxChunk) derived from the input itself, so a
/// crash input replays with the same chunking without spending input bytes on it.
class Chunker
{
public:
    Chunker(const QByteArray &seedBytes, int maxChunk)
        : m_state(qHash(seedBytes, 0x9e3779b9u) | 1u)
        , m_max(maxChunk)
    {
    }
    qsizetype next()
    {
        m_state ^= m_state << 13;
        m_state ^= m_state >> 7;
        m_state ^= m_state << 17;
        // Mostly tiny chunks (splits inside CRLF, UTF-8, delimiters), sometimes larger ones.
        const quint64 r = m_state;
        return (r & 3) ? qsizetype(1 + (r >> 8) % 4) : qsizetype(1 + (r >> 8) % quint64(m_max));
    }

private:
    quint64 m_state;
    int m_max;
};

} // namespace fs::fuzz

/// Stops the run with a crash libFuzzer records when a promise of the code does not hold.
#define FS_FUZZ_CHECK(condition)                                                                   \
    do {                                                                                           \
        if (!(condition)) {                                                                        \
            std::fprintf(                                                                          \
                    stderr, "FS_FUZZ_CHECK failed: %s (%s:%d)\n", #condition, __FILE__, __LINE__); \
            std::abort();                                                                          \
        }                                                                                          \
    } while (false)
