// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTranslator>

namespace fs {

/**
 * @brief English plurals for "%n" texts, without an English catalogue.
 *
 * A text counted with tr("%n example(s)", nullptr, n) reads "1 example" and "2 examples": each
 * "(s)" goes for one and becomes "s" otherwise. Texts without a count, or without "(s)", are
 * left to the next translator (or shown as written). Installed first, so a real catalogue (the
 * Japanese one) answers before it; word forms other than "(s)" are worded around in the source.
 */
class EnglishPlurals : public QTranslator
{
    Q_OBJECT
public:
    using QTranslator::QTranslator;

    QString translate(const char *context, const char *sourceText,
            const char *disambiguation = nullptr, int n = -1) const override;
    bool isEmpty() const override { return false; }

    /// Installs one on the running application (once; later calls do nothing).
    static void install();
};

} // namespace fs
