// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// The zip entry walk (P1): ZipScan's structure checks, then SafeZipReader inflating every entry, as a bundle import
// does. The bytes go to one temporary file, rewritten for each input, because the reader opens a path.
#include "FuzzInput.h"
#include "bundle/SafeZipReader.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>

using namespace Qt::Literals::StringLiterals;

namespace {

struct Scratch
{
    QTemporaryDir dir;
    QString archive = dir.filePath(u"bundle.zip"_s);
    QString staging = dir.filePath(u"staging"_s);
};

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    static Scratch scratch;
    if (!scratch.dir.isValid() || (!QFile::exists(scratch.staging) && !QDir().mkpath(scratch.staging)))
        std::abort();
    QFile file(scratch.archive);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        file.write(strata::fuzz::bytes(data, size)) != static_cast<qint64>(size))
        std::abort();
    file.close();

    strata::ZipLimits limits;
    limits.maxEntries = 64;
    limits.maxEntryBytes = 1024 * 1024;
    limits.maxTotalBytes = 4 * 1024 * 1024;
    strata::SafeZipReader reader(scratch.archive, limits, [](const QString &) { return true; });
    if (!reader.open().ok())
        return 0;
    strata::StagedFiles staged;
    int index = 0;
    const strata::Status walked = reader.visit([&](const strata::ZipEntry &entry) -> strata::Status {
        strata::fuzz::require(entry.size <= limits.maxEntryBytes, "an entry over the cap is refused at open");
        switch (index++ % 3) {
        case 0: {
            const strata::Result<QByteArray> content = reader.readCurrent(limits.maxEntryBytes);
            if (content)
                strata::fuzz::require(content.value().size() == entry.size, "an entry inflates to its declared size");
            return content ? strata::Status(strata::Ok{}) : strata::Status(content.error());
        }
        case 1: {
            const strata::Result<QString> digest = reader.hashCurrent();
            return digest ? strata::Status(strata::Ok{}) : strata::Status(digest.error());
        }
        default: {
            const strata::Result<strata::StagedFile> copy = reader.stageCurrent(scratch.staging, staged);
            return copy ? strata::Status(strata::Ok{}) : strata::Status(copy.error());
        }
        }
    });
    static_cast<void>(walked);
    return 0;
}
