// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The releases, assessments and findings part of Workspace: everything is checked first, then written in one
// transaction, so a refused answer or finding leaves the workspace as it was.
#include "audit/AuditJson.h"
#include "checklist/ReleaseScope.h"
#include "storage/AssessmentRepository.h"
#include "storage/CatalogRepository.h"
#include "storage/EvidenceRepository.h"
#include "storage/RecordRepository.h"
#include "storage/RelationRepository.h"
#include "workspace/Workspace.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// The item `key` of an assessment, or an error that says where the items are listed.
Result<AssessmentItem> itemOf(const Assessment &assessment, const QString &key)
{
    if (const AssessmentItem *item = assessment.item(key))
        return *item;
    return Error{ErrorCode::InvalidInput,
                 Workspace::tr("Assessment %1 has no item \"%2\"; \"strata-cli assess show %1\" lists its items.")
                     .arg(QString::number(assessment.id), key)};
}

/// The catalog an assessment uses when none is named: the one Strata ships.
const QString kDefaultCatalog = u"wdta-ai-str-03"_s;

bool hasControlCharacters(const QString &text)
{
    static const QRegularExpression control(u"[\\x{0}-\\x{1F}\\x{7F}]"_s);
    return control.match(text).hasMatch();
}

bool isNumber(const QString &text)
{
    static const QRegularExpression digits(u"^\\d{1,18}$"_s);
    return digits.match(text).hasMatch();
}

QString recordLabel(const Record &r)
{
    return r.version.isEmpty() ? r.name : u"%1@%2"_s.arg(r.name, r.version);
}

} // namespace

Result<QList<qint64>> Workspace::upstreamOf(qint64 rootId) const
{
    Result<Record> root = m_records->get(rootId);
    if (!root)
        return root.error();
    std::optional<Error> failure;
    const QList<qint64> ids = release_scope::upstream(rootId, [&](qint64 id) {
        QList<qint64> targets;
        if (failure)
            return targets;
        Result<QList<RelatedRecord>> related = m_relations->forRecord(id);
        if (!related) {
            failure = related.error();
            return targets;
        }
        for (const RelatedRecord &r : std::as_const(related.value())) {
            if (r.outgoing)
                targets << r.otherId;
        }
        return targets;
    });
    if (failure)
        return *failure;
    return ids;
}

Result<Release> Workspace::createRelease(const QString &name, const QString &version, qint64 rootId)
{
    if (Status s = writable(); !s)
        return s.error();
    Release release;
    release.name = name.trimmed();
    release.version = version.trimmed();
    if (release.name.isEmpty() || release.name.size() > assessment_limits::kNameMax ||
        hasControlCharacters(release.name))
        return Error{ErrorCode::InvalidInput, tr("A release needs a name of 1 to %1 characters without control "
                                                 "characters.")
                                                  .arg(assessment_limits::kNameMax)};
    if (release.version.isEmpty() || release.version.size() > assessment_limits::kVersionMax ||
        hasControlCharacters(release.version))
        return Error{ErrorCode::InvalidInput, tr("Release %1 needs a version of 1 to %2 characters, such as 1.0.")
                                                  .arg(release.name)
                                                  .arg(assessment_limits::kVersionMax)};
    if (release.name.contains(u'@') || isNumber(release.name))
        return Error{ErrorCode::InvalidInput,
                     tr("The release name \"%1\" cannot be a number or contain \"@\": commands name releases as "
                        "NAME or NAME@VERSION.")
                         .arg(release.name)};
    Result<Record> root = m_records->get(rootId);
    if (!root)
        return root.error();
    if (root.value().kind != RecordKind::Model && root.value().kind != RecordKind::Service)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is a %2; the root of a release is the model or service being shipped.")
                         .arg(recordLabel(root.value()), recordKindLabel(root.value().kind).toLower())};
    Result<QList<qint64>> ids = upstreamOf(rootId);
    if (!ids)
        return ids.error();
    for (qint64 id : std::as_const(ids.value())) {
        Result<Record> r = m_records->get(id);
        if (!r)
            return r.error();
        release.members.append({id, r.value().kind, r.value().name, r.value().version});
    }
    release.rootId = rootId;
    release.createdAt = QDateTime::currentDateTimeUtc();
    release.createdBy = m_actor;

    AssessmentRepository repository(*m_db);
    const Status s = inTransaction([&]() -> Status {
        Result<std::optional<qint64>> existing = repository.findRelease(release.name, release.version);
        if (!existing)
            return existing.error();
        if (existing.value())
            return Error{ErrorCode::Conflict, tr("Release %1 already exists; a release stays what was reviewed, so "
                                                 "give the new one another version.")
                                                  .arg(release.label())};
        Result<qint64> id = repository.insertRelease(release);
        if (!id)
            return id.error();
        release.id = id.value();
        QJsonArray members;
        for (const ReleaseMember &m : std::as_const(release.members))
            members.append(m.recordId);
        return recordAudit(u"release.create"_s, u"release"_s, release.id, {},
                           QJsonObject{{u"name"_s, release.name},
                                       {u"version"_s, release.version},
                                       {u"rootId"_s, release.rootId},
                                       {u"members"_s, members}});
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    return release;
}

Result<QList<Release>> Workspace::releases() const
{
    return AssessmentRepository(*m_db).releases();
}

Result<Release> Workspace::release(const QString &idOrName) const
{
    const QString text = idOrName.trimmed();
    if (text.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No release was named; give its name, name@version or id.")};
    AssessmentRepository repository(*m_db);
    if (isNumber(text))
        return repository.release(text.toLongLong());
    const qsizetype at = text.lastIndexOf(u'@');
    if (at > 0) {
        Result<std::optional<qint64>> found = repository.findRelease(text.left(at), text.mid(at + 1));
        if (!found)
            return found.error();
        if (found.value())
            return repository.release(*found.value());
    }
    Result<QList<qint64>> named = repository.releasesNamed(text);
    if (!named)
        return named.error();
    if (named.value().isEmpty())
        return Error{ErrorCode::NotFound, tr("No release is named \"%1\"; \"strata-cli release list\" shows the "
                                             "releases.")
                                              .arg(text)};
    if (named.value().size() > 1) {
        QStringList labels;
        for (qint64 id : std::as_const(named.value())) {
            if (Result<Release> r = repository.release(id))
                labels << r.value().label();
        }
        return Error{ErrorCode::InvalidInput,
                     tr("\"%1\" names %n release(s) (%2); give NAME@VERSION.", "", int(named.value().size()))
                         .arg(text, labels.join(u", "_s))};
    }
    return repository.release(named.value().constFirst());
}

Result<Assessment> Workspace::createAssessment(const AssessmentScope &scope, const QString &catalogName)
{
    if (Status s = writable(); !s)
        return s.error();
    if ((scope.releaseId > 0) == (scope.recordId > 0))
        return Error{ErrorCode::InvalidInput,
                     tr("An assessment is about either a release or one record; name exactly one of them.")};
    Result<Catalog> catalog = this->catalog(catalogName.trimmed().isEmpty() ? kDefaultCatalog : catalogName);
    if (!catalog)
        return catalog.error();

    Assessment assessment;
    assessment.catalogId = catalog.value().id;
    assessment.catalogKey = catalog.value().key;
    assessment.catalogVersion = catalog.value().version;
    assessment.scope = scope;
    QSet<int> kinds;
    if (scope.releaseId > 0) {
        Result<Release> release = AssessmentRepository(*m_db).release(scope.releaseId);
        if (!release)
            return release.error();
        assessment.scopeLabel = release.value().label();
        for (const ReleaseMember &member : std::as_const(release.value().members))
            kinds.insert(static_cast<int>(member.kind));
    } else {
        Result<Record> record = m_records->get(scope.recordId);
        if (!record)
            return record.error();
        assessment.scopeLabel = recordLabel(record.value());
        kinds.insert(static_cast<int>(record.value().kind));
        if (record.value().kind == RecordKind::Supplier) {
            // A supplier is assessed together with what it provides.
            Result<QVector<qint64>> provided = m_relations->providedBy(scope.recordId);
            if (!provided)
                return provided.error();
            for (qint64 id : std::as_const(provided.value())) {
                if (Result<Record> r = m_records->get(id))
                    kinds.insert(static_cast<int>(r.value().kind));
            }
        }
    }
    QSet<qint64> applicable;
    for (RecordKind kind : allRecordKinds()) {
        if (!kinds.contains(static_cast<int>(kind)))
            continue;
        assessment.kinds << kind;
        Result<QList<CatalogItem>> items = applicableItems(assessment.catalogId, kind);
        if (!items)
            return items.error();
        for (const CatalogItem &item : std::as_const(items.value()))
            applicable.insert(item.id);
    }
    QList<qint64> itemIds;
    for (const CatalogItem &item : std::as_const(catalog.value().items)) {
        if (applicable.contains(item.id))
            itemIds << item.id;
    }
    if (itemIds.isEmpty())
        return Error{ErrorCode::InvalidInput, tr("No item of catalog %1 applies to the kinds of record in %2; "
                                                 "choose another catalog.")
                                                  .arg(assessment.catalogKey, assessment.scopeLabel)};
    assessment.createdAt = QDateTime::currentDateTimeUtc();
    assessment.createdBy = m_actor;

    AssessmentRepository repository(*m_db);
    qint64 id = 0;
    const Status s = inTransaction([&]() -> Status {
        Result<qint64> inserted = repository.insertAssessment(assessment, itemIds);
        if (!inserted)
            return inserted.error();
        id = inserted.value();
        return recordAudit(u"assessment.create"_s, u"assessment"_s, id, {},
                           QJsonObject{{u"catalog"_s, u"%1@%2"_s.arg(assessment.catalogKey, assessment.catalogVersion)},
                                       {u"releaseId"_s, assessment.scope.releaseId},
                                       {u"recordId"_s, assessment.scope.recordId},
                                       {u"scope"_s, assessment.scopeLabel},
                                       {u"items"_s, static_cast<int>(itemIds.size())}});
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    return this->assessment(id);
}

Result<QList<AssessmentSummary>> Workspace::assessments() const
{
    return AssessmentRepository(*m_db).assessments();
}

Result<Assessment> Workspace::assessment(qint64 id) const
{
    AssessmentRepository repository(*m_db);
    Result<Assessment> header = repository.assessment(id);
    if (!header)
        return header.error();
    Assessment assessment = header.value();
    Result<QList<StoredItemAnswer>> answers = repository.answers(id);
    if (!answers)
        return answers.error();
    Result<QList<CatalogItem>> items = CatalogRepository(*m_db).items(assessment.catalogId);
    if (!items)
        return items.error();
    Result<QList<Evidence>> evidence = EvidenceRepository(*m_db).list();
    if (!evidence)
        return evidence.error();
    QHash<qint64, Evidence> evidenceById;
    for (const Evidence &e : std::as_const(evidence.value()))
        evidenceById.insert(e.id, e);
    QHash<qint64, StoredItemAnswer> answerByItem;
    for (const StoredItemAnswer &a : std::as_const(answers.value()))
        answerByItem.insert(a.itemId, a);
    for (const CatalogItem &c : std::as_const(items.value())) {
        const auto found = answerByItem.constFind(c.id);
        if (found == answerByItem.constEnd())
            continue;
        AssessmentItem item;
        item.catalogItemId = c.id;
        item.key = c.key;
        item.ref = c.ref;
        item.stage = c.stage;
        item.mandatory = c.mandatory;
        item.title = c.title;
        item.status = found->status;
        item.notes = found->notes;
        item.reviewer = found->reviewer;
        item.updatedAt = found->updatedAt;
        for (qint64 evidenceId : found->evidenceIds) {
            if (evidenceById.contains(evidenceId))
                item.evidence.append(evidenceById.value(evidenceId));
        }
        assessment.items.append(item);
    }
    return assessment;
}

Result<AssessmentItem> Workspace::setItemStatus(qint64 assessmentId, const ItemUpdate &update)
{
    if (Status s = writable(); !s)
        return s.error();
    Result<Assessment> assessment = this->assessment(assessmentId);
    if (!assessment)
        return assessment.error();
    const Result<AssessmentItem> found = itemOf(assessment.value(), update.itemKey);
    if (!found)
        return found.error();
    const AssessmentItem &item = found.value();
    const QString notes = update.notes ? *update.notes : item.notes;
    if (notes.size() > assessment_limits::kNotesMax)
        return Error{ErrorCode::InvalidInput, tr("The notes for item %1 are %2 characters long; at most %3 are "
                                                 "allowed.")
                                                  .arg(item.label())
                                                  .arg(notes.size())
                                                  .arg(assessment_limits::kNotesMax)};
    if (update.status == ItemStatus::NotApplicable && notes.trimmed().isEmpty())
        return Error{
            ErrorCode::InvalidInput,
            tr("Item %1 can only be marked not applicable with a reason; write it in the notes.").arg(item.label())};
    AssessmentRepository repository(*m_db);
    if (update.status == ItemStatus::RiskAccepted) {
        Result<QList<Finding>> findings = repository.findings(assessmentId);
        if (!findings)
            return findings.error();
        const QDate today = QDate::currentDate();
        const bool accepted = std::any_of(findings.value().cbegin(), findings.value().cend(), [&](const Finding &f) {
            return f.catalogItemId == item.catalogItemId && f.status == FindingStatus::Accepted &&
                   f.acceptedUntil >= today;
        });
        if (!accepted)
            return Error{ErrorCode::InvalidInput,
                         tr("Item %1 can only be marked risk accepted when one of its findings is accepted and the "
                            "acceptance has not expired; accept the finding first (\"strata-cli findings accept\").")
                             .arg(item.label())};
    }
    if (!update.evidenceIds.isEmpty()) {
        Result<QList<Evidence>> all = EvidenceRepository(*m_db).list();
        if (!all)
            return all.error();
        QSet<qint64> known;
        for (const Evidence &e : std::as_const(all.value()))
            known.insert(e.id);
        for (qint64 id : update.evidenceIds) {
            if (!known.contains(id))
                return Error{ErrorCode::NotFound, tr("There is no evidence with the id %1; \"strata-cli evidence "
                                                     "list\" shows the evidence.")
                                                      .arg(id)};
        }
    }

    StoredItemAnswer answer;
    answer.itemId = item.catalogItemId;
    answer.status = update.status;
    answer.notes = notes;
    answer.reviewer = m_actor;
    answer.updatedAt = QDateTime::currentDateTimeUtc();
    const Status s = inTransaction([&]() -> Status {
        if (Status u = repository.updateAnswer(assessmentId, answer); !u)
            return u;
        for (qint64 evidenceId : update.evidenceIds) {
            if (Status l =
                    repository.linkEvidence(assessmentId, item.catalogItemId, evidenceId, answer.updatedAt, m_actor);
                !l)
                return l;
        }
        QJsonObject before{{u"item"_s, item.label()}, {u"status"_s, itemStatusKey(item.status)}};
        QJsonObject after{{u"item"_s, item.label()}, {u"status"_s, itemStatusKey(answer.status)}};
        if (answer.notes != item.notes) {
            before.insert(u"notes"_s, item.notes);
            after.insert(u"notes"_s, answer.notes);
        }
        if (!update.evidenceIds.isEmpty()) {
            QJsonArray linked;
            for (qint64 evidenceId : update.evidenceIds)
                linked.append(evidenceId);
            after.insert(u"evidenceIds"_s, linked);
        }
        return recordAudit(u"assessment.item"_s, u"assessment"_s, assessmentId, before, after);
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    Result<Assessment> after = this->assessment(assessmentId);
    if (!after)
        return after.error();
    return *after.value().item(item.key);
}

Result<Finding> Workspace::addFinding(const Finding &input)
{
    if (Status s = writable(); !s)
        return s.error();
    Result<Assessment> assessment = this->assessment(input.assessmentId);
    if (!assessment)
        return assessment.error();
    const Result<AssessmentItem> found = itemOf(assessment.value(), input.itemKey);
    if (!found)
        return found.error();
    const AssessmentItem *item = &found.value();
    if (item->status != ItemStatus::Fail && item->status != ItemStatus::RiskAccepted)
        return Error{ErrorCode::InvalidInput, tr("Item %1 is \"%2\"; a finding is raised on an item that failed, so "
                                                 "set the item to fail first.")
                                                  .arg(item->label(), itemStatusLabel(item->status))};
    Finding finding = input;
    finding.itemKey = item->key;
    finding.catalogItemId = item->catalogItemId;
    finding.title = input.title.trimmed();
    finding.owner = input.owner.trimmed();
    if (finding.title.isEmpty() || finding.title.size() > assessment_limits::kTitleMax ||
        hasControlCharacters(finding.title))
        return Error{ErrorCode::InvalidInput, tr("A finding needs a title of 1 to %1 characters without control "
                                                 "characters.")
                                                  .arg(assessment_limits::kTitleMax)};
    if (finding.likelihood < 1 || finding.likelihood > 5 || finding.impact < 1 || finding.impact > 5)
        return Error{ErrorCode::InvalidInput, tr("Likelihood and impact are each rated from 1 to 5 (got %1 and %2).")
                                                  .arg(finding.likelihood)
                                                  .arg(finding.impact)};
    if (finding.owner.size() > assessment_limits::kOwnerMax || hasControlCharacters(finding.owner))
        return Error{ErrorCode::InvalidInput, tr("The owner of a finding is at most %1 characters without control "
                                                 "characters.")
                                                  .arg(assessment_limits::kOwnerMax)};
    if (finding.status != FindingStatus::Open && finding.status != FindingStatus::Mitigating)
        return Error{ErrorCode::InvalidInput,
                     tr("A new finding is open or mitigating; accept or close it once it is recorded.")};
    finding.justification.clear();
    finding.acceptedUntil = QDate();
    finding.createdAt = QDateTime::currentDateTimeUtc();
    finding.createdBy = m_actor;
    AssessmentRepository repository(*m_db);
    const Status s = inTransaction([&]() -> Status {
        Result<qint64> id = repository.insertFinding(finding);
        if (!id)
            return id.error();
        finding.id = id.value();
        return recordAudit(u"finding.add"_s, u"finding"_s, finding.id, {}, audit_json::finding(finding));
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    return finding;
}

Result<QList<Finding>> Workspace::findings(qint64 assessmentId) const
{
    return AssessmentRepository(*m_db).findings(assessmentId);
}

Result<Finding> Workspace::acceptFinding(qint64 findingId, const QString &justification, const QDate &until)
{
    if (Status s = writable(); !s)
        return s.error();
    AssessmentRepository repository(*m_db);
    Result<Finding> found = repository.finding(findingId);
    if (!found)
        return found.error();
    Finding finding = found.value();
    const QString why = justification.trimmed();
    if (why.isEmpty())
        return Error{ErrorCode::InvalidInput,
                     tr("Accepting the risk of finding %1 needs a justification: say why the risk is acceptable.")
                         .arg(findingId)};
    if (why.size() > assessment_limits::kJustificationMax)
        return Error{ErrorCode::InvalidInput, tr("The justification is %1 characters long; at most %2 are allowed.")
                                                  .arg(why.size())
                                                  .arg(assessment_limits::kJustificationMax)};
    const QDate today = QDate::currentDate();
    if (!until.isValid() || until <= today)
        return Error{ErrorCode::InvalidInput,
                     tr("An accepted risk needs an expiry date after today (%1), so that it is reviewed again.")
                         .arg(today.toString(Qt::ISODate))};
    if (finding.status == FindingStatus::Closed)
        return Error{ErrorCode::InvalidInput,
                     tr("Finding %1 is closed; there is no risk left to accept.").arg(findingId)};
    finding.status = FindingStatus::Accepted;
    finding.justification = why;
    finding.acceptedUntil = until;
    const Status s = inTransaction([&]() -> Status {
        if (Status u = repository.updateFinding(finding); !u)
            return u;
        return recordAudit(u"finding.accept"_s, u"finding"_s, findingId, audit_json::finding(found.value()),
                           audit_json::finding(finding));
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    return finding;
}

Result<Finding> Workspace::setFindingStatus(qint64 findingId, FindingStatus status)
{
    if (Status s = writable(); !s)
        return s.error();
    if (status == FindingStatus::Accepted)
        return Error{ErrorCode::InvalidInput,
                     tr("Accepting a risk needs a justification and an expiry date; accept the finding instead.")};
    AssessmentRepository repository(*m_db);
    Result<Finding> found = repository.finding(findingId);
    if (!found)
        return found.error();
    Finding finding = found.value();
    finding.status = status;
    finding.justification.clear();
    finding.acceptedUntil = QDate();
    const Status s = inTransaction([&]() -> Status {
        if (Status u = repository.updateFinding(finding); !u)
            return u;
        return recordAudit(u"finding.status"_s, u"finding"_s, findingId, audit_json::finding(found.value()),
                           audit_json::finding(finding));
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    return finding;
}

Result<AssessmentItem> Workspace::unlinkItemEvidence(qint64 assessmentId, const QString &itemKey, qint64 evidenceId)
{
    if (Status s = writable(); !s)
        return s.error();
    Result<Assessment> assessment = this->assessment(assessmentId);
    if (!assessment)
        return assessment.error();
    const Result<AssessmentItem> found = itemOf(assessment.value(), itemKey);
    if (!found)
        return found.error();
    const AssessmentItem *item = &found.value();
    const bool linked = std::any_of(item->evidence.cbegin(), item->evidence.cend(),
                                    [evidenceId](const Evidence &e) { return e.id == evidenceId; });
    if (!linked)
        return Error{
            ErrorCode::NotFound,
            tr("Item %1 has no evidence with the id %2; nothing was unlinked.").arg(item->label()).arg(evidenceId)};
    const qint64 itemId = item->catalogItemId;
    const QString key = item->key;
    const Status s = inTransaction([&]() -> Status {
        if (Status unlinked = AssessmentRepository(*m_db).unlinkEvidence(assessmentId, itemId, evidenceId); !unlinked)
            return unlinked;
        return recordAudit(u"assessment.evidence.unlink"_s, u"assessment"_s, assessmentId,
                           {{u"item"_s, key}, {u"evidence"_s, evidenceId}}, {{u"item"_s, key}});
    });
    if (!s)
        return s.error();
    changed(Change::Assessments);
    Result<Assessment> after = this->assessment(assessmentId);
    if (!after)
        return after.error();
    return *after.value().item(key);
}

} // namespace strata
