// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// A tiny synchronous HTTP helper for the sandbox tests: plain QNetworkAccessManager, no
// fs::ApiClient, so the sandbox is checked on its own.

#include <QByteArray>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QUrl>

namespace fs::sandbox::test {

struct HttpResult
{
    int status = 0;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    bool timedOut = false;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const;
    QJsonArray data() const { return json().value(QLatin1String("data")).toArray(); }
    /// error.code / error.message of an error body.
    QString errorCode() const;
    QString errorMessage() const;
};

struct FormField
{
    QByteArray name;
    QByteArray value;
    QByteArray filename; ///< non-empty: a file part
};

class SandboxHttp
{
public:
    explicit SandboxHttp(const QUrl &root, const QByteArray &key = "sk-test");

    /// Bearer key sent with each request; empty sends none.
    void setKey(const QByteArray &key) { m_key = key; }
    /// Sends the key in Azure's `api-key` header instead of Authorization.
    void setAzureHeader(bool on) { m_azure = on; }

    HttpResult get(const QString &path);
    HttpResult del(const QString &path);
    HttpResult post(const QString &path, const QJsonObject &body);
    HttpResult postRaw(const QString &path, const QByteArray &body, const QByteArray &contentType);
    HttpResult postForm(const QString &path, const QList<FormField> &fields);
    HttpResult send(const QByteArray &verb, const QString &path, const QByteArray &body,
            const QByteArray &contentType, int timeoutMs = 15000);

    /// Uploads `data` as a fine-tune file and returns its id (empty on failure).
    QString uploadFile(const QByteArray &data, const QByteArray &filename = "train.jsonl",
            const QByteArray &purpose = "fine-tune");
    /// Polls GET /v1/fine_tuning/jobs/{id} until the status is one of `statuses`.
    QJsonObject waitForJob(
            const QString &jobId, const QStringList &statuses, int timeoutMs = 30000);
    /// All events of a job, oldest first, by following `after` pages.
    QJsonArray allEvents(const QString &jobId, int pageSize = 7);

private:
    QNetworkAccessManager m_manager;
    QUrl m_root;
    QByteArray m_key;
    bool m_azure = false;
};

/// Reads a fixture from tests/data/sandbox/.
QByteArray fixture(const QString &name);

} // namespace fs::sandbox::test
