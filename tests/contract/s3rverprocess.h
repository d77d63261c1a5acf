// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once
// Starts s3rver (npm, pinned in tests/contract/package.json) for the storage tests, through
// tests/contract/s3rver-start.mjs, on 127.0.0.1 with a free port and a temporary directory.
// Include from a test compiled with FS_CONTRACT_DIR defined (the tests/contract folder).

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrl>
#include <QtGlobal>

#include <memory>

namespace fs::test {

class S3rverProcess
{
public:
    ~S3rverProcess() { stop(); }

    /// Why s3rver cannot run here (empty when it can): node or the npm package missing.
    static QString missing()
    {
        if (QStandardPaths::findExecutable(QStringLiteral("node")).isEmpty())
            return QStringLiteral("node is not installed (packaging/install-deps.sh --tests)");
        if (!QFileInfo::exists(QStringLiteral(FS_CONTRACT_DIR "/node_modules/s3rver/package.json")))
            return QStringLiteral("the npm package s3rver is not installed in tests/contract/"
                                  "node_modules (run: cd tests/contract && npm ci)");
        return {};
    }

    /// Starts with the given buckets; false with `problem` set when it did not come up.
    bool start(const QStringList &buckets, QString *problem)
    {
        *problem = missing();
        if (!problem->isEmpty())
            return false;
        m_dir = std::make_unique<QTemporaryDir>();
        m_process = std::make_unique<QProcess>();
        m_process->setProcessChannelMode(QProcess::SeparateChannels);
        // s3rver makes its continuation tokens with DES, which OpenSSL 3 (Node >= 17) only
        // offers through its legacy provider: without it every truncated listing fails.
        m_process->start(QStringLiteral("node"),
                QStringList {QStringLiteral("--openssl-legacy-provider"),
                        QStringLiteral(FS_CONTRACT_DIR "/s3rver-start.mjs"), m_dir->path()}
                        + buckets);
        if (!m_process->waitForStarted(10000)) {
            *problem = QStringLiteral("node did not start: ") + m_process->errorString();
            return false;
        }
        QByteArray line;
        for (int i = 0; i < 300 && !line.contains('\n'); ++i) {
            m_process->waitForReadyRead(100);
            line += m_process->readAllStandardOutput();
            if (m_process->state() != QProcess::Running)
                break;
        }
        const int port = QJsonDocument::fromJson(line.trimmed())
                                 .object()
                                 .value(QLatin1String("port"))
                                 .toInt();
        if (port <= 0) {
            *problem = QStringLiteral("s3rver did not start: ")
                    + QString::fromUtf8(line + m_process->readAllStandardError());
            return false;
        }
        m_endpoint = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        return true;
    }

    QUrl endpoint() const { return m_endpoint; }
    QString directory() const { return m_dir ? m_dir->path() : QString(); }
    /// The credentials s3rver knows (it does not check signatures, only the key id).
    static QString accessKeyId() { return QStringLiteral("S3RVER"); }
    static QString secretAccessKey() { return QStringLiteral("S3RVER"); }

    void stop()
    {
        if (!m_process)
            return;
        if (m_process->state() == QProcess::NotRunning) {
            // It ended before the test did: say why, or a failing test shows only "connection
            // refused" (seen once in CI, on a machine whose disk was nearly full).
            qWarning("s3rver had stopped on its own (exit code %d): %s", m_process->exitCode(),
                    m_process->readAllStandardError().constData());
            return;
        }
        m_process->closeWriteChannel(); // the launcher stops when its input closes
        if (!m_process->waitForFinished(5000)) {
            m_process->terminate();
            if (!m_process->waitForFinished(3000))
                m_process->kill();
            m_process->waitForFinished(1000);
        }
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
    QUrl m_endpoint;
};

} // namespace fs::test
