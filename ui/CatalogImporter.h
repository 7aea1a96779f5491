// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "BackgroundTask.h"
#include "checklist/Catalog.h"
#include "domain/Result.h"

#include <QPointer>

class QAction;

namespace strata {

class Workspace;

/// File → Import Catalog…: an organisation's own checklist catalog, an edited copy of Strata's, or a CISO Assistant
/// framework library, read off the GUI thread (with progress and Cancel in the status bar) and stored in one
/// transaction.
class CatalogImporter : public BackgroundTask
{
    Q_OBJECT

public:
    CatalogImporter(Prompter *prompter, QWidget *window);

    QAction *action() const { return m_action; }
    /// The workspace catalogs go into; the action is enabled only while a writable one is open.
    void setWorkspace(Workspace *workspace);
    /// Reads and stores one catalog file; the outcome is shown through the prompter.
    void importFile(const QString &path);
    /// Drops the catalog being read: the reader cannot be stopped halfway, and nothing is stored.
    void cancel() override;

Q_SIGNALS:
    /// A catalog import ended; `message` is what the user was told.
    void finished(bool ok, const QString &message);

protected:
    void reportFinished(bool ok, const QString &message) override;
    void updateActions() override;

private:
    void store(const QString &path, const Result<Catalog> &read);

    QAction *m_action = nullptr;
    QPointer<Workspace> m_workspace;
};

} // namespace strata
