// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/SafeZipReader.h"

#include "util/Sha256.h"

#include <QDir>
#include <QRandomGenerator>
#include <quazip/quazip.h>
#include <quazip/quazipfile.h>
#include <quazip/quazipfileinfo.h>

#include <cerrno>
#include <climits>
#include <cstring>
#include <unistd.h>
#include <zlib.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr qint64 kInputChunk = 64 * 1024;
constexpr qint64 kOutputChunk = 256 * 1024;

/// Ends the zlib stream on every way out.
class Inflater
{
public:
    Inflater() { m_ok = inflateInit2(&m_stream, -MAX_WBITS) == Z_OK; }
    ~Inflater()
    {
        if (m_ok)
            inflateEnd(&m_stream);
    }
    Inflater(const Inflater &) = delete;
    Inflater &operator=(const Inflater &) = delete;
    bool ok() const { return m_ok; }
    z_stream &stream() { return m_stream; }

private:
    z_stream m_stream{};
    bool m_ok = false;
};

} // namespace

StagedFiles::~StagedFiles()
{
    for (const QString &path : std::as_const(m_paths))
        QFile::remove(path);
}

SafeZipReader::SafeZipReader(QString path, ZipLimits limits, std::function<bool(const QString &)> allowedName)
    : m_path(std::move(path))
    , m_shown(QDir::toNativeSeparators(m_path))
    , m_limits(limits)
    , m_allowedName(std::move(allowedName))
    , m_file(m_path)
{
}

SafeZipReader::~SafeZipReader()
{
    if (m_zip)
        m_zip->close();
}

Status SafeZipReader::open()
{
    if (!m_file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(m_shown, m_file.errorString())};
    Result<QList<ZipEntry>> scanned = ZipScan::scan(m_file, m_shown, m_limits, m_allowedName);
    if (!scanned)
        return scanned.error();
    m_entries = std::move(scanned).value();
    m_zip = std::make_unique<QuaZip>(&m_file);
    m_zip->setAutoClose(false);
    m_zip->setUtf8Enabled(true);
    if (!m_zip->open(QuaZip::mdUnzip))
        return Error{
            ErrorCode::InvalidInput,
            tr("%1 could not be opened as a zip archive (zip error %2).").arg(m_shown).arg(m_zip->getZipError())};
    if (m_zip->getEntriesCount() != m_entries.size())
        return Error{ErrorCode::InvalidInput,
                     tr("%1 was refused: its entry count is read two different ways.").arg(m_shown)};
    return Ok{};
}

Status SafeZipReader::visit(const std::function<Status(const ZipEntry &)> &visit)
{
    if (!m_zip)
        return Error{ErrorCode::InvalidInput, tr("%1 is not open.").arg(m_shown)};
    m_current = 0;
    for (bool more = m_zip->goToFirstFile(); more; more = m_zip->goToNextFile(), ++m_current) {
        if (m_current >= m_entries.size())
            return Error{ErrorCode::InvalidInput,
                         tr("%1 was refused: it holds more entries than it lists.").arg(m_shown)};
        const ZipEntry &entry = m_entries.at(m_current);
        QuaZipFileInfo64 info;
        if (!m_zip->getCurrentFileInfo(&info) || info.name != entry.name ||
            qint64(info.uncompressedSize) != entry.size || qint64(info.compressedSize) != entry.compressedSize)
            return Error{
                ErrorCode::InvalidInput,
                tr("%1 was refused: the entry \"%2\" reads differently the second time.").arg(m_shown, entry.name)};
        if (Status s = visit(entry); !s)
            return s;
    }
    if (m_zip->getZipError() != UNZ_OK)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 could not be read to its end (zip error %2).").arg(m_shown).arg(m_zip->getZipError())};
    if (m_current != m_entries.size())
        return Error{ErrorCode::InvalidInput, tr("%1 was refused: it holds fewer entries than it lists.").arg(m_shown)};
    return Ok{};
}

Status SafeZipReader::inflateCurrent(const std::function<Status(const char *, qint64)> &sink)
{
    const ZipEntry &entry = m_entries.at(m_current);
    const auto refuse = [&](const QString &why) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1 was refused: the entry \"%2\": %3.").arg(m_shown, entry.name, why)};
    };
    QuaZipFile raw(m_zip.get());
    int method = 0;
    int level = 0;
    if (!raw.open(QIODevice::ReadOnly, &method, &level, true))
        return refuse(tr("it cannot be opened (zip error %1)").arg(raw.getZipError()));
    if (method != entry.method)
        return refuse(tr("its compression method reads differently the second time"));

    Inflater inflater;
    if (entry.method == 8 && !inflater.ok())
        return refuse(tr("zlib could not be started"));
    QByteArray input(kInputChunk, Qt::Uninitialized);
    QByteArray output(kOutputChunk, Qt::Uninitialized);
    qint64 readCompressed = 0;
    qint64 produced = 0;
    uLong crc = crc32(0L, Z_NULL, 0);
    bool ended = entry.method == 0;
    const auto emitBytes = [&](const char *data, qint64 n) -> Status {
        produced += n;
        if (produced > entry.size)
            return refuse(
                tr("it holds more than the %n byte(s) it declares", "", int(qMin<qint64>(entry.size, INT_MAX))));
        crc = crc32(crc, reinterpret_cast<const Bytef *>(data), static_cast<uInt>(n));
        return sink(data, n);
    };
    for (;;) {
        const qint64 n = raw.read(input.data(), input.size());
        if (n < 0)
            return refuse(tr("it cannot be read: %1").arg(raw.errorString()));
        if (n == 0)
            break;
        readCompressed += n;
        if (readCompressed > entry.compressedSize)
            return refuse(tr("it holds more compressed bytes than it declares"));
        if (entry.method == 0) {
            if (Status s = emitBytes(input.constData(), n); !s)
                return s;
            continue;
        }
        if (ended)
            return refuse(tr("data follows the end of its compressed stream"));
        z_stream &zs = inflater.stream();
        zs.next_in = reinterpret_cast<Bytef *>(input.data());
        zs.avail_in = static_cast<uInt>(n);
        // A full output buffer may leave output pending after the last input byte was taken: call again until
        // zlib has room to spare, or the stream ends.
        while ((zs.avail_in > 0 || zs.avail_out == 0) && !ended) {
            zs.next_out = reinterpret_cast<Bytef *>(output.data());
            zs.avail_out = static_cast<uInt>(output.size());
            const int rc = ::inflate(&zs, Z_NO_FLUSH);
            if (rc != Z_OK && rc != Z_STREAM_END && rc != Z_BUF_ERROR)
                return refuse(tr("its compressed data is damaged"));
            const qint64 made = output.size() - qint64(zs.avail_out);
            if (made > 0)
                if (Status s = emitBytes(output.constData(), made); !s)
                    return s;
            ended = rc == Z_STREAM_END;
            if (rc == Z_BUF_ERROR && made == 0)
                break;
        }
        if (ended && zs.avail_in > 0)
            return refuse(tr("data follows the end of its compressed stream"));
    }
    raw.close();
    if (readCompressed != entry.compressedSize || !ended)
        return refuse(tr("it is cut short"));
    if (produced != entry.size)
        return refuse(tr("it holds %1 bytes but declares %2").arg(produced).arg(entry.size));
    if (quint32(crc) != entry.crc32)
        return refuse(tr("its CRC does not match its content"));
    return Ok{};
}

Result<QByteArray> SafeZipReader::readCurrent(qint64 maxBytes)
{
    const ZipEntry &entry = m_entries.at(m_current);
    if (entry.size > maxBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 was refused: the entry \"%2\" declares %3 bytes; at most %4 are "
                                                 "allowed for it.")
                                                  .arg(m_shown, entry.name)
                                                  .arg(entry.size)
                                                  .arg(maxBytes)};
    QByteArray content;
    content.reserve(entry.size);
    const Status s = inflateCurrent([&](const char *data, qint64 n) -> Status {
        content.append(data, n);
        return Ok{};
    });
    if (!s)
        return s.error();
    return content;
}

Result<QString> SafeZipReader::hashCurrent()
{
    Sha256 hash;
    const Status s = inflateCurrent([&](const char *data, qint64 n) -> Status {
        hash.update(data, n);
        return Ok{};
    });
    if (!s)
        return s.error();
    return hash.finalHex();
}

Result<StagedFile> SafeZipReader::stageCurrent(const QString &folder, StagedFiles &staged)
{
    const ZipEntry &entry = m_entries.at(m_current);
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, tr("Cannot create the temporary folder %1.").arg(QDir::toNativeSeparators(folder))};
    QFile temp;
    for (int attempt = 0; attempt < 8 && !temp.isOpen(); ++attempt) {
        temp.setFileName(QDir(folder).filePath(
            u"bundle-%1.part"_s.arg(QRandomGenerator::global()->generate64(), 16, 16, QLatin1Char('0'))));
        temp.open(QIODevice::WriteOnly | QIODevice::NewOnly);
    }
    if (!temp.isOpen())
        return Error{ErrorCode::Io, tr("Cannot write to the temporary folder %1: %2")
                                        .arg(QDir::toNativeSeparators(folder), temp.errorString())};
    staged.add(temp.fileName());
    Sha256 hash;
    const Status s = inflateCurrent([&](const char *data, qint64 n) -> Status {
        hash.update(data, n);
        if (temp.write(data, n) != n)
            return Error{ErrorCode::Io,
                         tr("Copying the entry \"%1\" of %2 failed: %3").arg(entry.name, m_shown, temp.errorString())};
        return Ok{};
    });
    if (!s)
        return s.error();
    if (!temp.flush() || ::fsync(temp.handle()) != 0)
        return Error{ErrorCode::Io, tr("Copying the entry \"%1\" of %2 failed: the disk did not confirm the data (%3).")
                                        .arg(entry.name, m_shown, QString::fromLocal8Bit(std::strerror(errno)))};
    temp.close();
    return StagedFile{temp.fileName(), hash.finalHex(), entry.size};
}

} // namespace strata
