// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace fs {

struct Connection;

/// True when training and answers on `connection` are simulated: it is the built-in sandbox,
/// a practice service that costs nothing and only pretends to train and answer. False for a
/// connection not set up at all (no id).
bool isSimulated(const Connection &connection);

} // namespace fs
