// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace strata::cyclonedx {

/// Prefix of the properties Strata writes for what CycloneDX has no field for ("strata:notes").
inline QString strataPrefix()
{
    return QStringLiteral("strata:");
}

/// The hex length CycloneDX requires for a hash algorithm ("SHA-256" -> 64); 0 for names the schema does not know.
int hashHexLength(const QString &cdxAlgorithm);
/// How the workspace stores an algorithm ("SHA-256" -> "sha256"); empty when it cannot hold that kind of digest.
QString artifactAlgorithm(const QString &cdxAlgorithm);
/// The CycloneDX spelling of a workspace algorithm ("sha256" -> "SHA-256").
QString cdxAlgorithm(const QString &artifactAlgorithm);
/// Index of the hash to keep as an artifact digest (SHA-256 first), -1 when none is usable.
int preferredHash(const QJsonArray &hashes);

/// The component types of the CycloneDX 1.4 to 1.7 schemas.
bool isComponentType(const QString &type);
/// Record kind for a component type; every type maps to one (the unusual ones to software).
RecordKind kindForType(const QString &type);
/// software_type for a software component ("library", "framework" or "tool").
QString softwareTypeFor(const QString &type);
/// The componentData types (data[] entries and inline modelCard datasets).
bool isDataType(const QString &type);

bool isHttpUrl(const QString &text);
/// A kept structure a Strata export wrote as a "strata:extra:<key>" property: a one-element JSON array.
bool parseExtra(const QString &value, QJsonValue *out);
/// "LicenseRef-" followed by the name with everything but letters, digits, '.' and '-' turned into '-'.
QString licenseRef(const QString &name);
/// One SPDX expression for a CycloneDX licenses array: ids and valid expressions as they are, names (and
/// expressions the workspace refuses) as LicenseRef-s, several joined with AND. `lossy` tells whether the
/// original array says more than the expression.
QString licenseExpression(const QJsonArray &licenses, bool *lossy);
/// First http(s) URL among the website, vcs, distribution and model-card references, in document order.
QString sourceUrl(const QJsonArray &externalReferences);
/// Values of the properties named `name`, in document order.
QStringList propertyValues(const QJsonArray &properties, const QString &name);
/// The values of one component's (or service's) keys, found in one pass over the object. A QJsonObject lookup
/// costs more than walking the object's few keys once, and the reader looks at each component some fifty times.
class ComponentView
{
public:
    enum Key {
        Type,
        BomRef,
        Name,
        Version,
        Description,
        Licenses,
        Purl,
        ExternalReferences,
        Tags,
        Properties,
        ModelCard,
        Data,
        Group,
        Hashes,
        Pedigree,
        Components,
        Supplier,
        Manufacturer,
        Publisher,
        Author,
        Authors,
        Provider,
        Services,
        KeyCount
    };

    explicit ComponentView(const QJsonObject &object);
    const QJsonValue &operator[](Key key) const { return m_values[key]; }
    QString text(Key key) const { return m_values[key].toString(); }
    bool has(Key key) const { return !m_values[key].isUndefined(); }
    const QJsonObject &object() const { return m_object; }
    /// Every key with its value, in the object's order.
    const QList<QPair<QString, QJsonValue>> &entries() const { return m_entries; }

private:
    QJsonObject m_object;
    std::array<QJsonValue, KeyCount> m_values;
    QList<QPair<QString, QJsonValue>> m_entries;
};

/// Tags a model states in its `tags` array and in a comma-separated "tags" property (Hugging Face generators).
QStringList declaredTags(const ComponentView &component);

/// What a component (or service, or inline dataset) says about a record's fields. The reader stores it; the
/// writer derives it from what it is about to write, and adds a strata:<field> property for every field that
/// would not come back the same: the one mapping, used both ways, is what keeps the round trip lossless.
struct MappedFields
{
    Record record;
    QStringList stated;         ///< field keys the component states (including the ones a strata: property clears)
    QJsonObject unmapped;       ///< field key -> the text the field refused, kept so nothing is lost
    QStringList problems;       ///< translated reasons, one per unmapped field
    bool licensesLossy = false; ///< the licenses array says more than the license expression
    /// The name or version cannot be stored ("name" or "version"), and why: the component cannot be imported.
    QString invalidKey;
    QString invalidReason;
};

MappedFields mapFields(const ComponentView &component, RecordKind kind);
MappedFields mapFields(const QJsonObject &component, RecordKind kind);
/// The same for a componentData entry that describes a dataset inline (modelCard.modelParameters.datasets[]).
MappedFields mapInlineDataset(const QJsonObject &data);

} // namespace strata::cyclonedx
