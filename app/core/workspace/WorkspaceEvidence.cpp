// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The evidence part of Workspace: the blob goes into the EvidenceStore first, then its row in one transaction.
#include "evidence/EvidenceStore.h"
#include "evidence/EvidenceVerifier.h"
#include "storage/EvidenceRepository.h"
#include "util/CrashPoint.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// The media type the file's bytes show; the name's type only where the bytes agree with it (a .csv is text, a
/// .docx is a zip), so a program named "scan.txt" is never listed as text and a text named ".pdf" is not a PDF.
QString sniffedMediaType(const QString &blobPath, const QString &fileName)
{
    const QMimeDatabase db;
    const QMimeType byContent = db.mimeTypeForFile(blobPath, QMimeDatabase::MatchContent);
    const QMimeType byName = db.mimeTypeForFile(fileName, QMimeDatabase::MatchExtension);
    const auto isText = [](const QMimeType &t) { return t.name() == u"text/plain"_s || t.inherits(u"text/plain"_s); };
    // Text is told apart by guesses at keywords (a CSV starting "model," reads as Modelica), so among text
    // types the name decides.
    const bool agree =
        byName == byContent || byName.inherits(byContent.name()) || (isText(byName) && isText(byContent));
    if (byName.isValid() && !byName.isDefault() && agree)
        return byName.name();
    return byContent.name();
}

constexpr int kTitleMax = 500;
constexpr int kUrlMax = 2000;

bool hasControlCharacters(const QString &text)
{
    static const QRegularExpression control(u"[\\x{0}-\\x{1F}\\x{7F}]"_s);
    return control.match(text).hasMatch();
}

} // namespace

QString Workspace::evidenceFolder() const
{
    return EvidenceStore::folderFor(m_db->path());
}

Status Workspace::checkEvidenceInput(const EvidenceInput &input) const
{
    if (Status s = writable(); !s)
        return s.error();
    const QString shown = QDir::toNativeSeparators(input.path);
    const QFileInfo info(input.path);
    if (!info.exists())
        return Error{ErrorCode::NotFound, tr("%1 does not exist; check the path.").arg(shown)};
    if (!info.isFile())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is not a regular file; give the file to keep as evidence.").arg(shown)};
    if (!info.isReadable())
        return Error{ErrorCode::Io, tr("%1 cannot be read; check its permissions.").arg(shown)};
    const QString title = input.title.trimmed().isEmpty() ? info.fileName() : input.title.trimmed();
    if (title.size() > kTitleMax)
        return Error{
            ErrorCode::InvalidInput,
            tr("The evidence title is %1 characters long; at most %2 are allowed.").arg(title.size()).arg(kTitleMax)};
    if (hasControlCharacters(title))
        return Error{ErrorCode::InvalidInput,
                     tr("The evidence title contains control characters; remove them and try again.")};
    const QString url = input.sourceUrl.trimmed();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (url.size() > kUrlMax || !parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != u"https"_s && parsed.scheme() != u"http"_s))
            return Error{ErrorCode::InvalidInput,
                         tr("\"%1\" is not a web address; give an http or https URL where the file came from.")
                             .arg(url.left(200))};
    }
    if (input.effectiveDate.isValid() && input.expiryDate.isValid() && input.expiryDate < input.effectiveDate)
        return Error{ErrorCode::InvalidInput,
                     tr("The expiry date %1 is before the effective date %2; evidence cannot "
                        "expire before it is true.")
                         .arg(input.expiryDate.toString(Qt::ISODate), input.effectiveDate.toString(Qt::ISODate))};
    return Ok{};
}

Result<EvidenceAddResult> Workspace::addEvidence(const EvidenceInput &input, const EvidenceAddOptions &options)
{
    // Everything that can be checked is checked before a byte is copied.
    if (Status s = checkEvidenceInput(input); !s)
        return s.error();
    const EvidenceStore store(evidenceFolder());
    Result<StoredBlob> blob = store.store(input.path, options);
    if (!blob)
        return blob.error();
    if (options.blobStored)
        options.blobStored(blob.value().sha256);
    return recordStoredEvidence(input, blob.value().sha256, blob.value().size, blob.value().created);
}

Result<EvidenceAddResult> Workspace::recordStoredEvidence(const EvidenceInput &input,
                                                          const QString &sha256,
                                                          qint64 size,
                                                          bool blobCreated)
{
    if (Status s = writable(); !s)
        return s.error();
    const EvidenceStore store(evidenceFolder());
    const QFileInfo blobInfo(store.blobPath(sha256));
    static const QRegularExpression digest(u"^[0-9a-f]{64}$"_s);
    if (!digest.match(sha256).hasMatch() || !blobInfo.isFile() || blobInfo.size() != size)
        return Error{ErrorCode::Integrity, tr("The evidence store has no file %1 of %2 bytes in %3; add the file "
                                              "again.")
                                               .arg(sha256.left(64))
                                               .arg(size)
                                               .arg(QDir::toNativeSeparators(store.root()))};
    const QFileInfo info(input.path);
    const QString title = input.title.trimmed().isEmpty() ? info.fileName() : input.title.trimmed();
    if (title.size() > kTitleMax || hasControlCharacters(title))
        return Error{ErrorCode::InvalidInput, tr("The evidence title is not valid; give at most %1 characters "
                                                 "without control characters.")
                                                  .arg(kTitleMax)};

    Evidence evidence;
    evidence.sha256 = sha256;
    evidence.size = size;
    evidence.title = title;
    evidence.fileName = info.fileName();
    evidence.mediaType = sniffedMediaType(store.blobPath(sha256), info.fileName());
    evidence.sourceUrl = input.sourceUrl.trimmed();
    evidence.effectiveDate = input.effectiveDate;
    evidence.expiryDate = input.expiryDate;
    evidence.addedAt = QDateTime::currentDateTimeUtc();
    evidence.addedBy = m_actor;

    EvidenceAddResult result;
    result.blobCreated = blobCreated;
    EvidenceRepository repository(*m_db);
    const CrashScope crashScope("evidence");
    const Status s = inTransaction([&]() -> Status {
        Result<std::optional<Evidence>> existing = repository.findBySha256(evidence.sha256);
        if (!existing)
            return existing.error();
        if (existing.value()) {
            result.evidence = *existing.value();
            return Ok{};
        }
        Result<qint64> id = repository.insert(evidence);
        if (!id)
            return id.error();
        evidence.id = id.value();
        result.evidence = evidence;
        result.created = true;
        QJsonObject after{{u"sha256"_s, evidence.sha256},
                          {u"size"_s, evidence.size},
                          {u"title"_s, evidence.title},
                          {u"fileName"_s, evidence.fileName},
                          {u"mediaType"_s, evidence.mediaType}};
        if (!evidence.sourceUrl.isEmpty())
            after.insert(u"sourceUrl"_s, evidence.sourceUrl);
        if (evidence.effectiveDate.isValid())
            after.insert(u"effective"_s, evidence.effectiveDate.toString(Qt::ISODate));
        if (evidence.expiryDate.isValid())
            after.insert(u"expires"_s, evidence.expiryDate.toString(Qt::ISODate));
        return recordAudit(u"evidence.add"_s, u"evidence"_s, evidence.id, {}, after);
    });
    // A failed row leaves only a blob nobody points at: reused if the file is added again, else removed at the
    // next open. Inside a bundle import the outer transaction decides, so mergeBundle() settles its blobs.
    if (!s)
        return s.error();
    if (m_depth == 0)
        store.markRecorded(sha256);
    if (result.created)
        changed(Change::Evidence);
    return result;
}

Result<QList<Evidence>> Workspace::evidence() const
{
    return EvidenceRepository(*m_db).list();
}

Result<EvidenceVerification> Workspace::verifyEvidence(const std::atomic<bool> *cancel) const
{
    Result<QList<Evidence>> all = EvidenceRepository(*m_db).list();
    if (!all)
        return all.error();
    return EvidenceVerifier::verify(EvidenceStore(evidenceFolder()), all.value(), cancel);
}

} // namespace strata
