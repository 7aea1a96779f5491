// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceViewing.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMimeDatabase>
#include <QRegularExpression>
#include <QStandardPaths>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QString EvidenceViewing::sniffMediaType(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return u"application/octet-stream"_s;
    return QMimeDatabase().mimeTypeForData(file.read(64 * 1024)).name();
}

EvidenceViewing::Kind EvidenceViewing::kindOf(const QString &mediaType)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mediaType);
    if (type.inherits(u"application/pdf"_s))
        return Kind::Pdf;
    if (mediaType.startsWith(u"image/"_s) && !type.inherits(u"image/svg+xml"_s))
        return Kind::Image;
    if (type.inherits(u"text/plain"_s))
        return Kind::Text;
    return Kind::Other;
}

bool EvidenceViewing::mightExecute(const QString &mediaType)
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(mediaType);
    static const QStringList runnable = {u"application/x-executable"_s,
                                         u"application/x-sharedlib"_s,
                                         u"application/x-msdownload"_s,
                                         u"application/x-ms-dos-executable"_s,
                                         u"application/x-shellscript"_s,
                                         u"application/x-msi"_s,
                                         u"application/x-desktop"_s,
                                         u"application/java-archive"_s,
                                         u"application/x-ms-shortcut"_s,
                                         u"application/vnd.microsoft.portable-executable"_s,
                                         u"text/x-python"_s,
                                         u"application/x-perl"_s};
    for (const QString &name : runnable) {
        if (type.inherits(name))
            return true;
    }
    return false;
}

Result<QString> EvidenceViewing::viewerCopy(const QString &blobPath, const Evidence &evidence)
{
    const QString mediaType = sniffMediaType(blobPath);
    if (mightExecute(mediaType))
        return Error{ErrorCode::Unsupported,
                     tr("\"%1\" looks like a program (%2), so Strata does not hand it to the system viewer. Inspect "
                        "it with a tool you trust.")
                         .arg(evidence.title, mediaType)};
    static const QRegularExpression unsafe(u"[^A-Za-z0-9._ -]"_s);
    QString base = QFileInfo(evidence.fileName).completeBaseName().replace(unsafe, u"_"_s).left(80).trimmed();
    if (base.isEmpty() || base.startsWith(u'.'))
        base = evidence.sha256.left(12);
    const QString suffix = QMimeDatabase().mimeTypeForName(mediaType).preferredSuffix();
    const QString folder = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation))
                               .filePath(u"strata-evidence-view/%1"_s.arg(evidence.sha256.left(16)));
    const QString target = QDir(folder).filePath(suffix.isEmpty() ? base : u"%1.%2"_s.arg(base, suffix));
    if (!QDir().mkpath(folder))
        return Error{ErrorCode::Io, tr("Cannot create the folder %1 to open \"%2\"; check the temporary folder.")
                                        .arg(QDir::toNativeSeparators(folder), evidence.title)};
    if (QFileInfo::exists(target)) {
        QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QFile::remove(target);
    }
    QFile source(blobPath);
    if (!source.copy(target))
        return Error{ErrorCode::Io, tr("Cannot copy \"%1\" to %2 for viewing: %3")
                                        .arg(evidence.title, QDir::toNativeSeparators(target), source.errorString())};
    QFile::setPermissions(target, QFileDevice::ReadOwner);
    return target;
}

} // namespace strata
