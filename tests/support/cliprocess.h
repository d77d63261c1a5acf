// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace fs::test {

/// What one run of a command-line program left behind.
struct CliResult
{
    int exitCode = -1; ///< -1 when it crashed or did not finish in time
    QString out;
    QString err; ///< "timed out" when it did not finish in time
};

/// The system environment without OPENAI_BASE_URL, OPENAI_API_KEY and TOGETHER_API_KEY, with
/// HOME = `home` and XDG_CONFIG_HOME = `home`/config: saved connections and settings are the
/// test's own.
QProcessEnvironment isolatedEnvironment(const QString &home);

/// Runs `program` with `arguments` in `environment` and collects what it printed; killed when it
/// has not ended after `timeoutMs`.
CliResult runCli(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, int timeoutMs = 60000);
/// The same while this thread's event loop turns, so a server in this process (an in-process
/// sandbox) goes on answering the program.
CliResult runCliServing(const QString &program, const QStringList &arguments,
        const QProcessEnvironment &environment, int timeoutMs = 60000);

/// The `id`s of the objects in `json`'s `data` array (a list printed by --json).
QStringList idsInData(const QString &json);

/// A `<program> sandbox` child on a free port, as a person starts it from a terminal.
class SandboxProcess
{
public:
    SandboxProcess() = default;
    ~SandboxProcess();
    Q_DISABLE_COPY(SandboxProcess)

    /// Starts `program sandbox --port 0 --time-scale <timeScale> <extra…>` and waits (about 20 s
    /// at most) until it prints the address it listens on; false when it never did.
    bool start(const QString &program, const QStringList &extra = {}, double timeScale = 0.02);

    QString root() const { return m_root; } ///< http://127.0.0.1:PORT, empty before start()
    QString baseUrl() const; ///< root()/v1, empty before start()
    bool isRunning() const { return m_process.state() != QProcess::NotRunning; }

    /// Ends it as Ctrl-C does (SIGTERM) and waits up to `timeoutMs`; true when it is not running
    /// (any more).
    bool stop(int timeoutMs = 10000);
    /// Ends it at once (SIGKILL) and waits for it.
    void kill();

    /// For its exit status, code and remaining output after stop().
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QString m_root;
};

} // namespace fs::test
