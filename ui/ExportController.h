// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "ExportDialog.h"

#include <QObject>
#include <QPointer>
#include <QStringList>

#include <memory>

class QWidget;

namespace strata {

class Prompter;
class TaskProgressWidget;
class Workspace;

/// Runs File › Export: asks for the format, scope and file, collects the records on the GUI thread (that reads the
/// workspace), then writes the document on a worker thread so a large workspace does not freeze the window.
class ExportController : public QObject
{
    Q_OBJECT

public:
    ExportController(Prompter *prompter, QWidget *window);
    ~ExportController() override;

    void setWorkspace(Workspace *workspace);
    TaskProgressWidget *progressWidget() const { return m_progress; }
    bool isRunning() const { return m_run != nullptr; }

    /// Opens the export dialog without blocking (in place of one already open); a selected record (`recordId` != 0)
    /// preselects its scope.
    ExportDialog *openDialog(qint64 recordId);
    /// Asks for the file, then exports `scopeId` (0: everything) in `format` in the background.
    void start(ExportFormat format, qint64 scopeId);
    /// Drops the export if it has not started writing; nothing is written then.
    void cancel();

    /// The file a CSV table goes to: "inventory.csv" and "model" give "inventory-model.csv" (as the CLI names them).
    static QString csvPath(const QString &path, const QString &kindKey);

Q_SIGNALS:
    void runningChanged(bool running);
    void statusMessage(const QString &message);
    /// The export was written to these files.
    void exported(const QStringList &paths);

private:
    struct Run;

    void onFinished(const std::shared_ptr<Run> &run);

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QPointer<Workspace> m_workspace;
    std::shared_ptr<Run> m_run;
    QPointer<ExportDialog> m_dialog;
    TaskProgressWidget *m_progress = nullptr;
};

} // namespace strata
