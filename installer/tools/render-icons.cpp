// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
//
// Build-time tool: renders the application's SVG icon into the PNG sizes desktops and installers ask for, so the SVG
// stays the one source of the icon. Usage:
//   strata_render_icons SVG OUT_DIR NAME [--ico FILE] [--iconset DIR] SIZE...
// writes OUT_DIR/hicolor/<SIZE>x<SIZE>/apps/NAME.png for every SIZE, with --ico a 256-pixel Windows icon, and with
// --iconset a macOS .iconset folder for iconutil (16 to 512 points, each at 1x and 2x).
#include <QDir>
#include <QGuiApplication>
#include <QImage>
#include <QImageWriter>
#include <QPainter>
#include <QSvgRenderer>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

QImage render(QSvgRenderer &renderer, int size)
{
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setRenderHint(QPainter::SmoothPixmapTransform);
    renderer.render(&painter, QRectF(0, 0, size, size));
    painter.end();
    return image.convertToFormat(QImage::Format_ARGB32);
}

QString takeOption(QStringList &arguments, const QString &name)
{
    const qsizetype at = arguments.indexOf(name);
    if (at < 0 || at + 1 >= arguments.size())
        return {};
    const QString value = arguments.at(at + 1);
    arguments.remove(at, 2);
    return value;
}

int fail(const QString &message)
{
    QTextStream(stderr) << "strata_render_icons: " << message << '\n';
    return 1;
}

} // namespace

int main(int argc, char *argv[])
{
    // Runs on build machines without a display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);

    QStringList arguments = QCoreApplication::arguments().mid(1);
    const QString icoFile = takeOption(arguments, u"--ico"_s);
    const QString iconsetDir = takeOption(arguments, u"--iconset"_s);
    if (arguments.size() < 4)
        return fail(u"usage: strata_render_icons SVG OUT_DIR NAME [--ico FILE] [--iconset DIR] SIZE..."_s);

    QSvgRenderer renderer(arguments.at(0));
    if (!renderer.isValid())
        return fail(u"%1 is not a valid SVG file"_s.arg(arguments.at(0)));
    const QDir outDir(arguments.at(1));
    const QString name = arguments.at(2);

    for (const QString &text : arguments.mid(3)) {
        bool ok = false;
        const int size = text.toInt(&ok);
        if (!ok || size < 1 || size > 4096)
            return fail(u"%1 is not an icon size (a whole number of pixels from 1 to 4096)"_s.arg(text));
        const QString folder = u"hicolor/%1x%1/apps"_s.arg(size);
        if (!outDir.mkpath(folder))
            return fail(u"cannot create %1"_s.arg(outDir.filePath(folder)));
        const QImage image = render(renderer, size);
        const QString file = outDir.filePath(u"%1/%2.png"_s.arg(folder, name));
        if (!image.save(file, "PNG"))
            return fail(u"cannot write %1"_s.arg(file));
    }

    if (!icoFile.isEmpty()) {
        // Qt's ICO writer stores one image, and Windows icons hold at most 256 × 256 pixels: the 256 one is written,
        // and Windows scales it down for smaller views.
        QImageWriter writer(icoFile, "ico");
        if (!writer.write(render(renderer, 256)))
            return fail(u"cannot write %1: %2"_s.arg(icoFile, writer.errorString()));
    }
    if (!iconsetDir.isEmpty()) {
        if (!QDir().mkpath(iconsetDir))
            return fail(u"cannot create %1"_s.arg(iconsetDir));
        for (const int points : {16, 32, 128, 256, 512}) {
            const QString base = QDir(iconsetDir).filePath(u"icon_%1x%1"_s.arg(points));
            if (!render(renderer, points).save(base + u".png"_s, "PNG") ||
                !render(renderer, points * 2).save(base + u"@2x.png"_s, "PNG"))
                return fail(u"cannot write %1"_s.arg(base));
        }
    }
    return 0;
}
