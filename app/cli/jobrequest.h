// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QCommandLineParser;

namespace fs {
class ProviderModels;
struct CreateJobRequest;
} // namespace fs

namespace fs::cli {

/// The request the options describe, checked against the provider's registry; false with
/// `*problem` (a sentence) when an option does not fit the provider.
bool buildJobRequest(const QCommandLineParser &parser, const ProviderModels &provider,
        CreateJobRequest *request, QString *problem);

} // namespace fs::cli
