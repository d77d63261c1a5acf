// SPDX-License-Identifier: GPL-3.0-or-later
// One huge line (issue 13, finding 4): a file of a few ordinary examples and one example whose
// user message is --mb MB long (default 50), checked as `validate` checks it (validateFile) and
// opened as the editor opens it (JsonlReader). Prints wall time and peak memory (VmHWM) of each
// step; the aim is a peak under 200 MB for a 50 MB line.
//   bench_longline [--mb N] [--no-tokens]
#include "benchdata.h"
#include "filevalidation.h"
#include "jsonl.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTextStream>

using namespace fs;

namespace {

void resetPeak()
{
    QFile clear(QStringLiteral("/proc/self/clear_refs"));
    if (clear.open(QIODevice::WriteOnly))
        clear.write("5");
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int at = int(args.indexOf(QStringLiteral("--mb")));
    const qint64 mb = at > 0 ? args.value(at + 1).toLongLong() : 50;
    const bool tokens = !args.contains(QStringLiteral("--no-tokens")); // as validate does
    QTextStream out(stdout);

    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("longline.jsonl"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly))
            return 1;
        const QByteArray ordinary =
                R"({"messages":[{"role":"user","content":"Hi"},{"role":"assistant","content":"Hello"}]})"
                "\n";
        for (int i = 0; i < 5; ++i)
            file.write(ordinary);
        file.write(R"({"messages":[{"role":"user","content":")");
        const QByteArray words("lorem ipsum dolor sit amet, consectetur adipiscing elit. ");
        QByteArray block;
        while (block.size() < (1 << 20))
            block += words;
        block.truncate(1 << 20);
        for (qint64 i = 0; i < mb; ++i)
            file.write(block);
        file.write(R"("},{"role":"assistant","content":"ok"}]})"
                   "\n");
        for (int i = 0; i < 5; ++i)
            file.write(ordinary);
    }
    const qint64 size = QFile(path).size();
    const qint64 base = fs::bench::procStatusKb("VmRSS:");
    out << "file: " << size / 1000000 << " MB, longest line " << mb
        << " MiB; resident before: " << base / 1024 << " MB\n";

    resetPeak();
    QElapsedTimer timer;
    timer.start();
    LintOptions options;
    options.countTokens = tokens;
    FileValidation result;
    const DatasetError error = validateFile(path, options, &result);
    out << "validate" << (tokens ? " (with token counts, as the CLI)" : "") << ": "
        << timer.elapsed() << " ms, " << result.exampleCount() << " examples, "
        << result.errorCount() << " errors"
        << (error.isError() ? " FAILED " + error.message : QString()) << ", peak memory "
        << fs::bench::procStatusKb("VmHWM:") / 1024 << " MB\n";
    for (const LintFinding &finding : result.findings(5))
        out << "  line " << finding.line << ' ' << finding.code << '\n';
    out.flush();

    resetPeak();
    timer.restart();
    DatasetError readError;
    const JsonlContents contents = JsonlReader::readFile(path, &readError);
    out << "editor reader: " << timer.elapsed() << " ms, " << contents.records.size()
        << " examples, peak memory " << fs::bench::procStatusKb("VmHWM:") / 1024 << " MB\n";
    return 0;
}
