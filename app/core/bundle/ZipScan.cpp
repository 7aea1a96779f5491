// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/ZipScan.h"

#include <QHash>
#include <QIODevice>
#include <QStringDecoder>

#include <algorithm>
#include <climits>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr quint32 kEndSignature = 0x06054b50;
constexpr quint32 kCentralSignature = 0x02014b50;
constexpr quint32 kLocalSignature = 0x04034b50;
constexpr qint64 kEndSize = 22;
constexpr qint64 kCentralSize = 46;
constexpr qint64 kLocalSize = 30;
constexpr qint64 kMaxComment = 65535;
constexpr quint16 kFlagEncrypted = 0x0001;
constexpr quint16 kFlagStrongEncryption = 0x0040;
constexpr quint16 kFlagDescriptor = 0x0008;
constexpr quint32 kDescriptorSignature = 0x08074b50;
constexpr quint32 kFileTypeMask = 0170000;
constexpr quint32 kSymlinkType = 0120000;
constexpr quint32 kDirectoryType = 0040000;

quint16 u16(const QByteArray &b, qint64 at)
{
    return quint16(quint8(b.at(at)) | quint16(quint8(b.at(at + 1))) << 8);
}

quint32 u32(const QByteArray &b, qint64 at)
{
    return quint32(u16(b, at)) | quint32(u16(b, at + 2)) << 16;
}

/// Reads exactly `size` bytes at `offset`, or an empty array.
QByteArray readAt(QIODevice &device, qint64 offset, qint64 size)
{
    if (offset < 0 || size < 0 || !device.seek(offset))
        return {};
    QByteArray bytes = device.read(size);
    return bytes.size() == size ? bytes : QByteArray();
}

/// The entry's name as shown in a message: printable, and short enough to read.
QString shownName(const QByteArray &raw)
{
    QString text = QString::fromUtf8(raw.left(120));
    for (QChar &c : text)
        if (c.unicode() < 0x20 || c.unicode() == 0x7f)
            c = u'?';
    return raw.size() > 120 ? text + u"…"_s : text;
}

} // namespace

QString ZipScan::nameProblem(const QByteArray &name)
{
    if (name.isEmpty())
        return tr("the name is empty");
    for (const char c : name)
        if (quint8(c) < 0x20 || quint8(c) == 0x7f)
            return tr("the name contains a control character or NUL");
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    const QString decoded = utf8.decode(name);
    if (utf8.hasError())
        return tr("the name is not valid UTF-8");
    if (name.startsWith('/'))
        return tr("the name is an absolute path");
    if (name.contains('\\'))
        return tr("the name contains a backslash");
    if (name.size() >= 2 && name.at(1) == ':' && QChar::fromLatin1(name.at(0)).isLetter())
        return tr("the name starts with a drive letter");
    for (const QString &part : decoded.split(u'/'))
        if (part == u".."_s || part == u"."_s)
            return tr("the name contains \"..\" or \".\"");
    if (name.endsWith('/'))
        return tr("the entry is a directory");
    return {};
}

Result<QList<ZipEntry>> ZipScan::scan(QIODevice &device,
                                      const QString &where,
                                      const ZipLimits &limits,
                                      const std::function<bool(const QString &)> &allowedName)
{
    const auto refuse = [&](const QString &why) {
        return Error{ErrorCode::InvalidInput, tr("%1 is not a bundle Strata can open safely: %2.").arg(where, why)};
    };
    const auto refuseEntry = [&](const QByteArray &name, const QString &why) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1 was refused: the entry \"%2\": %3.").arg(where, shownName(name), why)};
    };

    const qint64 fileSize = device.size();
    if (fileSize < kEndSize)
        return refuse(tr("it is too short to be a zip archive (%n byte(s))", "", int(fileSize)));
    // The end record is the last 22 bytes plus its comment; it must end exactly at the end of the file.
    const qint64 tailSize = std::min(fileSize, kEndSize + kMaxComment);
    const QByteArray tail = readAt(device, fileSize - tailSize, tailSize);
    if (tail.isEmpty())
        return refuse(device.errorString());
    qint64 endAt = -1;
    for (qint64 i = tailSize - kEndSize; i >= 0; --i) {
        if (u32(tail, i) == kEndSignature && i + kEndSize + u16(tail, i + 20) == tailSize) {
            endAt = i;
            break;
        }
    }
    if (endAt < 0)
        return refuse(tr("no zip end record was found; it is not a zip archive, or it was cut short"));
    const qint64 endOffset = fileSize - tailSize + endAt;
    const quint16 disk = u16(tail, endAt + 4);
    const quint16 cdDisk = u16(tail, endAt + 6);
    const quint16 entriesOnDisk = u16(tail, endAt + 8);
    const quint16 entryCount = u16(tail, endAt + 10);
    const quint32 cdSize = u32(tail, endAt + 12);
    const quint32 cdOffset = u32(tail, endAt + 16);
    if (entryCount == 0xffff || cdSize == 0xffffffff || cdOffset == 0xffffffff)
        return refuse(tr("it is a ZIP64 archive, which bundles never are"));
    if (disk != 0 || cdDisk != 0 || entriesOnDisk != entryCount)
        return refuse(tr("it spans several disks"));
    if (entryCount > limits.maxEntries)
        return refuse(tr("it holds %1 entries, more than the %2 allowed").arg(entryCount).arg(limits.maxEntries));
    if (qint64(cdSize) > limits.maxCentralDirectoryBytes)
        return refuse(tr("its central directory is %1 bytes, more than the %2 allowed")
                          .arg(cdSize)
                          .arg(limits.maxCentralDirectoryBytes));
    if (qint64(cdOffset) + qint64(cdSize) != endOffset)
        return refuse(tr("data was added before or inside the archive (the central directory does not end where "
                         "the end record starts)"));
    const QByteArray cd = readAt(device, cdOffset, cdSize);
    if (cd.size() != qint64(cdSize))
        return refuse(tr("its central directory cannot be read; it may be cut short"));

    QList<ZipEntry> entries;
    QList<QByteArray> rawNames;
    QHash<QString, QByteArray> exact;
    QHash<QString, QByteArray> folded;
    qint64 pos = 0;
    qint64 total = 0;
    for (int i = 0; i < entryCount; ++i) {
        if (pos + kCentralSize > cd.size() || u32(cd, pos) != kCentralSignature)
            return refuse(tr("central directory entry %1 is damaged").arg(i + 1));
        const quint16 flags = u16(cd, pos + 8);
        const quint16 method = u16(cd, pos + 10);
        const quint32 crc = u32(cd, pos + 16);
        const quint32 csize = u32(cd, pos + 20);
        const quint32 usize = u32(cd, pos + 24);
        const quint16 nameLen = u16(cd, pos + 28);
        const quint16 extraLen = u16(cd, pos + 30);
        const quint16 commentLen = u16(cd, pos + 32);
        const quint16 startDisk = u16(cd, pos + 34);
        const quint32 external = u32(cd, pos + 38);
        const quint32 localOffset = u32(cd, pos + 42);
        const qint64 next = pos + kCentralSize + nameLen + extraLen + commentLen;
        if (next > cd.size())
            return refuse(tr("central directory entry %1 runs past the directory's end").arg(i + 1));
        const QByteArray name = cd.mid(pos + kCentralSize, nameLen);
        pos = next;

        if (nameLen > limits.maxNameBytes)
            return refuseEntry(
                name, tr("its name is %1 bytes long, more than the %2 allowed").arg(nameLen).arg(limits.maxNameBytes));
        if (const QString problem = nameProblem(name); !problem.isEmpty())
            return refuseEntry(name, problem);
        const quint32 fileType = (external >> 16) & kFileTypeMask;
        if (fileType == kSymlinkType)
            return refuseEntry(name, tr("it is a symbolic link"));
        if (fileType == kDirectoryType || (external & 0x10) != 0)
            return refuseEntry(name, tr("the entry is a directory"));
        if ((flags & (kFlagEncrypted | kFlagStrongEncryption)) != 0)
            return refuseEntry(name, tr("it is encrypted"));
        if (method != 0 && method != 8)
            return refuseEntry(name, tr("it uses compression method %1; only stored (0) and deflate (8) are "
                                        "accepted")
                                         .arg(method));
        if (usize == 0xffffffff || csize == 0xffffffff || localOffset == 0xffffffff)
            return refuseEntry(name, tr("it has ZIP64 sizes"));
        if (startDisk != 0)
            return refuse(tr("it spans several disks"));
        const QString text = QString::fromUtf8(name);
        if (exact.contains(text))
            return refuseEntry(name, tr("the archive holds this name twice"));
        const QString fold = text.toCaseFolded();
        if (folded.contains(fold))
            return refuseEntry(name, tr("it differs only in case from \"%1\"").arg(shownName(folded.value(fold))));
        exact.insert(text, name);
        folded.insert(fold, name);
        if (!allowedName(text))
            return refuseEntry(name, tr("bundles never hold such a name"));
        if (qint64(usize) > limits.maxEntryBytes)
            return refuseEntry(name, tr("it declares %1 bytes, more than the %2 allowed for one entry")
                                         .arg(usize)
                                         .arg(limits.maxEntryBytes));
        if (method == 0 && csize != usize)
            return refuseEntry(name, tr("it is stored uncompressed but declares %1 bytes stored for %2 bytes of "
                                        "content")
                                         .arg(csize)
                                         .arg(usize));
        if (qint64(usize) > limits.maxRatio * std::max<qint64>(csize, 1))
            return refuseEntry(name, tr("it would expand %1 times, more than the %2 allowed")
                                         .arg(qint64(usize) / std::max<qint64>(csize, 1))
                                         .arg(limits.maxRatio));
        total += usize;
        if (total > limits.maxTotalBytes)
            return refuse(tr("its entries declare more than the %1 bytes allowed in all").arg(limits.maxTotalBytes));
        ZipEntry entry;
        entry.name = text;
        entry.method = method;
        entry.crc32 = crc;
        entry.compressedSize = csize;
        entry.size = usize;
        entry.localOffset = localOffset;
        entries.append(entry);
        rawNames.append(name);
    }
    if (pos != cd.size())
        return refuse(tr("its central directory holds more than the %n entry(s) it declares", "", entryCount));

    // Each local header must repeat its central entry, and the entries' bytes must tile the file before the central
    // directory: no gap at the start (prepended data) and no two entries sharing bytes (an overlapping-entry bomb).
    // Without a data descriptor a local header repeats the CRC and both sizes too; checked after the tiling, so an
    // overlapping-entry bomb is named as such.
    QList<bool> sizesDiffer(entries.size(), false);
    for (int i = 0; i < entries.size(); ++i) {
        ZipEntry &entry = entries[i];
        const QByteArray &name = rawNames.at(i);
        const QByteArray header = readAt(device, entry.localOffset, kLocalSize);
        if (header.isEmpty() || u32(header, 0) != kLocalSignature)
            return refuseEntry(name, tr("its local header is missing or damaged"));
        const quint16 flags = u16(header, 6);
        const quint16 method = u16(header, 8);
        const quint16 nameLen = u16(header, 26);
        const quint16 extraLen = u16(header, 28);
        if (readAt(device, entry.localOffset + kLocalSize, nameLen) != name)
            return refuseEntry(name, tr("the name in its local header differs from the central directory"));
        if (method != entry.method || (flags & (kFlagEncrypted | kFlagStrongEncryption)) != 0)
            return refuseEntry(name, tr("its local header disagrees with the central directory"));
        entry.dataOffset = entry.localOffset + kLocalSize + nameLen + extraLen;
        entry.hasDescriptor = (flags & kFlagDescriptor) != 0;
        sizesDiffer[i] =
            !entry.hasDescriptor && (u32(header, 14) != entry.crc32 || u32(header, 18) != entry.compressedSize ||
                                     u32(header, 22) != entry.size);
    }
    QList<int> order(entries.size());
    for (int i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(),
              [&](int a, int b) { return entries.at(a).localOffset < entries.at(b).localOffset; });
    qint64 expectedStart = 0;
    for (const int i : order) {
        const ZipEntry &entry = entries.at(i);
        if (i == order.first() && entry.localOffset != 0)
            return refuse(tr("%n byte(s) of other data come before the first entry", "", int(entry.localOffset)));
        if (entry.localOffset < expectedStart)
            return refuseEntry(rawNames.at(i), tr("its bytes overlap another entry's"));
        if (entry.localOffset > expectedStart)
            return refuseEntry(rawNames.at(i), tr("%n byte(s) of unlisted data come before it", "",
                                                  int(qMin<qint64>(entry.localOffset - expectedStart, INT_MAX))));
        expectedStart = entry.dataOffset + entry.compressedSize;
        if (entry.hasDescriptor) {
            // The descriptor repeats the CRC and sizes, with or without its optional signature.
            const QByteArray d = readAt(device, expectedStart, 16);
            const qint64 at = d.size() == 16 && u32(d, 0) == kDescriptorSignature ? 4 : 0;
            if (d.size() < 12 + at || u32(d, at) != entry.crc32 || u32(d, at + 4) != entry.compressedSize ||
                u32(d, at + 8) != entry.size)
                return refuseEntry(rawNames.at(i), tr("its data descriptor disagrees with the central directory"));
            expectedStart += 12 + at;
        }
        if (expectedStart > cdOffset)
            return refuseEntry(rawNames.at(i), tr("its data runs into the central directory; the archive may be cut "
                                                  "short"));
    }
    if (expectedStart != cdOffset)
        return refuse(tr("%n byte(s) of unlisted data come before the central directory", "",
                         int(qMin<qint64>(cdOffset - expectedStart, INT_MAX))));
    for (int i = 0; i < entries.size(); ++i)
        if (sizesDiffer.at(i))
            return refuseEntry(rawNames.at(i), tr("its local header disagrees with the central directory"));
    return entries;
}

} // namespace strata
