// SPDX-License-Identifier: GPL-3.0-or-later
#include "simulation.h"

#include "connection.h"

namespace fs {

bool isSimulated(const Connection &connection)
{
    return !connection.id.isEmpty() && connection.kind == Connection::Kind::Sandbox;
}

} // namespace fs
