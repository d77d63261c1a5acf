// SPDX-License-Identifier: GPL-3.0-or-later
#include "sandboxservicefixture.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace fs::sandbox;
using namespace fs::sandbox::test;

namespace {

const QString kBase = QStringLiteral("gpt-4.1-mini-2025-04-14");
const QString kPrompt = QStringLiteral("What time do you open on Saturday morning?");

QJsonObject chatBody(
        const QString &model, const QString &prompt, bool stream = false, bool includeUsage = false)
{
    QJsonObject body {{QStringLiteral("model"), model},
            {QStringLiteral("messages"),
                    QJsonArray {QJsonObject {{QStringLiteral("role"), QStringLiteral("system")},
                                        {QStringLiteral("content"), QStringLiteral("Be helpful.")}},
                            QJsonObject {{QStringLiteral("role"), QStringLiteral("user")},
                                    {QStringLiteral("content"), prompt}}}}};
    if (stream)
        body.insert(QStringLiteral("stream"), true);
    if (includeUsage)
        body.insert(QStringLiteral("stream_options"),
                QJsonObject {{QStringLiteral("include_usage"), true}});
    return body;
}

/// The `data:` payloads of an SSE body, in order ("[DONE]" kept as text).
QList<QByteArray> sseData(const QByteArray &body)
{
    QList<QByteArray> events;
    const QList<QByteArray> blocks = body.split('\n');
    for (const QByteArray &line : blocks) {
        if (line.startsWith("data: "))
            events << line.mid(6);
    }
    return events;
}

} // namespace

class tst_SandboxChat : public QObject, public SandboxServiceFixture
{
    Q_OBJECT

private:
    QString m_fineTuned;
    QString m_checkpoint;

    QString plainReply(const QString &model, const QString &prompt)
    {
        const QJsonObject response =
                m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(model, prompt))
                        .json();
        return str(response.value(QLatin1String("choices"))
                           .toArray()
                           .first()
                           .toObject()
                           .value(QLatin1String("message"))
                           .toObject(),
                "content");
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(startSandbox(0.01));
        const QString file = m_http->uploadFile(fixture(QStringLiteral("train_good.jsonl")));
        const QString job =
                str(m_http->post(QStringLiteral("/v1/fine_tuning/jobs"),
                                  {{QStringLiteral("model"), kBase},
                                          {QStringLiteral("training_file"), file},
                                          {QStringLiteral("suffix"), QStringLiteral("crumb")},
                                          {QStringLiteral("hyperparameters"),
                                                  QJsonObject {{QStringLiteral("n_epochs"), 3}}}})
                                .json(),
                        "id");
        const QJsonObject done =
                m_http->waitForJob(job, {QStringLiteral("succeeded"), QStringLiteral("failed")});
        m_fineTuned = str(done, "fine_tuned_model");
        QVERIFY(!m_fineTuned.isEmpty());
        m_checkpoint =
                str(m_http->get(QStringLiteral("/v1/fine_tuning/jobs/%1/checkpoints").arg(job))
                                .data()
                                .last()
                                .toObject(),
                        "fine_tuned_model_checkpoint");
        QVERIFY(m_checkpoint.contains(QLatin1String(":ckpt-step-")));
    }

    void cleanup() { m_server->clearFaults(); }

    void plainCompletion()
    {
        const HttpResult result =
                m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt));
        QCOMPARE(result.status, 200);
        QVERIFY(result.header("content-type").startsWith("application/json"));
        const QJsonObject response = result.json();
        QVERIFY(str(response, "id").startsWith(QLatin1String("chatcmpl-")));
        QCOMPARE(str(response, "object"), QStringLiteral("chat.completion"));
        QCOMPARE(str(response, "model"), kBase);
        QVERIFY(response.value(QLatin1String("created")).toInteger() > 0);
        const QJsonArray choices = response.value(QLatin1String("choices")).toArray();
        QCOMPARE(choices.size(), 1);
        const QJsonObject choice = choices.first().toObject();
        QCOMPARE(choice.value(QLatin1String("index")).toInt(), 0);
        QCOMPARE(str(choice, "finish_reason"), QStringLiteral("stop"));
        QVERIFY(choice.value(QLatin1String("logprobs")).isNull());
        const QJsonObject message = choice.value(QLatin1String("message")).toObject();
        QCOMPARE(str(message, "role"), QStringLiteral("assistant"));
        QVERIFY(message.value(QLatin1String("refusal")).isNull());
        QVERIFY(str(message, "content").size() > 20);
        const QJsonObject usage = response.value(QLatin1String("usage")).toObject();
        const qint64 prompt = usage.value(QLatin1String("prompt_tokens")).toInteger();
        const qint64 completion = usage.value(QLatin1String("completion_tokens")).toInteger();
        QVERIFY(prompt > 0 && completion > 0);
        QCOMPARE(usage.value(QLatin1String("total_tokens")).toInteger(), prompt + completion);
        // Deterministic: the same question gets the same answer.
        QCOMPARE(plainReply(kBase, kPrompt), str(message, "content"));
    }

    void fineTunedAnswersFromItsTrainingData()
    {
        const QString tuned = plainReply(m_fineTuned, kPrompt);
        const QString base = plainReply(kBase, kPrompt);
        QCOMPARE(tuned,
                QStringLiteral("Crumb here! On Saturdays our ovens are warm and our doors open "
                               "at 7 am sharp."));
        QVERIFY(base != tuned);
        QVERIFY(!base.contains(QLatin1String("Crumb")));
        QCOMPARE(plainReply(m_fineTuned, QStringLiteral("is there any parking close to the shop")),
                QStringLiteral("Crumb here! There is free parking behind the windmill for up to "
                               "one hour."));
        // Something the data never mentions still gets an answer in the data's voice.
        QVERIFY(plainReply(m_fineTuned, QStringLiteral("zzz qqq"))
                        .startsWith(QLatin1String("Crumb here!")));
        // Checkpoints answer like their job's model.
        QCOMPARE(plainReply(m_checkpoint, kPrompt), tuned);
    }

    void streamedCompletion_data()
    {
        QTest::addColumn<bool>("includeUsage");
        QTest::newRow("plain stream") << false;
        QTest::newRow("with usage") << true;
    }

    void streamedCompletion()
    {
        QFETCH(bool, includeUsage);
        const HttpResult result = m_http->post(QStringLiteral("/v1/chat/completions"),
                chatBody(m_fineTuned, kPrompt, true, includeUsage));
        QCOMPARE(result.status, 200);
        QCOMPARE(result.error, QNetworkReply::NoError);
        QVERIFY(result.header("content-type").startsWith("text/event-stream"));
        QVERIFY(result.header("x-request-id").startsWith("req_"));
        const QList<QByteArray> events = sseData(result.body);
        QVERIFY(events.size() > 5);
        QCOMPARE(events.last(), QByteArray("[DONE]"));

        QList<QJsonObject> chunks;
        for (const QByteArray &event : events.mid(0, events.size() - 1))
            chunks << QJsonDocument::fromJson(event).object();
        const QString id = str(chunks.first(), "id");
        QString text;
        for (const QJsonObject &chunk : chunks) {
            QCOMPARE(str(chunk, "object"), QStringLiteral("chat.completion.chunk"));
            QCOMPARE(str(chunk, "id"), id);
            QCOMPARE(chunk.contains(QLatin1String("usage")), includeUsage);
            const QJsonArray choices = chunk.value(QLatin1String("choices")).toArray();
            if (!choices.isEmpty())
                text += str(choices.first().toObject().value(QLatin1String("delta")).toObject(),
                        "content");
        }
        const QJsonObject first =
                chunks.first().value(QLatin1String("choices")).toArray().first().toObject();
        QCOMPARE(str(first.value(QLatin1String("delta")).toObject(), "role"),
                QStringLiteral("assistant"));
        QVERIFY(first.value(QLatin1String("finish_reason")).isNull());
        QCOMPARE(text, plainReply(m_fineTuned, kPrompt));

        const QJsonObject &lastChoiceChunk =
                includeUsage ? chunks.at(chunks.size() - 2) : chunks.last();
        const QJsonObject last =
                lastChoiceChunk.value(QLatin1String("choices")).toArray().first().toObject();
        QCOMPARE(str(last, "finish_reason"), QStringLiteral("stop"));
        QVERIFY(last.value(QLatin1String("delta")).toObject().isEmpty());
        if (includeUsage) {
            const QJsonObject usageChunk = chunks.last();
            QVERIFY(usageChunk.value(QLatin1String("choices")).toArray().isEmpty());
            QVERIFY(usageChunk.value(QLatin1String("usage"))
                            .toObject()
                            .value(QLatin1String("total_tokens"))
                            .toInteger()
                    > 0);
            for (const QJsonObject &chunk : chunks.mid(0, chunks.size() - 1))
                QVERIFY(chunk.value(QLatin1String("usage")).isNull());
        }
    }

    void streamDropCutsTheStreamOnce()
    {
        m_server->injectStreamDrop(2);
        const HttpResult dropped = m_http->post(
                QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt, true));
        QVERIFY(dropped.error != QNetworkReply::NoError);
        QVERIFY(!dropped.body.contains("[DONE]"));
        // Only the next stream is affected.
        const HttpResult whole = m_http->post(
                QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt, true));
        QCOMPARE(whole.error, QNetworkReply::NoError);
        QVERIFY(whole.body.endsWith("data: [DONE]\n\n"));

        // Over HTTP as well.
        QCOMPARE(m_http->post(QStringLiteral("/_sandbox/faults"),
                               {{QStringLiteral("stream_drop_after"), 1}})
                         .status,
                200);
        QVERIFY(m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt, true))
                        .error
                != QNetworkReply::NoError);
    }

    void rateLimitInjection()
    {
        m_server->injectHttpError(429, 1, QStringLiteral("/chat"), 3);
        QCOMPARE(m_http->get(QStringLiteral("/v1/models")).status, 200); // other paths unaffected
        const HttpResult limited =
                m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt));
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("retry-after"), QByteArray("3"));
        QCOMPARE(limited.errorCode(), QStringLiteral("rate_limit_exceeded"));
        QVERIFY(limited.header("x-request-id").startsWith("req_"));
        QCOMPARE(m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt))
                         .status,
                200);

        // Over HTTP, twice, then a server error.
        QCOMPARE(m_http->post(QStringLiteral("/_sandbox/faults"),
                               {{QStringLiteral("http_error"),
                                       QJsonObject {{QStringLiteral("status"), 429},
                                               {QStringLiteral("count"), 2},
                                               {QStringLiteral("path"), QStringLiteral("/chat")},
                                               {QStringLiteral("retry_after"), 1}}}})
                         .status,
                200);
        for (int i = 0; i < 2; ++i) {
            const HttpResult again =
                    m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt));
            QCOMPARE(again.status, 429);
            QCOMPARE(again.header("retry-after"), QByteArray("1"));
        }
        QCOMPARE(m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt))
                         .status,
                200);
        m_server->injectHttpError(503);
        const HttpResult overloaded = m_http->get(QStringLiteral("/v1/models"));
        QCOMPARE(overloaded.status, 503);
        QCOMPARE(str(overloaded.json().value(QLatin1String("error")).toObject(), "type"),
                QStringLiteral("server_error"));
    }

    void latencyInjection()
    {
        QCOMPARE(m_http->post(QStringLiteral("/_sandbox/faults"),
                               {{QStringLiteral("latency_ms"), 300}})
                         .status,
                200);
        QElapsedTimer clock;
        clock.start();
        QCOMPARE(m_http->get(QStringLiteral("/v1/models")).status, 200);
        QVERIFY(clock.elapsed() >= 290);
        // Cleared: the sandbox reports no latency any more (how fast it then answers is a
        // figure for benchmarks, not a test).
        const HttpResult cleared = m_http->del(QStringLiteral("/_sandbox/faults"));
        QCOMPARE(cleared.status, 200);
        QCOMPARE(cleared.json().value(QLatin1String("latency_ms")).toInt(-1), 0);
        QCOMPARE(m_http->get(QStringLiteral("/_sandbox/faults"))
                         .json()
                         .value(QLatin1String("latency_ms"))
                         .toInt(-1),
                0);
    }

    void lengthLimit()
    {
        QJsonObject body = chatBody(kBase, kPrompt);
        body.insert(QStringLiteral("max_completion_tokens"), 5);
        const QJsonObject response =
                m_http->post(QStringLiteral("/v1/chat/completions"), body).json();
        const QJsonObject choice =
                response.value(QLatin1String("choices")).toArray().first().toObject();
        QCOMPARE(str(choice, "finish_reason"), QStringLiteral("length"));
        QVERIFY(response.value(QLatin1String("usage"))
                        .toObject()
                        .value(QLatin1String("completion_tokens"))
                        .toInteger()
                <= 5);
    }

    void badRequests()
    {
        HttpResult result = m_http->post(QStringLiteral("/v1/chat/completions"),
                chatBody(QStringLiteral("gpt-nope"), kPrompt));
        QCOMPARE(result.status, 404);
        QCOMPARE(result.errorCode(), QStringLiteral("model_not_found"));
        result = m_http->post(
                QStringLiteral("/v1/chat/completions"), {{QStringLiteral("model"), kBase}});
        QCOMPARE(result.status, 400);
        QCOMPARE(str(result.json().value(QLatin1String("error")).toObject(), "param"),
                QStringLiteral("messages"));
        result = m_http->post(QStringLiteral("/v1/chat/completions"),
                {{QStringLiteral("model"), kBase}, {QStringLiteral("messages"), QJsonArray()}});
        QCOMPARE(result.status, 400);
        QJsonObject streamOptionsAlone = chatBody(kBase, kPrompt, false, true);
        QCOMPARE(m_http->post(QStringLiteral("/v1/chat/completions"), streamOptionsAlone).status,
                400);
        result = m_http->postRaw(
                QStringLiteral("/v1/chat/completions"), "{\"model\":", "application/json");
        QCOMPARE(result.status, 400);
        QVERIFY(result.json().contains(QLatin1String("error")));
    }

    void modelsList()
    {
        const QJsonObject list = m_http->get(QStringLiteral("/v1/models")).json();
        QCOMPARE(str(list, "object"), QStringLiteral("list"));
        QStringList ids;
        const QJsonArray data = list.value(QLatin1String("data")).toArray();
        for (const QJsonValue &v : data) {
            const QJsonObject model = v.toObject();
            QCOMPARE(str(model, "object"), QStringLiteral("model"));
            QVERIFY(model.value(QLatin1String("created")).toInteger() > 0);
            QVERIFY(!str(model, "owned_by").isEmpty());
            ids << str(model, "id");
        }
        for (const char *base : {"gpt-4.1-2025-04-14", "gpt-4.1-mini-2025-04-14",
                     "gpt-4.1-nano-2025-04-14", "gpt-4o-mini-2024-07-18", "gpt-4o-2024-08-06"})
            QVERIFY2(ids.contains(QLatin1String(base)), base);
        QVERIFY(ids.contains(m_fineTuned));
        QCOMPARE(m_http->get(QStringLiteral("/v1/models/") + m_checkpoint).status, 200);
        QCOMPARE(m_http->get(QStringLiteral("/v1/models/gpt-nope")).errorCode(),
                QStringLiteral("model_not_found"));
    }

    void requestServedSignal()
    {
        QSignalSpy spy(m_server.get(), &SandboxServer::requestServed);
        m_http->get(QStringLiteral("/v1/models/gpt-nope"));
        m_http->post(QStringLiteral("/v1/chat/completions"), chatBody(kBase, kPrompt, true));
        QTRY_COMPARE(spy.size(), 2);
        QCOMPARE(spy.at(0).at(2).toInt(), 404);
        QCOMPARE(spy.at(1).at(1).toString(), QStringLiteral("/v1/chat/completions"));
        QCOMPARE(spy.at(1).at(2).toInt(), 200);
    }
};

QTEST_GUILESS_MAIN(tst_SandboxChat)
#include "tst_sandboxchat.moc"
