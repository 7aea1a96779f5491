// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "interop/CsvWriter.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDateTime kTimestamp = QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), Qt::UTC);
const QString kNotes = u"line one, with a comma\nline \"two\"\r\nline three"_s;

/// A strict RFC 4180 reader: rows end in CRLF, quoted fields may hold anything, a quote inside is doubled.
/// Returns no rows (and sets `error`) for anything else, so a sloppy writer cannot pass.
QList<QStringList> parseCsv(const QByteArray &bytes, QString *error)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    qsizetype i = 0;
    const auto fail = [&](const QString &why) {
        *error = u"%1 at offset %2"_s.arg(why).arg(i);
        return QList<QStringList>();
    };
    while (i < text.size()) {
        if (text.at(i) == u'"') {
            ++i;
            for (;;) {
                if (i >= text.size())
                    return fail(u"unterminated quoted field"_s);
                if (text.at(i) == u'"') {
                    if (i + 1 < text.size() && text.at(i + 1) == u'"') {
                        field += u'"';
                        i += 2;
                        continue;
                    }
                    ++i;
                    break;
                }
                field += text.at(i++);
            }
        } else {
            while (i < text.size() && text.at(i) != u',' && text.at(i) != u'\r' && text.at(i) != u'\n') {
                if (text.at(i) == u'"')
                    return fail(u"quote inside an unquoted field"_s);
                field += text.at(i++);
            }
        }
        if (i < text.size() && text.at(i) == u',') {
            row << field;
            field.clear();
            ++i;
        } else if (text.mid(i, 2) == u"\r\n"_s) {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            i += 2;
        } else {
            return fail(u"expected a comma or CRLF"_s);
        }
    }
    if (!row.isEmpty() || !field.isEmpty())
        return fail(u"the last row does not end in CRLF"_s);
    return rows;
}

} // namespace

class TestCsvWriter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void tablesAndHeaders();
    void rowsParseBack();
    void formulaInjection_data();
    void formulaInjection();
    void deterministic();

private:
    QMap<QString, QByteArray> tables() const;
    static QHash<QString, QString> rowOf(const QList<QStringList> &rows, qint64 id);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_supplier = 0;
    qint64 m_model = 0;
    qint64 m_dataset = 0;
};

void TestCsvWriter::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"csv.strata"_s));
    QVERIFY(ws);
    m_ws = std::move(ws).value();

    Record supplier;
    supplier.kind = RecordKind::Supplier;
    supplier.name = u"Acme Labs"_s;
    m_supplier = m_ws->createRecord(supplier).value();

    Record model;
    model.kind = RecordKind::Model;
    QVERIFY(fields::setField(model, u"name"_s, u"客服模型, \"v2\""_s).ok());
    QVERIFY(fields::setField(model, u"version"_s, u"2.0"_s).ok());
    QVERIFY(fields::setField(model, u"license"_s, u"Apache-2.0"_s).ok());
    QVERIFY(fields::setField(model, u"tags"_s, u"chat, 中文"_s).ok());
    QVERIFY(fields::setField(model, u"parameter_count"_s, u"7000000000"_s).ok());
    QVERIFY(fields::setField(model, u"modality"_s, u"text"_s).ok());
    QVERIFY(fields::setField(model, u"notes"_s, kNotes).ok());
    m_model = m_ws->createRecord(model).value();

    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"tickets"_s;
    dataset.placeholder = true;
    m_dataset = m_ws->createRecord(dataset).value();
    QVERIFY(m_supplier && m_model && m_dataset);
    QVERIFY(m_ws->link(m_model, RelationType::ProvidedBy, m_supplier));
    QVERIFY(m_ws->link(m_model, RelationType::TrainedOn, m_dataset));
    for (const QString &file : {u"tokenizer.json"_s, u"model.safetensors"_s}) {
        Artifact a;
        a.recordId = m_model;
        a.fileName = file;
        a.digest = QString(64, file.startsWith(u'm') ? u'a' : u'b');
        QVERIFY(m_ws->addArtifact(a));
    }
}

void TestCsvWriter::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

QMap<QString, QByteArray> TestCsvWriter::tables() const
{
    Result<ExportSet> set = ExportScope::build(*m_ws, 0, kTimestamp);
    if (!set)
        return {};
    Result<QMap<QString, QByteArray>> out = CsvWriter::write(set.value());
    return out ? out.value() : QMap<QString, QByteArray>();
}

QHash<QString, QString> TestCsvWriter::rowOf(const QList<QStringList> &rows, qint64 id)
{
    QHash<QString, QString> out;
    for (const QStringList &row : rows.mid(1)) {
        if (row.value(0) == QString::number(id)) {
            for (int c = 0; c < rows.first().size(); ++c)
                out.insert(rows.first().at(c), row.value(c));
        }
    }
    return out;
}

void TestCsvWriter::tablesAndHeaders()
{
    const QMap<QString, QByteArray> t = tables();
    QCOMPARE(t.keys(), (QStringList{u"dataset"_s, u"model"_s, u"supplier"_s})); // only kinds present
    for (const QByteArray &table : t) {
        QVERIFY(table.startsWith("id,name,")); // no byte-order mark, and not "ID" (Excel's SYLK sniffing)
        QVERIFY(table.endsWith("\r\n"));
    }
    QString error;
    const QList<QStringList> model = parseCsv(t.value(u"model"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QStringList expected = {u"id"_s,         u"name"_s, u"version"_s,     u"suppliers"_s,  u"license"_s,   u"purl"_s,
                            u"source_url"_s, u"tags"_s, u"placeholder"_s, u"created_at"_s, u"updated_at"_s};
    for (const FieldSpec &spec : fields::kindFields(RecordKind::Model))
        expected << spec.key;
    expected << u"artifacts"_s << u"description"_s << u"notes"_s;
    QCOMPARE(model.first(), expected);
    const QList<QStringList> supplier = parseCsv(t.value(u"supplier"_s), &error);
    QVERIFY(!supplier.first().contains(u"artifacts"_s));
    QVERIFY(supplier.first().contains(u"criticality_tier"_s));
}

void TestCsvWriter::rowsParseBack()
{
    const QMap<QString, QByteArray> t = tables();
    QString error;
    const QList<QStringList> models = parseCsv(t.value(u"model"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(models.size(), 2);
    for (const QStringList &row : models)
        QCOMPARE(row.size(), models.first().size());
    const QHash<QString, QString> m = rowOf(models, m_model);
    QCOMPARE(m.value(u"name"_s), u"客服模型, \"v2\""_s);
    QCOMPARE(m.value(u"version"_s), u"2.0"_s);
    QCOMPARE(m.value(u"suppliers"_s), u"Acme Labs"_s);
    QCOMPARE(m.value(u"tags"_s), u"chat, 中文"_s);
    QCOMPARE(m.value(u"parameter_count"_s), u"7000000000"_s);
    QCOMPARE(m.value(u"modality"_s), u"text"_s);
    QCOMPARE(m.value(u"placeholder"_s), u"false"_s);
    QCOMPARE(m.value(u"notes"_s), kNotes); // commas, quotes, LF and CRLF inside one cell
    QCOMPARE(m.value(u"artifacts"_s),
             u"model.safetensors:sha256:%1; tokenizer.json:sha256:%2"_s.arg(QString(64, u'a'), QString(64, u'b')));
    const Record stored = m_ws->record(m_model).value();
    QCOMPARE(m.value(u"created_at"_s), stored.createdAt.toUTC().toString(Qt::ISODate));
    QVERIFY(m.value(u"created_at"_s).endsWith(u'Z'));

    const QList<QStringList> datasets = parseCsv(t.value(u"dataset"_s), &error);
    QCOMPARE(rowOf(datasets, m_dataset).value(u"placeholder"_s), u"true"_s);
    QVERIFY(rowOf(datasets, m_dataset).value(u"artifacts"_s).isEmpty());
}

void TestCsvWriter::formulaInjection_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("=") << u"name"_s << u"=HYPERLINK(\"http://evil.example\",\"x\")"_s
                       << u"'=HYPERLINK(\"http://evil.example\",\"x\")"_s;
    QTest::newRow("+") << u"name"_s << u"+cmd|' /C calc'!A0"_s << u"'+cmd|' /C calc'!A0"_s;
    QTest::newRow("-") << u"name"_s << u"-2+3"_s << u"'-2+3"_s;
    QTest::newRow("@") << u"name"_s << u"@SUM(1,2)"_s << u"'@SUM(1,2)"_s;
    QTest::newRow("tab") << u"description"_s << u"\t=1+1"_s << u"'\t=1+1"_s;
    QTest::newRow("CR") << u"description"_s << u"\r=1+1"_s << u"'\r=1+1"_s;
    QTest::newRow("inside is fine") << u"name"_s << u"a=b+c"_s << u"a=b+c"_s;
}

void TestCsvWriter::formulaInjection()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Record r = m_ws->record(m_model).value();
    QVERIFY(fields::setField(r, field, value).ok());
    QVERIFY(m_ws->updateRecord(r));
    QString error;
    const QList<QStringList> models = parseCsv(tables().value(u"model"_s), &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(rowOf(models, m_model).value(field), expected);
}

void TestCsvWriter::deterministic()
{
    Result<ExportSet> set = ExportScope::build(*m_ws, 0, kTimestamp);
    QVERIFY(set);
    const QMap<QString, QByteArray> first = CsvWriter::write(set.value()).value();
    ExportSet reversed = set.value();
    std::reverse(reversed.records.begin(), reversed.records.end());
    for (RecordSnapshot &s : reversed.records)
        std::reverse(s.artifacts.begin(), s.artifacts.end());
    QCOMPARE(CsvWriter::write(reversed).value(), first);

    // Rows follow the record ids.
    Record later;
    later.kind = RecordKind::Model;
    later.name = u"aaa first by name"_s;
    const qint64 id = m_ws->createRecord(later).value();
    QString error;
    const QList<QStringList> models = parseCsv(tables().value(u"model"_s), &error);
    QCOMPARE(models.size(), 3);
    QCOMPARE(models.at(1).first(), QString::number(m_model));
    QCOMPARE(models.at(2).first(), QString::number(id));
}

QTEST_GUILESS_MAIN(TestCsvWriter)
#include "TestCsvWriter.moc"
