// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxhttp.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QTest>
#include <QTimer>

namespace fs::sandbox::test {

QByteArray HttpResult::header(const QByteArray &name) const
{
    for (const auto &pair : headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonObject HttpResult::json() const
{
    return QJsonDocument::fromJson(body).object();
}

QString HttpResult::errorCode() const
{
    return json().value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString();
}

QString HttpResult::errorMessage() const
{
    return json()
            .value(QLatin1String("error"))
            .toObject()
            .value(QLatin1String("message"))
            .toString();
}

SandboxHttp::SandboxHttp(const QUrl &root, const QByteArray &key)
    : m_root(root)
    , m_key(key)
{
}

HttpResult SandboxHttp::get(const QString &path)
{
    return send("GET", path, {}, {});
}

HttpResult SandboxHttp::del(const QString &path)
{
    return send("DELETE", path, {}, {});
}

HttpResult SandboxHttp::post(const QString &path, const QJsonObject &body)
{
    return send(
            "POST", path, QJsonDocument(body).toJson(QJsonDocument::Compact), "application/json");
}

HttpResult SandboxHttp::postRaw(
        const QString &path, const QByteArray &body, const QByteArray &contentType)
{
    return send("POST", path, body, contentType);
}

HttpResult SandboxHttp::postForm(const QString &path, const QList<FormField> &fields)
{
    const QByteArray boundary =
            "----sandboxtest" + QByteArray::number(QRandomGenerator::global()->generate64(), 16);
    QByteArray body;
    for (const FormField &field : fields) {
        body += "--" + boundary + "\r\n";
        body += "Content-Disposition: form-data; name=\"" + field.name + '"';
        if (!field.filename.isEmpty())
            body += "; filename=\"" + field.filename
                    + "\"\r\nContent-Type: "
                      "application/octet-stream";
        body += "\r\n\r\n" + field.value + "\r\n";
    }
    body += "--" + boundary + "--\r\n";
    return send("POST", path, body, "multipart/form-data; boundary=" + boundary);
}

HttpResult SandboxHttp::send(const QByteArray &verb, const QString &path, const QByteArray &body,
        const QByteArray &contentType, int timeoutMs)
{
    QUrl url = m_root;
    const qsizetype question = path.indexOf(QLatin1Char('?'));
    url.setPath(question < 0 ? path : path.left(question));
    if (question >= 0)
        url.setQuery(path.mid(question + 1));
    QNetworkRequest request(url);
    // Redirects are answers to check (Together's presigned upload), never followed.
    request.setAttribute(
            QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);
    if (!m_key.isEmpty()) {
        if (m_azure)
            request.setRawHeader("api-key", m_key);
        else
            request.setRawHeader("Authorization", "Bearer " + m_key);
    }
    QNetworkReply *reply = m_manager.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs);
    loop.exec();
    HttpResult result;
    if (!reply->isFinished()) {
        result.timedOut = true;
        reply->abort();
    }
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    result.error = reply->error();
    reply->deleteLater();
    return result;
}

QString SandboxHttp::uploadFile(
        const QByteArray &data, const QByteArray &filename, const QByteArray &purpose)
{
    const HttpResult result = postForm(
            QStringLiteral("/v1/files"), {{"purpose", purpose, {}}, {"file", data, filename}});
    if (result.status != 200)
        return {};
    return result.json().value(QLatin1String("id")).toString();
}

QJsonObject SandboxHttp::waitForJob(
        const QString &jobId, const QStringList &statuses, int timeoutMs)
{
    QElapsedTimer clock;
    clock.start();
    QJsonObject job;
    while (clock.elapsed() < timeoutMs) {
        job = get(QStringLiteral("/v1/fine_tuning/jobs/") + jobId).json();
        if (statuses.contains(job.value(QLatin1String("status")).toString()))
            return job;
        QTest::qWait(20); // paces the polling (the condition is above)
    }
    return job;
}

QJsonArray SandboxHttp::allEvents(const QString &jobId, int pageSize)
{
    QJsonArray newestFirst;
    QString after;
    for (int guard = 0; guard < 10000; ++guard) {
        QString path =
                QStringLiteral("/v1/fine_tuning/jobs/%1/events?limit=%2").arg(jobId).arg(pageSize);
        if (!after.isEmpty())
            path += QStringLiteral("&after=") + after;
        const QJsonObject page = get(path).json();
        const QJsonArray data = page.value(QLatin1String("data")).toArray();
        for (const QJsonValue &event : data)
            newestFirst.append(event);
        if (!page.value(QLatin1String("has_more")).toBool() || data.isEmpty())
            break;
        after = data.last().toObject().value(QLatin1String("id")).toString();
    }
    QJsonArray oldestFirst;
    for (qsizetype i = newestFirst.size() - 1; i >= 0; --i)
        oldestFirst.append(newestFirst.at(i));
    return oldestFirst;
}

QByteArray fixture(const QString &name)
{
    QFile file(QStringLiteral(FS_TEST_DATA_DIR "/sandbox/") + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing fixture %s", qPrintable(name));
    return file.readAll();
}

} // namespace fs::sandbox::test
