// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QUrl>
#include <atomic>

class QThread;

namespace fs::test {

/**
 * @brief A misbehaving HTTP server on 127.0.0.1, in a thread of its own (so a test may block
 * on a child process while it misbehaves): every request gets the same bad answer.
 */
class HostileServer
{
public:
    enum class Behaviour {
        Silence, ///< reads the request and never answers
        Trickle, ///< 200 and JSON headers, then one byte every interval, forever
        EndlessBody, ///< 200 and JSON headers without a length, then bytes as fast as read
        HugeAnnounced, ///< 200 with Content-Length 10 GB, then bytes as fast as read
        FloodStream, ///< an event stream of content events as fast as read, never [DONE]
        EndlessLine, ///< an event stream whose first line never ends
        KeepAliveStream, ///< an event stream of ": ping" comments every interval, never [DONE]
        WrongShape, ///< 200 with body() (by default JSON of the wrong shape)
        RedirectLoop, ///< 302 to the same address, every time
        TooManyRequests, ///< 429 with retry-after 0, every time
    };

    explicit HostileServer(Behaviour behaviour, int intervalMs = 20);
    ~HostileServer();
    Q_DISABLE_COPY(HostileServer)

    /// The body a WrongShape answer carries (may be empty); set before start().
    void setBody(const QByteArray &body)
    {
        m_body = body;
        m_bodySet = true;
    }
    /// Floods at about this many bytes a second (a fast line) instead of as fast as the reader
    /// takes them; set before start(). At loopback speed the amount Qt's network thread holds
    /// depends on how the scheduler shares the cores, not on the app.
    void setFloodPace(qint64 bytesPerSecond) { m_floodBytesPerSecond = bytesPerSecond; }
    /// Listens on a free port of 127.0.0.1; false when it could not.
    bool start();
    QUrl root() const; ///< http://127.0.0.1:PORT
    QUrl baseUrl() const; ///< root()/v1
    int requestCount() const { return m_requests.load(); }

    class Worker;

private:
    Behaviour m_behaviour;
    int m_intervalMs;
    QByteArray m_body;
    bool m_bodySet = false;
    QThread *m_thread = nullptr;
    Worker *m_worker = nullptr;
    quint16 m_port = 0;
    qint64 m_floodBytesPerSecond = 0;
    std::atomic_int m_requests {0};
};

/// The process's peak resident memory (VmHWM) in bytes; resetPeakMemory() sets it back to the
/// current resident size (Linux ≥ 4.0), so a test can measure the growth of one step.
qint64 peakMemoryBytes();
qint64 residentMemoryBytes();
void resetPeakMemory();

/// Whether this build runs under AddressSanitizer (FS_SANITIZE=address, the asan preset). Its
/// shadow memory, redzones and quarantine of freed blocks multiply resident memory, so a
/// peak-memory figure measured there says nothing about the build people run: tests skip only
/// the assertion on the figure (FS_VERIFY_MEMORY_FIGURE); the plain build still checks it.
constexpr bool addressSanitizerBuild()
{
#if defined(__SANITIZE_ADDRESS__)
    return true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
    return true;
#endif
#endif
    return false;
}

} // namespace fs::test

/// QVERIFY2 for a memory figure: checked in a plain build, skipped with the reason under ASan.
#define FS_VERIFY_MEMORY_FIGURE(condition, message)                                                \
    do {                                                                                           \
        if (fs::test::addressSanitizerBuild())                                                     \
            qInfo("not checked under AddressSanitizer, whose shadow memory and quarantine "        \
                  "inflate resident memory: %s",                                                   \
                    #condition);                                                                   \
        else                                                                                       \
            QVERIFY2(condition, message);                                                          \
    } while (false)
