// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxReader.h"

#include "interop/CycloneDxChecks.h"
#include "interop/CycloneDxComponents.h"
#include "interop/CycloneDxElements.h"
#include "interop/CycloneDxStream.h"
#include "interop/JsonScan.h"
#include "util/Sha256.h"

#include <QJsonArray>
#include <QJsonDocument>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

using namespace cyclonedx;

const QStringList &supportedVersions()
{
    static const QStringList versions = {u"1.4"_s, u"1.5"_s, u"1.6"_s, u"1.7"_s};
    return versions;
}

Status checkHeader(const QJsonObject &root, const QString &file)
{
    const QJsonValue format = root.value(u"bomFormat"_s);
    if (format.isUndefined())
        return documentError(file, u"bomFormat"_s,
                             CycloneDxReader::tr("the key is missing; a CycloneDX BOM states \"bomFormat\": "
                                                 "\"CycloneDX\"."));
    if (format.toString() != u"CycloneDX"_s)
        return documentError(file, u"bomFormat"_s,
                             CycloneDxReader::tr("\"%1\" is not \"CycloneDX\"; this file is not a CycloneDX BOM.")
                                 .arg(format.isString() ? format.toString() : u"?"_s));
    const QJsonValue spec = root.value(u"specVersion"_s);
    if (!spec.isString() || !supportedVersions().contains(spec.toString()))
        return documentError(file, u"specVersion"_s,
                             CycloneDxReader::tr("CycloneDX %1 is not supported; Strata reads specVersion 1.4, 1.5, "
                                                 "1.6 and 1.7. Convert the BOM with the CycloneDX CLI first.")
                                 .arg(spec.isString()   ? spec.toString()
                                      : spec.isDouble() ? QString::number(spec.toDouble())
                                                        : CycloneDxReader::tr("(none)")));
    const QJsonValue metadata = root.value(u"metadata"_s);
    if (!metadata.isUndefined() && !metadata.isObject())
        return documentError(file, u"metadata"_s, CycloneDxReader::tr("metadata must be an object."));
    const QJsonValue timestamp = metadata.toObject().value(u"timestamp"_s);
    if (!timestamp.isUndefined() && !isDateTime(timestamp.toString()))
        return documentError(file, u"metadata.timestamp"_s,
                             CycloneDxReader::tr("\"%1\" is not an RFC 3339 date-time; write it like "
                                                 "2025-10-24T16:43:02Z.")
                                 .arg(timestamp.toString()));
    for (const QString &key : {u"components"_s, u"services"_s, u"dependencies"_s, u"properties"_s}) {
        const QJsonValue v = root.value(key);
        if (!v.isUndefined() && !v.isArray())
            return documentError(file, key, CycloneDxReader::tr("%1 must be an array.").arg(key));
    }
    return Ok{};
}

Status checkDependencies(ComponentMapper &mapper,
                         const BomElements &bom,
                         const QString &file,
                         const ImportLimits &limits,
                         const BomRefs &refs)
{
    const auto known = [&](const QJsonValue &v, const QString &path) -> Status {
        if (!v.isString() || v.toString().isEmpty())
            return documentError(file, path, CycloneDxReader::tr("a reference must be a non-empty bom-ref."));
        if (!refs.contains(v.toString()))
            return documentError(file, path,
                                 CycloneDxReader::tr("\"%1\" is not the bom-ref of any component or service in the "
                                                     "BOM; add the component or remove the dependency.")
                                     .arg(v.toString()));
        return Ok{};
    };
    const qsizetype count = bom.count(u"dependencies"_s);
    for (qsizetype i = 0; i < count; ++i) {
        if (i % 4096 == 4095 && limits.cancelled())
            return Error{ErrorCode::Cancelled, CycloneDxReader::tr("The import of %1 was cancelled.").arg(file)};
        const QString path = u"dependencies[%1]"_s.arg(i);
        Result<QJsonValue> dependency = bom.at(u"dependencies"_s, i);
        if (!dependency)
            return dependency.error();
        if (!dependency.value().isObject())
            return documentError(file, path, CycloneDxReader::tr("a dependency must be an object."));
        const QJsonObject entry = dependency.value().toObject();
        if (!entry.contains(u"ref"_s))
            return documentError(file, path + u".ref"_s,
                                 CycloneDxReader::tr("the key is missing; every dependency names the component it "
                                                     "describes in \"ref\"."));
        if (Status s = known(entry.value(u"ref"_s), path + u".ref"_s); !s)
            return s;
        // Refs as the set holds them: a big BOM names its components a hundred thousand times, one copy each.
        const QString from = *refs.constFind(entry.value(u"ref"_s).toString());
        const QString location = path + u".dependsOn"_s; // one per entry: a big BOM has ten thousands of targets
        for (const QString &key : {u"dependsOn"_s, u"provides"_s}) {
            const QJsonValue list = entry.value(key);
            if (list.isUndefined())
                continue;
            if (!list.isArray())
                return documentError(file, u"%1.%2"_s.arg(path, key),
                                     CycloneDxReader::tr("%1 must be an array of bom-refs.").arg(key));
            const QJsonArray targets = list.toArray();
            for (int j = 0; j < targets.size(); ++j) {
                const QJsonValue target = targets.at(j);
                if (!target.isString() || !refs.contains(target.toString())) {
                    if (Status s = known(target, u"%1.%2[%3]"_s.arg(path, key).arg(j)); !s)
                        return s;
                }
                if (key == u"dependsOn"_s)
                    mapper.addPending(
                        {from, RelationType::DependsOn, *refs.constFind(target.toString()), QString(), location});
            }
        }
    }
    return Ok{};
}

} // namespace

Result<ImportDocument> CycloneDxReader::read(const QByteArray &data,
                                             const QString &fileName,
                                             const ImportLimits &limits)
{
    return readWith(data, fileName, limits, false);
}

Result<ImportDocument> CycloneDxReader::readStreamed(const QByteArray &data,
                                                     const QString &fileName,
                                                     const ImportLimits &limits)
{
    return readWith(data, fileName, limits, true);
}

Result<ImportDocument> CycloneDxReader::readWith(const QByteArray &data,
                                                 const QString &fileName,
                                                 const ImportLimits &limits,
                                                 bool streamed)
{
    const auto progress = [&limits](int value) {
        if (limits.progress)
            limits.progress(value);
    };
    if (data.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is %2 MB, more than the %3 MB an import may be; split the document.")
                         .arg(fileName)
                         .arg(data.size() / (1024 * 1024))
                         .arg(limits.maxFileBytes / (1024 * 1024))};
    // The large arrays are parsed one element at a time (BomElements): the checks below and the mapping each
    // parse an element, use it and drop it, so the whole tree never sits in memory.
    const JsonScan scan = JsonScan::of(data, BomElements::splitKeys());
    Result<BomElements> split = BomElements::split(data, scan, fileName);
    if (!split)
        return split.error();
    const BomElements &bom = split.value();
    if (limits.cancelled())
        return Error{ErrorCode::Cancelled, tr("The import of %1 was cancelled.").arg(fileName)};
    progress(100);
    const QJsonObject &root = bom.root();
    if (Status s = checkHeader(root, fileName); !s)
        return s.error();
    BomRefs refs;
    if (Status s = scan.refuseDuplicateKeys(fileName); !s)
        return s.error();
    const bool checkStrings = scan.longestString > limits.maxStringLength;
    if (Status s = checkTree(bom, fileName, limits, checkStrings, &refs); !s)
        return s.error();
    progress(300);

    const QString serial = root.value(u"serialNumber"_s).toString();
    const QString documentKey = serial.isEmpty() ? Sha256::hex(data).left(16) : serial;
    ComponentMapper mapper(fileName, limits, refs, documentKey,
                           streamed ? ComponentMapper::Mode::Validate : ComponentMapper::Mode::Whole);
    if (Status s = mapper.readStrataSuppliers(root.value(u"properties"_s).toArray()); !s)
        return s.error();
    if (Status s = mapper.readComponents(bom); !s)
        return s.error();
    if (Status s = mapper.readServices(bom); !s)
        return s.error();
    if (Status s = checkDependencies(mapper, bom, fileName, limits, refs); !s)
        return s.error();
    progress(950);

    const qsizetype recordCount = mapper.recordCount();
    ImportDocument doc = mapper.finish();
    doc.format = u"cyclonedx"_s;
    doc.specVersion = root.value(u"specVersion"_s).toString();
    if (streamed)
        doc.stream = std::make_shared<CycloneDxStream>(std::move(split).value(), fileName, limits, std::move(refs),
                                                       documentKey, mapper.takeOpenRecords(), recordCount);
    doc.fileName = fileName;
    progress(1000);
    return doc;
}

} // namespace strata
