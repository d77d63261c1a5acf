// SPDX-License-Identifier: GPL-3.0-or-later
#include "filedialog.h"

#include "testhook.h"

namespace fs::ui {

namespace {

FileDialog::Hook &testHook()
{
    return testHookOf<FileDialog::Hook>();
}

} // namespace

void FileDialog::setTestHook(Hook hook)
{
    testHook() = std::move(hook);
}

bool FileDialog::hasTestHook()
{
    return bool(testHook());
}

FileDialog::ScopedTestHook::ScopedTestHook(Hook hook)
    : m_previous(std::exchange(testHook(), std::move(hook)))
{
}

FileDialog::ScopedTestHook::~ScopedTestHook()
{
    testHook() = std::move(m_previous);
}

QStringList FileDialog::ask(QWidget *parent, const FileRequest &request)
{
    if (testHook()) {
        QStringList chosen = testHook()(request);
        chosen.removeAll(QString());
        return request.mode == FileRequest::Mode::OpenMany ? chosen : chosen.mid(0, 1);
    }
    switch (request.mode) {
    case FileRequest::Mode::Open: {
        const QString path = QFileDialog::getOpenFileName(
                parent, request.title, request.path, request.filter, nullptr, request.options);
        return path.isEmpty() ? QStringList() : QStringList {path};
    }
    case FileRequest::Mode::OpenMany:
        return QFileDialog::getOpenFileNames(
                parent, request.title, request.path, request.filter, nullptr, request.options);
    case FileRequest::Mode::Save:
        break;
    }
    const QString path = QFileDialog::getSaveFileName(
            parent, request.title, request.path, request.filter, nullptr, request.options);
    return path.isEmpty() ? QStringList() : QStringList {path};
}

QString FileDialog::getOpenFileName(QWidget *parent, const QString &kind, const QString &title,
        const QString &path, const QString &filter)
{
    return ask(parent, {FileRequest::Mode::Open, kind, title, path, filter, {}}).value(0);
}

QStringList FileDialog::getOpenFileNames(QWidget *parent, const QString &kind, const QString &title,
        const QString &path, const QString &filter)
{
    return ask(parent, {FileRequest::Mode::OpenMany, kind, title, path, filter, {}});
}

QString FileDialog::getSaveFileName(QWidget *parent, const QString &kind, const QString &title,
        const QString &path, const QString &filter, QFileDialog::Options options)
{
    return ask(parent, {FileRequest::Mode::Save, kind, title, path, filter, options}).value(0);
}

} // namespace fs::ui
