// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "BackgroundTask.h"

#include <QPointer>
#include <QString>

class QAction;

namespace strata {

class Workspace;

/// File › Export Bundle… and File › Import Bundle…: every question goes through the Prompter, the slow parts (unlocking
/// the key, hashing and writing the archive, reading and checking a received one) run on a worker thread with
/// progress in the status bar, and only the workspace reads and the one-transaction merge run on the GUI thread.
class BundleController : public BackgroundTask
{
    Q_OBJECT

public:
    BundleController(Prompter *prompter, QWidget *window);
    ~BundleController() override;

    QAction *exportAction() const { return m_exportAction; }
    QAction *importAction() const { return m_importAction; }

    /// The workspace bundles come from and go into; nullptr when none is open.
    void setWorkspace(Workspace *workspace);

    /// Asks for the release, the kind of bundle, the key, its passphrase and the file, then exports.
    void exportBundle();
    /// Asks for a bundle and imports it.
    void importBundle();
    /// Imports `path` without asking for it (drops, tests).
    void importFile(const QString &path);
    /// What the progress widget's Cancel does. While the archive is written the writer stops and removes its
    /// temporary file, so no partial bundle appears and an existing file stays as it was; earlier steps cannot be
    /// interrupted, so their result is dropped (an import then writes nothing).
    void cancel() override;

Q_SIGNALS:
    /// The export's archive is being written on the worker now (the key is unlocked and the manifest signed).
    void writingStarted();
    /// An export or import ended; `ok` is false after an error.
    void finished(bool ok);

protected:
    void reportFinished(bool ok, const QString &message) override;
    void updateActions() override;

private:
    QPointer<Workspace> m_workspace;
    QAction *m_exportAction = nullptr;
    QAction *m_importAction = nullptr;
    bool m_writing = false; ///< an export's archive is being written and can still be stopped
};

} // namespace strata
