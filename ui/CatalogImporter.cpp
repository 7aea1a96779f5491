// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogImporter.h"

#include "Prompter.h"
#include "checklist/CatalogReader.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QWidget>
#include <QtConcurrent/QtConcurrentRun>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace strata {

CatalogImporter::CatalogImporter(Prompter *prompter, QWidget *window)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
{
    m_action = new QAction(tr("Import &Catalog…"), this);
    m_action->setObjectName(u"importCatalogAction"_s);
    m_action->setToolTip(tr("Import a checklist catalog: Strata's format, or a CISO Assistant framework library"));
    connect(m_action, &QAction::triggered, this, [this] {
        const QString path = m_prompter->openFileName(m_window, tr("Import Catalog"),
                                                      tr("Checklist catalogs (*.json *.yaml *.yml);;All files (*)"));
        if (!path.isEmpty())
            importFile(path);
    });
    updateAction();
}

void CatalogImporter::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    updateAction();
}

void CatalogImporter::updateAction()
{
    m_action->setEnabled(m_workspace && !m_workspace->isReadOnly() && !m_running);
}

void CatalogImporter::importFile(const QString &path)
{
    if (!m_workspace || m_running)
        return;
    m_running = true;
    updateAction();
    // The file is hostile until checked: reading and validating it (up to the reader's caps) runs on a worker.
    auto *watcher = new QFutureWatcher<Result<Catalog>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_running = false;
        updateAction();
        const Result<Catalog> read = watcher->result();
        QString message;
        bool ok = false;
        if (!read) {
            message = read.error().message;
        } else if (!m_workspace) {
            message = tr("%1 was not imported: the workspace was closed.").arg(QFileInfo(path).fileName());
        } else if (const Result<CatalogImportResult> stored = m_workspace->importCatalog(read.value()); !stored) {
            message = stored.error().message;
        } else {
            ok = true;
            const CatalogImportResult &r = stored.value();
            message =
                r.created
                    ? tr("Catalog %1 version %2 was imported with %n item(s).", "", r.itemCount).arg(r.key, r.version)
                    : tr("Catalog %1 version %2 is already in the workspace; nothing was changed.")
                          .arg(r.key, r.version);
        }
        if (ok)
            m_prompter->showInfo(m_window, tr("Import Catalog"), message);
        else
            m_prompter->showError(m_window, message);
        Q_EMIT finished(ok, message);
    });
    watcher->setFuture(QtConcurrent::run([path] { return CatalogReader::readFile(path); }));
}

} // namespace strata
