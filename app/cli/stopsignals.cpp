// SPDX-License-Identifier: GPL-3.0-or-later
#include "stopsignals.h"

#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace fs::cli {

namespace {

int g_stopSocket[2] = {-1, -1};

void handleStopSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the socket pair.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(g_stopSocket[0], &byte, 1);
}

} // namespace

StopSignals::StopSignals(std::function<void()> onStop)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, g_stopSocket) != 0)
        return;
    auto *notifier = new QSocketNotifier(g_stopSocket[1], QSocketNotifier::Read, &m_receiver);
    QObject::connect(notifier, &QSocketNotifier::activated, &m_receiver, std::move(onStop));
    std::signal(SIGINT, handleStopSignal);
    std::signal(SIGTERM, handleStopSignal);
    m_handling = true;
}

StopSignals::~StopSignals()
{
    if (!m_handling)
        return;
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace fs::cli
