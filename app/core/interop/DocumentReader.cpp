// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/DocumentReader.h"

#include "interop/CycloneDxReader.h"
#include "interop/HuggingFaceCardReader.h"
#include "interop/Spdx3Reader.h"
#include "util/CappedRead.h"
#include "util/Sha256.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qsizetype kSniffBytes = 64 * 1024;

QByteArray withoutBom(const QByteArray &data)
{
    return data.startsWith("\xEF\xBB\xBF") ? data.mid(3) : data;
}

} // namespace

DocumentReader::Format DocumentReader::detect(const QByteArray &data)
{
    const QByteArray head = withoutBom(data.left(kSniffBytes)).trimmed();
    if (head.startsWith("---"))
        return Format::HuggingFaceCard;
    if (!head.startsWith('{'))
        return Format::Unknown;
    if (head.contains("\"bomFormat\"") || (head.contains("\"specVersion\"") && head.contains("\"components\"")))
        return Format::CycloneDx;
    if (head.contains("\"@context\"") && head.contains("spdx.org/rdf/3"))
        return Format::Spdx3;
    if (head.contains("\"spdxVersion\""))
        return Format::Spdx2;
    return Format::Unknown;
}

Result<ImportDocument> DocumentReader::read(const QByteArray &data, const QString &fileName, const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is %2 MB, more than the %3 MB an import may be; split the document.")
                         .arg(fileName)
                         .arg(data.size() / (1024 * 1024))
                         .arg(limits.maxFileBytes / (1024 * 1024))};
    Result<ImportDocument> doc = Error{ErrorCode::Unsupported, {}};
    switch (detect(data)) {
    case Format::CycloneDx:
        // Streamed: a large BOM's records would take about 8 times the file; they are made again as applied.
        doc = CycloneDxReader::readStreamed(data, fileName, limits);
        break;
    case Format::Spdx3:
        doc = Spdx3Reader::read(data, fileName, limits);
        break;
    case Format::HuggingFaceCard:
        doc = HuggingFaceCardReader::read(data, fileName, limits);
        break;
    case Format::Spdx2:
        return Error{ErrorCode::Unsupported,
                     tr("%1 is an SPDX 2 document; Strata imports SPDX 3.0 JSON-LD. Convert it with the SPDX tools, "
                        "or import a CycloneDX BOM instead.")
                         .arg(fileName)};
    case Format::Unknown:
        return Error{ErrorCode::Unsupported,
                     tr("%1 is not a CycloneDX JSON BOM, an SPDX 3 JSON-LD document or a Hugging Face card (a "
                        "README.md that starts with YAML front matter).")
                         .arg(fileName)};
    }
    if (doc.ok()) {
        doc.value().fileName = fileName;
        doc.value().sha256 = Sha256::hex(data);
    }
    return doc;
}

Result<ImportDocument> DocumentReader::readFile(const QString &path, const ImportLimits &limits)
{
    const QFileInfo info(path);
    const QString name = QDir::toNativeSeparators(path);
    if (!info.exists())
        return Error{ErrorCode::NotFound, tr("%1 does not exist.").arg(name)};
    if (!info.isFile())
        return Error{ErrorCode::InvalidInput, tr("%1 is not a regular file.").arg(name)};
    // Check the size before reading a byte, so a huge file is never loaded.
    if (info.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is %2 MB, more than the %3 MB an import may be; split the document.")
                         .arg(name)
                         .arg(info.size() / (1024 * 1024))
                         .arg(limits.maxFileBytes / (1024 * 1024))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(name, file.errorString())};
    const QByteArray data = readCapped(file, limits.maxFileBytes); // read() refuses a file that grew past the cap
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(name, file.errorString())};
    // The reader sees the whole path (a card is named after its folder, a Hub cache path holds the repo id);
    // provenance keeps only the file's name.
    Result<ImportDocument> doc = read(data, path, limits);
    if (doc)
        doc.value().fileName = info.fileName();
    return doc;
}

QStringList DocumentReader::expandPaths(const QStringList &paths, QStringList *missing)
{
    QStringList files;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (info.isFile()) {
            files << path;
        } else if (info.isDir()) {
            QStringList found;
            QDirIterator it(path, {u"*.json"_s, u"*.md"_s}, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext())
                found << it.next();
            std::sort(found.begin(), found.end());
            files << found;
        } else if (missing) {
            *missing << path;
        }
    }
    return files;
}

} // namespace strata
