// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <memory>

namespace fs::sandbox {

struct SandboxOptions
{
    quint16 port = 0; ///< 0: any free port on 127.0.0.1
    /// With port 0: tried first, so the address stays the same from one run to the next (saved
    /// connections to the sandbox keep working); when it is taken, any free port.
    quint16 preferredPort = 0;
    QString dataDir; ///< where files and jobs persist; empty: memory only
    QString requiredKey; ///< non-empty: any other bearer key gets 401 invalid_api_key
    /// 1.0: a small job takes about a minute (the demo); tests use ~0.02 so a job takes seconds.
    double timeScale = 1.0;
    /// The bucket store's credentials (under /s3); empty: the practice ones
    /// (practice::accessKeyId(), practice::secretAccessKey()).
    QString s3AccessKeyId;
    QString s3SecretAccessKey;
    /// Without a data dir: the most bytes of objects and unfinished parts the store keeps.
    qint64 s3MemoryLimit = 256LL * 1024 * 1024;
    /// Azure's device-code sign-in (/login): sandbox seconds (times timeScale) until a code is
    /// approved by itself, as if the person had typed it. Negative: the environment variable
    /// FS_SANDBOX_SIGN_IN_SECONDS, else 5.
    double deviceCodeApprovalSeconds = -1;
    /// Azure OpenAI's file limit (/openai/v1/files): files must be smaller than this.
    qint64 azureMaxFileBytes = 512LL * 1024 * 1024;
};

class SandboxServerPrivate;

/**
 * @brief The offline OpenAI-compatible emulator, served on 127.0.0.1 under /v1, with an
 * S3-compatible bucket store under /s3 (see SandboxS3).
 */
class SandboxServer : public QObject
{
    Q_OBJECT
public:
    explicit SandboxServer(const SandboxOptions &options = {}, QObject *parent = nullptr);
    ~SandboxServer() override;

    /// Starts listening; false with a reason when the port is taken or the data dir unusable.
    bool start(QString *errorMessage = nullptr);
    quint16 port() const;
    QUrl baseUrl() const; ///< http://127.0.0.1:PORT/v1
    QUrl s3Endpoint() const; ///< http://127.0.0.1:PORT/s3, the bucket store (path-style)
    /// http://127.0.0.1:PORT: Azure OpenAI's endpoint (data plane under /openai/v1), its
    /// management root (/subscriptions/…) and the sign-in authority (/login/{tenant}/…).
    QUrl azureEndpoint() const;

    void setTimeScale(double scale);
    double timeScale() const;

    // Fault injection for tests (also reachable over HTTP, see README of the sandbox).
    void injectLatency(int ms); ///< every response waits this long
    /// The next `count` requests whose path contains `pathPart` (empty: any) answer `status`;
    /// for 429 a retry-after of `retryAfterSeconds` is sent.
    void injectHttpError(
            int status, int count = 1, const QString &pathPart = {}, int retryAfterSeconds = 1);
    /// The next streamed chat completion is cut off after `afterChunks` chunks.
    void injectStreamDrop(int afterChunks = 2);
    /// Job creation answers 403 training_not_available until turned off.
    void setTrainingNotAvailable(bool on);
    /// Every write into the data dir finds the disk full (507 insufficient_storage) until off.
    void injectDiskFull(bool on);
    void clearFaults();

    /// Moves the sandbox's clock forward (e.g. to let an upload expire); 0 by default.
    void advanceClock(qint64 seconds);
    /// The sandbox's "now" in unix seconds (wall clock plus advanceClock()).
    qint64 currentTime() const;

Q_SIGNALS:
    void requestServed(const QString &method, const QString &path, int status);
    /// A request arrived (before any injected latency): for tests that count what was sent.
    void requestReceived(const QString &method, const QString &path, const QByteArray &body);

private:
    std::unique_ptr<SandboxServerPrivate> d;
};

} // namespace fs::sandbox
