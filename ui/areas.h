// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

class QDockWidget;

namespace fs::ui {

class DatasetArea;
class DeploymentsUi;
class FilesArea;
class JobsArea;
class MainWindow;
class MoveUi;
class PlaygroundArea;
class StorageArea;

/// The work areas of the main window, in navigation order.
struct Areas
{
    DatasetArea *datasets = nullptr;
    FilesArea *files = nullptr;
    JobsArea *jobs = nullptr;
    PlaygroundArea *playground = nullptr;
    StorageArea *storage = nullptr;
    QDockWidget *guide = nullptr; ///< "Your First Fine-tune" (Help menu), hidden at first
    /// Deployments: status bar, View → Deployments…, "Deploy to try it", questions on leaving.
    DeploymentsUi *deployments = nullptr;
    /// Tools → Move to Another Service… / Parity Check…; keepBehaviour() is the retirement
    /// banner's action.
    MoveUi *move = nullptr;
};

/**
 * @brief Puts the Datasets, Files, Jobs, Playground and Buckets areas into `window` (before its
 * Connection page) and links them: a checkpoint opened from Jobs shows in the Playground, an
 * object opened from a bucket opens in Datasets, keeping an answer without an open dataset
 * starts a new one, a file sent from a bucket shows in Files. The guide to a first fine-tune
 * reads the Datasets and Jobs areas. The window owns the areas.
 */
Areas installAreas(MainWindow *window);

} // namespace fs::ui
