// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QStandardPaths>
#include <QString>
#include <QStringList>

/// Reading generated PDFs back with poppler-utils, the way a person's viewer would see them.
namespace strata::reportsamples {

/// The path of a poppler tool, or empty when poppler-utils is not installed.
inline QString tool(const QString &name)
{
    return QStandardPaths::findExecutable(name);
}

inline QByteArray runTool(const QString &name, const QStringList &arguments)
{
    QProcess process;
    process.start(tool(name), arguments);
    process.waitForFinished(120000);
    return process.readAllStandardOutput();
}

/// The text of the whole document, or of one page (1-based); `layout` keeps each line of the page on one line.
inline QString pdfText(const QString &pdf, int page = 0, bool layout = false)
{
    QStringList arguments{QStringLiteral("-enc"), QStringLiteral("UTF-8")};
    if (layout)
        arguments << QStringLiteral("-layout");
    if (page > 0)
        arguments << QStringLiteral("-f") << QString::number(page) << QStringLiteral("-l") << QString::number(page);
    arguments << pdf << QStringLiteral("-");
    return QString::fromUtf8(runTool(QStringLiteral("pdftotext"), arguments));
}

inline int pageCount(const QString &pdf)
{
    const QString info = QString::fromUtf8(runTool(QStringLiteral("pdfinfo"), {pdf}));
    for (const QString &line : info.split(QLatin1Char('\n'))) {
        if (line.startsWith(QStringLiteral("Pages:")))
            return line.mid(6).trimmed().toInt();
    }
    return 0;
}

/// Page `page` rendered at `dpi` by pdftoppm.
inline QImage renderPage(const QString &pdf, int page, const QString &folder, int dpi = 40)
{
    const QString prefix = folder + QStringLiteral("/page");
    runTool(QStringLiteral("pdftoppm"), {QStringLiteral("-png"), QStringLiteral("-r"), QString::number(dpi),
                                         QStringLiteral("-f"), QString::number(page), QStringLiteral("-l"),
                                         QString::number(page), QStringLiteral("-singlefile"), pdf, prefix});
    return QImage(prefix + QStringLiteral(".png"));
}

/// The share of pixels that are not near-white: 0 for a blank page.
inline double inkShare(const QImage &image)
{
    if (image.isNull())
        return 0;
    qint64 ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (qGray(image.pixel(x, y)) < 230)
                ++ink;
        }
    }
    return double(ink) / (qint64(image.width()) * image.height());
}

} // namespace strata::reportsamples
