// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QCoreApplication>
#include <QFont>
#include <QList>
#include <QRectF>
#include <QString>
#include <QStringList>
#include <QTextOption>

#include <functional>
#include <memory>

class QPainter;
class QPdfWriter;
class QTextLayout;

namespace strata {

/// A heading of the report, with the page it starts on, for the table of contents.
struct ReportTocEntry
{
    QString title;
    int level = 1;
    int page = 0;
};

/// One column of a ReportCanvas table: its heading, its share of the width, and whether it holds digests.
struct ReportColumn
{
    QString title;
    double share = 1;
    bool mono = false;
};

/// The page flow of a report: a cursor down the content area of the current page, page breaks with the running
/// header and footer, and the text blocks, tables and Markdown every section is built from. Coordinates in the
/// API are points from the top-left of the content area's current line; the device works at its own resolution.
class ReportCanvas
{
    Q_DECLARE_TR_FUNCTIONS(strata::ReportCanvas)

public:
    enum class Style { Title, Heading1, Heading2, Heading3, Body, Small, Bold, Mono };

    ReportCanvas(QPdfWriter &writer, QPainter &painter, const QString &language);

    double pt(double points) const { return points * m_k; }
    QPainter &painter() const { return m_painter; }
    QPdfWriter &writer() const { return m_writer; }
    QFont font(Style style) const;
    static QColor ink() { return QColor(0x1f, 0x29, 0x33); }
    static QColor muted() { return QColor(0x5f, 0x6b, 0x76); }
    static QColor accent() { return QColor(0x1d, 0x4e, 0x89); }
    static QColor rule() { return QColor(0xc9, 0xd1, 0xd9); }

    /// The content area of a page, in device units.
    QRectF area() const { return m_area; }
    double y() const { return m_y; }
    void setY(double y) { m_y = y; }
    double remaining() const { return m_area.bottom() - m_y; }
    void advance(double points) { m_y += pt(points); }
    /// Starts a new page unless `height` (device units) still fits below the cursor.
    void ensure(double height);
    void newPage();
    int page() const { return m_page; }

    /// Header text (the scope) and the page count the footer prints; the cover page is drawn without them.
    void setRunning(const QString &header, const QString &footer, int totalPages);
    void setDecorated(bool decorated) { m_decorated = decorated; }

    /// A numbered section heading that starts a new page and enters the table of contents.
    void section(const QString &title);
    /// A heading inside a section, kept together with at least `keep` device units of what follows.
    void heading(const QString &title, Style style = Style::Heading2, double keep = 0, bool inToc = false);
    const QList<ReportTocEntry> &toc() const { return m_toc; }

    /// Wrapped text at the cursor, breaking pages between lines.
    void paragraph(const QString &text, Style style = Style::Body, const QColor &color = ink(), double indent = 0);
    double textHeight(const QString &text, const QFont &font, double width) const;
    /// Wraps at word boundaries, and inside a word (a digest, a long license id) only where it has to.
    static QTextOption wrapOption(Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignTop);
    /// Label: value pairs in two columns.
    void fields(const QList<std::pair<QString, QString>> &fields, double labelShare = 0.28);
    /// A table whose header repeats on every page; `cellColor` picks a cell's background (invalid: none).
    void table(const QList<ReportColumn> &columns,
               const QList<QStringList> &rows,
               const std::function<QColor(int row, int column)> &cellColor = {});
    /// Markdown rendered with QTextDocument, split across pages where it must.
    void markdown(const QString &markdown, double indent = 0);
    /// A small filled label ("Pass", "High") at x,y (device units); returns its width.
    double badge(double x, double y, const QString &text, const QColor &fill);

private:
    void decorate();
    /// `text` wrapped to `width` with wrapOption(), lines placed from y = 0; its height goes to `height`.
    std::unique_ptr<QTextLayout> layoutText(const QString &text, const QFont &font, double width, double *height) const;

    QPdfWriter &m_writer;
    QPainter &m_painter;
    QString m_family;
    QString m_monoFamily;
    double m_k = 1;
    QRectF m_pageRect;
    QRectF m_area;
    double m_y = 0;
    int m_page = 1;
    int m_sectionNumber = 0;
    bool m_decorated = false;
    QString m_header;
    QString m_footer;
    int m_totalPages = 0;
    QList<ReportTocEntry> m_toc;
};

} // namespace strata
