// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "signoff/SignoffManifest.h"

#include "signoff/CanonicalJson.h"
#include "signoff/Signoff.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>

#include <algorithm>
#include <functional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kShortValue = 80;

QString dayText(const QDate &day)
{
    return day.isValid() ? day.toString(Qt::ISODate) : QString();
}

QString timeText(const QDateTime &time)
{
    return time.isValid() ? time.toUTC().toString(Qt::ISODateWithMs) : QString();
}

template<typename T, typename Key>
QList<T> sortedBy(QList<T> list, Key key)
{
    std::sort(list.begin(), list.end(), [&](const T &a, const T &b) { return key(a) < key(b); });
    return list;
}

QJsonArray idArray(QList<qint64> ids)
{
    std::sort(ids.begin(), ids.end());
    QJsonArray array;
    for (qint64 id : std::as_const(ids))
        array.append(id);
    return array;
}

QJsonObject recordJson(const ScopeRecord &scoped)
{
    const Record &r = scoped.record;
    QJsonObject fields{{u"description"_s, r.description},
                       {u"license"_s, r.license},
                       {u"source_url"_s, r.sourceUrl},
                       {u"purl"_s, r.purl},
                       {u"tags"_s, QJsonArray::fromStringList(r.tags)},
                       {u"notes"_s, r.notes},
                       {u"attributes"_s, QJsonObject::fromVariantMap(r.attributes)}};
    QJsonArray artifacts;
    const QList<Artifact> sorted =
        sortedBy(scoped.artifacts, [](const Artifact &a) { return std::make_pair(a.fileName, a.digest); });
    for (const Artifact &a : sorted)
        artifacts.append(QJsonObject{
            {u"file_name"_s, a.fileName}, {u"size"_s, a.size}, {u"algorithm"_s, a.algorithm}, {u"digest"_s, a.digest}});
    return QJsonObject{
        {u"id"_s, r.id},           {u"kind"_s, recordKindKey(r.kind)},  {u"name"_s, r.name},
        {u"version"_s, r.version}, {u"in_release"_s, scoped.inRelease}, {u"placeholder"_s, r.placeholder},
        {u"fields"_s, fields},     {u"artifacts"_s, artifacts},         {u"evidence"_s, idArray(scoped.evidenceIds)}};
}

QJsonObject assessmentJson(const Assessment &a)
{
    QJsonArray items;
    const QList<AssessmentItem> sorted = sortedBy(a.items, [](const AssessmentItem &i) { return i.key; });
    for (const AssessmentItem &i : sorted) {
        QList<qint64> evidence;
        for (const Evidence &e : i.evidence)
            evidence.append(e.id);
        items.append(QJsonObject{{u"key"_s, i.key},
                                 {u"ref"_s, i.ref},
                                 {u"mandatory"_s, i.mandatory},
                                 {u"status"_s, itemStatusKey(i.status)},
                                 {u"notes"_s, i.notes},
                                 {u"reviewer"_s, i.reviewer},
                                 {u"updated_at"_s, timeText(i.updatedAt)},
                                 {u"evidence"_s, idArray(evidence)}});
    }
    return QJsonObject{{u"id"_s, a.id},
                       {u"catalog"_s, u"%1@%2"_s.arg(a.catalogKey, a.catalogVersion)},
                       {u"created_at"_s, timeText(a.createdAt)},
                       {u"items"_s, items}};
}

QJsonObject findingJson(const Finding &f)
{
    return QJsonObject{{u"id"_s, f.id},
                       {u"assessment_id"_s, f.assessmentId},
                       {u"item_key"_s, f.itemKey},
                       {u"title"_s, f.title},
                       {u"likelihood"_s, f.likelihood},
                       {u"impact"_s, f.impact},
                       {u"owner"_s, f.owner},
                       {u"due_date"_s, dayText(f.dueDate)},
                       {u"status"_s, findingStatusKey(f.status)},
                       {u"justification"_s, f.justification},
                       {u"accepted_until"_s, dayText(f.acceptedUntil)}};
}

QJsonObject evidenceJson(const ScopeEvidence &scoped)
{
    const Evidence &e = scoped.evidence;
    return QJsonObject{{u"id"_s, e.id},
                       {u"sha256"_s, e.sha256},
                       {u"file_sha256"_s, scoped.fileSha256},
                       {u"title"_s, e.title},
                       {u"file_name"_s, e.fileName},
                       {u"size"_s, e.size},
                       {u"effective_date"_s, dayText(e.effectiveDate)},
                       {u"expiry_date"_s, dayText(e.expiryDate)}};
}

/// Walks two manifests side by side and names every difference.
class Differ
{
public:
    explicit Differ(QStringList &out)
        : m_out(out)
    {
    }

    /// Compares the members of two objects; nested objects are compared member by member under the same label.
    void fields(const QString &label, const QJsonObject &a, const QJsonObject &b, const QSet<QString> &skip = {})
    {
        QStringList keys = a.keys() + b.keys();
        keys.removeDuplicates();
        std::sort(keys.begin(), keys.end());
        for (const QString &key : std::as_const(keys)) {
            if (skip.contains(key))
                continue;
            const QJsonValue x = a.value(key);
            const QJsonValue y = b.value(key);
            if (x == y)
                continue;
            if (x.isObject() && y.isObject())
                fields(label, x.toObject(), y.toObject());
            else if (key == u"file_sha256"_s)
                fileChanged(label, x.toString(), y.toString());
            else
                changed(label, key, x, y);
        }
    }

    /// Compares two arrays of objects matched by `key`; `inner` compares a pair found in both.
    void keyed(const QJsonArray &a,
               const QJsonArray &b,
               const QString &key,
               const std::function<QString(const QJsonObject &)> &label,
               const std::function<void(const QString &, const QJsonObject &, const QJsonObject &)> &inner)
    {
        QMap<QString, QJsonObject> before;
        QMap<QString, QJsonObject> after;
        for (const QJsonValue &v : a)
            before.insert(keyText(v.toObject().value(key)), v.toObject());
        for (const QJsonValue &v : b)
            after.insert(keyText(v.toObject().value(key)), v.toObject());
        QStringList all = before.keys() + after.keys();
        all.removeDuplicates();
        std::sort(all.begin(), all.end(), [](const QString &x, const QString &y) {
            return x.size() != y.size() ? x.size() < y.size() : x < y; // numeric ids in numeric order
        });
        for (const QString &k : std::as_const(all)) {
            const bool had = before.contains(k);
            const bool has = after.contains(k);
            if (had && !has)
                m_out << SignoffManifest::tr("%1 was removed").arg(label(before.value(k)));
            else if (!had && has)
                m_out << SignoffManifest::tr("%1 was added").arg(label(after.value(k)));
            else if (before.value(k) != after.value(k))
                inner(label(after.value(k)), before.value(k), after.value(k));
        }
    }

private:
    static QString keyText(const QJsonValue &v) { return v.isString() ? v.toString() : QString::number(v.toInteger()); }

    static QString shown(const QJsonValue &v)
    {
        if (v.isString())
            return u"\"%1\""_s.arg(v.toString());
        if (v.isUndefined() || v.isNull())
            return u"null"_s;
        return QString::fromUtf8(CanonicalJson::serialize(v));
    }

    void changed(const QString &label, const QString &key, const QJsonValue &x, const QJsonValue &y)
    {
        const QString from = shown(x);
        const QString to = shown(y);
        if (from.size() <= kShortValue && to.size() <= kShortValue && !from.contains(u'\n') && !to.contains(u'\n'))
            m_out << SignoffManifest::tr("%1: %2 changed from %3 to %4").arg(label, key, from, to);
        else
            m_out << SignoffManifest::tr("%1: %2 changed").arg(label, key);
    }

    void fileChanged(const QString &label, const QString &before, const QString &now)
    {
        if (now.isEmpty())
            m_out << SignoffManifest::tr("%1: the file is missing from the evidence store").arg(label);
        else if (before.isEmpty())
            m_out << SignoffManifest::tr("%1: the file is back in the evidence store").arg(label);
        else
            m_out << SignoffManifest::tr("%1: the file was altered (its SHA-256 is now %2)").arg(label, now);
    }

    QStringList &m_out;
};

} // namespace

QJsonObject SignoffManifest::build(const SignoffScope &scope)
{
    QList<qint64> members;
    for (const ReleaseMember &m : scope.release.members)
        members.append(m.recordId);
    const QJsonObject release{{u"id"_s, scope.release.id},
                              {u"name"_s, scope.release.name},
                              {u"version"_s, scope.release.version},
                              {u"root_id"_s, scope.release.rootId},
                              {u"created_at"_s, timeText(scope.release.createdAt)},
                              {u"created_by"_s, scope.release.createdBy},
                              {u"members"_s, idArray(members)}};
    QJsonArray records;
    for (const ScopeRecord &r : sortedBy(scope.records, [](const ScopeRecord &s) { return s.record.id; }))
        records.append(recordJson(r));
    QJsonArray assessments;
    for (const Assessment &a : sortedBy(scope.assessments, [](const Assessment &s) { return s.id; }))
        assessments.append(assessmentJson(a));
    QJsonArray findings;
    for (const Finding &f : sortedBy(scope.findings, [](const Finding &s) { return s.id; }))
        findings.append(findingJson(f));
    QJsonArray evidence;
    for (const ScopeEvidence &e : sortedBy(scope.evidence, [](const ScopeEvidence &s) { return s.evidence.id; }))
        evidence.append(evidenceJson(e));
    return QJsonObject{{u"schema"_s, signoffformat::kManifestSchema},
                       {u"audit_head"_s, scope.auditHead},
                       {u"release"_s, release},
                       {u"records"_s, records},
                       {u"assessments"_s, assessments},
                       {u"findings"_s, findings},
                       {u"evidence"_s, evidence}};
}

QByteArray SignoffManifest::bytes(const SignoffScope &scope)
{
    return CanonicalJson::serialize(build(scope));
}

QStringList SignoffManifest::refusals(const SignoffScope &scope, const QDate &today)
{
    QStringList reasons;
    if (scope.assessments.isEmpty())
        reasons << tr("The release %1 has no assessment; assess it before approving.").arg(scope.release.label());
    for (const Assessment &a : scope.assessments) {
        for (const AssessmentItem &item : a.items) {
            if (item.status == ItemStatus::NotStarted && item.mandatory)
                reasons << tr("Assessment %1, item %2 (mandatory) is not started.")
                               .arg(QString::number(a.id), item.label());
            if (item.status != ItemStatus::Fail && item.status != ItemStatus::RiskAccepted)
                continue;
            bool inForce = false;
            const Finding *expired = nullptr;
            for (const Finding &f : scope.findings) {
                if (f.assessmentId != a.id || f.catalogItemId != item.catalogItemId ||
                    f.status != FindingStatus::Accepted)
                    continue;
                if (f.acceptedUntil.isValid() && f.acceptedUntil >= today)
                    inForce = true;
                else
                    expired = &f;
            }
            if (inForce)
                continue;
            if (expired)
                reasons << tr("Assessment %1, item %2: the accepted risk of finding %3 expired on %4.")
                               .arg(QString::number(a.id), item.label(), QString::number(expired->id),
                                    dayText(expired->acceptedUntil));
            else if (item.status == ItemStatus::Fail)
                reasons << tr("Assessment %1, item %2 failed and no finding on it has an accepted risk.")
                               .arg(QString::number(a.id), item.label());
            else
                reasons << tr("Assessment %1, item %2 is marked risk accepted, but none of its findings is accepted.")
                               .arg(QString::number(a.id), item.label());
        }
    }
    for (const ScopeEvidence &e : scope.evidence) {
        const QString id = QString::number(e.evidence.id);
        if (e.fileSha256.isEmpty())
            reasons << tr("Evidence %1 \"%2\" is missing from the evidence store.").arg(id, e.evidence.title);
        else if (e.fileSha256 != e.evidence.sha256)
            reasons << tr("Evidence %1 \"%2\" was altered: the file hashes to %3, not %4.")
                           .arg(id, e.evidence.title, e.fileSha256, e.evidence.sha256);
        if (e.evidence.isExpired(today))
            reasons
                << tr("Evidence %1 \"%2\" expired on %3.").arg(id, e.evidence.title, dayText(e.evidence.expiryDate));
    }
    return reasons;
}

QStringList SignoffManifest::diff(const QJsonObject &signedManifest, const QJsonObject &current)
{
    QStringList out;
    Differ differ(out);
    if (signedManifest.value(u"schema"_s) != current.value(u"schema"_s))
        out << tr("The manifest format changed from %1 to %2")
                   .arg(signedManifest.value(u"schema"_s).toString(), current.value(u"schema"_s).toString());
    differ.fields(tr("Release"), signedManifest.value(u"release"_s).toObject(), current.value(u"release"_s).toObject());

    const auto recordLabel = [](const QJsonObject &r) {
        return tr("Record %1 \"%2\"").arg(QString::number(r.value(u"id"_s).toInteger()), r.value(u"name"_s).toString());
    };
    differ.keyed(signedManifest.value(u"records"_s).toArray(), current.value(u"records"_s).toArray(), u"id"_s,
                 recordLabel, [&](const QString &label, const QJsonObject &a, const QJsonObject &b) {
                     differ.fields(label, a, b, {u"artifacts"_s});
                     differ.keyed(
                         a.value(u"artifacts"_s).toArray(), b.value(u"artifacts"_s).toArray(), u"file_name"_s,
                         [&](const QJsonObject &f) {
                             return tr("%1, artifact %2").arg(label, f.value(u"file_name"_s).toString());
                         },
                         [&](const QString &artifact, const QJsonObject &x, const QJsonObject &y) {
                             differ.fields(artifact, x, y);
                         });
                 });

    differ.keyed(
        signedManifest.value(u"assessments"_s).toArray(), current.value(u"assessments"_s).toArray(), u"id"_s,
        [](const QJsonObject &a) { return tr("Assessment %1").arg(QString::number(a.value(u"id"_s).toInteger())); },
        [&](const QString &label, const QJsonObject &a, const QJsonObject &b) {
            differ.fields(label, a, b, {u"items"_s});
            differ.keyed(
                a.value(u"items"_s).toArray(), b.value(u"items"_s).toArray(), u"key"_s,
                [&](const QJsonObject &i) {
                    const QString ref = i.value(u"ref"_s).toString();
                    return tr("%1, item %2").arg(label, ref.isEmpty() ? i.value(u"key"_s).toString() : ref);
                },
                [&](const QString &item, const QJsonObject &x, const QJsonObject &y) { differ.fields(item, x, y); });
        });

    differ.keyed(
        signedManifest.value(u"findings"_s).toArray(), current.value(u"findings"_s).toArray(), u"id"_s,
        [](const QJsonObject &f) {
            return tr("Finding %1 \"%2\"")
                .arg(QString::number(f.value(u"id"_s).toInteger()), f.value(u"title"_s).toString());
        },
        [&](const QString &label, const QJsonObject &a, const QJsonObject &b) { differ.fields(label, a, b); });

    differ.keyed(
        signedManifest.value(u"evidence"_s).toArray(), current.value(u"evidence"_s).toArray(), u"id"_s,
        [](const QJsonObject &e) {
            return tr("Evidence %1 \"%2\"")
                .arg(QString::number(e.value(u"id"_s).toInteger()), e.value(u"title"_s).toString());
        },
        [&](const QString &label, const QJsonObject &a, const QJsonObject &b) { differ.fields(label, a, b); });
    return out;
}

} // namespace strata
