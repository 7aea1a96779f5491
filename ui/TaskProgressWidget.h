// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace strata {

/// A background task's place in the status bar: what it does, how far it got and a Cancel button, so long work
/// never hides behind a modal dialog.
class TaskProgressWidget : public QWidget
{
    Q_OBJECT

public:
    /// Child object names start with `prefix`: "<prefix>Label", "<prefix>ProgressBar", "<prefix>CancelButton";
    /// `cancelName` is what a screen reader says for the Cancel button ("Cancel the import").
    TaskProgressWidget(const QString &prefix, const QString &cancelName, QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const;
    /// Share done out of `maximum`; a maximum of 0 shows a busy indicator.
    void setProgress(int value, int maximum);
    int value() const;

Q_SIGNALS:
    void cancelRequested();

private:
    QLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
};

} // namespace strata
