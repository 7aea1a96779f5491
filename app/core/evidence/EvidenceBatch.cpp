// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// EvidenceStore::storeAll: several files hashed and copied at once, one pool thread per file.
#include "evidence/EvidenceStore.h"

#include <QFileInfo>
#include <QHash>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QThreadPool>

#include <optional>
#include <vector>

namespace strata {

Result<QList<StoredBlob>> EvidenceStore::storeAll(const QStringList &paths, const EvidenceBatchOptions &options) const
{
    // The same file named twice is read once.
    QHash<QString, int> firstOfPath;
    QList<int> unique; // indexes into paths of the files actually read
    QList<int> readAs; // for every path: the index of the path whose read stands for it
    qint64 total = 0;
    for (int i = 0; i < paths.size(); ++i) {
        const QFileInfo info(paths.at(i));
        const QString key = info.canonicalFilePath().isEmpty() ? info.absoluteFilePath() : info.canonicalFilePath();
        const auto found = firstOfPath.constFind(key);
        if (found != firstOfPath.cend()) {
            readAs.append(found.value());
            continue;
        }
        firstOfPath.insert(key, i);
        readAs.append(i);
        unique.append(i);
        total += std::max<qint64>(info.size(), 0);
    }

    std::atomic<bool> stop{false};
    std::atomic<qint64> done{0};
    QMutex mutex; // guards results, firstError and progress calls
    std::vector<std::optional<StoredBlob>> results(static_cast<size_t>(paths.size()));
    std::optional<std::pair<int, Error>> firstError;

    QThreadPool pool;
    pool.setMaxThreadCount(options.threads > 0 ? options.threads : std::max(1, QThread::idealThreadCount()));
    for (int index : std::as_const(unique)) {
        pool.start([&, index] {
            if (stop.load() || (options.cancel && options.cancel->load()))
                return;
            // Cancel this file when the caller cancels or another file failed.
            std::atomic<bool> cancelThis{false};
            EvidenceAddOptions single;
            single.cancel = &cancelThis;
            qint64 reported = 0;
            single.progress = [&](qint64 fileDone, qint64) {
                if (stop.load() || (options.cancel && options.cancel->load()))
                    cancelThis.store(true);
                const qint64 sum = done.fetch_add(fileDone - reported) + (fileDone - reported);
                reported = fileDone;
                if (options.progress) {
                    const QMutexLocker lock(&mutex);
                    options.progress(sum, total);
                }
            };
            Result<StoredBlob> blob = store(paths.at(index), single);
            const QMutexLocker lock(&mutex);
            if (blob) {
                results[static_cast<size_t>(index)] = blob.value();
                return;
            }
            stop.store(true);
            // A file stopped because another failed is not the failure to report.
            if (!firstError ||
                (firstError->second.code == ErrorCode::Cancelled && blob.error().code != ErrorCode::Cancelled))
                firstError = std::make_pair(index, blob.error());
        });
    }
    pool.waitForDone();

    if (options.cancel && options.cancel->load())
        return Error{ErrorCode::Cancelled,
                     tr("Adding %n file(s) was cancelled; nothing was recorded.", "", static_cast<int>(paths.size()))};
    if (firstError)
        return firstError->second;

    // Two copies of the same content may both have renamed into place, or either may have found the other's blob:
    // the batch created it when any copy did, and says so on the first.
    QHash<QString, bool> createdByBatch;
    for (int index : std::as_const(unique)) {
        const StoredBlob &blob = *results[static_cast<size_t>(index)];
        createdByBatch[blob.sha256] = createdByBatch.value(blob.sha256) || blob.created;
    }
    QList<StoredBlob> stored;
    QSet<QString> seen;
    for (int i = 0; i < paths.size(); ++i) {
        StoredBlob blob = *results[static_cast<size_t>(readAs.at(i))];
        blob.created = !seen.contains(blob.sha256) && createdByBatch.value(blob.sha256);
        seen.insert(blob.sha256);
        stored.append(blob);
    }
    return stored;
}

} // namespace strata
