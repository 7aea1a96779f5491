// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportCollector.h"

#include "ReportLanguage.h"
#include "WorkspaceSignoffSource.h"
#include "evidence/EvidenceStore.h"
#include "evidence/EvidenceVerifier.h"
#include "workspace/Workspace.h"

#include <QFileInfo>
#include <QHash>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kExpiringDays = 30;

/// The newest assessment whose scope matches, or nullopt when the scope has none.
Result<std::optional<Assessment>> newestAssessment(const Workspace &workspace, qint64 releaseId, qint64 recordId)
{
    Result<QList<AssessmentSummary>> summaries = workspace.assessments();
    if (!summaries)
        return summaries.error();
    std::optional<Assessment> newest;
    for (const AssessmentSummary &summary : std::as_const(summaries.value())) {
        if (newest && newest->id > summary.id)
            continue;
        if (summary.releaseScope != (releaseId > 0))
            continue;
        Result<Assessment> assessment = workspace.assessment(summary.id);
        if (!assessment)
            return assessment.error();
        const AssessmentScope &scope = assessment.value().scope;
        if ((releaseId > 0 && scope.releaseId == releaseId) || (releaseId == 0 && scope.recordId == recordId))
            newest = assessment.value();
    }
    return newest;
}

/// The ids a supplier provides, read from the relations that point at it.
Result<QList<qint64>> providedBy(const Workspace &workspace, qint64 supplierId)
{
    Result<GraphSnapshot> graph = workspace.graph({supplierId, GraphDirection::Downstream, 1});
    if (!graph)
        return graph.error();
    QList<qint64> ids;
    for (const GraphEdge &edge : std::as_const(graph.value().edges)) {
        if (edge.type == RelationType::ProvidedBy && edge.to == supplierId && !ids.contains(edge.from))
            ids << edge.from;
    }
    std::sort(ids.begin(), ids.end());
    return ids;
}

Result<ReportRecord> reportRecord(const Workspace &workspace, qint64 id)
{
    Result<RecordSnapshot> snapshot = workspace.snapshot(id);
    if (!snapshot)
        return snapshot.error();
    const Record &record = snapshot.value().record;
    ReportRecord row{record.id, record.kind, record.name, record.version, record.license, {}, {}, record.placeholder};
    QStringList suppliers;
    for (const RelatedRecord &related : std::as_const(snapshot.value().relations)) {
        if (related.outgoing && related.relation.type == RelationType::ProvidedBy)
            suppliers << related.otherName;
    }
    suppliers.sort();
    row.suppliers = suppliers.join(u", "_s);
    for (const Artifact &artifact : std::as_const(snapshot.value().artifacts)) {
        if (artifact.digest.isEmpty())
            continue;
        // SHA-256 is the rule; any other algorithm is named before its digest.
        const bool sha256 = artifact.algorithm.compare(u"sha256"_s, Qt::CaseInsensitive) == 0;
        row.digests << u"%1\n%2"_s.arg(artifact.fileName,
                                       sha256 ? artifact.digest : u"%1:%2"_s.arg(artifact.algorithm, artifact.digest));
    }
    return row;
}

/// The part of the lineage graph that joins the records in scope.
Result<GraphSnapshot> scopeGraph(const Workspace &workspace,
                                 qint64 focus,
                                 GraphDirection direction,
                                 const QList<qint64> &ids)
{
    Result<GraphSnapshot> graph = workspace.graph({focus, direction, direction == GraphDirection::Upstream ? -1 : 1});
    if (!graph)
        return graph.error();
    const QSet<qint64> inScope(ids.cbegin(), ids.cend());
    GraphSnapshot view;
    for (const GraphNode &node : std::as_const(graph.value().nodes)) {
        if (inScope.contains(node.id))
            view.nodes << node;
    }
    for (const GraphEdge &edge : std::as_const(graph.value().edges)) {
        if (inScope.contains(edge.from) && inScope.contains(edge.to))
            view.edges << edge;
    }
    std::sort(view.nodes.begin(), view.nodes.end(), [](const GraphNode &a, const GraphNode &b) { return a.id < b.id; });
    std::sort(view.edges.begin(), view.edges.end(), [](const GraphEdge &a, const GraphEdge &b) {
        return std::tie(a.from, a.to, a.type) < std::tie(b.from, b.to, b.type);
    });
    return view;
}

/// Marks the report's evidence items the verification found missing or altered.
void markProblems(ReportData &data, const EvidenceVerification &verification)
{
    for (const EvidenceProblem &problem : std::as_const(verification.problems)) {
        for (ReportEvidence &item : data.evidence) {
            if (item.evidence.id != problem.evidence.id)
                continue;
            item.missing = problem.kind == EvidenceProblem::Kind::Missing;
            item.altered = problem.kind == EvidenceProblem::Kind::Altered;
        }
    }
}

} // namespace

Result<ReportData> ReportCollector::collect(const Workspace &workspace,
                                            const ReportScope &scope,
                                            const ReportOptions &options,
                                            const SignoffSource &signoffs)
{
    return collectImpl(workspace, scope, options, signoffs, nullptr);
}

Result<ReportData> ReportCollector::collectReads(const Workspace &workspace,
                                                 const ReportScope &scope,
                                                 const ReportOptions &options,
                                                 ReportChecks *checks)
{
    *checks = ReportChecks{};
    checks->evidenceFolder = workspace.evidenceFolder();
    return collectImpl(workspace, scope, options, WorkspaceSignoffSource(), checks);
}

Status ReportCollector::completeChecks(ReportData &data, ReportChecks checks, const std::atomic<bool> *cancel)
{
    if (checks.verifyEvidence && !data.evidence.isEmpty()) {
        QList<Evidence> items;
        for (const ReportEvidence &item : std::as_const(data.evidence))
            items << item.evidence;
        Result<EvidenceVerification> verification =
            EvidenceVerifier::verify(EvidenceStore(checks.evidenceFolder), items, cancel);
        if (!verification)
            return verification.error();
        markProblems(data, verification.value());
    }
    if (checks.signoffs) {
        Result<ReleaseSignoffStatus> status = Workspace::checkSignoffStatus(std::move(*checks.signoffs), cancel);
        if (!status)
            return status.error();
        data.signoffs = WorkspaceSignoffSource::stateOf(status.value(), data.signoffs.auditHead);
    }
    return Ok{};
}

Result<ReportData> ReportCollector::collectImpl(const Workspace &workspace,
                                                const ReportScope &scope,
                                                const ReportOptions &options,
                                                const SignoffSource &signoffs,
                                                ReportChecks *checks)
{
    ReportLanguage::prepare();
    const ReportLanguage language(options.language);
    ReportData data;
    data.scopeKind = scope.kind;
    data.language = options.language;
    data.workspaceName = QFileInfo(workspace.path()).fileName();
    data.author = options.author.isEmpty() ? workspace.actor() : options.author;
    const QDateTime date = options.date.isValid() ? options.date : QDateTime::currentDateTimeUtc();
    data.date = date.toUTC();
    data.date.setTime(QTime(data.date.time().hour(), data.date.time().minute(), data.date.time().second()));

    QList<qint64> ids;
    qint64 releaseId = 0;
    qint64 focus = 0;
    GraphDirection direction = GraphDirection::Upstream;
    auto useRelease = [&](const Release &release) {
        releaseId = release.id;
        focus = release.rootId;
        data.scopeLabel = release.label();
        data.scopeDescription = tr("Release %1").arg(release.label());
        for (const ReleaseMember &member : release.members)
            ids << member.recordId;
    };
    auto useRecord = [&](qint64 id) -> Status {
        Result<Record> record = workspace.record(id);
        if (!record)
            return record.error();
        focus = id;
        const Record &r = record.value();
        data.scopeLabel = r.version.isEmpty() ? r.name : u"%1@%2"_s.arg(r.name, r.version);
        if (r.kind == RecordKind::Supplier) {
            data.scopeDescription = tr("Supplier %1").arg(data.scopeLabel);
            direction = GraphDirection::Downstream;
            Result<QList<qint64>> provided = providedBy(workspace, id);
            if (!provided)
                return provided.error();
            ids = QList<qint64>{id} + provided.value();
            return Ok{};
        }
        data.scopeDescription = tr("%1 %2").arg(recordKindLabel(r.kind), data.scopeLabel);
        Result<QList<qint64>> upstream = workspace.upstreamOf(id);
        if (!upstream)
            return upstream.error();
        ids = upstream.value();
        return Ok{};
    };

    switch (scope.kind) {
    case ReportScope::Kind::Release: {
        Result<Release> release = workspace.release(scope.reference);
        if (!release)
            return release.error();
        useRelease(release.value());
        Result<std::optional<Assessment>> assessment = newestAssessment(workspace, releaseId, 0);
        if (!assessment)
            return assessment.error();
        data.assessment = assessment.value();
        break;
    }
    case ReportScope::Kind::Assessment: {
        bool ok = false;
        const qint64 id = scope.reference.toLongLong(&ok);
        if (!ok || id <= 0)
            return Error{ErrorCode::InvalidInput,
                         tr("\"%1\" is not an assessment id; \"assess list\" shows the ids.").arg(scope.reference)};
        Result<Assessment> assessment = workspace.assessment(id);
        if (!assessment)
            return assessment.error();
        data.assessment = assessment.value();
        if (assessment.value().scope.releaseId > 0) {
            Result<Release> release = workspace.release(QString::number(assessment.value().scope.releaseId));
            if (!release)
                return release.error();
            useRelease(release.value());
        } else if (Status status = useRecord(assessment.value().scope.recordId); !status) {
            return status.error();
        }
        break;
    }
    case ReportScope::Kind::Supplier: {
        Result<qint64> id = workspace.resolve(scope.reference, RecordKind::Supplier);
        if (!id)
            return id.error();
        if (Status status = useRecord(id.value()); !status)
            return status.error();
        Result<std::optional<Assessment>> assessment = newestAssessment(workspace, 0, id.value());
        if (!assessment)
            return assessment.error();
        data.assessment = assessment.value();
        break;
    }
    }

    for (qint64 id : std::as_const(ids)) {
        Result<ReportRecord> row = reportRecord(workspace, id);
        if (!row) {
            if (row.error().code == ErrorCode::NotFound)
                continue; // removed since the release was made; the release still lists it by name
            return row.error();
        }
        data.records << row.value();
    }
    Result<GraphSnapshot> graph = scopeGraph(workspace, focus, direction, ids);
    if (!graph)
        return graph.error();
    data.graph = graph.value();

    if (data.assessment) {
        Result<Catalog> catalog = workspace.catalog(QString::number(data.assessment->catalogId));
        if (catalog)
            data.catalogTitle = catalog.value().title.text(QLocale(options.language));
        Result<QList<Finding>> findings = workspace.findings(data.assessment->id);
        if (!findings)
            return findings.error();
        data.findings = findings.value();
        QSet<qint64> seen;
        for (const AssessmentItem &item : std::as_const(data.assessment->items)) {
            for (const Evidence &evidence : item.evidence) {
                if (seen.contains(evidence.id))
                    continue;
                seen.insert(evidence.id);
                const QDate today = data.date.date();
                data.evidence << ReportEvidence{evidence, false, false, evidence.isExpired(today),
                                                evidence.expiresWithin(today, kExpiringDays)};
            }
        }
        std::sort(data.evidence.begin(), data.evidence.end(),
                  [](const ReportEvidence &a, const ReportEvidence &b) { return a.evidence.id < b.evidence.id; });
        if (checks) {
            checks->verifyEvidence = true;
        } else if (!data.evidence.isEmpty()) {
            Result<EvidenceVerification> verification = workspace.verifyEvidence();
            if (!verification)
                return verification.error();
            markProblems(data, verification.value());
        }
    }

    if (checks) {
        // The audit head now; the sign-offs are verified in completeChecks.
        if (const Result<AuditHead> audit = workspace.auditHead(); audit && audit.value().seq > 0)
            data.signoffs.auditHead = audit.value().toString();
        if (releaseId > 0) {
            Result<SignoffStatusInput> input = workspace.signoffStatusInput(releaseId);
            if (!input)
                return input.error();
            checks->signoffs = std::move(input).value();
        }
        return data;
    }
    Result<ReportSignoffState> state = signoffs.signoffs(workspace, releaseId);
    if (!state)
        return state.error();
    data.signoffs = state.value();
    return data;
}

} // namespace strata
