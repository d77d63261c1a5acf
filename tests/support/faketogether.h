// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "connection.h"
#include "fakenetworkaccessmanager.h"

#include <functional>

namespace fs::test {

/**
 * @brief Together AI's fine-tunes API for one job, answering from the public fields as they are
 * at the time of each request: the job (status, steps), its metrics from `global_step_from` on
 * (each evaluation as a second entry of its step, as the service sends them), its events and
 * its checkpoints. Anything else is a 404 counted in otherRequests (e.g. a result file).
 */
class FakeTogether : public FakeNetworkAccessManager
{
public:
    explicit FakeTogether(const QString &jobId = QStringLiteral("ft-1"), QObject *parent = nullptr);

    /// A Together connection to this fake (the address is never dialled).
    static Connection connection();

    QString jobId;
    QString status = QStringLiteral("pending");
    int stepsDone = 0;
    int totalSteps = 10;
    int stepsPerEpoch = 5;
    int evalEvery = 5; ///< an evaluation entry every this many steps (0: none)
    std::function<double(int)> trainLoss = [](int step) { return 2.0 / step; };
    std::function<double(int)> evalLoss = [](int step) { return 3.0 / step; };

    /// The body of a metrics answer: the steps from `from` (inclusive) to stepsDone; the last
    /// step and the number of entries in it when asked.
    QByteArray metricsPage(int from, int *lastStep = nullptr, int *entries = nullptr) const;

    QList<int> metricsFrom; ///< global_step_from of each metrics request
    QList<int> metricsLast; ///< the last step each metrics request was answered with (0: none)
    int entriesServed = 0; ///< metric entries in all metrics answers
    qint64 metricsBytes = 0; ///< bytes of all metrics answers
    int otherRequests = 0;

protected:
    QNetworkReply *createRequest(
            Operation operation, const QNetworkRequest &request, QIODevice *data) override;

private:
    CannedResponse answer(const QUrl &url);
};

} // namespace fs::test
