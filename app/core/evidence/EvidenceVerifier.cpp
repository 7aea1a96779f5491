// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "evidence/EvidenceVerifier.h"

#include <QDir>

using namespace Qt::Literals::StringLiterals;

namespace strata {

Result<EvidenceVerification> EvidenceVerifier::verify(const EvidenceStore &store,
                                                      const QList<Evidence> &items,
                                                      const std::atomic<bool> *cancel,
                                                      const Progress &progress)
{
    qint64 total = 0;
    for (const Evidence &e : items)
        total += std::max<qint64>(e.size, 0);
    qint64 done = 0;
    EvidenceVerification verification;
    for (const Evidence &e : items) {
        const Result<QString> digest = store.hashBlob(e.sha256, cancel);
        if (!digest && digest.error().code == ErrorCode::Cancelled)
            return digest.error();
        ++verification.checked;
        done += std::max<qint64>(e.size, 0);
        if (progress)
            progress(done, total);
        if (digest && digest.value() == e.sha256)
            continue;
        EvidenceProblem problem;
        problem.evidence = e;
        if (!digest && digest.error().code == ErrorCode::NotFound) {
            problem.kind = EvidenceProblem::Kind::Missing;
            problem.detail = tr("\"%1\" (evidence %2, %3) is missing from the evidence store: %4")
                                 .arg(e.title, QString::number(e.id), e.fileName,
                                      QDir::toNativeSeparators(store.blobPath(e.sha256)));
        } else {
            problem.kind = EvidenceProblem::Kind::Altered;
            problem.actualSha256 = digest ? digest.value() : QString();
            problem.detail = digest ? tr("\"%1\" (evidence %2, %3) was altered: its file now has SHA-256 %4 instead "
                                         "of %5")
                                          .arg(e.title, QString::number(e.id), e.fileName, digest.value(), e.sha256)
                                    : tr("\"%1\" (evidence %2, %3) cannot be read: %4")
                                          .arg(e.title, QString::number(e.id), e.fileName, digest.error().message);
        }
        verification.problems.append(problem);
    }
    return verification;
}

} // namespace strata
