// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace fs {

/**
 * @brief One thing the linter found in a dataset. The code is stable (the CLI prints it as it
 * is); the message is plain words for people.
 */
struct LintFinding
{
    enum class Severity { Error, Warning };

    /// 1-based line (example) number in the file; 0 for findings about the whole dataset.
    int line = 0;
    /// Index of the message inside the example (for DPO: in input.messages, then preferred,
    /// then non-preferred as documented by the linter); -1 when the finding is about the example.
    int messageIndex = -1;
    Severity severity = Severity::Error;
    /// One of: invalid_json, data_type, missing_messages_list, message_missing_key,
    /// message_unrecognized_key, unrecognized_role, missing_content,
    /// example_missing_assistant_message, invalid_weight, special_token, tool_call_invalid,
    /// example_too_long, too_few_examples, duplicate_example, missing_system, missing_user,
    /// mixed_formats, dpo_* (the preference format's own rules), bom, …
    QString code;
    QString message;
    /// The one-click fix, when one is obvious (see LintFix in the linter); None otherwise.
    enum class Fix { None, RemoveBom, DropEmptyTrailingMessage, RemoveSpecialToken, FixWeight };
    Fix fix = Fix::None;

    bool isError() const { return severity == Severity::Error; }
    friend bool operator==(const LintFinding &a, const LintFinding &b)
    {
        return a.line == b.line && a.messageIndex == b.messageIndex && a.severity == b.severity
                && a.code == b.code && a.message == b.message && a.fix == b.fix;
    }
    friend bool operator!=(const LintFinding &a, const LintFinding &b) { return !(a == b); }
    static QString severityName(Severity severity) ///< "error" / "warning"
    {
        return severity == Severity::Error ? QStringLiteral("error") : QStringLiteral("warning");
    }
};

using LintFindings = QList<LintFinding>;

} // namespace fs

Q_DECLARE_METATYPE(fs::LintFinding)
