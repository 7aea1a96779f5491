// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundle/BundleManifest.h"
#include "bundle/SafeZipReader.h"
#include "bundle/ZipScan.h"
#include "domain/Result.h"
#include "interop/ImportDocument.h"
#include "trust/Identity.h"

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <memory>

namespace strata {

class Workspace;

/// What an import found and merged.
struct BundleImportResult
{
    BundleManifest::Kind kind = BundleManifest::Kind::Assessment;
    Identity signer;
    QString bundleId;
    BundleMergeSummary merged;
};

/// A bundle checked completely and staged, ready to be merged: what prepare() hands to apply().
struct PreparedBundle
{
    QString path;
    BundleManifest manifest;
    ImportDocument bom;
    Identity signer;
    QList<StagedFile> copies;            ///< the evidence entries, in the evidence store's temporary folder
    std::shared_ptr<StagedFiles> staged; ///< removes the copies if the bundle is dropped before apply()
};

/// Imports a bundle (promise Z3): the archive structure is checked (SafeZipReader), then manifest.dsse.json must
/// verify with the key of an identity the workspace trusts and carry exactly manifest.json; every archive file must be
/// listed and every listed file present with its size; a bundle not newer than the last one from that signer is
/// refused; the BOM is checked and each evidence entry is streamed into the evidence store's temporary folder and
/// must hash to its name. Only then are the blobs moved into the store and everything merged in one transaction.
/// On any failure nothing is recorded and no temporary file is left.
class BundleImporter
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleImporter)

public:
    /// prepare() then apply(), for callers that may block (the command line).
    static Result<BundleImportResult> importBundle(Workspace &workspace,
                                                   const QString &path,
                                                   const ZipLimits &limits = {});
    /// Every check and the staging of the evidence, without the workspace, so it may run on a worker thread:
    /// `trusted` are the workspace's identities, `lastSequences` the last imported sequence per fingerprint, and
    /// `evidenceFolder` the workspace's evidence store. `progress` gets evidence bytes done over total.
    static Result<PreparedBundle> prepare(const QString &path,
                                          const QList<Identity> &trusted,
                                          const QHash<QString, qint64> &lastSequences,
                                          const QString &evidenceFolder,
                                          const ZipLimits &limits = {},
                                          const std::function<void(qint64, qint64)> &progress = {});
    /// Moves the staged evidence into the store and merges everything in one transaction (GUI thread).
    static Result<BundleImportResult> apply(Workspace &workspace, PreparedBundle &prepared);
};

} // namespace strata
