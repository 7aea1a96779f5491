// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/BundleManifest.h"

#include "bundle/BundleFormat.h"
#include "trust/Dsse.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QUuid>

#include <cmath>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kMaxListLength = 100000;
constexpr int kMaxName = 500;

QString kindKey(BundleManifest::Kind kind)
{
    return kind == BundleManifest::Kind::Questionnaire ? u"questionnaire"_s : u"assessment"_s;
}

QJsonValue dateValue(const QDate &date)
{
    return date.isValid() ? QJsonValue(date.toString(Qt::ISODate)) : QJsonValue();
}

QJsonObject refJson(const BundleRecordRef &ref)
{
    return {{u"kind"_s, recordKindKey(ref.kind)}, {u"name"_s, ref.name}, {u"version"_s, ref.version}};
}

bool isDigest(const QString &text)
{
    static const QRegularExpression hex(u"^[0-9a-f]{64}$"_s);
    return hex.match(text).hasMatch();
}

/// Reads typed fields out of untrusted JSON; the first problem is kept, naming the field's path, and later reads
/// return empty values.
class FieldReader
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleManifest)

public:
    explicit FieldReader(QString where)
        : m_where(std::move(where))
    {
    }

    std::optional<Error> error;

    void fail(const QString &path, const QString &why)
    {
        if (!error)
            error = Error{ErrorCode::InvalidInput, tr("%1: the field %2 %3.").arg(m_where, path, why)};
    }

    QString text(const QJsonObject &o, const QString &key, const QString &path, int max, bool required = true)
    {
        const QJsonValue v = o.value(key);
        if (v.isUndefined() || v.isNull()) {
            if (required)
                fail(path, tr("is missing"));
            return {};
        }
        if (!v.isString()) {
            fail(path, tr("is not text"));
            return {};
        }
        const QString s = v.toString();
        if (s.size() > max)
            fail(path, tr("is longer than %1 characters").arg(max));
        if (required && s.isEmpty())
            fail(path, tr("is empty"));
        return s;
    }

    qint64 integer(const QJsonObject &o, const QString &key, const QString &path, qint64 min, qint64 max)
    {
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(-1);
        // Range first: converting a double outside qint64 is undefined (found by fuzz_bundle_manifest).
        if (!v.isDouble() || !(d >= double(min) && d <= double(max)) || d != std::trunc(d)) {
            fail(path, tr("is not a whole number from %1 to %2").arg(min).arg(max));
            return min;
        }
        return qint64(d);
    }

    QDate date(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString s = text(o, key, path, 10, false);
        if (s.isEmpty())
            return {};
        const QDate d = QDate::fromString(s, Qt::ISODate);
        if (!d.isValid())
            fail(path, tr("is not a YYYY-MM-DD date"));
        return d;
    }

    QDateTime time(const QJsonObject &o, const QString &key, const QString &path, bool required)
    {
        const QString s = text(o, key, path, 40, required);
        if (s.isEmpty())
            return {};
        const QDateTime t = QDateTime::fromString(s, Qt::ISODateWithMs);
        if (!t.isValid())
            fail(path, tr("is not an ISO 8601 time"));
        return t.toUTC();
    }

    QString digest(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QString s = text(o, key, path, 64);
        if (!error && !isDigest(s))
            fail(path, tr("is not 64 lowercase hexadecimal digits"));
        return s;
    }

    QJsonArray array(const QJsonObject &o, const QString &key, const QString &path)
    {
        const QJsonValue v = o.value(key);
        if (!v.isArray()) {
            fail(path, tr("is not a list"));
            return {};
        }
        if (v.toArray().size() > kMaxListLength)
            fail(path, tr("has more than %1 entries").arg(kMaxListLength));
        return v.toArray();
    }

    QJsonObject object(const QJsonValue &v, const QString &path)
    {
        if (!v.isObject())
            fail(path, tr("is not an object"));
        return v.toObject();
    }

    BundleRecordRef ref(const QJsonObject &o, const QString &path)
    {
        BundleRecordRef r;
        const QString kind = text(o, u"kind"_s, path + u".kind"_s, 40);
        if (const std::optional<RecordKind> k = recordKindFromKey(kind))
            r.kind = *k;
        else if (!error)
            fail(path + u".kind"_s, tr("names no kind of record"));
        r.name = text(o, u"name"_s, path + u".name"_s, kMaxName);
        r.version = text(o, u"version"_s, path + u".version"_s, kMaxName, false);
        return r;
    }

private:
    QString m_where;
};

} // namespace

QByteArray BundleManifest::toJson() const
{
    QJsonArray memberList;
    for (const BundleRecordRef &m : members)
        memberList.append(refJson(m));
    QJsonArray assessmentList;
    for (const BundleAssessment &a : assessments) {
        QJsonArray items;
        for (const BundleAnswer &i : a.items) {
            QJsonObject item{{u"key"_s, i.key}, {u"status"_s, itemStatusKey(i.status)}};
            if (kind == Kind::Assessment) {
                item.insert(u"notes"_s, i.notes);
                item.insert(u"reviewer"_s, i.reviewer);
                item.insert(u"updatedAt"_s, i.updatedAt.isValid()
                                                ? QJsonValue(i.updatedAt.toUTC().toString(Qt::ISODateWithMs))
                                                : QJsonValue());
                item.insert(u"evidence"_s, QJsonArray::fromStringList(i.evidence));
            }
            items.append(item);
        }
        assessmentList.append(
            QJsonObject{{u"catalog"_s, a.catalogKey}, {u"catalogVersion"_s, a.catalogVersion}, {u"items"_s, items}});
    }
    QJsonArray findingList;
    for (const BundleFinding &f : findings)
        findingList.append(QJsonObject{{u"assessment"_s, f.assessment},
                                       {u"item"_s, f.itemKey},
                                       {u"title"_s, f.title},
                                       {u"likelihood"_s, f.likelihood},
                                       {u"impact"_s, f.impact},
                                       {u"owner"_s, f.owner},
                                       {u"dueDate"_s, dateValue(f.dueDate)},
                                       {u"status"_s, findingStatusKey(f.status)},
                                       {u"justification"_s, f.justification},
                                       {u"acceptedUntil"_s, dateValue(f.acceptedUntil)}});
    QJsonArray evidenceList;
    for (const BundleEvidence &e : evidence)
        evidenceList.append(QJsonObject{{u"sha256"_s, e.sha256},
                                        {u"size"_s, e.size},
                                        {u"title"_s, e.title},
                                        {u"fileName"_s, e.fileName},
                                        {u"sourceUrl"_s, e.sourceUrl},
                                        {u"effectiveDate"_s, dateValue(e.effectiveDate)},
                                        {u"expiryDate"_s, dateValue(e.expiryDate)}});
    QJsonArray fileList;
    for (const BundleFile &f : files)
        fileList.append(QJsonObject{{u"path"_s, f.path}, {u"sha256"_s, f.sha256}, {u"size"_s, f.size}});
    const QJsonObject document{
        {u"format"_s, u"strata-assessment-bundle"_s},
        {u"formatVersion"_s, kFormatVersion},
        {u"kind"_s, kindKey(kind)},
        {u"bundleId"_s, bundleId},
        {u"sequence"_s, sequence},
        {u"createdAt"_s, createdAt.toUTC().toString(Qt::ISODateWithMs)},
        {u"exporter"_s,
         QJsonObject{{u"name"_s, exporterName}, {u"role"_s, exporterRole}, {u"fingerprint"_s, exporterFingerprint}}},
        {u"release"_s, QJsonObject{{u"name"_s, releaseName},
                                   {u"version"_s, releaseVersion},
                                   {u"root"_s, refJson(root)},
                                   {u"members"_s, memberList}}},
        {u"assessments"_s, assessmentList},
        {u"findings"_s, findingList},
        {u"evidence"_s, evidenceList},
        {u"files"_s, fileList},
        {u"auditHead"_s, auditHead},
    };
    return QJsonDocument(document).toJson(QJsonDocument::Indented);
}

Result<BundleManifest> BundleManifest::parse(const QByteArray &json, const QString &where)
{
    Result<QJsonObject> parsed = Dsse::parseObject(json, where, tr("%1 is not a JSON object.").arg(where));
    if (!parsed)
        return parsed.error();
    const QJsonObject &o = parsed.value();
    FieldReader in(where);
    BundleManifest m;
    if (o.value(u"format"_s).toString() != u"strata-assessment-bundle"_s)
        in.fail(u"format"_s, tr("is not \"strata-assessment-bundle\""));
    if (in.integer(o, u"formatVersion"_s, u"formatVersion"_s, 1, 1000) != kFormatVersion && !in.error)
        return Error{ErrorCode::Unsupported, tr("%1 is a bundle of format version %2; this Strata reads version %3. "
                                                "Update Strata to import it.")
                                                 .arg(where)
                                                 .arg(o.value(u"formatVersion"_s).toInteger())
                                                 .arg(kFormatVersion)};
    const QString kind = in.text(o, u"kind"_s, u"kind"_s, 40);
    if (kind == u"questionnaire"_s)
        m.kind = Kind::Questionnaire;
    else if (kind != u"assessment"_s)
        in.fail(u"kind"_s, tr("is neither \"assessment\" nor \"questionnaire\""));
    m.bundleId = in.text(o, u"bundleId"_s, u"bundleId"_s, 100);
    if (!in.error && QUuid::fromString(m.bundleId).isNull())
        in.fail(u"bundleId"_s, tr("is not a UUID"));
    m.sequence = in.integer(o, u"sequence"_s, u"sequence"_s, 1, qint64(1) << 52);
    m.createdAt = in.time(o, u"createdAt"_s, u"createdAt"_s, true);
    const QJsonObject exporter = in.object(o.value(u"exporter"_s), u"exporter"_s);
    m.exporterName = in.text(exporter, u"name"_s, u"exporter.name"_s, kMaxName);
    m.exporterRole = in.text(exporter, u"role"_s, u"exporter.role"_s, kMaxName, false);
    m.exporterFingerprint = in.digest(exporter, u"fingerprint"_s, u"exporter.fingerprint"_s);
    const QJsonObject release = in.object(o.value(u"release"_s), u"release"_s);
    m.releaseName = in.text(release, u"name"_s, u"release.name"_s, assessment_limits::kNameMax);
    m.releaseVersion = in.text(release, u"version"_s, u"release.version"_s, assessment_limits::kVersionMax);
    m.root = in.ref(in.object(release.value(u"root"_s), u"release.root"_s), u"release.root"_s);
    const QJsonArray members = in.array(release, u"members"_s, u"release.members"_s);
    for (qsizetype i = 0; i < members.size() && !in.error; ++i) {
        const QString path = u"release.members[%1]"_s.arg(i);
        m.members.append(in.ref(in.object(members.at(i), path), path));
    }

    const QJsonArray assessments = in.array(o, u"assessments"_s, u"assessments"_s);
    for (qsizetype a = 0; a < assessments.size() && !in.error; ++a) {
        const QString path = u"assessments[%1]"_s.arg(a);
        const QJsonObject ao = in.object(assessments.at(a), path);
        BundleAssessment assessment;
        assessment.catalogKey = in.text(ao, u"catalog"_s, path + u".catalog"_s, kMaxName);
        assessment.catalogVersion = in.text(ao, u"catalogVersion"_s, path + u".catalogVersion"_s, kMaxName, false);
        const QJsonArray items = in.array(ao, u"items"_s, path + u".items"_s);
        for (qsizetype i = 0; i < items.size() && !in.error; ++i) {
            const QString ip = u"%1.items[%2]"_s.arg(path).arg(i);
            const QJsonObject io = in.object(items.at(i), ip);
            BundleAnswer answer;
            answer.key = in.text(io, u"key"_s, ip + u".key"_s, kMaxName);
            const QString status = in.text(io, u"status"_s, ip + u".status"_s, 40);
            if (const std::optional<ItemStatus> s = itemStatusFromKey(status))
                answer.status = *s;
            else if (!in.error)
                in.fail(ip + u".status"_s, tr("names no item status"));
            answer.notes = in.text(io, u"notes"_s, ip + u".notes"_s, assessment_limits::kNotesMax, false);
            answer.reviewer = in.text(io, u"reviewer"_s, ip + u".reviewer"_s, kMaxName, false);
            answer.updatedAt = in.time(io, u"updatedAt"_s, ip + u".updatedAt"_s, false);
            if (io.contains(u"evidence"_s)) {
                const QJsonArray linked = in.array(io, u"evidence"_s, ip + u".evidence"_s);
                for (qsizetype e = 0; e < linked.size() && !in.error; ++e) {
                    if (!isDigest(linked.at(e).toString()))
                        in.fail(u"%1.evidence[%2]"_s.arg(ip).arg(e), tr("is not 64 lowercase hexadecimal digits"));
                    answer.evidence.append(linked.at(e).toString());
                }
            }
            if (m.kind == Kind::Questionnaire &&
                (answer.status != ItemStatus::NotStarted || !answer.notes.isEmpty() || !answer.evidence.isEmpty()))
                in.fail(ip, tr("holds an answer, which a questionnaire never does"));
            assessment.items.append(answer);
        }
        m.assessments.append(assessment);
    }

    const QJsonArray findings = in.array(o, u"findings"_s, u"findings"_s);
    for (qsizetype i = 0; i < findings.size() && !in.error; ++i) {
        const QString path = u"findings[%1]"_s.arg(i);
        const QJsonObject fo = in.object(findings.at(i), path);
        BundleFinding f;
        f.assessment =
            int(in.integer(fo, u"assessment"_s, path + u".assessment"_s, 0, qMax<qint64>(0, m.assessments.size() - 1)));
        if (m.assessments.isEmpty())
            in.fail(path + u".assessment"_s, tr("names an assessment the bundle does not hold"));
        f.itemKey = in.text(fo, u"item"_s, path + u".item"_s, kMaxName);
        f.title = in.text(fo, u"title"_s, path + u".title"_s, assessment_limits::kTitleMax);
        f.likelihood = int(in.integer(fo, u"likelihood"_s, path + u".likelihood"_s, 1, 5));
        f.impact = int(in.integer(fo, u"impact"_s, path + u".impact"_s, 1, 5));
        f.owner = in.text(fo, u"owner"_s, path + u".owner"_s, assessment_limits::kOwnerMax, false);
        f.dueDate = in.date(fo, u"dueDate"_s, path + u".dueDate"_s);
        const QString status = in.text(fo, u"status"_s, path + u".status"_s, 40);
        if (const std::optional<FindingStatus> s = findingStatusFromKey(status))
            f.status = *s;
        else if (!in.error)
            in.fail(path + u".status"_s, tr("names no finding status"));
        f.justification =
            in.text(fo, u"justification"_s, path + u".justification"_s, assessment_limits::kJustificationMax, false);
        f.acceptedUntil = in.date(fo, u"acceptedUntil"_s, path + u".acceptedUntil"_s);
        m.findings.append(f);
    }

    const QJsonArray evidence = in.array(o, u"evidence"_s, u"evidence"_s);
    for (qsizetype i = 0; i < evidence.size() && !in.error; ++i) {
        const QString path = u"evidence[%1]"_s.arg(i);
        const QJsonObject eo = in.object(evidence.at(i), path);
        BundleEvidence e;
        e.sha256 = in.digest(eo, u"sha256"_s, path + u".sha256"_s);
        e.size = in.integer(eo, u"size"_s, path + u".size"_s, 0, qint64(1) << 40);
        e.title = in.text(eo, u"title"_s, path + u".title"_s, kMaxName);
        e.fileName = in.text(eo, u"fileName"_s, path + u".fileName"_s, kMaxName, false);
        e.sourceUrl = in.text(eo, u"sourceUrl"_s, path + u".sourceUrl"_s, 2000, false);
        e.effectiveDate = in.date(eo, u"effectiveDate"_s, path + u".effectiveDate"_s);
        e.expiryDate = in.date(eo, u"expiryDate"_s, path + u".expiryDate"_s);
        m.evidence.append(e);
    }

    const QJsonArray files = in.array(o, u"files"_s, u"files"_s);
    for (qsizetype i = 0; i < files.size() && !in.error; ++i) {
        const QString path = u"files[%1]"_s.arg(i);
        const QJsonObject fo = in.object(files.at(i), path);
        BundleFile f;
        f.path = in.text(fo, u"path"_s, path + u".path"_s, 100);
        if (!in.error && (f.path == bundleformat::kManifest || f.path == bundleformat::kManifestEnvelope ||
                          !bundleformat::isAllowedName(f.path)))
            in.fail(path + u".path"_s, tr("names a file a bundle cannot list"));
        f.sha256 = in.digest(fo, u"sha256"_s, path + u".sha256"_s);
        f.size = in.integer(fo, u"size"_s, path + u".size"_s, 0, qint64(1) << 40);
        m.files.append(f);
    }
    m.auditHead = in.text(o, u"auditHead"_s, u"auditHead"_s, 200, false);
    if (in.error)
        return *in.error;
    return m;
}

} // namespace strata
