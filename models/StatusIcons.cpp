// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "StatusIcons.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace strata::status_icons {

namespace {

/// The icons' fill: saturated enough to carry a white mark on any background.
QColor iconFill(Severity severity)
{
    switch (severity) {
    case Severity::Good:
        return QColor(0x2e, 0x7d, 0x32);
    case Severity::Warning:
        return QColor(0xb2, 0x6a, 0x00);
    case Severity::Bad:
        return QColor(0xc6, 0x28, 0x28);
    }
    return {};
}

QPixmap draw(Severity severity, int size)
{
    QPixmap pixmap(size, size);
    pixmap.fill(Qt::transparent);
    QPainter p(&pixmap);
    p.setRenderHint(QPainter::Antialiasing);
    const qreal s = size;
    p.setPen(Qt::NoPen);
    p.setBrush(iconFill(severity));
    QPen mark(Qt::white, s * 0.14, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (severity) {
    case Severity::Good: {
        p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        p.setPen(mark);
        QPainterPath tick;
        tick.moveTo(s * 0.28, s * 0.52);
        tick.lineTo(s * 0.44, s * 0.68);
        tick.lineTo(s * 0.73, s * 0.34);
        p.setBrush(Qt::NoBrush);
        p.drawPath(tick);
        break;
    }
    case Severity::Warning: {
        QPainterPath triangle;
        triangle.moveTo(s * 0.5, s * 0.06);
        triangle.lineTo(s * 0.96, s * 0.92);
        triangle.lineTo(s * 0.04, s * 0.92);
        triangle.closeSubpath();
        p.drawPath(triangle);
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.5, s * 0.36), QPointF(s * 0.5, s * 0.62));
        p.drawPoint(QPointF(s * 0.5, s * 0.79));
        break;
    }
    case Severity::Bad:
        p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        p.setPen(mark);
        p.drawLine(QPointF(s * 0.3, s * 0.5), QPointF(s * 0.7, s * 0.5));
        break;
    }
    return pixmap;
}

} // namespace

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor color(Severity severity)
{
    return color(severity, QGuiApplication::palette());
}

QColor color(Severity severity, const QPalette &palette)
{
    if (!isDark(palette))
        return iconFill(severity);
    switch (severity) {
    case Severity::Good:
        return QColor(0x81, 0xc7, 0x84);
    case Severity::Warning:
        return QColor(0xff, 0xb7, 0x4d);
    case Severity::Bad:
        return QColor(0xef, 0x9a, 0x9a);
    }
    return {};
}

QIcon icon(Severity severity)
{
    QIcon icon;
    for (int size : {16, 24, 32, 48})
        icon.addPixmap(draw(severity, size));
    return icon;
}

} // namespace strata::status_icons
