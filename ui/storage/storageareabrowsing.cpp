// SPDX-License-Identifier: GPL-3.0-or-later
// The Storage area's browsing: listing a folder of the bucket, the folder as links, going into and
// up from folders, and which object is selected. The rest of StorageArea is in storagearea.cpp.
#include "storagearea.h"

#include "storageareaprivate.h"
#include "storageconnection.h"

#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QStyle>
#include <QTreeView>

namespace fs::ui {

void StorageArea::refresh()
{
    if (m_listReply)
        m_listReply->abort();
    m_empty->setText(tr("Loading…"));
    showEmpty(true);
    updateBreadcrumb();
    withClient([this](S3Client *client) {
        S3Reply *reply = client->list(m_prefix);
        m_listReply = reply;
        connect(reply, &S3Reply::finished, this, [this, reply] {
            reply->deleteLater();
            if (m_listReply == reply)
                m_listReply = nullptr;
            if (reply->error().kind == S3Error::Kind::Cancelled)
                return;
            if (!reply->ok()) {
                m_listing = {};
                m_model->removeRows(0, m_model->rowCount());
                m_empty->setText(reply->error().plainMessage() + QStringLiteral("\n")
                        + tr("Check the connection with Edit…, then choose Refresh."));
                showEmpty(true);
                updateActions();
                Q_EMIT listingFinished(false);
                return;
            }
            m_listing = reply->listing();
            showListing();
            Q_EMIT listingFinished(true);
        });
    });
}

void StorageArea::showListing()
{
    m_model->removeRows(0, m_model->rowCount());
    const QIcon folderIcon = style()->standardIcon(QStyle::SP_DirIcon);
    const QIcon fileIcon = style()->standardIcon(QStyle::SP_FileIcon);
    for (const QString &folder : std::as_const(m_listing.commonPrefixes)) {
        auto *name = new QStandardItem(folderIcon, lastSegment(folder) + QLatin1Char('/'));
        name->setData(folder, KeyRole);
        name->setData(true, FolderRole);
        m_model->appendRow({name, new QStandardItem, new QStandardItem});
    }
    for (const S3Object &object : std::as_const(m_listing.objects)) {
        if (object.key == m_prefix)
            continue; // the folder's own marker object
        auto *name = new QStandardItem(fileIcon, object.key.mid(m_prefix.size()));
        name->setData(object.key, KeyRole);
        name->setData(false, FolderRole);
        name->setToolTip(object.key);
        auto *size = new QStandardItem(formatSize(object.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *modified = new QStandardItem(
                QLocale().toString(object.lastModified.toLocalTime(), QLocale::ShortFormat));
        m_model->appendRow({name, size, modified});
    }
    const bool empty = m_model->rowCount() == 0;
    m_empty->setText(m_prefix.isEmpty()
                    ? tr("This bucket is empty. Open a dataset in the Datasets area and choose "
                         "\"Save Dataset to Bucket…\" to put it here.")
                    : tr("This folder is empty."));
    showEmpty(empty);
    updateActions();
}

void StorageArea::showEmpty(bool empty)
{
    m_viewStack->setCurrentWidget(empty ? static_cast<QWidget *>(m_empty) : m_view);
}

bool StorageArea::isShowingMessage() const
{
    return m_viewStack->currentWidget() == m_empty;
}

void StorageArea::updateBreadcrumb()
{
    const std::optional<StorageConnection> connection = m_store->connection(currentConnectionId());
    const QString bucket = connection ? connection->bucket : QString();
    QString html = QStringLiteral("<a href=\"prefix:\">%1</a>").arg(bucket.toHtmlEscaped());
    QString walked;
    const QStringList parts = m_prefix.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        walked += part + QLatin1Char('/');
        html += QStringLiteral(" / <a href=\"prefix:%1\">%2</a>")
                        .arg(walked.toHtmlEscaped(), part.toHtmlEscaped());
    }
    m_breadcrumb->setText(html);
    m_upButton->setEnabled(!m_prefix.isEmpty());
}

void StorageArea::navigateTo(const QString &prefix)
{
    m_prefix = prefix;
    if (!m_prefix.isEmpty() && !m_prefix.endsWith(QLatin1Char('/')))
        m_prefix += QLatin1Char('/');
    refresh();
}

void StorageArea::goUp()
{
    if (m_prefix.isEmpty())
        return;
    QString up = m_prefix;
    up.chop(1);
    const int slash = up.lastIndexOf(QLatin1Char('/'));
    navigateTo(slash < 0 ? QString() : up.left(slash + 1));
}

bool StorageArea::selectKey(const QString &key)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->item(row, 0)->data(KeyRole).toString() == key) {
            m_view->setCurrentIndex(m_model->index(row, 0));
            return true;
        }
    }
    return false;
}

S3Object StorageArea::selectedObject(bool *isFolder) const
{
    const QModelIndex index = m_view->currentIndex().siblingAtColumn(0);
    if (isFolder)
        *isFolder = index.isValid() && index.data(FolderRole).toBool();
    if (!index.isValid() || index.data(FolderRole).toBool())
        return {};
    const QString key = index.data(KeyRole).toString();
    for (const S3Object &object : m_listing.objects) {
        if (object.key == key)
            return object;
    }
    return {};
}

} // namespace fs::ui
