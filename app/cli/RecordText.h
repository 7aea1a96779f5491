// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Relation.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace strata {

class Output;

/// The text `show` prints for people; RecordJson is its machine-readable twin.
class RecordText
{
    Q_DECLARE_TR_FUNCTIONS(strata::RecordText)

public:
    /// Fields (by the keys `edit --set` accepts), then relations and artifacts as tables.
    static void print(const Output &out, const RecordSnapshot &snapshot);

private:
    static QString stamp(const QDateTime &time, const QString &actor);
};

} // namespace strata
