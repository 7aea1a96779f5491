// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace strata {

class Prompter;
class Workspace;

/// File → Import Catalog…: an organisation's own checklist catalog, an edited copy of Strata's, or a CISO Assistant
/// framework library, read off the GUI thread and stored in one transaction.
class CatalogImporter : public QObject
{
    Q_OBJECT

public:
    CatalogImporter(Prompter *prompter, QWidget *window);

    QAction *action() const { return m_action; }
    /// The workspace catalogs go into; the action is enabled only while a writable one is open.
    void setWorkspace(Workspace *workspace);
    bool isRunning() const { return m_running; }
    /// Reads and stores one catalog file; the outcome is shown through the prompter.
    void importFile(const QString &path);

Q_SIGNALS:
    /// A catalog import ended; `message` is what the user was told.
    void finished(bool ok, const QString &message);

private:
    void updateAction();

    Prompter *m_prompter = nullptr;
    QWidget *m_window = nullptr;
    QAction *m_action = nullptr;
    QPointer<Workspace> m_workspace;
    bool m_running = false;
};

} // namespace strata
