// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secretstore.h"

#include <QObject>
#include <QTest>
#include <optional>

namespace fs::test {

/// Runs one SecretStore call — `call(context, callback)` — and waits up to `timeoutMs` for its
/// answer; nullopt when none came. The default outlasts a store's own time limit (at most 8 s in
/// the tests), so that the store answers first.
template<typename Call>
std::optional<SecretResult> awaitSecret(Call call, int timeoutMs = 15000)
{
    std::optional<SecretResult> result;
    QObject context;
    call(&context, [&result](const SecretResult &r) { result = r; });
    if (!QTest::qWaitFor([&result] { return result.has_value(); }, timeoutMs))
        return std::nullopt;
    return result;
}

} // namespace fs::test
