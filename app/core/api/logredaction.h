// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace fs {

/**
 * @brief Removes secrets from one log line, whoever wrote it: the values of Authorization,
 * api-key, cookie and similar headers in any notation ("Authorization: …", ("api-key", "…"),
 * authorization=…), Bearer/Basic credentials, keys of known shapes (sk-…, tgp_v1_…, AKIA…,
 * together/anthropic-style prefixes), OAuth tokens (access_token, refresh_token, id_token and
 * device_code in JSON or form notation; JSON Web Tokens anywhere) and presigned-URL signatures.
 * Each becomes "[redacted]".
 */
QString redactSecrets(const QString &line);

/**
 * @brief Installs (once per process) a Qt message handler that sends every message — Qt's own
 * categories included, whatever QT_LOGGING_RULES enables — through redactSecrets() before the
 * handler that was installed before it (Qt's default printing to stderr).
 */
void installRedactingMessageHandler();

} // namespace fs
