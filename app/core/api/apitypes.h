// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// OpenAI's wire shapes for the domain types of domain.h (the structs the whole app uses live
// there now). Parsing is tolerant: unknown keys are kept in `raw`, unknown enum strings are kept
// as text, null and missing fields become empty/nullopt, and `error` given as {} or with all
// fields null means "no error". The OpenAI dialect (openaidialect.h) is built on these.

#include "domain.h"

namespace fs {

Page<FileObject> parseFilePage(const QJsonObject &object);
Page<FineTuningJob> parseJobPage(const QJsonObject &object);
Page<JobEvent> parseEventPage(const QJsonObject &object);
Page<Checkpoint> parseCheckpointPage(const QJsonObject &object);
Page<ModelObject> parseModelPage(const QJsonObject &object);

} // namespace fs
