// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "evidence/Evidence.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QVariant>

#include <memory>

class QMimeData;
class QTimer;
class QWidget;

namespace strata {

class Prompter;
class TaskProgressWidget;
class Workspace;

/// Adds evidence files without freezing the window, for any page that accepts evidence: each file is copied and
/// hashed into the evidence store on a worker thread (EvidenceStore never touches the database), then its row is
/// recorded on the GUI thread, which owns the workspace connection. Cancel stops the copy and records nothing.
class EvidenceAdder : public QObject
{
    Q_OBJECT

public:
    /// `window` parents the file picker and error messages.
    EvidenceAdder(Prompter *prompter, QWidget *window);
    ~EvidenceAdder() override;

    /// The workspace evidence goes into; changing it cancels a running add.
    void setWorkspace(Workspace *workspace);
    /// Shows what is copied, how far it got and Cancel while files are added; hidden otherwise. The caller
    /// places it in its layout.
    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_job != nullptr; }

    /// The local files a drag carries, or nothing when it carries anything else or no writable workspace is open.
    QStringList droppedFiles(const QMimeData *data) const;
    /// Asks for files and adds them; `context` comes back with each evidenceAdded().
    void chooseAndAdd(const QVariant &context = {});
    /// Adds files one after another; refused (with a message) while another add runs.
    void addFiles(const QStringList &paths, const QVariant &context = {});
    /// Stops the file being copied; it and the files after it are not recorded.
    void cancel();

Q_SIGNALS:
    void runningChanged(bool running);
    /// One file is evidence now (`created` false: the same content was evidence already).
    void evidenceAdded(const strata::Evidence &evidence, bool created, const QVariant &context);
    /// The add ended; `added` files were recorded, `cancelled` when Cancel stopped it.
    void finished(int added, bool cancelled);

private:
    struct Copy;
    struct Job;

    void startNext();
    void onCopied(const std::shared_ptr<Copy> &copy);
    void finish(bool cancelled);
    void updateProgress();

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QPointer<Workspace> m_workspace;
    std::unique_ptr<Job> m_job;
    TaskProgressWidget *m_progress = nullptr;
    QTimer *m_progressTimer = nullptr;
};

} // namespace strata
