// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "signoff/Signoff.h"

#include <QDialog>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;

namespace strata {

class Prompter;
class Workspace;

/// Signs a release off: the reviewer picks a key file, a decision and conditions, and sees why an approval would be
/// refused (the evidence is re-hashed for that on a worker). The key is unlocked (600,000 PBKDF2 rounds) and the
/// covered evidence hashed on a worker thread, with Cancel, so the window stays responsive; the signature is recorded
/// on the GUI thread, which owns the workspace.
class SignoffDialog : public QDialog
{
    Q_OBJECT

public:
    SignoffDialog(Workspace *workspace, Prompter *prompter, qint64 releaseId, QWidget *parent = nullptr);
    ~SignoffDialog() override;

    void setKeyFile(const QString &path);
    void setDecision(SignoffDecision decision);
    void setConditions(const QString &conditions);
    /// Asks for the passphrase and starts unlocking the key; false when nothing was started.
    bool sign();
    bool isBusy() const;
    /// The recorded sign-off once the dialog was accepted.
    const Signoff &signoff() const { return m_signoff; }
    /// Why an approval would be refused now; empty until the check (refusalsChecked) has finished.
    QStringList refusals() const { return m_refusals; }
    /// Whether the evidence is still being re-hashed on a worker to find out what approval needs.
    bool isCheckingRefusals() const { return m_check != nullptr; }
    /// The message shown after a failed attempt; empty when none failed.
    QString errorText() const;
    /// Cancel: also stops a sign-off being prepared (the key unlocked, the evidence hashed); nothing is recorded.
    void reject() override;

Q_SIGNALS:
    /// Unlocking and signing ended, with a sign-off or an error shown in the dialog.
    void attemptFinished();
    /// The refusals are known (refusals()), and an approval can be signed when there are none.
    void refusalsChecked();

private:
    struct Job;
    struct RefusalCheck;

    void checkRefusals();
    void showRefusals(const QStringList &refusals);

    void updateState();
    void chooseKeyFile();
    void unlocked(const std::shared_ptr<Job> &job);
    void showError(const QString &message);

    Workspace *m_workspace = nullptr;
    Prompter *m_prompter = nullptr;
    qint64 m_releaseId = 0;
    QStringList m_refusals;
    Signoff m_signoff;
    std::shared_ptr<Job> m_job;
    std::shared_ptr<RefusalCheck> m_check;
    bool m_decisionChosen = false; ///< the reviewer picked a decision, which a finished check then keeps
    QLabel *m_refusalLabel = nullptr;
    QComboBox *m_decision = nullptr;
    QPlainTextEdit *m_conditions = nullptr;
    QLineEdit *m_keyFile = nullptr;
    QLabel *m_error = nullptr;
    QProgressBar *m_busy = nullptr;
    QPushButton *m_signButton = nullptr;
};

} // namespace strata
