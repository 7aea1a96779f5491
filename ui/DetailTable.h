// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QString>

class QAbstractItemModel;
class QTableView;
class QWidget;

namespace strata {

/// The read-only, row-selecting table the detail panels share, so relations, artifacts and provenance look
/// and behave alike.
QTableView *makeDetailTable(QWidget *parent,
                            QAbstractItemModel *model,
                            const QString &objectName,
                            const QString &accessibleName);

} // namespace strata
