// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace strata {

class Workspace;

/// Fills a workspace with a small, realistic LLM supply chain so new users see Strata at work.
class DemoWorkspace
{
    Q_DECLARE_TR_FUNCTIONS(strata::DemoWorkspace)

public:
    /// Adds the demo records, relations and a release under review in one transaction; refuses a workspace that
    /// already has records.
    static Status populate(Workspace &workspace);

private:
    /// A release of the product under review with its assessment half done: answers with notes, evidence files
    /// (one about to expire), a finding still open and one whose risk is accepted.
    static Status populateReview(Workspace &workspace, const QJsonObject &review, const QHash<QString, qint64> &ids);
};

} // namespace strata
