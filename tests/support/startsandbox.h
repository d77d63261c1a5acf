// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The in-process sandbox most tests start: on a free port of 127.0.0.1, its clock (jobs, file
// checks) running at `timeScale` of real time. Link fs_sandbox to use it.

#include "sandboxserver.h"

#include <memory>

namespace fs::test {

/// A listening sandbox, or null (with the reason in `problem`) when it could not listen.
inline std::unique_ptr<sandbox::SandboxServer> startSandbox(double timeScale, QString *problem)
{
    sandbox::SandboxOptions options;
    options.timeScale = timeScale;
    auto server = std::make_unique<sandbox::SandboxServer>(options);
    if (!server->start(problem))
        return nullptr;
    return server;
}

} // namespace fs::test
