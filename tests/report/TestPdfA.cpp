// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "PdfAProbe.h"
#include "ReportCollector.h"
#include "ReportRenderer.h"
#include "Translations.h"
#include "WorkspaceSignoffSource.h"
#include "demo/DemoWorkspace.h"
#include "util/AtomicFile.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::reportsamples;

/// A report asked for as PDF/A-1b must be one: archives reject files that only claim it. Checked with PdfAProbe,
/// which reads the file through qpdf; the probe itself is shown to catch each kind of violation it reports.
class TestPdfA : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void reportsAreConforming_data();
    void reportsAreConforming();
    void ordinaryPdfIsNotPdfA();
    void probeCatchesTransparency();
    void probeCatchesMetadataThatDisagrees();

private:
    /// The demo workspace's release, rendered with `options`, written to `name`; empty on failure.
    QString render(ReportOptions options, const QString &name);
    static QByteArray readAll(const QString &path);
    QString writeVariant(const QByteArray &bytes, const QString &name);

    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestPdfA::initTestCase()
{
    if (!PdfAProbe::available())
        QSKIP("qpdf is not installed; scripts/deps.sh installs it.");
    QVERIFY(m_dir.isValid());
    installTranslations(*QCoreApplication::instance(), u"en"_s);
    auto opened = Workspace::open(m_dir.filePath(u"demo.strata"_s));
    QVERIFY(opened.ok());
    m_ws = std::move(opened).value();
    m_ws->setActor(u"archivist"_s);
    const Status populated = DemoWorkspace::populate(*m_ws);
    QVERIFY2(populated.ok(), qPrintable(populated.ok() ? QString() : populated.error().message));
}

QString TestPdfA::render(ReportOptions options, const QString &name)
{
    options.date = QDateTime(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);
    const Result<QList<Release>> releases = m_ws->releases();
    if (!releases.ok() || releases.value().isEmpty())
        return {};
    const ReportScope scope{ReportScope::Kind::Release, releases.value().first().name};
    const Result<ReportData> data = ReportCollector::collect(*m_ws, scope, options, WorkspaceSignoffSource());
    if (!data.ok())
        return {};
    const Result<QByteArray> pdf = ReportRenderer::render(data.value(), options);
    if (!pdf.ok())
        return {};
    return writeVariant(pdf.value(), name);
}

QByteArray TestPdfA::readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString TestPdfA::writeVariant(const QByteArray &bytes, const QString &name)
{
    const QString path = m_dir.filePath(name);
    return AtomicFile::write(path, bytes).ok() ? path : QString();
}

void TestPdfA::reportsAreConforming_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("paper");
    QTest::newRow("English, A4") << u"en"_s << int(ReportPaper::A4);
    QTest::newRow("Chinese, Letter") << u"zh_CN"_s << int(ReportPaper::Letter);
}

void TestPdfA::reportsAreConforming()
{
    QFETCH(QString, language);
    QFETCH(int, paper);
    ReportOptions options;
    options.pdfA = true;
    options.language = language;
    options.paper = ReportPaper(paper);
    const QString pdf = render(options, u"archive-%1.pdf"_s.arg(language));
    QVERIFY(!pdf.isEmpty());
    const QStringList violations = PdfAProbe::violations(pdf);
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(u'\n')));
}

void TestPdfA::ordinaryPdfIsNotPdfA()
{
    const QString pdf = render(ReportOptions(), u"ordinary.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const QString found = PdfAProbe::violations(pdf).join(u'\n');
    QVERIFY2(found.contains(u"6.2.2: there is no GTS_PDFA1 output intent"_s), qPrintable(found));
    QVERIFY2(found.contains(u"6.7.11: the XMP does not identify PDF/A-1"_s), qPrintable(found));
}

void TestPdfA::probeCatchesTransparency()
{
    ReportOptions options;
    options.pdfA = true;
    QByteArray bytes = readAll(render(options, u"opaque.pdf"_s));
    QVERIFY(!bytes.isEmpty());
    const qsizetype at = bytes.indexOf("/ca 1.0");
    QVERIFY2(at > 0, "the report's graphics state sets an opaque fill");
    bytes.replace(at, 7, "/ca 0.5"); // same length: the cross-reference table stays right
    const QString found = PdfAProbe::violations(writeVariant(bytes, u"translucent.pdf"_s)).join(u'\n');
    QVERIFY2(found.contains(u"6.4: "_s) && found.contains(u"/ca to 0.5"_s), qPrintable(found));
}

void TestPdfA::probeCatchesMetadataThatDisagrees()
{
    ReportOptions options;
    options.pdfA = true;
    QByteArray bytes = readAll(render(options, u"agreeing.pdf"_s));
    QVERIFY(!bytes.isEmpty());
    const QByteArray creatorTool = "xmp:CreatorTool=\"";
    const qsizetype at = bytes.indexOf(creatorTool);
    QVERIFY2(at > 0, "the report's XMP names the tool that made it");
    bytes[at + creatorTool.size()] = 'X'; // the Info dictionary's /Creator still has the real name
    const QString found = PdfAProbe::violations(writeVariant(bytes, u"disagreeing.pdf"_s)).join(u'\n');
    QVERIFY2(found.contains(u"6.7.3: Info /Creator"_s), qPrintable(found));
}

QTEST_MAIN(TestPdfA)
#include "TestPdfA.moc"
