// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ExportController.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "TaskProgressWidget.h"
#include "interop/CsvWriter.h"
#include "interop/CycloneDxWriter.h"
#include "interop/GraphMlWriter.h"
#include "interop/Spdx3Writer.h"
#include "util/AtomicFile.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QWidget>

#include <atomic>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

Result<QByteArray> writeDocument(ExportFormat format, const ExportSet &set)
{
    switch (format) {
    case ExportFormat::CycloneDx:
        return CycloneDxWriter::write(set);
    case ExportFormat::Spdx3:
        return Spdx3Writer::write(set);
    case ExportFormat::GraphMl:
        return GraphMlWriter::write(set);
    case ExportFormat::Csv:
        break;
    }
    return Error{ErrorCode::Unsupported, {}};
}

QString nativeList(const QStringList &paths)
{
    QStringList shown;
    for (const QString &path : paths)
        shown << QDir::toNativeSeparators(path);
    return shown.join(ExportController::tr(", ", "list separator"));
}

} // namespace

/// One export in the background; shared with the worker so a cancelled one can finish on its own.
struct ExportController::Run
{
    std::atomic<bool> cancel{false};
    int records = 0;
    QStringList written;        ///< set by the worker
    std::optional<Error> error; ///< set by the worker
};

ExportController::ExportController(Prompter *prompter, QWidget *window)
    : QObject(window)
    , m_prompter(prompter)
    , m_window(window)
{
    m_progress = new TaskProgressWidget(u"export"_s, tr("Cancel the export"), window);
    m_progress->setProgress(0, 0);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &ExportController::cancel);
}

ExportController::~ExportController()
{
    if (m_run)
        m_run->cancel.store(true);
}

void ExportController::setWorkspace(Workspace *workspace)
{
    m_workspace = workspace;
}

ExportDialog *ExportController::openDialog(qint64 recordId)
{
    if (!m_workspace || isRunning())
        return nullptr;
    // One at a time: a second File › Export replaces the open dialog, as the selection may have changed.
    if (m_dialog)
        m_dialog->close();
    QString name;
    if (recordId != 0) {
        const Result<Record> record = m_workspace->record(recordId);
        if (!record)
            recordId = 0;
        else
            name = record.value().version.isEmpty()
                       ? record.value().name
                       : tr("%1 %2", "record name and version").arg(record.value().name, record.value().version);
    }
    m_dialog = new ExportDialog(recordId, name, m_window);
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    ExportDialog *dialog = m_dialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] { start(dialog->format(), dialog->scopeId()); });
    dialog->show();
    dialog->raise();
    dialog->activateWindow();
    return dialog;
}

QString ExportController::csvPath(const QString &path, const QString &kindKey)
{
    return CsvWriter::pathForKind(path, kindKey);
}

void ExportController::start(ExportFormat format, qint64 scopeId)
{
    if (!m_workspace || isRunning())
        return;
    QString path = m_prompter->saveFileName(m_window, tr("Export as %1").arg(ExportDialog::formatLabel(format)),
                                            ExportDialog::fileFilter(format));
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += ExportDialog::defaultSuffix(format);

    Result<ExportSet> set = ExportScope::build(*m_workspace, scopeId, QDateTime::currentDateTimeUtc());
    if (!set) {
        m_prompter->showError(m_window, set.error().message);
        return;
    }
    QStringList targets{path};
    if (format == ExportFormat::Csv) {
        targets.clear();
        QSet<RecordKind> kinds;
        for (const RecordSnapshot &snapshot : set.value().records)
            kinds.insert(snapshot.record.kind);
        for (RecordKind kind : allRecordKinds()) {
            if (kinds.contains(kind))
                targets << csvPath(path, recordKindKey(kind));
        }
        if (targets.isEmpty()) {
            m_prompter->showError(m_window, tr("There are no records to export, so no CSV table was written."));
            return;
        }
        // The save dialog asked about the name typed, not about the tables written beside it.
        QStringList existing;
        for (const QString &target : std::as_const(targets)) {
            if (QFileInfo::exists(target))
                existing << target;
        }
        if (!existing.isEmpty() &&
            !m_prompter->confirm(
                m_window, tr("Replace Files"),
                tr("%1 already exist(s). Replace?", "", static_cast<int>(existing.size())).arg(nativeList(existing))))
            return;
    }

    auto run = std::make_shared<Run>();
    run->records = static_cast<int>(set.value().records.size());
    m_run = run;
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, run] {
        watcher->deleteLater();
        onFinished(run);
    });
    watcher->setFuture(runPoolJob([run, format, path, set = std::move(set).value()] {
        if (format == ExportFormat::Csv) {
            const Result<QMap<QString, QByteArray>> tables = CsvWriter::write(set);
            if (!tables) {
                run->error = tables.error();
                return;
            }
            if (run->cancel.load())
                return;
            // The tables are one export: when one cannot be written, those this export created go again.
            QStringList created;
            for (auto it = tables.value().cbegin(); it != tables.value().cend(); ++it) {
                const QString target = csvPath(path, it.key());
                const bool existed = QFileInfo::exists(target);
                const Status written = AtomicFile::write(target, it.value());
                if (!written) {
                    for (const QString &file : std::as_const(created))
                        QFile::remove(file);
                    run->error = written.error();
                    return;
                }
                if (!existed)
                    created << target;
                run->written << target;
            }
            return;
        }
        const Result<QByteArray> bytes = writeDocument(format, set);
        if (!bytes) {
            run->error = bytes.error();
            return;
        }
        if (run->cancel.load())
            return;
        const Status written = AtomicFile::write(path, bytes.value());
        if (!written)
            run->error = written.error();
        else
            run->written << path;
    }));
    m_progress->setText(tr("Exporting to %1…").arg(QFileInfo(path).fileName()));
    m_progress->show();
    Q_EMIT runningChanged(true);
}

void ExportController::cancel()
{
    if (m_run)
        m_run->cancel.store(true);
}

void ExportController::onFinished(const std::shared_ptr<Run> &run)
{
    if (run != m_run)
        return;
    m_run.reset();
    m_progress->hide();
    Q_EMIT runningChanged(false);
    if (run->error) {
        m_prompter->showError(m_window, run->error->message);
        return;
    }
    if (run->written.isEmpty()) {
        Q_EMIT statusMessage(tr("Export cancelled; no file was written."));
        return;
    }
    Q_EMIT statusMessage(tr("Exported %n record(s) to %1.", "", run->records).arg(nativeList(run->written)));
    Q_EMIT exported(run->written);
}

} // namespace strata
