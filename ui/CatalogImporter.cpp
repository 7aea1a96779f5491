// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CatalogImporter.h"

#include "Prompter.h"
#include "checklist/CatalogReader.h"
#include "workspace/Workspace.h"

#include <QAction>
#include <QDir>
#include <QFileInfo>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace strata {

CatalogImporter::CatalogImporter(Prompter *prompter, QWidget *window)
    : BackgroundTask(prompter, window, u"catalog"_s, tr("Cancel the catalog import"))
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
    updateActions();
}

void CatalogImporter::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
    updateActions();
}

void CatalogImporter::updateActions()
{
    m_action->setEnabled(m_workspace && !m_workspace->isReadOnly() && !isRunning());
}

void CatalogImporter::reportFinished(bool ok, const QString &message)
{
    Q_EMIT finished(ok, message);
}

void CatalogImporter::cancel()
{
    if (!isRunning())
        return;
    setRunning(false); // the read's result is dropped when it arrives
    const QString message = tr("Catalog import cancelled; nothing was changed.");
    Q_EMIT statusMessage(message);
    Q_EMIT finished(false, message);
}

void CatalogImporter::importFile(const QString &path)
{
    if (!m_workspace || isRunning())
        return;
    setRunning(true, tr("Reading the catalog %1…").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
    const std::shared_ptr<JobState> state = job();
    // The file is hostile until checked: reading and validating it (up to the reader's caps) runs on a worker.
    runInBackground<Result<Catalog>>([path] { return CatalogReader::readFile(path); },
                                     [this, path, state](const Result<Catalog> &read) {
                                         if (isRunning() && state == job())
                                             store(path, read); // else cancelled: nothing is stored
                                     });
}

void CatalogImporter::store(const QString &path, const Result<Catalog> &read)
{
    setRunning(false);
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
                : tr("Catalog %1 version %2 is already in the workspace; nothing was changed.").arg(r.key, r.version);
    }
    if (ok)
        m_prompter->showInfo(m_window, tr("Import Catalog"), message);
    else
        m_prompter->showError(m_window, message);
    Q_EMIT finished(ok, message);
}

} // namespace strata
