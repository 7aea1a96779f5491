// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxSchema.h"

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

/// The keys the 1.6 schema allows on a component and a service (both refuse any other).
const QStringList &componentKeys()
{
    static const QStringList keys =
        QStringLiteral(
            u"type mime-type bom-ref supplier manufacturer authors author publisher group name version "
            u"description scope hashes licenses copyright cpe purl omniborId swhid swid modified pedigree "
            u"externalReferences components evidence releaseNotes modelCard data cryptoProperties properties "
            u"tags signature")
            .split(u' ');
    return keys;
}

const QStringList &serviceKeys()
{
    static const QStringList keys =
        QStringLiteral(u"bom-ref provider group name version description endpoints authenticated x-trust-boundary "
                       u"trustZone data licenses externalReferences services releaseNotes properties tags signature")
            .split(u' ');
    return keys;
}

const QStringList &referenceTypes()
{
    static const QStringList keys =
        QStringLiteral(u"vcs issue-tracker website advisories bom mailing-list social chat documentation support "
                       u"source-distribution distribution distribution-intake license build-meta build-system "
                       u"release-notes security-contact model-card log configuration evidence formulation attestation "
                       u"threat-model adversary-model risk-assessment vulnerability-assertion exploitability-statement "
                       u"pentest-report static-analysis-report dynamic-analysis-report runtime-analysis-report "
                       u"component-analysis-report maturity-report certification-report codified-infrastructure "
                       u"quality-metrics poam electronic-signature digital-signature rfc-9116 other")
            .split(u' ');
    return keys;
}

const QStringList &modelCardKeys()
{
    static const QStringList keys = {u"bom-ref"_s, u"modelParameters"_s, u"quantitativeAnalysis"_s, u"considerations"_s,
                                     u"properties"_s};
    return keys;
}

const QStringList &dataKeys()
{
    static const QStringList keys = QStringLiteral(u"bom-ref type name contents classification sensitiveData graphics "
                                                   u"description governance")
                                        .split(u' ');
    return keys;
}

/// Drops the keys the 1.6 schema does not allow on an object (a structure kept from a 1.7 BOM, say); false when
/// it had to, so the caller keeps the original whole in a strata:extra property.
bool keepAllowed(QJsonObject &object, const QStringList &allowed)
{
    bool all = true;
    for (const QString &key : object.keys()) {
        if (!allowed.contains(key)) {
            object.remove(key);
            all = false;
        }
    }
    return all;
}

/// The same for each object of an array.
bool keepAllowed(QJsonArray &array, const QStringList &allowed)
{
    bool all = true;
    for (qsizetype i = 0; i < array.size(); ++i) {
        QJsonObject o = array.at(i).toObject();
        all = keepAllowed(o, allowed) && all;
        array.replace(i, o);
    }
    return all;
}

} // namespace strata::cyclonedx
