// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "trust/Keys.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>
#include <utility>

namespace strata {

class Workspace;

/// What to put in a bundle and how to sign it.
struct BundleExportOptions
{
    QString release;            ///< name, name@version or id
    bool questionnaire = false; ///< the items only, for a supplier to answer: no answers, findings or evidence
    QString keyFile;            ///< the exporter's encrypted Ed25519 key file
    QByteArray passphrase;
    QString output;                               ///< the .zip to write (atomically)
    std::function<void(qint64, qint64)> progress; ///< bytes written over total
};

/// What an export wrote.
struct BundleExportResult
{
    QString path;
    QString bundleId;
    qint64 sequence = 0;
    QString releaseLabel;
    int assessments = 0;
    int answered = 0;
    int evidence = 0;
    QString signer;
};

/// A signed bundle ready to be written: built and signed on the thread that owns the workspace, written on any.
struct PreparedExport
{
    QString output;
    QByteArray manifest;
    QByteArray envelope;
    QByteArray bom;
    QList<std::pair<QString, QString>> evidence; ///< SHA-256 and the blob's path in the evidence store
    BundleExportResult result;
};

/// Exports a release's assessment as a signed bundle (resources/bundles/README.md): the manifest, its DSSE envelope
/// signed with the exporter's key, the CycloneDX ML-BOM of the release and the evidence files under their digests,
/// written atomically. A bundle is always signed, because an importer trusts nothing else.
class BundleExporter
{
    Q_DECLARE_TR_FUNCTIONS(strata::BundleExporter)

public:
    /// Reads the key, then prepare() and write(), for callers that may block (the command line).
    static Result<BundleExportResult> exportBundle(Workspace &workspace, const BundleExportOptions &options);
    /// Builds the manifest, takes the next sequence for the key and signs it (options.keyFile and passphrase are
    /// not used: `key` is the key already read, off the GUI thread, with KeyFile::read).
    static Result<PreparedExport> prepare(Workspace &workspace,
                                          const BundleExportOptions &options,
                                          const PrivateKey &key);
    /// Writes the archive atomically (BundleWriter); touches no workspace, so it may run on a worker thread. A set
    /// `cancel` stops it (ErrorCode::Cancelled) leaving no partial file and any previous file as it was.
    static Status write(const PreparedExport &prepared,
                        const std::function<void(qint64, qint64)> &progress = {},
                        const std::atomic<bool> *cancel = nullptr);

private:
    /// The audit-chain head ("SEQ:HASH") the manifest carries, so a later rewrite of the exporter's whole trail is
    /// caught against the bundle.
    static QString auditHead(const Workspace &workspace);
};

} // namespace strata
