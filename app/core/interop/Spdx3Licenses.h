// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "interop/ImportLimits.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace strata {

class Spdx3Graph;

/// Turns the license elements an SPDX 3 document relates to its packages (simple expressions, listed and custom
/// licenses, license sets and operators) into one SPDX expression per record, the concluded license first.
class Spdx3Licenses
{
    Q_DECLARE_TR_FUNCTIONS(strata::Spdx3Reader)

public:
    /// The expression for one record, and what is kept besides when the document says more than it.
    struct Choice
    {
        QString expression;
        QJsonObject kept; ///< declared and concluded when they differ, and non-expression license elements
    };

    Spdx3Licenses(const Spdx3Graph &graph, const ImportLimits &limits);

    /// Notes a hasDeclaredLicense or hasConcludedLicense relationship of a record.
    void add(int record, const QString &relationshipType, const QStringList &targets, const QString &where);
    QMap<int, Choice> choose() const;
    QStringList warnings() const { return m_warnings; }
    /// "LicenseRef-" and the text reduced to the characters a license reference may hold.
    static QString licenseRef(const QString &text);

private:
    /// The license expressions and non-expression elements one record's relationships name.
    struct Stated
    {
        QStringList declared;
        QStringList concluded;
        QJsonArray elements;
    };

    QString render(const QString &id, int depth, Stated &stated, const QString &where);

    const Spdx3Graph &m_graph;
    const ImportLimits &m_limits;
    QMap<int, Stated> m_stated;
    QStringList m_warnings;
};

} // namespace strata
