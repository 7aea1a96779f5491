// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportRenderer.h"

#include "ReportCanvas.h"
#include "ReportCharts.h"
#include "ReportLanguage.h"
#include "ReportSections.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QFontMetricsF>
#include <QHashSeed>
#include <QPainter>
#include <QPdfWriter>
#include <QRegularExpression>
#include <QScopeGuard>

#include <cmath>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr double kTocLine = 17; // points per contents entry

/// What one layout pass produced: the PDF, where the sections start, and how many pages there are.
struct Pass
{
    QByteArray pdf;
    QList<ReportTocEntry> toc;
    int pages = 0;
    double areaHeight = 0; ///< of a page's content, device units
    double k = 1;          ///< device units per point
};

QString xmlEscaped(const QString &text)
{
    return text.toHtmlEscaped();
}

void drawCover(ReportCanvas &canvas, const ReportData &data)
{
    QPainter &p = canvas.painter();
    const QRectF area = canvas.area();
    p.fillRect(QRectF(0, 0, canvas.writer().width(), canvas.pt(10)), ReportCanvas::accent());
    canvas.setY(area.top() + canvas.pt(30));
    canvas.paragraph(ReportRenderer::tr("STRATA · LLM SUPPLY-CHAIN SECURITY"), ReportCanvas::Style::Bold,
                     ReportCanvas::muted());
    canvas.advance(6);
    canvas.paragraph(ReportRenderer::tr("Assessment report"), ReportCanvas::Style::Title, ReportCanvas::ink());
    canvas.paragraph(data.scopeDescription, ReportCanvas::Style::Heading1, ReportCanvas::accent());
    if (!data.catalogTitle.isEmpty())
        canvas.paragraph(data.catalogTitle, ReportCanvas::Style::Body, ReportCanvas::muted());
    canvas.advance(18);

    // Where the scope stands, at a glance.
    const bool ready = data.ready();
    const QColor state = ReportCharts::statusColor(ready ? ItemStatus::Pass : ItemStatus::Fail);
    const double boxTop = canvas.y();
    const QList<std::pair<QString, QString>> verdict{{ReportRenderer::tr("Readiness"), data.readiness()},
                                                     {ReportRenderer::tr("Decision"), data.decision()}};
    double boxHeight = canvas.pt(20);
    for (const auto &[label, text] : verdict)
        boxHeight += canvas.textHeight(text, canvas.font(ReportCanvas::Style::Body), area.width() * 0.8) + canvas.pt(3);
    p.fillRect(QRectF(area.left(), boxTop, area.width(), boxHeight), ReportCharts::tint(state, 0.08));
    p.fillRect(QRectF(area.left(), boxTop, canvas.pt(5), boxHeight), state);
    canvas.setY(boxTop + canvas.pt(10));
    p.save();
    p.translate(canvas.pt(14), 0);
    canvas.fields(verdict, 0.2);
    p.restore();
    canvas.setY(boxTop + boxHeight + canvas.pt(18));

    // Four figures: answered items, failed items, open findings, evidence needing attention.
    const int total = data.assessment ? int(data.assessment->items.size()) : 0;
    const int answered = total - data.itemCount(ItemStatus::NotStarted);
    const QList<std::tuple<QString, QString, QColor>> tiles{
        {u"%1 / %2"_s.arg(answered).arg(total), ReportRenderer::tr("items answered"), ReportCanvas::accent()},
        {QString::number(data.itemCount(ItemStatus::Fail)), ReportRenderer::tr("items failed"),
         ReportCharts::statusColor(ItemStatus::Fail)},
        {QString::number(data.openFindings().size()), ReportRenderer::tr("open findings"),
         ReportCharts::severityColor(2)},
        {QString::number(data.evidenceProblems()), ReportRenderer::tr("evidence items need attention"),
         ReportCharts::statusColor(ItemStatus::RiskAccepted)}};
    const double gap = canvas.pt(10);
    const double tileWidth = (area.width() - 3 * gap) / 4;
    const double tileTop = canvas.y();
    const QFont big = canvas.font(ReportCanvas::Style::Title);
    const QFont small = canvas.font(ReportCanvas::Style::Small);
    for (int i = 0; i < tiles.size(); ++i) {
        const auto &[figure, label, color] = tiles.at(i);
        const QRectF tile(area.left() + i * (tileWidth + gap), tileTop, tileWidth, canvas.pt(62));
        p.setPen(QPen(ReportCanvas::rule(), canvas.pt(0.6)));
        p.setBrush(Qt::NoBrush);
        p.drawRect(tile);
        p.setFont(big);
        p.setPen(color);
        p.drawText(tile.adjusted(canvas.pt(8), canvas.pt(4), 0, -canvas.pt(24)), Qt::AlignLeft | Qt::AlignVCenter,
                   figure);
        p.setFont(small);
        p.setPen(ReportCanvas::muted());
        p.drawText(tile.adjusted(canvas.pt(8), canvas.pt(38), -canvas.pt(4), 0), Qt::TextWordWrap, label);
    }
    canvas.setY(tileTop + canvas.pt(86));

    QList<std::pair<QString, QString>> fields{{ReportRenderer::tr("Scope"), data.scopeDescription},
                                              {ReportRenderer::tr("Workspace"), data.workspaceName}};
    if (data.assessment) {
        fields.append({ReportRenderer::tr("Assessment"),
                       ReportRenderer::tr("#%1, %2@%3, started %4 by %5")
                           .arg(data.assessment->id)
                           .arg(data.assessment->catalogKey, data.assessment->catalogVersion,
                                ReportSections::dateTime(data.assessment->createdAt), data.assessment->createdBy)});
    }
    fields.append({ReportRenderer::tr("Records in scope"), QString::number(data.records.size())});
    fields.append({ReportRenderer::tr("Author"), data.author});
    fields.append({ReportRenderer::tr("Report date"), ReportSections::dateTime(data.date)});
    canvas.fields(fields, 0.22);

    p.setFont(small);
    p.setPen(ReportCanvas::muted());
    p.drawText(QRectF(area.left(), area.bottom() - canvas.pt(24), area.width(), canvas.pt(30)), Qt::TextWordWrap,
               ReportRenderer::tr("Produced by Strata %1 from the workspace as it was on the report date. "
                                  "The appendix explains how to check every statement with strata-cli.")
                   .arg(QStringLiteral(STRATA_VERSION)));
}

int tocPagesFor(int entries, double areaHeight, double k)
{
    const int perPage = std::max(1, int((areaHeight - 60 * k) / (kTocLine * k)));
    return std::max(1, (entries + perPage - 1) / perPage);
}

void drawToc(ReportCanvas &canvas, const QList<ReportTocEntry> &toc, int pages)
{
    canvas.newPage();
    canvas.heading(ReportRenderer::tr("Contents"), ReportCanvas::Style::Heading1);
    canvas.advance(6);
    QPainter &p = canvas.painter();
    int page = 1;
    for (const ReportTocEntry &entry : toc) {
        if (canvas.remaining() < canvas.pt(kTocLine) && page < pages) {
            canvas.newPage();
            ++page;
        }
        const QFont font = canvas.font(entry.level == 1 ? ReportCanvas::Style::Bold : ReportCanvas::Style::Body);
        const QFontMetricsF metrics(font, &canvas.writer());
        const double indent = canvas.pt(entry.level == 1 ? 0 : 18);
        const QRectF line(canvas.area().left() + indent, canvas.y(), canvas.area().width() - indent,
                          canvas.pt(kTocLine));
        p.setFont(font);
        p.setPen(ReportCanvas::ink());
        const QString number = QString::number(entry.page);
        const double numberWidth = metrics.horizontalAdvance(number);
        const QString title =
            metrics.elidedText(entry.title, Qt::ElideRight, line.width() - numberWidth - canvas.pt(30));
        p.drawText(line, Qt::AlignLeft | Qt::AlignVCenter, title);
        p.drawText(line, Qt::AlignRight | Qt::AlignVCenter, number);
        // Dotted leader from the title to the page number.
        p.setPen(QPen(ReportCanvas::rule(), canvas.pt(0.8), Qt::DotLine));
        const double baseline = line.center().y() + metrics.ascent() / 3;
        p.drawLine(QPointF(line.left() + metrics.horizontalAdvance(title) + canvas.pt(6), baseline),
                   QPointF(line.right() - numberWidth - canvas.pt(6), baseline));
        canvas.advance(kTocLine);
    }
    while (page < pages) {
        canvas.newPage();
        ++page;
    }
}

Result<Pass> runPass(const ReportData &data,
                     const ReportOptions &options,
                     const QList<ReportTocEntry> &toc,
                     int tocPages,
                     int totalPages,
                     const std::function<bool(const QString &)> &step)
{
    Pass pass;
    QBuffer buffer(&pass.pdf);
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setPdfVersion(options.pdfA ? QPagedPaintDevice::PdfVersion_A1b : QPagedPaintDevice::PdfVersion_1_4);
        writer.setPageSize(options.paper == ReportPaper::Letter ? QPageSize(QPageSize::Letter)
                                                                : QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(0, 0, 0, 0));
        writer.setTitle(ReportRenderer::title(data));
        writer.setCreator(u"Strata %1"_s.arg(QStringLiteral(STRATA_VERSION)));
        writer.setDocumentXmpMetadata(ReportRenderer::xmpMetadata(data, options));
        QPainter painter;
        if (!painter.begin(&writer))
            return Error{ErrorCode::Io, ReportRenderer::tr("Could not start drawing the PDF report.")};
        ReportCanvas canvas(writer, painter, data.language);
        canvas.setRunning(data.scopeDescription,
                          ReportRenderer::tr("%1 · %2").arg(data.workspaceName, ReportSections::dateTime(data.date)),
                          totalPages);
        if (!step(ReportRenderer::tr("Cover")))
            return Error{ErrorCode::InvalidInput, ReportRenderer::tr("The report was cancelled.")};
        drawCover(canvas, data);
        canvas.setDecorated(true);
        drawToc(canvas, toc, tocPages);
        using Section = std::tuple<ReportSection, QString, void (*)(ReportCanvas &, const ReportData &)>;
        const QList<Section> sections{
            {ReportSection::Summary, ReportRenderer::tr("Executive summary"), &ReportSections::summary},
            {ReportSection::Charts, ReportRenderer::tr("Charts"), &ReportSections::charts},
            {ReportSection::Lineage, ReportRenderer::tr("Lineage graph"), &ReportSections::lineage},
            {ReportSection::Inventory, ReportRenderer::tr("Inventory"), &ReportSections::inventory},
            {ReportSection::Checklist, ReportRenderer::tr("Checklist results"), &ReportSections::checklist},
            {ReportSection::Findings, ReportRenderer::tr("Findings"), &ReportSections::findings},
            {ReportSection::Evidence, ReportRenderer::tr("Evidence index"), &ReportSections::evidence},
            {ReportSection::Signoffs, ReportRenderer::tr("Sign-offs"), &ReportSections::signoffs},
            {ReportSection::Verification, ReportRenderer::tr("Appendix"), &ReportSections::verification}};
        for (const auto &[section, name, draw] : sections) {
            if (!options.has(section))
                continue;
            if (!step(name))
                return Error{ErrorCode::InvalidInput, ReportRenderer::tr("The report was cancelled.")};
            draw(canvas, data);
        }
        pass.toc = canvas.toc();
        pass.pages = canvas.page();
        pass.areaHeight = canvas.area().height();
        pass.k = canvas.pt(1);
        painter.end();
    }
    return pass;
}

} // namespace

QString ReportRenderer::title(const ReportData &data)
{
    return tr("Assessment report: %1").arg(data.scopeDescription);
}

QByteArray ReportRenderer::xmpMetadata(const ReportData &data, const ReportOptions &options)
{
    const QString date = data.date.toUTC().toString(Qt::ISODate);
    const QString subject = tr("Supply-chain security assessment of %1").arg(data.scopeDescription);
    const QString keywords = tr("LLM supply chain; assessment; %1; %2").arg(data.scopeLabel, data.catalogTitle);
    QString xmp = u"<?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
                  "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                  "  <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                  "    <rdf:Description xmlns:dc=\"http://purl.org/dc/elements/1.1/\" rdf:about=\"\">\n"
                  "      <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%1</rdf:li></rdf:Alt></dc:title>\n"
                  "      <dc:creator><rdf:Seq><rdf:li>%2</rdf:li></rdf:Seq></dc:creator>\n"
                  "      <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%3</rdf:li></rdf:Alt>"
                  "</dc:description>\n"
                  "    </rdf:Description>\n"
                  "    <rdf:Description xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" rdf:about=\"\" "
                  "xmp:CreatorTool=\"%4\" xmp:CreateDate=\"%5\" xmp:ModifyDate=\"%5\"/>\n"
                  "    <rdf:Description xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" rdf:about=\"\" "
                  "pdf:Producer=\"Qt %6\" pdf:Keywords=\"%7\"/>\n"_s.arg(
                      xmlEscaped(title(data)), xmlEscaped(data.author), xmlEscaped(subject),
                      u"Strata %1"_s.arg(QStringLiteral(STRATA_VERSION)), date, QStringLiteral(QT_VERSION_STR),
                      xmlEscaped(keywords));
    if (options.pdfA) {
        xmp += u"    <rdf:Description xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\" rdf:about=\"\" "
               "pdfaid:part=\"1\" pdfaid:conformance=\"B\"/>\n"_s;
    }
    xmp += u"  </rdf:RDF>\n</x:xmpmeta>\n<?xpacket end='w'?>"_s;
    return xmp.toUtf8();
}

QByteArray ReportRenderer::makeDeterministic(QByteArray pdf, const QDateTime &date)
{
    // "/CreationDate (D:20260301140500Z)" or with an offset ("+01'00'"): rewrite it in the same form.
    static const QRegularExpression creation(u"/CreationDate \\(D:(\\d{14})(Z|[+-]\\d\\d'\\d\\d'?)\\)"_s);
    const QRegularExpressionMatch match = creation.match(QString::fromLatin1(pdf.left(4096)));
    if (match.hasMatch()) {
        QDateTime stamp = date.toUTC();
        const QString zone = match.captured(2);
        if (zone != u"Z"_s) {
            const int sign = zone.startsWith(u'-') ? -1 : 1;
            stamp = stamp.toOffsetFromUtc(sign * (zone.mid(1, 2).toInt() * 3600 + zone.mid(4, 2).toInt() * 60));
        }
        const QByteArray digits = stamp.toString(u"yyyyMMddHHmmss"_s).toLatin1();
        pdf.replace(match.capturedStart(1), digits.size(), digits);
    }
    // "/ID [ <hex> <hex> ]": a digest of the document itself, so identical content gets an identical identifier.
    const int idAt = pdf.lastIndexOf("/ID [");
    if (idAt >= 0) {
        const int first = pdf.indexOf('<', idAt);
        const int second = first >= 0 ? pdf.indexOf('<', first + 1) : -1;
        const int end = second >= 0 ? pdf.indexOf('>', second) : -1;
        if (end > 0 && second - first == end - second) {
            const int length = pdf.indexOf('>', first) - first - 1;
            const QByteArray blank(length, '0');
            pdf.replace(first + 1, length, blank);
            pdf.replace(second + 1, length, blank);
            const QByteArray id = QCryptographicHash::hash(pdf, QCryptographicHash::Md5).toHex().left(length);
            if (id.size() == length) {
                pdf.replace(first + 1, length, id);
                pdf.replace(second + 1, length, id);
            }
        }
    }
    return pdf;
}

Result<QByteArray> ReportRenderer::render(const ReportData &data,
                                          const ReportOptions &options,
                                          const ReportProgress &progress)
{
    const ReportLanguage language(data.language);
    int sectionCount = 1;
    for (ReportSectionMask bit = 1; bit && bit <= kAllReportSections; bit <<= 1)
        sectionCount += (options.sections & bit) ? 1 : 0;
    const int total = 2 * sectionCount;
    // Qt's PDF engine keeps fonts and objects in QHash, whose iteration order (and so the order of objects in the
    // file) follows the process's random hash seed. A fixed seed while drawing makes the bytes depend on the data
    // and options alone, also across processes; hashes made earlier keep their own seed.
    QHashSeed::setDeterministicGlobalSeed();
    const auto randomAgain = qScopeGuard([] { QHashSeed::resetRandomGlobalSeed(); });
    int done = 0;
    auto step = [&](const QString &name) { return !progress || progress(done++, total, name); };

    // First pass: where every section starts. The contents take as many pages as their entries need.
    int tocPages = 1;
    Result<Pass> first = runPass(data, options, {}, tocPages, 0, step);
    if (!first)
        return first.error();
    const int needed = tocPagesFor(int(first.value().toc.size()), first.value().areaHeight, first.value().k);
    if (needed != tocPages) {
        tocPages = needed;
        done = 0;
        first = runPass(data, options, {}, tocPages, 0, step);
        if (!first)
            return first.error();
    }
    done = sectionCount;
    Result<Pass> second = runPass(data, options, first.value().toc, tocPages, first.value().pages, step);
    if (!second)
        return second.error();
    if (progress)
        progress(total, total, tr("Done"));
    return makeDeterministic(second.value().pdf, data.date);
}

} // namespace strata
