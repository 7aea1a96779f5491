// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "storage/AssessmentRepository.h"

#include "storage/Database.h"
#include "storage/SqlValues.h"

#include <QSqlError>
#include <QSqlQuery>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

QString dateText(const QDate &date)
{
    return date.isValid() ? date.toString(Qt::ISODate) : QString(u""_s);
}

QString kindsText(const QList<RecordKind> &kinds)
{
    QStringList keys;
    for (RecordKind kind : kinds)
        keys << recordKindKey(kind);
    return keys.join(u',');
}

QList<RecordKind> kindsFromText(const QString &text)
{
    QList<RecordKind> kinds;
    for (const QString &key : text.split(u',', Qt::SkipEmptyParts)) {
        if (const std::optional<RecordKind> kind = recordKindFromKey(key))
            kinds << *kind;
    }
    return kinds;
}

const QString kFindingSelect = u"SELECT f.id, f.assessment_id, f.item_id, i.item_key, f.title, f.likelihood, f.impact, "
                               "f.owner, f.due_date, f.status, f.justification, f.accepted_until, f.created_at, "
                               "f.created_by FROM finding f JOIN catalog_item i ON i.id = f.item_id "_s;

Finding findingFromQuery(const QSqlQuery &q)
{
    Finding f;
    f.id = q.value(0).toLongLong();
    f.assessmentId = q.value(1).toLongLong();
    f.catalogItemId = q.value(2).toLongLong();
    f.itemKey = q.value(3).toString();
    f.title = q.value(4).toString();
    f.likelihood = q.value(5).toInt();
    f.impact = q.value(6).toInt();
    f.owner = q.value(7).toString();
    f.dueDate = QDate::fromString(q.value(8).toString(), Qt::ISODate);
    f.status = findingStatusFromKey(q.value(9).toString()).value_or(FindingStatus::Open);
    f.justification = q.value(10).toString();
    f.acceptedUntil = QDate::fromString(q.value(11).toString(), Qt::ISODate);
    f.createdAt = sql::timeFromText(q.value(12).toString());
    f.createdBy = q.value(13).toString();
    return f;
}

} // namespace

AssessmentRepository::AssessmentRepository(const Database &db)
    : m_db(db)
{
}

Result<qint64> AssessmentRepository::insertRelease(const Release &release)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO release (name, version, root_id, created_at, created_by) VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(release.name);
    q.addBindValue(release.version);
    q.addBindValue(release.rootId);
    q.addBindValue(sql::timeToText(release.createdAt));
    q.addBindValue(sql::nonNull(release.createdBy));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the release %1").arg(release.label()), q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery m(m_db.connection());
    m.prepare(u"INSERT INTO release_member (release_id, position, record_id, kind, name, version) "
              "VALUES (?, ?, ?, ?, ?, ?)"_s);
    for (int position = 0; position < release.members.size(); ++position) {
        const ReleaseMember &member = release.members.at(position);
        m.addBindValue(id);
        m.addBindValue(position);
        m.addBindValue(member.recordId);
        m.addBindValue(recordKindKey(member.kind));
        m.addBindValue(sql::nonNull(member.name));
        m.addBindValue(sql::nonNull(member.version));
        if (!m.exec())
            return m_db.sqlError(tr("Recording the members of release %1").arg(release.label()), m.lastError());
    }
    return id;
}

Result<QList<ReleaseMember>> AssessmentRepository::members(qint64 releaseId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT record_id, kind, name, version FROM release_member WHERE release_id = ? ORDER BY position"_s);
    q.addBindValue(releaseId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the members of release %1").arg(releaseId), q.lastError());
    QList<ReleaseMember> members;
    while (q.next()) {
        ReleaseMember member;
        member.recordId = q.value(0).toLongLong();
        member.kind = recordKindFromKey(q.value(1).toString()).value_or(RecordKind::Model);
        member.name = q.value(2).toString();
        member.version = q.value(3).toString();
        members.append(member);
    }
    return members;
}

Result<Release> AssessmentRepository::release(qint64 releaseId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id, name, version, root_id, created_at, created_by FROM release WHERE id = ?"_s);
    q.addBindValue(releaseId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading release %1").arg(releaseId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no release with the id %1; \"strata-cli release list\" shows "
                                             "the releases.")
                                              .arg(releaseId)};
    Release r;
    r.id = q.value(0).toLongLong();
    r.name = q.value(1).toString();
    r.version = q.value(2).toString();
    r.rootId = q.value(3).toLongLong();
    r.createdAt = sql::timeFromText(q.value(4).toString());
    r.createdBy = q.value(5).toString();
    Result<QList<ReleaseMember>> m = members(r.id);
    if (!m)
        return m.error();
    r.members = m.value();
    return r;
}

Result<QList<Release>> AssessmentRepository::releases() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT id FROM release ORDER BY name COLLATE NOCASE, id"_s))
        return m_db.sqlError(tr("Listing the releases"), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    QList<Release> all;
    for (qint64 id : std::as_const(ids)) {
        Result<Release> r = release(id);
        if (!r)
            return r.error();
        all.append(r.value());
    }
    return all;
}

Result<QList<qint64>> AssessmentRepository::releasesNamed(const QString &name) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM release WHERE name = ? COLLATE NOCASE ORDER BY id DESC"_s);
    q.addBindValue(name);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up the release %1").arg(name), q.lastError());
    QList<qint64> ids;
    while (q.next())
        ids << q.value(0).toLongLong();
    return ids;
}

Result<std::optional<qint64>> AssessmentRepository::findRelease(const QString &name, const QString &version) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT id FROM release WHERE name = ? COLLATE NOCASE AND version = ?"_s);
    q.addBindValue(name);
    q.addBindValue(version);
    if (!q.exec())
        return m_db.sqlError(tr("Looking up the release %1@%2").arg(name, version), q.lastError());
    if (!q.next())
        return std::optional<qint64>();
    return std::optional<qint64>(q.value(0).toLongLong());
}

Result<qint64> AssessmentRepository::insertAssessment(const Assessment &a, const QList<qint64> &itemIds)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO assessment (catalog_id, release_id, record_id, scope_label, scope_kinds, created_at, "
              "created_by) VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(a.catalogId);
    q.addBindValue(a.scope.releaseId > 0 ? QVariant(a.scope.releaseId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(a.scope.recordId > 0 ? QVariant(a.scope.recordId) : QVariant(QMetaType(QMetaType::LongLong)));
    q.addBindValue(sql::nonNull(a.scopeLabel));
    q.addBindValue(kindsText(a.kinds));
    q.addBindValue(sql::timeToText(a.createdAt));
    q.addBindValue(sql::nonNull(a.createdBy));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the assessment of %1").arg(a.scopeLabel), q.lastError());
    const qint64 id = q.lastInsertId().toLongLong();
    QSqlQuery i(m_db.connection());
    i.prepare(u"INSERT INTO assessment_item (assessment_id, item_id) VALUES (?, ?)"_s);
    for (qint64 itemId : itemIds) {
        i.addBindValue(id);
        i.addBindValue(itemId);
        if (!i.exec())
            return m_db.sqlError(tr("Recording the items of the assessment of %1").arg(a.scopeLabel), i.lastError());
    }
    return id;
}

Result<Assessment> AssessmentRepository::assessment(qint64 assessmentId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"SELECT a.id, a.catalog_id, c.catalog_key, c.version, a.release_id, a.record_id, a.scope_label, "
              "a.scope_kinds, a.created_at, a.created_by FROM assessment a JOIN catalog c ON c.id = a.catalog_id "
              "WHERE a.id = ?"_s);
    q.addBindValue(assessmentId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading assessment %1").arg(assessmentId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no assessment with the id %1; \"strata-cli assess list\" "
                                             "shows the assessments.")
                                              .arg(assessmentId)};
    Assessment a;
    a.id = q.value(0).toLongLong();
    a.catalogId = q.value(1).toLongLong();
    a.catalogKey = q.value(2).toString();
    a.catalogVersion = q.value(3).toString();
    a.scope.releaseId = q.value(4).toLongLong();
    a.scope.recordId = q.value(5).toLongLong();
    a.scopeLabel = q.value(6).toString();
    a.kinds = kindsFromText(q.value(7).toString());
    a.createdAt = sql::timeFromText(q.value(8).toString());
    a.createdBy = q.value(9).toString();
    return a;
}

Result<QList<StoredItemAnswer>> AssessmentRepository::answers(qint64 assessmentId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(u"SELECT a.item_id, a.status, a.notes, a.reviewer, a.updated_at, "
              "(SELECT group_concat(e.evidence_id) FROM assessment_evidence e "
              "WHERE e.assessment_id = a.assessment_id AND e.item_id = a.item_id) "
              "FROM assessment_item a WHERE a.assessment_id = ?"_s);
    q.addBindValue(assessmentId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading the answers of assessment %1").arg(assessmentId), q.lastError());
    QList<StoredItemAnswer> all;
    while (q.next()) {
        StoredItemAnswer answer;
        answer.itemId = q.value(0).toLongLong();
        answer.status = itemStatusFromKey(q.value(1).toString()).value_or(ItemStatus::NotStarted);
        answer.notes = q.value(2).toString();
        answer.reviewer = q.value(3).toString();
        answer.updatedAt = q.value(4).toString().isEmpty() ? QDateTime() : sql::timeFromText(q.value(4).toString());
        for (const QString &id : q.value(5).toString().split(u',', Qt::SkipEmptyParts))
            answer.evidenceIds << id.toLongLong();
        std::sort(answer.evidenceIds.begin(), answer.evidenceIds.end());
        all.append(answer);
    }
    return all;
}

Result<QList<AssessmentSummary>> AssessmentRepository::assessments() const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    if (!q.exec(u"SELECT a.id, c.catalog_key, c.version, a.scope_label, a.release_id IS NOT NULL, a.created_at, "
                "(SELECT count(*) FROM assessment_item i WHERE i.assessment_id = a.id), "
                "(SELECT count(*) FROM assessment_item i WHERE i.assessment_id = a.id AND i.status <> 'not_started'), "
                "(SELECT count(*) FROM assessment_item i WHERE i.assessment_id = a.id AND i.status = 'fail'), "
                "a.release_id "
                "FROM assessment a JOIN catalog c ON c.id = a.catalog_id ORDER BY a.id"_s))
        return m_db.sqlError(tr("Listing the assessments"), q.lastError());
    QList<AssessmentSummary> all;
    while (q.next()) {
        AssessmentSummary s;
        s.id = q.value(0).toLongLong();
        s.catalogKey = q.value(1).toString();
        s.catalogVersion = q.value(2).toString();
        s.scopeLabel = q.value(3).toString();
        s.releaseScope = q.value(4).toInt() == 1;
        s.createdAt = sql::timeFromText(q.value(5).toString());
        s.itemCount = q.value(6).toInt();
        s.answered = q.value(7).toInt();
        s.failed = q.value(8).toInt();
        s.releaseId = q.value(9).toLongLong();
        all.append(s);
    }
    return all;
}

Status AssessmentRepository::updateAnswer(qint64 assessmentId, const StoredItemAnswer &answer)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE assessment_item SET status = ?, notes = ?, reviewer = ?, updated_at = ? "
              "WHERE assessment_id = ? AND item_id = ?"_s);
    q.addBindValue(itemStatusKey(answer.status));
    q.addBindValue(sql::nonNull(answer.notes));
    q.addBindValue(sql::nonNull(answer.reviewer));
    q.addBindValue(sql::timeToText(answer.updatedAt));
    q.addBindValue(assessmentId);
    q.addBindValue(answer.itemId);
    if (!q.exec())
        return m_db.sqlError(tr("Saving the answer in assessment %1").arg(assessmentId), q.lastError());
    return Ok{};
}

Status AssessmentRepository::linkEvidence(
    qint64 assessmentId, qint64 itemId, qint64 evidenceId, const QDateTime &at, const QString &by)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT OR IGNORE INTO assessment_evidence (assessment_id, item_id, evidence_id, linked_at, linked_by) "
              "VALUES (?, ?, ?, ?, ?)"_s);
    q.addBindValue(assessmentId);
    q.addBindValue(itemId);
    q.addBindValue(evidenceId);
    q.addBindValue(sql::timeToText(at));
    q.addBindValue(sql::nonNull(by));
    if (!q.exec())
        return m_db.sqlError(tr("Linking evidence %1 in assessment %2").arg(evidenceId).arg(assessmentId),
                             q.lastError());
    return Ok{};
}

Status AssessmentRepository::unlinkEvidence(qint64 assessmentId, qint64 itemId, qint64 evidenceId)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"DELETE FROM assessment_evidence WHERE assessment_id = ? AND item_id = ? AND evidence_id = ?"_s);
    q.addBindValue(assessmentId);
    q.addBindValue(itemId);
    q.addBindValue(evidenceId);
    if (!q.exec())
        return m_db.sqlError(tr("Unlinking evidence %1 in assessment %2").arg(evidenceId).arg(assessmentId),
                             q.lastError());
    return Ok{};
}

namespace {

/// The columns a finding's insert and update share, in the order both statements list them.
void bindFindingFields(QSqlQuery &q, const Finding &f)
{
    q.addBindValue(f.title);
    q.addBindValue(f.likelihood);
    q.addBindValue(f.impact);
    q.addBindValue(sql::nonNull(f.owner));
    q.addBindValue(dateText(f.dueDate));
    q.addBindValue(findingStatusKey(f.status));
    q.addBindValue(sql::nonNull(f.justification));
    q.addBindValue(dateText(f.acceptedUntil));
}

} // namespace

Result<qint64> AssessmentRepository::insertFinding(const Finding &f)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"INSERT INTO finding (assessment_id, item_id, title, likelihood, impact, owner, due_date, status, "
              "justification, accepted_until, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    q.addBindValue(f.assessmentId);
    q.addBindValue(f.catalogItemId);
    bindFindingFields(q, f);
    q.addBindValue(sql::timeToText(f.createdAt));
    q.addBindValue(sql::nonNull(f.createdBy));
    if (!q.exec())
        return m_db.sqlError(tr("Recording the finding \"%1\"").arg(f.title), q.lastError());
    return q.lastInsertId().toLongLong();
}

Status AssessmentRepository::updateFinding(const Finding &f)
{
    QSqlQuery q(m_db.connection());
    q.prepare(u"UPDATE finding SET title = ?, likelihood = ?, impact = ?, owner = ?, due_date = ?, status = ?, "
              "justification = ?, accepted_until = ? WHERE id = ?"_s);
    bindFindingFields(q, f);
    q.addBindValue(f.id);
    if (!q.exec())
        return m_db.sqlError(tr("Saving finding %1").arg(f.id), q.lastError());
    return Ok{};
}

Result<Finding> AssessmentRepository::finding(qint64 findingId) const
{
    QSqlQuery q(m_db.connection());
    q.prepare(kFindingSelect + u"WHERE f.id = ?"_s);
    q.addBindValue(findingId);
    if (!q.exec())
        return m_db.sqlError(tr("Reading finding %1").arg(findingId), q.lastError());
    if (!q.next())
        return Error{ErrorCode::NotFound, tr("There is no finding with the id %1; \"strata-cli findings list\" "
                                             "shows the findings.")
                                              .arg(findingId)};
    return findingFromQuery(q);
}

Result<QList<Finding>> AssessmentRepository::findings(qint64 assessmentId) const
{
    QSqlQuery q(m_db.connection());
    q.setForwardOnly(true);
    q.prepare(kFindingSelect + (assessmentId > 0 ? u"WHERE f.assessment_id = ? "_s : QString()) +
              u"ORDER BY f.likelihood * f.impact DESC, f.id"_s);
    if (assessmentId > 0)
        q.addBindValue(assessmentId);
    if (!q.exec())
        return m_db.sqlError(tr("Listing the findings"), q.lastError());
    QList<Finding> all;
    while (q.next())
        all.append(findingFromQuery(q));
    return all;
}

} // namespace strata
