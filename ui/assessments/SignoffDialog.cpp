// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "SignoffDialog.h"

#include "PoolJob.h"
#include "Prompter.h"
#include "TaskCheckpoint.h"
#include "signoff/SignoffManifest.h"
#include "trust/KeyFile.h"
#include "workspace/Workspace.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

#include <atomic>

using namespace Qt::Literals::StringLiterals;

namespace strata {

/// One unlock on the worker: its inputs and result, shared so a closed dialog never leaves a dangling pointer.
struct SignoffDialog::Job
{
    QString keyPath;
    QByteArray passphrase;
    SignoffDecision decision = SignoffDecision::Approve;
    QString conditions;
    std::optional<Result<PrivateKey>> key;
    SignoffScope scope; ///< read on the GUI thread; its evidence hashed on the worker
    QString evidenceFolder;
    std::optional<Status> hashed; ///< unset when the worker stopped before hashing
    std::atomic<bool> cancel{false};
    bool abandoned = false;
};

/// Re-hashing the release's evidence on a worker to find why approval would be refused; shared with the worker.
struct SignoffDialog::RefusalCheck
{
    std::atomic<bool> cancel{false};
    SignoffScope scope;
    QString evidenceFolder;
    std::optional<Result<QStringList>> result;
};

SignoffDialog::SignoffDialog(Workspace *workspace, Prompter *prompter, qint64 releaseId, QWidget *parent)
    : QDialog(parent)
    , m_workspace(workspace)
    , m_prompter(prompter)
    , m_releaseId(releaseId)
{
    setObjectName(u"signoffDialog"_s);
    const Result<Release> release = workspace->release(QString::number(releaseId));
    const QString label = release ? release.value().label() : QString::number(releaseId);
    setWindowTitle(tr("Sign Off %1").arg(label));

    const Result<QStringList> roles = workspace->requiredSignoffRoles(releaseId);
    QStringList shownRoles;
    for (const QString &role : roles ? roles.value() : QStringList())
        shownRoles << SignoffRoles::display(role);
    auto *intro = new QLabel(tr("Your signature covers %1 as it is now: its records with their fields and digests, "
                                "every answer of its assessments, the findings and accepted risks, and the SHA-256 "
                                "of every evidence file. It goes stale when any of these changes. This release needs "
                                "an approval from: %2.")
                                 .arg(label, shownRoles.join(u", "_s)));
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);

    m_refusalLabel = new QLabel;
    m_refusalLabel->setObjectName(u"refusalList"_s);
    m_refusalLabel->setTextFormat(Qt::PlainText);
    m_refusalLabel->setWordWrap(true);

    m_decision = new QComboBox;
    m_decision->setObjectName(u"decisionBox"_s);
    m_decision->addItem(tr("Approve for release"), int(SignoffDecision::Approve));
    m_decision->addItem(tr("Reject"), int(SignoffDecision::Reject));
    connect(m_decision, &QComboBox::activated, this, [this] { m_decisionChosen = true; });
    m_conditions = new QPlainTextEdit;
    m_conditions->setObjectName(u"conditionsEdit"_s);
    m_conditions->setPlaceholderText(tr("Conditions of the approval, or the reasons for a rejection (optional)"));
    m_conditions->setTabChangesFocus(true);
    m_conditions->setMaximumHeight(m_conditions->fontMetrics().lineSpacing() * 5);
    m_keyFile = new QLineEdit;
    m_keyFile->setObjectName(u"keyFileEdit"_s);
    m_keyFile->setPlaceholderText(tr("The private key file \"strata-cli key new\" wrote"));
    auto *choose = new QPushButton(tr("Choose…"));
    choose->setObjectName(u"chooseKeyButton"_s);
    auto *keyRow = new QHBoxLayout;
    keyRow->addWidget(m_keyFile, 1);
    keyRow->addWidget(choose);

    auto *form = new QFormLayout;
    form->addRow(tr("&Decision:"), m_decision);
    form->addRow(tr("C&onditions:"), m_conditions);
    auto *keyLabel = new QLabel(tr("&Key file:"));
    keyLabel->setBuddy(m_keyFile);
    form->addRow(keyLabel, keyRow);

    m_error = new QLabel;
    m_error->setObjectName(u"signoffError"_s);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    m_busy = new QProgressBar;
    m_busy->setObjectName(u"unlockProgress"_s);
    m_busy->setRange(0, 0);
    m_busy->setFormat(tr("Unlocking the key and checking the evidence…"));
    m_busy->setTextVisible(true);
    m_busy->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_signButton = buttons->addButton(tr("&Sign"), QDialogButtonBox::AcceptRole);
    m_signButton->setObjectName(u"signButton"_s);
    m_signButton->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_refusalLabel);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
    layout->addWidget(buttons);

    connect(choose, &QPushButton::clicked, this, &SignoffDialog::chooseKeyFile);
    connect(m_decision, &QComboBox::currentIndexChanged, this, &SignoffDialog::updateState);
    connect(m_keyFile, &QLineEdit::textChanged, this, &SignoffDialog::updateState);
    connect(m_signButton, &QPushButton::clicked, this, &SignoffDialog::sign);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    resize(560, sizeHint().height());
    checkRefusals();
    updateState();
}

void SignoffDialog::checkRefusals()
{
    // What the sign-off covers is read here, on the thread that owns the workspace; only the hashing is moved.
    Result<SignoffScope> scope = m_workspace->readSignoffScope(m_releaseId);
    if (!scope) {
        showRefusals({scope.error().message});
        return;
    }
    auto check = std::make_shared<RefusalCheck>();
    check->scope = std::move(scope).value();
    check->evidenceFolder = m_workspace->evidenceFolder();
    m_check = check;
    m_refusalLabel->setText(tr("\u231b Checking what an approval needs: re-hashing %n evidence file(s)…", "",
                               int(check->scope.evidence.size())));
    m_refusalLabel->show();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, check] {
        watcher->deleteLater();
        if (check != m_check)
            return;
        m_check.reset();
        showRefusals(check->result->ok() ? check->result->value() : QStringList{check->result->error().message});
    });
    watcher->setFuture(runPoolJob([check] {
        if (Status hashed = Workspace::hashSignoffEvidence(check->scope, check->evidenceFolder, &check->cancel);
            !hashed)
            check->result = Result<QStringList>(hashed.error());
        else
            check->result = Result<QStringList>(SignoffManifest::refusals(check->scope, QDate::currentDate()));
    }));
}

void SignoffDialog::showRefusals(const QStringList &refusals)
{
    m_refusals = refusals;
    QStringList lines{tr("Approval is refused (%n reason(s)); you can still reject:", "", int(m_refusals.size()))};
    for (const QString &reason : std::as_const(m_refusals))
        lines << u"\u2716 %1"_s.arg(reason);
    m_refusalLabel->setText(lines.join(u'\n'));
    m_refusalLabel->setVisible(!m_refusals.isEmpty());
    if (!m_refusals.isEmpty() && !m_decisionChosen)
        m_decision->setCurrentIndex(1);
    updateState();
    Q_EMIT refusalsChecked();
}

SignoffDialog::~SignoffDialog()
{
    if (m_job) {
        m_job->abandoned = true;
        m_job->cancel.store(true);
    }
    if (m_check)
        m_check->cancel.store(true);
}

void SignoffDialog::reject()
{
    // Cancel while the key is unlocked or the evidence hashed: the worker stops at its next check and nothing is
    // signed or recorded.
    if (m_job) {
        m_job->abandoned = true;
        m_job->cancel.store(true);
        m_job.reset();
        m_busy->hide();
        updateState();
    }
    QDialog::reject();
}

void SignoffDialog::setKeyFile(const QString &path)
{
    m_keyFile->setText(QDir::toNativeSeparators(path));
}

void SignoffDialog::setDecision(SignoffDecision decision)
{
    m_decisionChosen = true;
    m_decision->setCurrentIndex(decision == SignoffDecision::Reject ? 1 : 0);
}

void SignoffDialog::setConditions(const QString &conditions)
{
    m_conditions->setPlainText(conditions);
}

bool SignoffDialog::isBusy() const
{
    return m_job != nullptr;
}

QString SignoffDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignoffDialog::updateState()
{
    const bool approve = m_decision->currentData().toInt() != int(SignoffDecision::Reject);
    const bool refused = approve && !m_refusals.isEmpty();
    const bool waiting = approve && isCheckingRefusals();
    m_signButton->setEnabled(!isBusy() && !refused && !waiting && !m_keyFile->text().trimmed().isEmpty());
    m_signButton->setToolTip(refused   ? tr("Approval is refused for the reasons listed above.")
                             : waiting ? tr("An approval can be signed once the evidence has been checked.")
                                       : QString());
    m_decision->setEnabled(!isBusy());
    m_conditions->setReadOnly(isBusy());
    m_keyFile->setReadOnly(isBusy());
}

void SignoffDialog::chooseKeyFile()
{
    const QString path = m_prompter->openFileName(this, tr("Choose Your Private Key File"), tr("All files (*)"));
    if (!path.isEmpty())
        setKeyFile(path);
}

void SignoffDialog::showError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

bool SignoffDialog::sign()
{
    if (isBusy())
        return false;
    const QString path = QDir::fromNativeSeparators(m_keyFile->text().trimmed());
    if (!QFileInfo(path).isFile()) {
        showError(tr("The key file %1 does not exist; choose the file \"strata-cli key new\" wrote.")
                      .arg(QDir::toNativeSeparators(path)));
        return false;
    }
    const std::optional<QByteArray> passphrase =
        m_prompter->askPassphrase(this, tr("Unlock Your Key"), tr("Passphrase of %1:").arg(QFileInfo(path).fileName()));
    if (!passphrase)
        return false;
    // What the sign-off covers is read here, on the thread that owns the workspace; the evidence is hashed on the
    // worker after the key is unlocked, and the workspace is read again when the signature is recorded.
    Result<SignoffScope> scope = m_workspace->readSignoffScope(m_releaseId);
    if (!scope) {
        showError(scope.error().message);
        return false;
    }
    showError(QString());
    auto job = std::make_shared<Job>();
    job->scope = std::move(scope).value();
    job->evidenceFolder = m_workspace->evidenceFolder();
    job->keyPath = path;
    job->passphrase = *passphrase;
    job->decision = SignoffDecision(m_decision->currentData().toInt());
    job->conditions = m_conditions->toPlainText();
    m_job = job;
    m_busy->show();
    updateState();
    auto *watcher = new QFutureWatcher<void>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, job] {
        watcher->deleteLater();
        unlocked(job);
    });
    watcher->setFuture(runPoolJob([job] {
        TaskCheckpoint::reach("signoff.unlock");
        job->key = KeyFile::read(job->keyPath, job->passphrase);
        job->passphrase.fill('\0');
        if (!*job->key || job->cancel.load())
            return;
        TaskCheckpoint::reach("signoff.hash");
        job->hashed = Workspace::hashSignoffEvidence(job->scope, job->evidenceFolder, &job->cancel);
    }));
    return true;
}

void SignoffDialog::unlocked(const std::shared_ptr<Job> &job)
{
    if (job->abandoned || job != m_job)
        return;
    m_job.reset();
    m_busy->hide();
    updateState();
    if (!job->key || !*job->key) {
        showError(job->key ? job->key->error().message : tr("The key could not be read."));
        Q_EMIT attemptFinished();
        return;
    }
    if (!job->hashed || !*job->hashed) {
        showError(job->hashed ? job->hashed->error().message
                              : tr("The evidence could not be checked: the worker stopped unexpectedly. Try again."));
        Q_EMIT attemptFinished();
        return;
    }
    // Recorded here, on the thread that owns the workspace, with the digests the worker computed.
    const Result<Signoff> signed_ =
        m_workspace->signOff(m_releaseId, job->key->value(), job->decision, job->conditions, job->scope);
    job->key.reset();
    if (!signed_) {
        showError(signed_.error().message);
        Q_EMIT attemptFinished();
        return;
    }
    m_signoff = signed_.value();
    Q_EMIT attemptFinished();
    accept();
}

} // namespace strata
