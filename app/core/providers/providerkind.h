// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fs {

/// The fine-tuning services the app knows. Azure OpenAI speaks OpenAI's wire shape for files and
/// jobs but names fine-tuned models its own way and needs a deployment; Fireworks has no data
/// yet (room for its dialect).
enum class ProviderKind {
    OpenAI, ///< also OpenAI-compatible servers
    AzureOpenAI,
    Together,
    Fireworks,
};

} // namespace fs
