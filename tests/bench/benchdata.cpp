// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchdata.h"

#include "example.h"
#include "message.h"

#include <QFile>
#include <QList>
#include <QRandomGenerator>
#include <QStringList>

namespace fs::bench {

namespace {

QString sentence(QRandomGenerator &rng, bool japanese, int words)
{
    static const QStringList en = {QStringLiteral("the"), QStringLiteral("customer"),
            QStringLiteral("order"), QStringLiteral("refund"), QStringLiteral("shipping"),
            QStringLiteral("please"), QStringLiteral("account"), QStringLiteral("password"),
            QStringLiteral("thank"), QStringLiteral("you"), QStringLiteral("delivery"),
            QStringLiteral("invoice"), QStringLiteral("question"), QStringLiteral("answer"),
            QStringLiteral("today"), QStringLiteral("tomorrow"), QStringLiteral("update"),
            QStringLiteral("12.5%"), QStringLiteral("2024"), QStringLiteral("help")};
    static const QStringList ja = {QStringLiteral("注文"), QStringLiteral("配送"),
            QStringLiteral("返金"), QStringLiteral("お客様"),
            QStringLiteral("ありがとうございます"), QStringLiteral("確認"),
            QStringLiteral("パスワード"), QStringLiteral("アカウント"), QStringLiteral("本日"),
            QStringLiteral("明日"), QStringLiteral("請求書"), QStringLiteral("質問")};
    QString s;
    const QStringList &list = japanese ? ja : en;
    for (int i = 0; i < words; ++i) {
        if (i && !japanese)
            s += QLatin1Char(' ');
        s += list.at(int(rng.bounded(int(list.size()))));
    }
    s += japanese ? QStringLiteral("。") : QStringLiteral(".");
    return s;
}

} // namespace

qint64 procStatusKb(const char *key)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &l : lines) {
        if (l.startsWith(key))
            return l.mid(qstrlen(key)).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

QByteArray generateChatDataset(int examples)
{
    QRandomGenerator rng(42);
    QByteArray out;
    out.reserve(qsizetype(examples) * 1100);
    for (int i = 0; i < examples; ++i) {
        const bool ja = i % 3 == 0;
        fs::Messages m;
        m.append(fs::Message(QStringLiteral("system"),
                QStringLiteral("You are a helpful support agent for an online shop.")));
        const int turns = 1 + int(rng.bounded(3));
        for (int t = 0; t < turns; ++t) {
            m.append(fs::Message(QStringLiteral("user"), sentence(rng, ja, ja ? 12 : 22)));
            m.append(fs::Message(QStringLiteral("assistant"), sentence(rng, ja, ja ? 26 : 44)));
        }
        out += fs::Example::chat(m).toLine();
        out += '\n';
    }
    return out;
}

} // namespace fs::bench
