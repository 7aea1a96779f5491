// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportExportDialog.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "ReportCollector.h"
#include "ReportPreviewDialog.h"
#include "ReportRenderer.h"
#include "TaskCheckpoint.h"
#include "TaskProgressWidget.h"
#include "workspace/Workspace.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QGridLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QMutex>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <atomic>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kProgressIntervalMs = 100;

} // namespace

/// One report being drawn. Shared with the worker, so a cancelled drawing can end on its own after the dialog goes.
struct ReportExportDialog::Job
{
    ReportData data;
    ReportChecks checks; ///< evidence hashing and sign-off checks, done on the worker before drawing
    ReportOptions options;
    std::atomic<bool> cancel{false};
    std::atomic<int> done{0};
    std::atomic<int> total{0};
    QMutex stepMutex;
    QString step;
    std::optional<Result<QByteArray>> result;
};

ReportExportDialog::ReportExportDialog(Workspace *workspace, Prompter *prompter, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
{
    setObjectName(u"reportExportDialog"_s);
    setWindowTitle(tr("Export Report"));
    // Closing the workspace ends the dialog: its scope list and a running drawing belong to that workspace.
    if (workspace) {
        connect(workspace, &QObject::destroyed, this, [this] {
            cancel();
            close();
        });
    }

    m_kind = new QComboBox;
    m_kind->setObjectName(u"reportScopeKind"_s);
    m_kind->addItem(tr("Release"), int(ReportScope::Kind::Release));
    m_kind->addItem(tr("Assessment"), int(ReportScope::Kind::Assessment));
    m_kind->addItem(tr("Supplier"), int(ReportScope::Kind::Supplier));
    m_reference = new QComboBox;
    m_reference->setObjectName(u"reportScopeReference"_s);
    m_reference->setEditable(true);
    m_reference->setMinimumContentsLength(28);
    m_reference->setAccessibleName(tr("What to report on"));
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ReportExportDialog::fillReferences);

    auto *sectionsBox = new QGroupBox(tr("Sections"));
    auto *sectionsGrid = new QGridLayout(sectionsBox);
    const QList<QPair<ReportSection, QString>> sections{{ReportSection::Summary, tr("Executive summary")},
                                                        {ReportSection::Charts, tr("Heat map and progress")},
                                                        {ReportSection::Lineage, tr("Lineage graph")},
                                                        {ReportSection::Inventory, tr("Inventory")},
                                                        {ReportSection::Checklist, tr("Checklist answers")},
                                                        {ReportSection::Findings, tr("Findings")},
                                                        {ReportSection::Evidence, tr("Evidence index")},
                                                        {ReportSection::Signoffs, tr("Sign-offs")},
                                                        {ReportSection::Verification, tr("Verification appendix")}};
    for (qsizetype i = 0; i < sections.size(); ++i) {
        auto *box = new QCheckBox(sections.at(i).second);
        box->setObjectName(u"reportSection%1"_s.arg(int(sections.at(i).first)));
        box->setChecked(true);
        sectionsGrid->addWidget(box, int(i / 2), int(i % 2));
        m_sections.insert(sections.at(i).first, box);
    }

    m_paper = new QComboBox;
    m_paper->setObjectName(u"reportPaper"_s);
    m_paper->addItem(tr("A4"), int(ReportPaper::A4));
    m_paper->addItem(tr("Letter"), int(ReportPaper::Letter));
    if (QLocale().measurementSystem() == QLocale::ImperialUSSystem)
        m_paper->setCurrentIndex(1);
    m_language = new QComboBox;
    m_language->setObjectName(u"reportLanguage"_s);
    m_language->addItem(u"English"_s, u"en"_s);
    m_language->addItem(u"简体中文"_s, u"zh_CN"_s);
    m_language->setToolTip(tr("The language the whole report is written in, whatever language Strata shows"));
    if (QLocale().name().startsWith(u"zh"_s))
        m_language->setCurrentIndex(1);
    m_pdfA = new QCheckBox(tr("PDF/A-1b, for archiving"));
    m_pdfA->setObjectName(u"reportPdfA"_s);

    m_error = new QLabel;
    m_error->setObjectName(u"reportScopeError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_form = new QWidget;
    auto *form = new QFormLayout(m_form);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Report on:"), m_kind);
    form->addRow(tr("&Scope:"), m_reference);
    form->addRow(m_error);
    form->addRow(sectionsBox);
    form->addRow(tr("&Paper:"), m_paper);
    form->addRow(tr("&Language:"), m_language);
    form->addRow(m_pdfA);

    m_progress = new TaskProgressWidget(u"report"_s, tr("Cancel the report"), this);
    m_progress->hide();
    connect(m_progress, &TaskProgressWidget::cancelRequested, this, &ReportExportDialog::cancel);
    m_timer = new QTimer(this);
    m_timer->setInterval(kProgressIntervalMs);
    connect(m_timer, &QTimer::timeout, this, &ReportExportDialog::updateProgress);

    // Without a parent until the layout takes it after the form, so Tab reaches the buttons after the fields.
    auto *buttons = new QDialogButtonBox;
    m_generate = buttons->addButton(tr("&Generate"), QDialogButtonBox::AcceptRole);
    m_generate->setObjectName(u"reportGenerateButton"_s);
    m_generate->setDefault(true);
    QPushButton *close = buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(u"reportDialogCloseButton"_s);
    connect(m_generate, &QPushButton::clicked, this, &ReportExportDialog::generate);
    connect(close, &QPushButton::clicked, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_form);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    m_kind->setFocus(); // the dialog opens on its first field, not on Generate
    fillReferences();
}

ReportExportDialog::~ReportExportDialog()
{
    cancel();
}

void ReportExportDialog::fillReferences()
{
    m_reference->clear();
    m_error->hide();
    if (!m_workspace)
        return;
    switch (ReportScope::Kind(m_kind->currentData().toInt())) {
    case ReportScope::Kind::Release:
        if (const auto releases = m_workspace->releases()) {
            for (const Release &release : releases.value())
                m_reference->addItem(release.label(), release.label());
        }
        break;
    case ReportScope::Kind::Assessment:
        if (const auto assessments = m_workspace->assessments()) {
            for (const AssessmentSummary &assessment : assessments.value()) {
                m_reference->addItem(tr("#%1 %2").arg(assessment.id).arg(assessment.scopeLabel),
                                     QString::number(assessment.id));
            }
        }
        break;
    case ReportScope::Kind::Supplier:
        if (const auto suppliers = m_workspace->list(RecordQuery(RecordKind::Supplier))) {
            for (const RecordSummary &supplier : suppliers.value())
                m_reference->addItem(supplier.name, QString::number(supplier.id));
        }
        break;
    }
}

void ReportExportDialog::setScope(ReportScope::Kind kind, const QString &reference)
{
    m_kind->setCurrentIndex(m_kind->findData(int(kind)));
    const int index = m_reference->findData(reference);
    if (index >= 0)
        m_reference->setCurrentIndex(index);
    else
        m_reference->setEditText(reference);
}

ReportScope ReportExportDialog::scope() const
{
    ReportScope scope;
    scope.kind = ReportScope::Kind(m_kind->currentData().toInt());
    const int index = m_reference->currentIndex();
    // A listed entry shows a label but reports on its id; typed text is taken as it is.
    if (index >= 0 && m_reference->currentText() == m_reference->itemText(index))
        scope.reference = m_reference->itemData(index).toString();
    else
        scope.reference = m_reference->currentText().trimmed();
    return scope;
}

ReportOptions ReportExportDialog::options() const
{
    ReportOptions options;
    options.sections = 0;
    for (auto it = m_sections.cbegin(); it != m_sections.cend(); ++it) {
        if (it.value()->isChecked())
            options.sections |= static_cast<ReportSectionMask>(it.key());
    }
    options.paper = ReportPaper(m_paper->currentData().toInt());
    options.language = m_language->currentData().toString();
    options.pdfA = m_pdfA->isChecked();
    return options;
}

bool ReportExportDialog::generate()
{
    if (m_job || !m_workspace)
        return false;
    const ReportScope reportScope = scope();
    if (reportScope.reference.isEmpty()) {
        m_error->setText(tr("Choose or type what to report on: a release, an assessment or a supplier."));
        m_error->show();
        m_reference->setFocus();
        return false;
    }
    const ReportOptions reportOptions = options();
    if (reportOptions.sections == 0) {
        m_error->setText(tr("Choose at least one section to include."));
        m_error->show();
        return false;
    }
    m_error->hide();
    // The workspace belongs to the GUI thread: its reads run here; hashing the evidence, checking the sign-offs and
    // drawing run on the worker.
    auto job = std::make_shared<Job>();
    Result<ReportData> data = ReportCollector::collectReads(*m_workspace, reportScope, reportOptions, &job->checks);
    if (!data) {
        m_prompter->showError(this, data.error().message);
        return false;
    }
    job->data = std::move(data).value();
    job->options = reportOptions;
    m_job = job;
    setBusy(true);
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        onRendered(job);
    });
    watcher->setFuture(runPoolJob([job] {
        {
            QMutexLocker lock(&job->stepMutex);
            job->step = tr("Checking the evidence and sign-offs…");
        }
        TaskCheckpoint::reach("report.checks");
        if (Status checked = ReportCollector::completeChecks(job->data, std::move(job->checks), &job->cancel);
            !checked) {
            job->result.emplace(checked.error());
            return;
        }
        const ReportProgress progress = [job](int done, int total, const QString &step) {
            job->done.store(done, std::memory_order_relaxed);
            job->total.store(total, std::memory_order_relaxed);
            TaskCheckpoint::reach("report.draw");
            {
                QMutexLocker lock(&job->stepMutex);
                job->step = step;
            }
            return !job->cancel.load();
        };
        job->result.emplace(ReportRenderer::render(job->data, job->options, progress));
    }));
    return true;
}

void ReportExportDialog::cancel()
{
    if (!m_job)
        return;
    m_job->cancel.store(true);
    m_job.reset();
    setBusy(false);
    Q_EMIT finished(nullptr);
}

void ReportExportDialog::onRendered(const std::shared_ptr<Job> &job)
{
    // After Cancel the job is gone (or is a new one): its drawing is dropped.
    if (m_job != job)
        return;
    m_job.reset();
    setBusy(false);
    if (!job->result || !job->result->ok()) {
        if (!job->result || job->result->error().code != ErrorCode::Cancelled) {
            m_prompter->showError(this, job->result ? job->result->error().message
                                                    : tr("The report could not be drawn: the worker stopped "
                                                         "unexpectedly. Try again."));
        }
        Q_EMIT finished(nullptr);
        return;
    }
    const QString name = ReportRenderer::title(job->data);
    m_preview = new ReportPreviewDialog(job->result->value(), name, m_prompter, this);
    m_preview->setAttribute(Qt::WA_DeleteOnClose);
    m_preview->setModal(true);
    m_preview->show();
    Q_EMIT finished(m_preview);
}

void ReportExportDialog::updateProgress()
{
    if (!m_job)
        return;
    QString step;
    {
        QMutexLocker lock(&m_job->stepMutex);
        step = m_job->step;
    }
    const int total = m_job->total.load(std::memory_order_relaxed);
    m_progress->setProgress(m_job->done.load(std::memory_order_relaxed), total);
    m_progress->setText(step.isEmpty() ? tr("Drawing the report…") : tr("Drawing the report… %1").arg(step));
}

void ReportExportDialog::setBusy(bool busy)
{
    m_form->setEnabled(!busy);
    m_generate->setEnabled(!busy);
    m_progress->setVisible(busy);
    if (busy) {
        m_progress->setProgress(0, 0);
        m_progress->setText(tr("Drawing the report…"));
        m_timer->start();
    } else {
        m_timer->stop();
    }
}

} // namespace strata
