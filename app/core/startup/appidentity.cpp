// SPDX-License-Identifier: GPL-3.0-or-later
#include "appidentity.h"

#include <QCoreApplication>

namespace fs {

void setAppIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudio"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("finetune.studio"));
    QCoreApplication::setApplicationName(QStringLiteral("finetune-studio"));
    QCoreApplication::setApplicationVersion(QStringLiteral(FS_VERSION));
}

} // namespace fs
