// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "DetailTable.h"

#include <QHeaderView>
#include <QTableView>

namespace strata {

QTableView *makeDetailTable(QWidget *parent,
                            QAbstractItemModel *model,
                            const QString &objectName,
                            const QString &accessibleName)
{
    auto *view = new QTableView(parent);
    view->setTabKeyNavigation(false); // Tab leaves the table; arrows move between cells
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setSelectionMode(QAbstractItemView::SingleSelection);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(view->fontMetrics().height() + 8);
    return view;
}

} // namespace strata
