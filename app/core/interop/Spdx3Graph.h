// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/ImportLimits.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace strata {

/// One entry of an SPDX 3 "@graph", with its position so that messages can point at it.
struct Spdx3Element
{
    int index = -1; ///< position in "@graph"
    QString id;     ///< spdxId, or @id for blank nodes; empty when it has neither
    QString type;   ///< compact class name: "ai_AIPackage"
    QJsonObject object;
};

/// The structurally validated "@graph" of an SPDX 3 JSON-LD document: every entry typed, ids unique, caps
/// respected, every reference resolved. Built before any mapping, so a broken document is refused whole.
class Spdx3Graph
{
    Q_DECLARE_TR_FUNCTIONS(strata::Spdx3Reader)

public:
    static Result<Spdx3Graph> parse(const QByteArray &data, const QString &fileName, const ImportLimits &limits);

    /// Checks nesting depth and string lengths of a JSON value found at `path`, `depth` levels down.
    static Status checkCaps(
        const QJsonValue &value, const QString &path, int depth, const QString &fileName, const ImportLimits &limits);
    static Error cancelledError(const QString &fileName);
    /// The id a reference holds: the string itself, or an inline object's spdxId or @id.
    static QString refId(const QJsonValue &value);
    /// The ids of a property that holds one reference or an array of them.
    static QStringList refIds(const QJsonValue &value);
    static bool isRelationship(const QString &type);
    static bool isLicenseRelationship(const QString &relationshipType);

    const QList<Spdx3Element> &elements() const { return m_elements; }
    /// The element with this id (namespace prefixes expanded), or nullptr.
    const Spdx3Element *find(const QString &id) const;
    /// Whether the document declares the id as defined elsewhere (SpdxDocument "import").
    bool isExternal(const QString &id) const;
    QString specVersion() const { return m_specVersion; }
    QStringList warnings() const { return m_warnings; }

private:
    Status index(const QJsonArray &graph, const QString &fileName, const ImportLimits &limits);
    Status checkReferences(const QString &fileName, const ImportLimits &limits) const;
    Status checkRelationship(const Spdx3Element &e, const QString &fileName) const;
    Status checkHashes(const Spdx3Element &e, const QString &fileName) const;
    Status checkResolves(const QString &id, const QString &path, const QString &fileName) const;
    QString expand(const QString &id) const;

    QList<Spdx3Element> m_elements;
    QHash<QString, int> m_byId; ///< id -> index into m_elements
    QHash<QString, QString> m_namespaces;
    QSet<QString> m_external;
    QString m_specVersion;
    QStringList m_warnings;
};

} // namespace strata
