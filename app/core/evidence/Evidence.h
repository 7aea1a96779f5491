// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

#include <atomic>
#include <functional>

namespace strata {

/// A file kept as proof for checklist answers and records, identified by the SHA-256 of its content.
struct Evidence
{
    qint64 id = 0;
    QString sha256; ///< lowercase hex; also the blob's name in the evidence store
    qint64 size = 0;
    QString title;
    QString fileName;    ///< name of the file it was added from
    QString mediaType;   ///< such as application/pdf
    QString sourceUrl;   ///< where the file was obtained, when it came from the web
    QDate effectiveDate; ///< when the evidence was true (not when it was added); may be null
    QDate expiryDate;    ///< after this day the evidence no longer supports an answer; may be null
    QDateTime addedAt;
    QString addedBy;

    bool isExpired(const QDate &today) const { return expiryDate.isValid() && expiryDate < today; }
    /// Expires within `days` days of `today` (and has not expired yet).
    bool expiresWithin(const QDate &today, int days) const
    {
        return expiryDate.isValid() && !isExpired(today) && today.daysTo(expiryDate) <= days;
    }
};

/// What a person gives when adding evidence; empty title means the file name.
struct EvidenceInput
{
    QString path;
    QString title;
    QString sourceUrl;
    QDate effectiveDate;
    QDate expiryDate;
};

/// Progress, cancel and a hook for adding one file, which may be large.
struct EvidenceAddOptions
{
    const std::atomic<bool> *cancel = nullptr;       ///< set from another thread to stop; nothing is kept
    std::function<void(qint64, qint64)> progress;    ///< bytes copied so far, total bytes
    std::function<void(const QString &)> blobStored; ///< the blob is durable, its row is not written yet
};

/// What adding evidence did.
struct EvidenceAddResult
{
    Evidence evidence;
    bool created = false;     ///< false: the same content was already evidence; its row is returned unchanged
    bool blobCreated = false; ///< false: the store already held this content
};

/// One stored evidence item whose file is not what was recorded.
struct EvidenceProblem
{
    enum class Kind { Missing, Altered };
    Kind kind = Kind::Missing;
    Evidence evidence;
    QString actualSha256; ///< for Altered: what the file hashes to now
    QString detail;       ///< translated, names the item and what is wrong
};

/// The result of re-hashing every blob.
struct EvidenceVerification
{
    int checked = 0;
    QList<EvidenceProblem> problems;
};

} // namespace strata
