// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CsvWriter.h"

#include "domain/Fields.h"
#include "util/IsoText.h"

#include <QFileInfo>

#include <algorithm>
#include <tuple>

using namespace Qt::Literals::StringLiterals;

// The tables are RFC 4180: CRLF after every row (the last too), a field quoted when it holds a comma, a
// double quote, CR or LF, and quotes inside doubled. UTF-8 without a byte-order mark: a BOM helps old Excel
// guess the encoding but turns the first header into "\uFEFFid" for csv modules, databases and scripts.
// Headers are the stable field keys, not translated labels, so scripts do not depend on the language.
// The first header is "id", not "ID": Excel takes a file starting with "ID" for SYLK.

namespace strata {

namespace {

/// OWASP "CSV injection": a spreadsheet runs a cell starting with one of these as a formula (or a DDE
/// command). A leading apostrophe makes it text in Excel, LibreOffice and Google Sheets, and shows what the
/// value was; the price is that a value really starting so ("-5", "=") reads back with the apostrophe.
bool looksLikeFormula(const QString &value)
{
    if (value.isEmpty())
        return false;
    const QChar c = value.front();
    return c == u'=' || c == u'+' || c == u'-' || c == u'@' || c == u'\t' || c == u'\r';
}

QString cell(const QString &value)
{
    QString v = looksLikeFormula(value) ? u"'"_s + value : value;
    if (v.contains(u',') || v.contains(u'"') || v.contains(u'\r') || v.contains(u'\n')) {
        v.replace(u"\""_s, u"\"\""_s);
        v = u"\"%1\""_s.arg(v);
    }
    return v;
}

QString suppliersOf(const RecordSnapshot &snapshot)
{
    QStringList names;
    for (const RelatedRecord &r : snapshot.relations) {
        if (r.outgoing && r.relation.type == RelationType::ProvidedBy)
            names << r.otherName;
    }
    names.sort(Qt::CaseInsensitive);
    return names.join(u"; "_s);
}

/// "file:algorithm:digest; ..." sorted by file name, so the cell is the same however the set lists them.
QString artifactsOf(const RecordSnapshot &snapshot)
{
    QList<Artifact> artifacts = snapshot.artifacts;
    std::sort(artifacts.begin(), artifacts.end(), [](const Artifact &a, const Artifact &b) {
        return std::tie(a.fileName, a.algorithm, a.digest) < std::tie(b.fileName, b.algorithm, b.digest);
    });
    QStringList parts;
    for (const Artifact &a : std::as_const(artifacts))
        parts << u"%1:%2:%3"_s.arg(a.fileName, a.algorithm, a.digest);
    return parts.join(u"; "_s);
}

bool hasArtifacts(RecordKind kind)
{
    return kind == RecordKind::Model || kind == RecordKind::Dataset;
}

} // namespace

Result<QMap<QString, QByteArray>> CsvWriter::write(const ExportSet &set)
{
    QList<const RecordSnapshot *> records;
    for (const RecordSnapshot &s : set.records)
        records << &s;
    std::sort(records.begin(), records.end(),
              [](const RecordSnapshot *a, const RecordSnapshot *b) { return a->record.id < b->record.id; });

    QMap<QString, QByteArray> tables;
    for (RecordKind kind : allRecordKinds()) {
        const QList<FieldSpec> kindFields = fields::kindFields(kind);
        QStringList header = {u"id"_s,         u"name"_s, u"version"_s,     u"suppliers"_s,  u"license"_s,   u"purl"_s,
                              u"source_url"_s, u"tags"_s, u"placeholder"_s, u"created_at"_s, u"updated_at"_s};
        for (const FieldSpec &spec : kindFields)
            header << spec.key;
        if (hasArtifacts(kind))
            header << u"artifacts"_s;
        header << u"description"_s << u"notes"_s;

        QByteArray table;
        for (const RecordSnapshot *s : std::as_const(records)) {
            const Record &r = s->record;
            if (r.kind != kind)
                continue;
            if (table.isEmpty())
                table = row(header);
            QStringList cells = {QString::number(r.id),
                                 r.name,
                                 r.version,
                                 suppliersOf(*s),
                                 r.license,
                                 r.purl,
                                 r.sourceUrl,
                                 fields::fieldText(r, u"tags"_s),
                                 r.placeholder ? u"true"_s : u"false"_s,
                                 iso::time(r.createdAt),
                                 iso::time(r.updatedAt)};
            for (const FieldSpec &spec : kindFields)
                cells << fields::fieldText(r, spec.key);
            if (hasArtifacts(kind))
                cells << artifactsOf(*s);
            cells << r.description << r.notes;
            table += row(cells);
        }
        if (!table.isEmpty())
            tables.insert(recordKindKey(kind), table);
    }
    return tables;
}

QByteArray CsvWriter::row(const QStringList &cells)
{
    QStringList escaped;
    escaped.reserve(cells.size());
    for (const QString &c : cells)
        escaped << cell(c);
    return escaped.join(u',').toUtf8() + "\r\n";
}

QString CsvWriter::pathForKind(const QString &path, const QString &kindKey)
{
    const QString fileName = QFileInfo(path).fileName();
    const qsizetype dot = fileName.lastIndexOf(u'.');
    // "inventory" and ".csv" have no extension to keep: the kind and ".csv" go at the end.
    if (dot <= 0)
        return u"%1-%2.csv"_s.arg(path, kindKey);
    const qsizetype stem = path.size() - fileName.size() + dot;
    return u"%1-%2%3"_s.arg(path.left(stem), kindKey, path.mid(stem));
}

} // namespace strata
