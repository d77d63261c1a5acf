// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QString>

namespace fs::test {

/// The descendant of `parent` of type T with the object name `name` (null when there is none),
/// the way GUI tests find the widgets a form names.
template<typename T>
T *child(QObject *parent, const char *name)
{
    return parent->findChild<T *>(QString::fromLatin1(name));
}

} // namespace fs::test
