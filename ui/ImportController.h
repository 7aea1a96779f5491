// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ImportSummaryDialog.h"
#include "domain/Result.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QMimeData;
class QTimer;
class QWidget;

namespace strata {

class Prompter;
struct ImportDocument;
class TaskProgressWidget;
class Workspace;

/// Runs File › Import and drops onto the window: reads each file on a worker thread (parsing is the slow part
/// and never touches the workspace), then applies it on the GUI thread in one transaction per file, with
/// progress and Cancel in the status bar and a summary at the end. A file is applied only if the import was
/// not cancelled before its turn, so Cancel never leaves half a file behind.
class ImportController : public QObject
{
    Q_OBJECT

public:
    /// `window` parents the file picker and the summary; the progress widget goes into its status bar.
    ImportController(Prompter *prompter, QWidget *window);
    ~ImportController() override;

    /// The workspace imports go into; changing it (or closing it with nullptr) cancels a running import.
    void setWorkspace(Workspace *workspace);
    /// Shows Cancel and the progress while an import runs; hidden otherwise.
    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_job != nullptr; }
    /// The summary of the last import that finished, while it is open.
    ImportSummaryDialog *summaryDialog() const { return m_summary; }
    /// How long the last file took to apply on the GUI thread, in milliseconds.
    qint64 lastApplyMs() const { return m_lastApplyMs; }

    /// The local files and folders a drag carries, or nothing when it carries anything else (web links, text) or
    /// no writable workspace is open, so the window accepts only drops it can import.
    QStringList droppedFiles(const QMimeData *data) const;
    /// Asks for files (several may be chosen) and imports them.
    void chooseAndImport();
    /// Imports files and the README.md and *.json files under folders; added to the running import if any.
    void importPaths(const QStringList &paths);
    /// Stops reading, or rolls back the file being written; files not applied yet are left out. Files already
    /// applied stay (each was complete).
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    /// A short line for the status bar.
    void statusMessage(const QString &message);
    /// An import ended and its summary is shown.
    void summaryShown(strata::ImportSummaryDialog *dialog);

private:
    struct Job;
    struct FileRead;

    void startNext();
    void onFileRead(const std::shared_ptr<FileRead> &read);
    void finish();
    /// The job ends after Cancel: `inFlight` files being read or written, and those queued, are left out.
    void finishCancelled(int inFlight);
    void updateProgress();
    Result<ImportSummary> applyOnGuiThread(const QString &path, const ImportDocument &document);

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QPointer<Workspace> m_workspace;
    std::unique_ptr<Job> m_job;
    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
    QPointer<ImportSummaryDialog> m_summary;
    qint64 m_lastApplyMs = 0;
    bool m_applying = false;    ///< a file is being written; the event loop runs from its progress callback
    bool m_cancelApply = false; ///< Cancel was pressed while writing: the write rolls back
};

} // namespace strata
