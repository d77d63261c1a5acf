// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "example.h"
#include "lintfinding.h"

#include <QCoreApplication>
#include <optional>

namespace fs {

class DatasetDocument;

/**
 * @brief The one-click fixes of findings whose fix is obvious: remove the byte-order mark, drop
 * an empty trailing message, remove reserved tokens, fix a weight. Each is one undoable step on
 * the document's undo stack.
 */
class LintFixer
{
    Q_DECLARE_TR_FUNCTIONS(fs::LintFixer)

public:
    /// The button text for a finding's fix ("Remove the reserved tokens"); empty when none.
    static QString label(const LintFinding &finding);
    static bool canFix(const LintFinding &finding) { return finding.fix != LintFinding::Fix::None; }

    /// The example with the fix applied, or nullopt when the fix does not apply to it (any more).
    /// Message indices as the linter numbers them (preference: input, preferred, non-preferred).
    static std::optional<Example> fixedExample(const Example &example, const LintFinding &finding);

    /// Applies the fix to the example at finding.line - 1 (or to the file for the BOM) as one
    /// undo step. False when there is nothing to change.
    static bool apply(DatasetDocument *document, const LintFinding &finding);
};

} // namespace fs
