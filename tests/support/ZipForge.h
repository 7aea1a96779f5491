// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>
#include <QList>

#include <optional>
#include <zlib.h>

namespace strata::test {

/// One entry of a hand-made zip; every field a hostile archive could lie about can be set on its own.
struct ForgedEntry
{
    QByteArray name;
    QByteArray content;
    quint16 method = 0;                            ///< 0 stored, 8 deflate, anything else as given
    quint16 flags = 0x0800;                        ///< general purpose flags (UTF-8 names)
    quint32 externalAttr = quint32(0100644) << 16; ///< Unix mode in the high half
    QByteArray localName;                          ///< name in the local header; empty: `name`
    std::optional<quint32> declaredSize;           ///< uncompressed size in both headers; default: content size
    std::optional<quint32> crc;                    ///< default: CRC-32 of `content`
    std::optional<QByteArray> data;                ///< the bytes after the local header; default: `content` (deflated)
    /// The declared compressed size reaches to the end of the last entry's data, over the entries after it: the
    /// overlapping-entry construction of D. Fifield's "A better zip bomb".
    bool overlapFollowing = false;
    /// Bytes written after the data and counted by no header: a data descriptor, or hidden data.
    QByteArray trailer;
};

/// Raw deflate (no zlib header), as zip stores it.
inline QByteArray rawDeflate(const QByteArray &input)
{
    z_stream zs{};
    deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    QByteArray out(int(deflateBound(&zs, uLong(input.size()))), Qt::Uninitialized);
    zs.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(input.constData()));
    zs.avail_in = uInt(input.size());
    zs.next_out = reinterpret_cast<Bytef *>(out.data());
    zs.avail_out = uInt(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(int(zs.total_out));
    deflateEnd(&zs);
    return out;
}

inline quint32 crcOf(const QByteArray &data)
{
    return quint32(crc32(0, reinterpret_cast<const Bytef *>(data.constData()), uInt(data.size())));
}

/// Builds zip archives byte by byte, so the tests make their own malicious corpus instead of shipping one.
class ZipForge
{
public:
    QList<ForgedEntry> entries;
    QByteArray prefix; ///< bytes before the first local header (a self-extractor stub, say)
    QByteArray archiveComment;

    QByteArray build() const
    {
        QByteArray out = prefix;
        QList<qint64> offsets;
        QList<qint64> dataStarts;
        QList<QByteArray> payloads;
        for (const ForgedEntry &e : entries) {
            const QByteArray payload = e.data ? *e.data : (e.method == 8 ? rawDeflate(e.content) : e.content);
            payloads.append(payload);
            offsets.append(out.size());
            const QByteArray local = e.localName.isEmpty() ? e.name : e.localName;
            put32(out, 0x04034b50);
            put16(out, 20);
            put16(out, e.flags);
            put16(out, e.method);
            put16(out, 0);
            put16(out, 0x5821);
            put32(out, crcFor(e));
            put32(out, quint32(payload.size()));
            put32(out, sizeFor(e));
            put16(out, quint16(local.size()));
            put16(out, 0);
            out.append(local);
            dataStarts.append(out.size());
            out.append(payload);
            out.append(e.trailer);
        }
        const qint64 end = out.size();
        const qint64 cdOffset = out.size();
        for (int i = 0; i < entries.size(); ++i) {
            const ForgedEntry &e = entries.at(i);
            const qint64 compressed = e.overlapFollowing ? end - dataStarts.at(i) : payloads.at(i).size();
            put32(out, 0x02014b50);
            put16(out, 0x031e); // made by Unix
            put16(out, 20);
            put16(out, e.flags);
            put16(out, e.method);
            put16(out, 0);
            put16(out, 0x5821);
            put32(out, crcFor(e));
            put32(out, quint32(compressed));
            put32(out, sizeFor(e));
            put16(out, quint16(e.name.size())); // a name over 65,535 bytes wraps, as a careless writer's would
            put16(out, 0);
            put16(out, 0);
            put16(out, 0);
            put16(out, 0);
            put32(out, e.externalAttr);
            put32(out, quint32(offsets.at(i)));
            out.append(e.name);
        }
        const qint64 cdSize = out.size() - cdOffset;
        put32(out, 0x06054b50);
        put16(out, 0);
        put16(out, 0);
        put16(out, quint16(entries.size()));
        put16(out, quint16(entries.size()));
        put32(out, quint32(cdSize));
        put32(out, quint32(cdOffset));
        put16(out, quint16(archiveComment.size()));
        out.append(archiveComment);
        return out;
    }

private:
    static void put16(QByteArray &out, quint16 v)
    {
        out.append(char(v & 0xff));
        out.append(char(v >> 8));
    }
    static void put32(QByteArray &out, quint32 v)
    {
        put16(out, quint16(v & 0xffff));
        put16(out, quint16(v >> 16));
    }
    static quint32 crcFor(const ForgedEntry &e) { return e.crc ? *e.crc : crcOf(e.content); }
    static quint32 sizeFor(const ForgedEntry &e)
    {
        return e.declaredSize ? *e.declaredSize : quint32(e.content.size());
    }
};

} // namespace strata::test
