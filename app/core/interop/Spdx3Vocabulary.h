// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QMap>
#include <QString>

namespace strata::spdx3 {

inline QString context301()
{
    return QStringLiteral("https://spdx.org/rdf/3.0.1/spdx-context.jsonld");
}

// Names of the CdxPropertyEntry items Strata writes into an element's `extension` (see Spdx3Writer.cpp).
inline QString extKind()
{
    return QStringLiteral("strata:kind");
}
inline QString extPlaceholder()
{
    return QStringLiteral("strata:placeholder");
}
inline QString extFieldPrefix()
{
    return QStringLiteral("strata:field:");
}
inline QString extExtrasPrefix()
{
    return QStringLiteral("strata:extras:");
}
inline QString extRelation()
{
    return QStringLiteral("strata:relation");
}
inline QString extDerivation()
{
    return QStringLiteral("strata:derivation");
}
inline QString extSize()
{
    return QStringLiteral("strata:size");
}

/// A vocabulary value written compact ("dependsOn") or as an IRI (".../RelationshipType/dependsOn"), compact.
QString term(const QString &value);

/// How a native SPDX property holds a Strata field's value.
enum class Shape { Text, List, Integer, Presence, Purpose };

/// A kind-specific field that has a home in the SPDX AI, Dataset or Software profile; every other field
/// travels in Strata's extension so an export reads back without loss.
struct PropertyMapping
{
    QString field;    ///< Strata field key: "limitations"
    QString property; ///< SPDX property: "ai_limitation"
    Shape shape = Shape::Text;
};

/// The native mappings of one kind's specific fields (the common fields are mapped by the reader and writer).
QList<PropertyMapping> propertyMappings(RecordKind kind);
/// The field text the reader takes from a property value (empty when the value does not fit the shape).
QString fieldTextFromProperty(const PropertyMapping &mapping, const QJsonValue &value);
/// The property value the writer stores for a field's text.
QJsonValue propertyFromFieldText(const PropertyMapping &mapping, const QString &text);

/// Whether `type` is one of the 59 RelationshipType values of SPDX 3.0.1.
bool isKnownRelationshipType(const QString &type);
/// Whether an id names one of the SPDX individuals NoneElement, NoAssertionElement, NoneLicense, NoAssertionLicense.
bool isNoneOrNoAssertion(const QString &id);
/// Strata's name of an SPDX HashAlgorithm ("sha3_256" -> "sha3-256"); empty when Strata cannot store it.
QString strataAlgorithm(const QString &spdxAlgorithm);
QString spdxAlgorithm(const QString &strataAlgorithm);
/// Hex digits of a digest made with a Strata algorithm; 0 when unknown.
int digestLength(const QString &strataAlgorithm);
/// Lower is better: which of several hashes of one file becomes the artifact's digest.
int algorithmPreference(const QString &strataAlgorithm);

/// The CdxPropertyEntry name/value pairs of an element's `extension`, and what remains once Strata's are removed.
struct Extension
{
    QMap<QString, QString> strata; ///< entries whose name starts with "strata:"
    QJsonArray foreign;            ///< the element's other extensions, kept whole
};
Extension readExtension(const QJsonValue &extension);
/// An `extension` array: the foreign ones followed by one CdxPropertiesExtension with `entries`, sorted by name.
QJsonArray writeExtension(const QJsonArray &foreign, const QMap<QString, QString> &entries);

} // namespace strata::spdx3
