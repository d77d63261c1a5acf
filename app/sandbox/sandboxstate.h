// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The sandbox's saved state (state.json in its data folder): one JSON object for each file,
// upload, job and fine-tuned model, as SandboxServerPrivate::saveNow() writes them and load()
// reads them back. Bytes of files and parts live beside it, not in it.

#include "sandboxserver_p.h"

namespace fs::sandbox::state {

QJsonObject toJson(const StoredFile &file);
QJsonObject toJson(const StoredUpload &upload);
QJsonObject toJson(const StoredJob &job);
QJsonObject toJson(const ModelRecord &model);

StoredFile fileFromJson(const QJsonObject &o);
StoredUpload uploadFromJson(const QJsonObject &o);
StoredJob jobFromJson(const QJsonObject &o);
ModelRecord modelFromJson(const QJsonObject &o);

} // namespace fs::sandbox::state
