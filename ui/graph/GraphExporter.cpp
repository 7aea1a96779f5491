// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "GraphExporter.h"

#include "GraphPainter.h"
#include "PoolJob.h"
#include "util/AtomicFile.h"

#include <QBuffer>
#include <QFutureWatcher>
#include <QImage>
#include <QPainter>
#include <QSvgGenerator>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kMargin = 20;
constexpr double kPngScale = 2.0; // pixels per point: sharp on high-density screens and in print

struct Outcome
{
    QString error;
};

Outcome write(const std::shared_ptr<const GraphViewData> &data, GraphFormat format, const QString &path)
{
    const Result<QByteArray> bytes = GraphExporter::render(*data, format);
    if (!bytes)
        return {bytes.error().message};
    if (const Status saved = AtomicFile::write(path, bytes.value()); !saved)
        return {saved.error().message};
    return {};
}

} // namespace

Result<QByteArray> GraphExporter::render(const GraphViewData &data, GraphFormat format)
{
    if (format == GraphFormat::Dot)
        return GraphExport::toDot(data.view, ExportRisk{data.reasons, data.inherits});
    const QRectF area = data.layout.bounds.adjusted(-kMargin, -kMargin, kMargin, kMargin);
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (format == GraphFormat::Svg) {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(area.size().toSize());
        svg.setViewBox(QRectF(QPointF(0, 0), area.size()));
        svg.setTitle(tr("Strata lineage graph"));
        svg.setDescription(tr("%n record(s)", "", int(data.view.nodes.size())));
        QPainter painter;
        if (!painter.begin(&svg))
            return Error{ErrorCode::Io, tr("The SVG could not be started.")};
        painter.translate(-area.topLeft());
        graphpainter::paintAll(&painter, data);
        painter.end();
        return bytes;
    }
    const double scale = std::min(kPngScale, kMaxPngSide / std::max({area.width(), area.height(), 1.0}));
    QImage image((area.size() * scale).toSize().expandedTo(QSize(1, 1)), QImage::Format_ARGB32_Premultiplied);
    if (image.isNull())
        return Error{ErrorCode::Io, tr("There is not enough memory for a picture of %1 × %2 pixels; export SVG "
                                       "instead.")
                                        .arg(qRound(area.width() * scale))
                                        .arg(qRound(area.height() * scale))};
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    painter.scale(scale, scale);
    painter.translate(-area.topLeft());
    graphpainter::paintAll(&painter, data);
    painter.end();
    if (!image.save(&buffer, "PNG"))
        return Error{ErrorCode::Io, tr("The PNG could not be encoded.")};
    return bytes;
}

void GraphExporter::save(std::shared_ptr<const GraphViewData> data, GraphFormat format, const QString &path)
{
    if (!data) {
        Q_EMIT finished(path, tr("There is no graph to export yet."));
        return;
    }
    m_running = true;
    auto *watcher = new QFutureWatcher<Outcome>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, path] {
        watcher->deleteLater();
        m_running = false;
        Q_EMIT finished(path, watcher->result().error);
    });
    watcher->setFuture(runPoolJob([data, format, path] { return write(data, format, path); }));
}

} // namespace strata
