// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Record.h"
#include "evidence/Evidence.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// One record a sign-off covers, with what describes it.
struct ScopeRecord
{
    Record record;
    QList<Artifact> artifacts;
    QList<qint64> evidenceIds; ///< evidence attached to the record as a whole
    bool inRelease = true;     ///< false: upstream of the root now, but not among the frozen members
};

/// One evidence file a sign-off covers, hashed again when the scope was read.
struct ScopeEvidence
{
    Evidence evidence;
    QString fileSha256; ///< what the stored file hashes to now; empty when the file is missing
};

/// Everything a release's sign-off covers, read from the workspace at one moment.
struct SignoffScope
{
    Release release;
    QList<ScopeRecord> records;    ///< frozen members and what is upstream of the root now, by id
    QList<Assessment> assessments; ///< assessments of the release, by id
    QList<Finding> findings;       ///< findings of those assessments, by id
    QList<ScopeEvidence> evidence; ///< evidence linked to their items or to the records, by id
    QString auditHead;             ///< the audit-trail head; not part of staleness
};

/// The canonical manifest of what a sign-off covers, why approval is refused, and what changed since signing.
///
/// Manifest (schema signoffformat::kManifestSchema), serialised with CanonicalJson:
/// `{"schema", "audit_head", "release": {id, name, version, root_id, created_at, created_by, members: [ids]},
///   "records": [{id, kind, name, version, in_release, placeholder, fields: {description, license, source_url, purl,
///   tags, notes, and each attribute}, artifacts: [{file_name, size, algorithm, digest}], evidence: [ids]}],
///   "assessments": [{id, catalog, created_at, items: [{key, ref, mandatory, status, notes, reviewer, updated_at,
///   evidence: [ids]}]}], "findings": [{id, assessment_id, item_key, title, likelihood, impact, owner, due_date,
///   status, justification, accepted_until}], "evidence": [{id, sha256, file_sha256, title, file_name, size,
///   effective_date, expiry_date}]}`. Arrays of objects are sorted by id (items by key, artifacts by file name).
class SignoffManifest
{
    Q_DECLARE_TR_FUNCTIONS(strata::SignoffManifest)

public:
    static QJsonObject build(const SignoffScope &scope);
    static QByteArray bytes(const SignoffScope &scope);
    /// Why the release cannot be approved today; empty when it can. Every reason is listed.
    static QStringList refusals(const SignoffScope &scope, const QDate &today);
    /// What differs between a signed manifest and one built now, one line per change; the audit head is ignored,
    /// because unrelated changes elsewhere in the workspace move it.
    static QStringList diff(const QJsonObject &signedManifest, const QJsonObject &current);
};

} // namespace strata
