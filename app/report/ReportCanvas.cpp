// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportCanvas.h"

#include <QAbstractTextDocumentLayout>
#include <QFontMetricsF>
#include <QPainter>
#include <QPdfWriter>
#include <QTextBlock>
#include <QTextDocument>
#include <QTextLayout>

#include <algorithm>
#include <vector>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kMarginSide = 54;   // points: 19 mm
constexpr double kMarginTop = 64;    // room for the running header
constexpr double kMarginBottom = 58; // room for the footer
constexpr double kCellPadding = 3.5;

} // namespace

ReportCanvas::ReportCanvas(QPdfWriter &writer, QPainter &painter, const QString &language)
    : m_writer(writer)
    , m_painter(painter)
    , m_k(writer.resolution() / 72.0)
{
    Q_UNUSED(language)
    // Liberation for Latin text and digits, WenQuanYi Micro Hei for Chinese: Qt 6.4's PDF engine maps glyphs back to
    // characters through the font's cmap, and Noto Sans CJK shares glyphs between ideographs and Kangxi radicals
    // (and loses its digits), so text copied or searched in the PDF would differ from what is printed. Noto Sans
    // CJK SC stays as the last fallback, so Chinese is never drawn as boxes.
    m_family = u"Liberation Sans"_s;
    m_monoFamily = u"Liberation Mono"_s;
    m_pageRect = QRectF(0, 0, writer.width(), writer.height());
    m_area = m_pageRect.adjusted(pt(kMarginSide), pt(kMarginTop), -pt(kMarginSide), -pt(kMarginBottom));
    m_y = m_area.top();
}

QFont ReportCanvas::font(Style style) const
{
    QFont font;
    font.setFamilies({style == Style::Mono ? m_monoFamily : m_family, u"WenQuanYi Micro Hei"_s, u"Noto Sans CJK SC"_s});
    font.setHintingPreference(QFont::PreferNoHinting);
    font.setKerning(true);
    switch (style) {
    case Style::Title:
        font.setPointSizeF(24);
        font.setWeight(QFont::Bold);
        break;
    case Style::Heading1:
        font.setPointSizeF(16);
        font.setWeight(QFont::Bold);
        break;
    case Style::Heading2:
        font.setPointSizeF(12);
        font.setWeight(QFont::Bold);
        break;
    case Style::Heading3:
        font.setPointSizeF(10);
        font.setWeight(QFont::Bold);
        break;
    case Style::Body:
        font.setPointSizeF(9);
        break;
    case Style::Bold:
        font.setPointSizeF(9);
        font.setWeight(QFont::Bold);
        break;
    case Style::Small:
        font.setPointSizeF(7.5);
        break;
    case Style::Mono:
        font.setPointSizeF(6.2);
        break;
    }
    return font;
}

void ReportCanvas::ensure(double height)
{
    if (m_y + height > m_area.bottom() + 0.5 && m_y > m_area.top() + 0.5)
        newPage();
}

void ReportCanvas::newPage()
{
    m_writer.newPage();
    ++m_page;
    m_y = m_area.top();
    decorate();
}

void ReportCanvas::setRunning(const QString &header, const QString &footer, int totalPages)
{
    m_header = header;
    m_footer = footer;
    m_totalPages = totalPages;
}

void ReportCanvas::decorate()
{
    if (!m_decorated)
        return;
    m_painter.save();
    const QFont small = font(Style::Small);
    m_painter.setFont(small);
    const double headerY = pt(30);
    const QRectF header(m_area.left(), headerY, m_area.width(), pt(14));
    m_painter.setPen(muted());
    m_painter.drawText(header, Qt::AlignLeft | Qt::AlignVCenter, m_header);
    m_painter.drawText(header, Qt::AlignRight | Qt::AlignVCenter, tr("Strata assessment report"));
    m_painter.setPen(QPen(rule(), pt(0.6)));
    m_painter.drawLine(QPointF(m_area.left(), header.bottom() + pt(3)),
                       QPointF(m_area.right(), header.bottom() + pt(3)));
    const QRectF footer(m_area.left(), m_pageRect.bottom() - pt(36), m_area.width(), pt(14));
    m_painter.drawLine(QPointF(m_area.left(), footer.top() - pt(3)), QPointF(m_area.right(), footer.top() - pt(3)));
    m_painter.setPen(muted());
    m_painter.drawText(footer, Qt::AlignLeft | Qt::AlignVCenter, m_footer);
    m_painter.drawText(footer, Qt::AlignRight | Qt::AlignVCenter,
                       tr("Page %1 of %2").arg(m_page).arg(std::max(m_totalPages, m_page)));
    m_painter.restore();
}

void ReportCanvas::section(const QString &title)
{
    newPage();
    ++m_sectionNumber;
    const QString numbered = u"%1  %2"_s.arg(m_sectionNumber).arg(title);
    m_toc.append({numbered, 1, m_page});
    const QFont h1 = font(Style::Heading1);
    m_painter.setFont(h1);
    m_painter.setPen(accent());
    const double height = QFontMetricsF(h1, &m_writer).height();
    m_painter.drawText(QRectF(m_area.left(), m_y, m_area.width(), height), Qt::AlignLeft | Qt::AlignVCenter, numbered);
    m_y += height + pt(4);
    m_painter.setPen(QPen(accent(), pt(1.2)));
    m_painter.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
    m_y += pt(12);
}

void ReportCanvas::heading(const QString &title, Style style, double keep, bool inToc)
{
    const QFont headingFont = font(style);
    const double height = textHeight(title, headingFont, m_area.width());
    if (m_y > m_area.top() + 0.5)
        m_y += pt(6);
    ensure(height + keep + pt(4));
    if (inToc)
        m_toc.append({title, 2, m_page});
    m_painter.setFont(headingFont);
    m_painter.setPen(style == Style::Heading2 ? accent() : ink());
    m_painter.drawText(QRectF(m_area.left(), m_y, m_area.width(), height), title, wrapOption());
    m_y += height + pt(4);
}

std::unique_ptr<QTextLayout> ReportCanvas::layoutText(const QString &text,
                                                      const QFont &font,
                                                      double width,
                                                      double *height) const
{
    // As drawText() does: a newline starts a new line.
    QString lines = text;
    lines.replace(u'\n', QChar::LineSeparator);
    auto layout = std::make_unique<QTextLayout>(lines, font, &m_writer);
    layout->setTextOption(wrapOption());
    layout->beginLayout();
    double y = 0;
    for (QTextLine line = layout->createLine(); line.isValid(); line = layout->createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout->endLayout();
    *height = text.isEmpty() ? QFontMetricsF(font, &m_writer).height() : y;
    return layout;
}

double ReportCanvas::textHeight(const QString &text, const QFont &font, double width) const
{
    double height = 0;
    layoutText(text, font, width, &height);
    return height;
}

QTextOption ReportCanvas::wrapOption(Qt::Alignment alignment)
{
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

void ReportCanvas::paragraph(const QString &text, Style style, const QColor &color, double indent)
{
    const QFont textFont = font(style);
    QTextLayout layout(text, textFont, &m_writer);
    layout.setTextOption(wrapOption());
    const double width = m_area.width() - pt(indent);
    layout.beginLayout();
    double y = 0;
    for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
        line.setLineWidth(width);
        line.setPosition(QPointF(0, y));
        y += line.height();
    }
    layout.endLayout();
    m_painter.setPen(color);
    for (int i = 0; i < layout.lineCount(); ++i) {
        const QTextLine line = layout.lineAt(i);
        ensure(line.height());
        line.draw(&m_painter, QPointF(m_area.left() + pt(indent), m_y - line.y()));
        m_y += line.height();
    }
    m_y += pt(3);
}

void ReportCanvas::fields(const QList<std::pair<QString, QString>> &fields, double labelShare)
{
    const QFont label = font(Style::Bold);
    const QFont value = font(Style::Body);
    const double labelWidth = m_area.width() * labelShare;
    const double valueWidth = m_area.width() - labelWidth;
    for (const auto &[name, text] : fields) {
        const double height =
            std::max(textHeight(name, label, labelWidth - pt(6)), textHeight(text, value, valueWidth));
        ensure(height);
        m_painter.setPen(muted());
        m_painter.setFont(label);
        m_painter.drawText(QRectF(m_area.left(), m_y, labelWidth - pt(6), height), name, wrapOption());
        m_painter.setPen(ink());
        m_painter.setFont(value);
        m_painter.drawText(QRectF(m_area.left() + labelWidth, m_y, valueWidth, height), text, wrapOption());
        m_y += height + pt(3);
    }
}

void ReportCanvas::table(const QList<ReportColumn> &columns,
                         const QList<QStringList> &rows,
                         const std::function<QColor(int, int)> &cellColor)
{
    double shares = 0;
    for (const ReportColumn &column : columns)
        shares += column.share;
    QList<double> widths;
    for (const ReportColumn &column : columns)
        widths << m_area.width() * column.share / shares;
    const QFont headerFont = font(Style::Bold);
    const QFont body = font(Style::Body);
    const QFont mono = font(Style::Mono);
    const double pad = pt(kCellPadding);
    const QTextOption option = wrapOption();

    QStringList titles;
    double headerHeight = 0;
    for (int c = 0; c < columns.size(); ++c) {
        titles << columns.at(c).title;
        headerHeight = std::max(headerHeight, textHeight(titles.last(), headerFont, widths.at(c) - 2 * pad));
    }
    headerHeight += 2 * pad;
    auto drawHeader = [&]() {
        double x = m_area.left();
        m_painter.fillRect(QRectF(x, m_y, m_area.width(), headerHeight), QColor(0xe8, 0xee, 0xf4));
        m_painter.setFont(headerFont);
        m_painter.setPen(ink());
        for (int c = 0; c < columns.size(); ++c) {
            m_painter.drawText(QRectF(x + pad, m_y + pad, widths.at(c) - 2 * pad, headerHeight - 2 * pad), titles.at(c),
                               option);
            x += widths.at(c);
        }
        m_y += headerHeight;
        m_painter.setPen(QPen(accent(), pt(0.8)));
        m_painter.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
    };

    // Each cell is laid out once, for its height and for drawing.
    std::vector<std::unique_ptr<QTextLayout>> layouts;
    auto layoutRow = [&](const QStringList &cells) {
        layouts.clear();
        double height = 0;
        for (int c = 0; c < columns.size(); ++c) {
            double cellHeight = 0;
            layouts.push_back(
                layoutText(cells.value(c), columns.at(c).mono ? mono : body, widths.at(c) - 2 * pad, &cellHeight));
            height = std::max(height, cellHeight);
        }
        return height + 2 * pad;
    };

    ensure(headerHeight + (rows.isEmpty() ? 0 : layoutRow(rows.constFirst())));
    drawHeader();
    for (int r = 0; r < rows.size(); ++r) {
        const double height = layoutRow(rows.at(r));
        if (m_y + height > m_area.bottom()) {
            newPage();
            drawHeader();
        }
        double x = m_area.left();
        if (r % 2 == 1)
            m_painter.fillRect(QRectF(x, m_y, m_area.width(), height), QColor(0xf6, 0xf8, 0xfa));
        m_painter.setPen(ink());
        for (int c = 0; c < columns.size(); ++c) {
            const QColor fill = cellColor ? cellColor(r, c) : QColor();
            if (fill.isValid())
                m_painter.fillRect(QRectF(x, m_y, widths.at(c), height), fill);
            layouts.at(c)->draw(&m_painter, QPointF(x + pad, m_y + pad));
            x += widths.at(c);
        }
        m_y += height;
        m_painter.setPen(QPen(rule(), pt(0.4)));
        m_painter.drawLine(QPointF(m_area.left(), m_y), QPointF(m_area.right(), m_y));
        m_painter.setPen(ink());
    }
    m_y += pt(8);
}

void ReportCanvas::markdown(const QString &markdown, double indent)
{
    QTextDocument document;
    document.documentLayout()->setPaintDevice(&m_writer);
    document.setDefaultFont(font(Style::Body));
    document.setDocumentMargin(0);
    document.setMarkdown(markdown);
    const double width = m_area.width() - pt(indent);
    document.setTextWidth(width);
    // Where the document may be cut between pages: the bottom of every line.
    QList<double> cuts;
    for (QTextBlock block = document.begin(); block.isValid(); block = block.next()) {
        const QRectF box = document.documentLayout()->blockBoundingRect(block);
        const QTextLayout *layout = block.layout();
        for (int i = 0; layout && i < layout->lineCount(); ++i)
            cuts << box.top() + layout->lineAt(i).rect().bottom();
        cuts << box.bottom();
    }
    std::sort(cuts.begin(), cuts.end());
    const double total = document.size().height();
    double offset = 0;
    while (offset < total - 0.5) {
        double end = total;
        if (m_y + (total - offset) > m_area.bottom()) {
            end = offset;
            for (double cut : std::as_const(cuts)) {
                if (cut > offset + 0.5 && cut - offset <= m_area.bottom() - m_y)
                    end = cut;
            }
            if (end <= offset) { // not even one line fits here
                if (m_y > m_area.top() + 0.5) {
                    newPage();
                    continue;
                }
                end = std::min(total, offset + m_area.height());
            }
        }
        m_painter.save();
        m_painter.translate(m_area.left() + pt(indent), m_y - offset);
        document.drawContents(&m_painter, QRectF(0, offset, width, end - offset));
        m_painter.restore();
        m_y += end - offset;
        offset = end;
        if (offset < total - 0.5)
            newPage();
    }
    m_y += pt(3);
}

double ReportCanvas::badge(double x, double y, const QString &text, const QColor &fill)
{
    const QFont small = font(Style::Small);
    const QFontMetricsF metrics(small, &m_writer);
    const QRectF box(x, y, metrics.horizontalAdvance(text) + pt(10), metrics.height() + pt(3));
    m_painter.save();
    m_painter.setRenderHint(QPainter::Antialiasing);
    m_painter.setPen(Qt::NoPen);
    m_painter.setBrush(fill);
    m_painter.drawRoundedRect(box, pt(3), pt(3));
    m_painter.setFont(small);
    m_painter.setPen(Qt::white);
    m_painter.drawText(box, Qt::AlignCenter, text);
    m_painter.restore();
    return box.width();
}

} // namespace strata
