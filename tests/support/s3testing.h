// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Shared by the tests of S3 storage: reproducible bytes and waiting for an S3Reply.

#include "s3client.h"

#include <QByteArray>
#include <QSignalSpy>

namespace fs::test {

/// `size` pseudo-random bytes (xorshift), the same for the same seed.
inline QByteArray pattern(qint64 size, int seed = 1)
{
    QByteArray data(size, Qt::Uninitialized);
    quint32 x = 2463534242u + quint32(seed);
    for (qint64 i = 0; i < size; ++i) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        data[i] = char(x & 0xff);
    }
    return data;
}

/// Waits up to `ms` for `reply` to finish; false when it did not.
inline bool waitFor(S3Reply *reply, int ms = 30000)
{
    if (reply->isFinished())
        return true;
    QSignalSpy spy(reply, &S3Reply::finished);
    return spy.wait(ms);
}

} // namespace fs::test
