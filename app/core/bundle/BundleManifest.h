// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Record.h"
#include "domain/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace strata {

/// A record named the way two workspaces agree on: kind, name and version (row ids differ between workspaces).
struct BundleRecordRef
{
    RecordKind kind = RecordKind::Model;
    QString name;
    QString version;
};

/// One file of the archive other than the manifest and its envelope, with what it must hash to.
struct BundleFile
{
    QString path;
    QString sha256;
    qint64 size = 0;
};

/// An evidence file as the exporting workspace described it.
struct BundleEvidence
{
    QString sha256;
    qint64 size = 0;
    QString title;
    QString fileName;
    QString sourceUrl;
    QDate effectiveDate;
    QDate expiryDate;
};

/// One item's answer; a questionnaire holds the items with no answer.
struct BundleAnswer
{
    QString key;
    ItemStatus status = ItemStatus::NotStarted;
    QString notes;
    QString reviewer;
    QDateTime updatedAt;
    QStringList evidence; ///< SHA-256 of each linked evidence file
};

/// An assessment of the release: which catalog, and the answers.
struct BundleAssessment
{
    QString catalogKey;
    QString catalogVersion;
    QList<BundleAnswer> items;
};

/// A finding raised on an item of assessment `assessment` (an index into BundleManifest::assessments).
struct BundleFinding
{
    int assessment = 0;
    QString itemKey;
    QString title;
    int likelihood = 1;
    int impact = 1;
    QString owner;
    QDate dueDate;
    FindingStatus status = FindingStatus::Open;
    QString justification;
    QDate acceptedUntil;
};

/// What merging a bundle changed in the workspace.
struct BundleMergeSummary
{
    QString releaseLabel;
    bool releaseCreated = false;
    int recordsAdded = 0;
    int recordsUpdated = 0;
    int assessmentsCreated = 0;
    int answersChanged = 0;
    int findingsAdded = 0;
    int evidenceAdded = 0;
    qint64 sequence = 0;
};

/// manifest.json of an assessment bundle (resources/bundles/README.md): what the bundle claims, signed as a whole by
/// manifest.dsse.json. Parsing refuses anything malformed, naming the field, because the file comes from elsewhere.
struct BundleManifest
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleManifest)

public:
    static constexpr int kFormatVersion = 1;
    static constexpr qint64 kMaxBytes = 32 * 1024 * 1024;
    static inline const QString kPayloadType = QStringLiteral("application/vnd.strata.bundle-manifest+json");

    enum class Kind { Assessment, Questionnaire };

    Kind kind = Kind::Assessment;
    QString bundleId;    ///< a UUID
    qint64 sequence = 0; ///< grows with every bundle the signer exports; an importer refuses one not above the last
    QDateTime createdAt;
    QString exporterName;
    QString exporterRole;
    QString exporterFingerprint; ///< the signing key's SHA-256 fingerprint
    QString releaseName;
    QString releaseVersion;
    BundleRecordRef root;
    QList<BundleRecordRef> members;
    QList<BundleAssessment> assessments;
    QList<BundleFinding> findings;
    QList<BundleEvidence> evidence;
    QList<BundleFile> files;
    QString auditHead; ///< the exporting workspace's audit-chain head; empty until the audit trail exists

    QByteArray toJson() const;
    static Result<BundleManifest> parse(const QByteArray &json, const QString &where);
};

} // namespace strata
