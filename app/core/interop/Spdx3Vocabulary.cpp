// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/Spdx3Vocabulary.h"

#include "domain/Fields.h"

#include <QHash>
#include <QSet>
#include <QStringList>

using namespace Qt::Literals::StringLiterals;

namespace strata::spdx3 {

QString term(const QString &value)
{
    const qsizetype slash = value.lastIndexOf(u'/');
    return slash < 0 ? value : value.mid(slash + 1);
}

QList<PropertyMapping> propertyMappings(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Model:
        return {{u"architecture"_s, u"ai_typeOfModel"_s, Shape::List},
                {u"intended_use"_s, u"ai_informationAboutApplication"_s, Shape::Text},
                {u"limitations"_s, u"ai_limitation"_s, Shape::Text}};
    case RecordKind::Dataset:
        return {{u"collection_method"_s, u"dataset_dataCollectionProcess"_s, Shape::Text},
                {u"size_bytes"_s, u"dataset_datasetSize"_s, Shape::Integer},
                {u"personal_data"_s, u"dataset_hasSensitivePersonalInformation"_s, Shape::Presence}};
    case RecordKind::Software:
        return {{u"software_type"_s, u"software_primaryPurpose"_s, Shape::Purpose}};
    case RecordKind::Supplier:
    case RecordKind::Service:
        break;
    }
    return {};
}

QString fieldTextFromProperty(const PropertyMapping &mapping, const QJsonValue &value)
{
    switch (mapping.shape) {
    case Shape::Text:
        return value.isString() ? value.toString() : QString();
    case Shape::List: {
        if (value.isString())
            return value.toString();
        QStringList parts;
        const QJsonArray items = value.toArray();
        for (const QJsonValue &item : items) {
            if (item.isString() && !item.toString().trimmed().isEmpty())
                parts << item.toString().trimmed();
        }
        return parts.join(u", "_s);
    }
    case Shape::Integer:
        if (value.isDouble()) {
            const qint64 n = value.toInteger(-1);
            return n >= 0 ? QString::number(n) : QString();
        }
        return value.isString() ? value.toString() : QString();
    case Shape::Presence: {
        const QString v = term(value.toString());
        if (v == u"yes"_s || v == u"no"_s)
            return v;
        return v == u"noAssertion"_s ? u"unknown"_s : QString();
    }
    case Shape::Purpose: {
        const QString v = term(value.toString());
        if (v == u"library"_s || v == u"framework"_s)
            return v;
        return v == u"application"_s ? u"tool"_s : QString();
    }
    }
    return {};
}

QJsonValue propertyFromFieldText(const PropertyMapping &mapping, const QString &text)
{
    switch (mapping.shape) {
    case Shape::Text:
        return text;
    case Shape::List:
        return QJsonArray{text};
    case Shape::Integer:
        return QJsonValue(text.toLongLong());
    case Shape::Presence:
        return text == u"unknown"_s ? u"noAssertion"_s : text;
    case Shape::Purpose:
        return text == u"tool"_s ? u"application"_s : text;
    }
    return {};
}

bool isKnownRelationshipType(const QString &type)
{
    static const QSet<QString> known = {
        u"affects"_s,
        u"amendedBy"_s,
        u"ancestorOf"_s,
        u"availableFrom"_s,
        u"configures"_s,
        u"contains"_s,
        u"coordinatedBy"_s,
        u"copiedTo"_s,
        u"delegatedTo"_s,
        u"dependsOn"_s,
        u"descendantOf"_s,
        u"describes"_s,
        u"doesNotAffect"_s,
        u"expandsTo"_s,
        u"exploitCreatedBy"_s,
        u"fixedBy"_s,
        u"fixedIn"_s,
        u"foundBy"_s,
        u"generates"_s,
        u"hasAddedFile"_s,
        u"hasAssessmentFor"_s,
        u"hasAssociatedVulnerability"_s,
        u"hasConcludedLicense"_s,
        u"hasDataFile"_s,
        u"hasDeclaredLicense"_s,
        u"hasDeletedFile"_s,
        u"hasDependencyManifest"_s,
        u"hasDistributionArtifact"_s,
        u"hasDocumentation"_s,
        u"hasDynamicLink"_s,
        u"hasEvidence"_s,
        u"hasExample"_s,
        u"hasHost"_s,
        u"hasInput"_s,
        u"hasMetadata"_s,
        u"hasOptionalComponent"_s,
        u"hasOptionalDependency"_s,
        u"hasOutput"_s,
        u"hasPrerequisite"_s,
        u"hasProvidedDependency"_s,
        u"hasRequirement"_s,
        u"hasSpecification"_s,
        u"hasStaticLink"_s,
        u"hasTest"_s,
        u"hasTestCase"_s,
        u"hasVariant"_s,
        u"invokedBy"_s,
        u"modifiedBy"_s,
        u"other"_s,
        u"packagedBy"_s,
        u"patchedBy"_s,
        u"publishedBy"_s,
        u"reportedBy"_s,
        u"republishedBy"_s,
        u"serializedInArtifact"_s,
        u"testedOn"_s,
        u"trainedOn"_s,
        u"underInvestigationFor"_s,
        u"usesTool"_s,
    };
    return known.contains(term(type));
}

bool isNoneOrNoAssertion(const QString &id)
{
    static const QStringList individuals = {u"NoneElement"_s, u"NoAssertionElement"_s, u"NoneLicense"_s,
                                            u"NoAssertionLicense"_s};
    for (const QString &name : individuals) {
        if (id == name || id.endsWith(u'/' + name) || id.endsWith(u':' + name))
            return true;
    }
    return false;
}

QString strataAlgorithm(const QString &spdxAlgorithm)
{
    static const QHash<QString, QString> names = {
        {u"sha256"_s, u"sha256"_s},          {u"sha384"_s, u"sha384"_s},     {u"sha512"_s, u"sha512"_s},
        {u"sha3_256"_s, u"sha3-256"_s},      {u"sha3_512"_s, u"sha3-512"_s}, {u"blake2b256"_s, u"blake2b-256"_s},
        {u"blake2b512"_s, u"blake2b-512"_s}, {u"sha1"_s, u"sha1"_s},         {u"md5"_s, u"md5"_s},
    };
    return names.value(term(spdxAlgorithm));
}

QString spdxAlgorithm(const QString &strataAlgorithm)
{
    QString name = strataAlgorithm;
    if (name.startsWith(u"sha3-"_s))
        return name.replace(u'-', u'_');
    return name.remove(u'-');
}

int digestLength(const QString &strataAlgorithm)
{
    return fields::digestHexLength(strataAlgorithm);
}

int algorithmPreference(const QString &strataAlgorithm)
{
    static const QStringList order = {u"sha256"_s,      u"sha512"_s,      u"sha384"_s, u"sha3-256"_s, u"sha3-512"_s,
                                      u"blake2b-256"_s, u"blake2b-512"_s, u"sha1"_s,   u"md5"_s};
    const qsizetype at = order.indexOf(strataAlgorithm);
    return at < 0 ? int(order.size()) : int(at);
}

Extension readExtension(const QJsonValue &extension)
{
    Extension out;
    const QJsonArray items = extension.toArray();
    for (const QJsonValue &item : items) {
        QJsonObject ext = item.toObject();
        const QString type = term(ext.value(u"type"_s).toString());
        if (type != u"extension_CdxPropertiesExtension"_s && type != u"CdxPropertiesExtension"_s) {
            out.foreign.append(item);
            continue;
        }
        QJsonArray kept;
        const QJsonArray entries = ext.value(u"extension_cdxProperty"_s).toArray();
        for (const QJsonValue &entry : entries) {
            const QJsonObject e = entry.toObject();
            const QString name = e.value(u"extension_cdxPropName"_s).toString();
            if (name.startsWith(u"strata:"_s))
                out.strata.insert(name, e.value(u"extension_cdxPropValue"_s).toString());
            else
                kept.append(entry);
        }
        if (!kept.isEmpty()) {
            ext.insert(u"extension_cdxProperty"_s, kept);
            out.foreign.append(ext);
        }
    }
    return out;
}

QJsonArray writeExtension(const QJsonArray &foreign, const QMap<QString, QString> &entries)
{
    QJsonArray out = foreign;
    if (entries.isEmpty())
        return out;
    QJsonArray properties;
    for (auto it = entries.cbegin(); it != entries.cend(); ++it)
        properties.append(QJsonObject{{u"type"_s, u"extension_CdxPropertyEntry"_s},
                                      {u"extension_cdxPropName"_s, it.key()},
                                      {u"extension_cdxPropValue"_s, it.value()}});
    out.append(
        QJsonObject{{u"type"_s, u"extension_CdxPropertiesExtension"_s}, {u"extension_cdxProperty"_s, properties}});
    return out;
}

} // namespace strata::spdx3
