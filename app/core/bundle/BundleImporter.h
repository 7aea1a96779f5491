// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "bundle/BundleManifest.h"
#include "bundle/ZipScan.h"
#include "domain/Result.h"
#include "trust/Identity.h"

#include <QCoreApplication>
#include <QString>

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
    static Result<BundleImportResult> importBundle(Workspace &workspace,
                                                   const QString &path,
                                                   const ZipLimits &limits = {});
};

} // namespace strata
