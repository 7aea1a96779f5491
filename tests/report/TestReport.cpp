// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportCollector.h"
#include "ReportRenderer.h"
#include "ReportSamples.h"
#include "Translations.h"
#include "WorkspaceSignoffSource.h"
#include "trust/Keys.h"
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::reportsamples;

namespace {

const QDateTime kDate(QDate(2026, 12, 1), QTime(9, 30), Qt::UTC);

qint64 addRecord(Workspace &ws, RecordKind kind, const QString &name, const QString &version, const QString &license)
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.version = version;
    r.license = license;
    const Result<qint64> id = ws.createRecord(r);
    return id.ok() ? id.value() : 0;
}

/// A sign-off source that answers with one verified approval, as issue 6's will.
class OneSignoff : public SignoffSource
{
public:
    Result<ReportSignoffState> signoffs(const Workspace &, qint64 releaseId) const override
    {
        ReportSignoffState state;
        if (releaseId == 0)
            return state;
        state.state = ReportSignoffState::State::Valid;
        state.signoffs.append({u"Dana Reviewer"_s, u"security lead"_s, u"approved"_s, u"rotate keys yearly"_s, kDate,
                               u"SHA256:f00dfeed0123456789abcdef"_s, true, u"signature verified"_s});
        state.auditHead = u"9c1e2b7f"_s;
        state.gatePasses = true;
        return state;
    }
};

} // namespace

/// The PDF report read back as a reader sees it: what it says, where its sections start, how it is stamped.
class TestReport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void reportHoldsScopeItemsFindingsAndDigests();
    void contentsGiveThePagesSectionsStartOn();
    void sameInputsGiveTheSameBytes();
    void chineseReportEmbedsACjkFont();
    void reportLanguageIsNotTheWindowLanguage();
    void pagesAreDrawn();
    void sectionsCanBeLeftOut();
    void paperAndPdfA();
    void signoffsComeFromTheSource();
    void workspaceSignoffsAreVerifiedInTheReport();
    void unknownScopesAreRefused_data();
    void unknownScopesAreRefused();

private:
    QString write(const ReportOptions &options, const QString &name, const SignoffSource &source = NoSignoffSource());

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    qint64 m_assessment = 0;
    QStringList m_findingTitles;
    QStringList m_evidenceDigests;
};

void TestReport::initTestCase()
{
    if (tool(u"pdftotext"_s).isEmpty() || tool(u"pdfinfo"_s).isEmpty())
        QSKIP("poppler-utils (pdftotext, pdfinfo) is not installed; scripts/deps.sh installs it.");
}

void TestReport::init()
{
    m_ws.reset();
    installTranslations(*QCoreApplication::instance(), u"en"_s);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto opened = Workspace::open(m_dir->filePath(u"audit.strata"_s));
    QVERIFY(opened.ok());
    m_ws = std::move(opened).value();
    m_ws->setActor(u"alice"_s);
    Workspace &ws = *m_ws;
    const qint64 supplier = addRecord(ws, RecordKind::Supplier, u"Acme Labs"_s, {}, {});
    const qint64 base = addRecord(ws, RecordKind::Model, u"Base LM"_s, u"1"_s, u"Apache-2.0"_s);
    const qint64 chat = addRecord(ws, RecordKind::Model, u"Chat App"_s, u"1.0"_s, u"MIT"_s);
    const qint64 tickets = addRecord(ws, RecordKind::Dataset, u"Support Tickets"_s, u"2025"_s, {});
    const qint64 tokenizer = addRecord(ws, RecordKind::Software, u"tokenizers"_s, u"0.19"_s, u"MIT"_s);
    QVERIFY(ws.link(chat, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    QVERIFY(ws.link(chat, RelationType::TrainedOn, tickets).ok());
    QVERIFY(ws.link(chat, RelationType::DependsOn, tokenizer).ok());
    QVERIFY(ws.link(base, RelationType::ProvidedBy, supplier).ok());
    QVERIFY(ws.link(chat, RelationType::ProvidedBy, supplier).ok());
    Artifact weights;
    weights.recordId = base;
    weights.fileName = u"model.safetensors"_s;
    weights.digest = QString(64, u'a');
    QVERIFY(ws.addArtifact(weights).ok());
    const Result<Release> release = ws.createRelease(u"chat-app"_s, u"1.0"_s, chat);
    QVERIFY(release.ok());
    const Result<Assessment> assessment = ws.createAssessment({release.value().id, 0});
    QVERIFY(assessment.ok());
    m_assessment = assessment.value().id;

    QList<qint64> evidence;
    m_evidenceDigests.clear();
    for (const QString &name : {u"policy.md"_s, u"soc2.txt"_s}) {
        QFile file(m_dir->filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("evidence of " + name.toUtf8());
        file.close();
        const Result<EvidenceAddResult> added =
            ws.addEvidence({file.fileName(), name.toUpper(), {}, QDate(2026, 1, 1), QDate(2027, 6, 30)});
        QVERIFY(added.ok());
        evidence << added.value().evidence.id;
        m_evidenceDigests << added.value().evidence.sha256;
    }
    const QList<AssessmentItem> &items = assessment.value().items;
    QVERIFY(items.size() > 6);
    QVERIFY(ws.setItemStatus(m_assessment, {items.at(0).key,
                                            ItemStatus::Pass,
                                            u"Policy **v3** reviewed.\n\n- owner: security\n- approved"_s,
                                            {evidence.at(0)}})
                .ok());
    QVERIFY(ws.setItemStatus(m_assessment, {items.at(1).key, ItemStatus::Pass, u"Seen."_s, {evidence.at(1)}}).ok());
    QVERIFY(ws.setItemStatus(m_assessment, {items.at(2).key, ItemStatus::Fail, u"Weights unpinned."_s, {}}).ok());
    QVERIFY(ws.setItemStatus(m_assessment, {items.at(3).key, ItemStatus::Fail, u"No license."_s, {}}).ok());
    m_findingTitles = QStringList{u"Unpinned base weights"_s, u"Ticket data without a license"_s};
    Finding unpinned;
    unpinned.assessmentId = m_assessment;
    unpinned.itemKey = items.at(2).key;
    unpinned.title = m_findingTitles.at(0);
    unpinned.likelihood = 4;
    unpinned.impact = 5;
    QVERIFY(ws.addFinding(unpinned).ok());
    Finding unlicensed = unpinned;
    unlicensed.itemKey = items.at(3).key;
    unlicensed.title = m_findingTitles.at(1);
    unlicensed.likelihood = 2;
    unlicensed.impact = 3;
    const Result<Finding> raised = ws.addFinding(unlicensed);
    QVERIFY(raised.ok());
    QVERIFY(ws.acceptFinding(raised.value().id, u"Data owner *confirmed* consent."_s, QDate::currentDate().addDays(90))
                .ok());
    QVERIFY(ws.setItemStatus(m_assessment, {items.at(3).key, ItemStatus::RiskAccepted, std::nullopt, {}}).ok());
}

QString TestReport::write(const ReportOptions &options, const QString &name, const SignoffSource &source)
{
    const Result<ReportData> data =
        ReportCollector::collect(*m_ws, {ReportScope::Kind::Release, u"chat-app@1.0"_s}, options, source);
    if (!data.ok()) {
        qWarning("%s", qPrintable(data.error().message));
        return QString();
    }
    const Result<QByteArray> pdf = ReportRenderer::render(data.value(), options);
    if (!pdf.ok()) {
        qWarning("%s", qPrintable(pdf.error().message));
        return QString();
    }
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(pdf.value()) != pdf.value().size())
        return QString();
    return path;
}

void TestReport::reportHoldsScopeItemsFindingsAndDigests()
{
    ReportOptions options;
    options.date = kDate;
    const QString pdf = write(options, u"report.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(u"chat-app@1.0"_s), "the scope is named");
    const Assessment assessment = m_ws->assessment(m_assessment).value();
    for (const AssessmentItem &item : assessment.items)
        QVERIFY2(text.contains(item.label()), qPrintable(item.label()));
    for (const QString &title : std::as_const(m_findingTitles))
        QVERIFY2(text.contains(title), qPrintable(title));
    // Digests may wrap in a narrow table column, so compare without the white space.
    QString flat = text;
    flat.remove(QRegularExpression(u"\\s"_s));
    for (const QString &digest : std::as_const(m_evidenceDigests))
        QVERIFY2(flat.contains(digest), qPrintable(digest));
    QVERIFY2(flat.contains(QString(64, u'a')), "the model's artifact digest is in the inventory");
    QVERIFY(text.contains(u"Data owner confirmed consent."_s)); // the justification, Markdown rendered
    QVERIFY(text.contains(u"Policy v3 reviewed."_s));
    QVERIFY(text.contains(u"No sign-off recorded"_s));
    QVERIFY(pageCount(pdf) > 1);
}

void TestReport::contentsGiveThePagesSectionsStartOn()
{
    ReportOptions options;
    options.date = kDate;
    const QString pdf = write(options, u"toc.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const int pages = pageCount(pdf);
    const QString contents = pdfText(pdf, 2, true);
    // "3  Lineage graph ... 5": a numbered section and the page it starts on.
    static const QRegularExpression entry(u"^\\s*(\\d+)\\s+(\\S.*?)\\s+(\\d+)$"_s, QRegularExpression::MultilineOption);
    int checked = 0;
    for (auto it = entry.globalMatch(contents); it.hasNext();) {
        const QRegularExpressionMatch match = it.next();
        const int page = match.captured(3).toInt();
        QVERIFY2(page > 2 && page <= pages, qPrintable(match.captured(0)));
        const QRegularExpression heading(
            u"^%1\\s+%2$"_s.arg(match.captured(1), QRegularExpression::escape(match.captured(2))),
            QRegularExpression::MultilineOption);
        for (int other = 3; other <= pages; ++other)
            QCOMPARE(heading.match(pdfText(pdf, other)).hasMatch(), other == page);
        ++checked;
    }
    QCOMPARE(checked, 9); // every section of the default report
}

void TestReport::sameInputsGiveTheSameBytes()
{
    ReportOptions options;
    options.date = kDate;
    const QString first = write(options, u"first.pdf"_s);
    const QString second = write(options, u"second.pdf"_s);
    options.date = kDate.addDays(1);
    const QString later = write(options, u"later.pdf"_s);
    QFile a(first), b(second), c(later);
    QVERIFY(a.open(QIODevice::ReadOnly) && b.open(QIODevice::ReadOnly) && c.open(QIODevice::ReadOnly));
    const QByteArray bytes = a.readAll();
    QVERIFY(bytes.startsWith("%PDF-"));
    QCOMPARE(b.readAll(), bytes);
    QVERIFY2(c.readAll() != bytes, "the report date is part of the document");
    QVERIFY(QString::fromUtf8(runTool(u"pdfinfo"_s, {first})).contains(u"2026"_s));
}

void TestReport::chineseReportEmbedsACjkFont()
{
    if (tool(u"pdffonts"_s).isEmpty())
        QSKIP("pdffonts (poppler-utils) is not installed.");
    installTranslations(*QCoreApplication::instance(), u"zh_CN"_s);
    const QString summary = QCoreApplication::translate("strata::ReportSections", "Executive summary");
    QVERIFY2(summary != u"Executive summary"_s, "the report's headings are translated");
    ReportOptions options;
    options.language = u"zh_CN"_s;
    options.date = kDate;
    const QString pdf = write(options, u"zh.pdf"_s);
    installTranslations(*QCoreApplication::instance(), u"en"_s);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QVERIFY2(text.contains(summary), qPrintable(summary));
    const bool han =
        std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
    QVERIFY2(han, "the extracted text holds Chinese characters");
    // What is printed is what a search finds: no ideograph comes back as a look-alike Kangxi radical.
    const bool radicals =
        std::any_of(text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x2f00 && c.unicode() <= 0x2fdf; });
    QVERIFY2(!radicals, "ideographs extract as themselves");
    const QString fonts = QString::fromUtf8(runTool(u"pdffonts"_s, {pdf}));
    bool embeddedCjk = false;
    for (const QString &line : fonts.split(u'\n')) {
        // The Chinese fonts Strata uses (scripts/deps.sh): WenQuanYi Micro Hei, or Noto Sans CJK as the fallback.
        if ((line.contains(u"WenQuanYi"_s) || line.contains(u"CJK"_s)) && line.contains(u" yes "_s))
            embeddedCjk = true;
    }
    QVERIFY2(embeddedCjk, qPrintable(fonts));
}

void TestReport::reportLanguageIsNotTheWindowLanguage()
{
    QTranslator chinese;
    QVERIFY(chinese.load(u":/i18n/strata_zh_CN.qm"_s));
    // A heading of the report's own and a status label from core, in Chinese.
    const QString summary = chinese.translate("strata::ReportSections", "Executive summary");
    const QString notStarted = chinese.translate("strata::Assessment", "Not started");
    QVERIFY(!summary.isEmpty() && !notStarted.isEmpty());
    ReportOptions options;
    options.date = kDate;

    // A Chinese window writes an English report in English, core's labels included.
    installTranslations(*QCoreApplication::instance(), u"zh_CN"_s);
    options.language = u"en"_s;
    const QString english = write(options, u"en-from-zh.pdf"_s);
    // An English window writes a Chinese report in Chinese.
    installTranslations(*QCoreApplication::instance(), u"en"_s);
    options.language = u"zh_CN"_s;
    const QString chineseReport = write(options, u"zh-from-en.pdf"_s);
    QVERIFY(!english.isEmpty() && !chineseReport.isEmpty());

    const QString en = pdfText(english);
    QVERIFY2(en.contains(u"Executive summary"_s) && en.contains(u"Not started"_s), qPrintable(en.left(2000)));
    QVERIFY2(!en.contains(summary) && !en.contains(notStarted), qPrintable(en.left(2000)));
    const QString zh = pdfText(chineseReport);
    QVERIFY2(zh.contains(summary) && zh.contains(notStarted), qPrintable(zh.left(2000)));
    QVERIFY2(!zh.contains(u"Executive summary"_s), qPrintable(zh.left(2000)));
    // The window's own language is untouched by either report.
    QCOMPARE(QCoreApplication::translate("strata::ReportSections", "Executive summary"), u"Executive summary"_s);
}

void TestReport::pagesAreDrawn()
{
    if (tool(u"pdftoppm"_s).isEmpty())
        QSKIP("pdftoppm (poppler-utils) is not installed.");
    ReportOptions options;
    options.date = kDate;
    const QString pdf = write(options, u"pages.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const int pages = pageCount(pdf);
    for (int page = 1; page <= pages; ++page) {
        const QImage image = renderPage(pdf, page, m_dir->path());
        QVERIFY2(!image.isNull(), qPrintable(u"page %1 renders"_s.arg(page)));
        QVERIFY2(inkShare(image) > 0.01, qPrintable(u"page %1 is not blank"_s.arg(page)));
    }
    // The lineage graph is drawn in colour: the kinds' fills are there.
    for (int page = 3; page <= pages; ++page) {
        if (!pdfText(pdf, page).contains(u"Lineage graph"_s))
            continue;
        const QImage image = renderPage(pdf, page, m_dir->path(), 30);
        bool coloured = false;
        for (int y = 0; y < image.height() && !coloured; ++y) {
            for (int x = 0; x < image.width() && !coloured; ++x) {
                const QColor c = image.pixelColor(x, y);
                coloured = std::abs(c.red() - c.blue()) > 40;
            }
        }
        QVERIFY2(coloured, "the graph page has coloured shapes");
        return;
    }
    QFAIL("no page holds the lineage graph");
}

void TestReport::sectionsCanBeLeftOut()
{
    ReportOptions options;
    options.date = kDate;
    options.sections = static_cast<ReportSectionMask>(ReportSection::Summary) |
                       static_cast<ReportSectionMask>(ReportSection::Evidence);
    const QString pdf = write(options, u"short.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QVERIFY(text.contains(u"Evidence index"_s));
    QVERIFY(!text.contains(u"Checklist results"_s));
    QVERIFY(!text.contains(u"Lineage graph"_s));
    QCOMPARE(pageCount(pdf), 4); // cover, contents, summary, evidence
}

void TestReport::paperAndPdfA()
{
    ReportOptions options;
    options.date = kDate;
    options.paper = ReportPaper::Letter;
    options.pdfA = true;
    options.author = u"Quality Office"_s;
    const QString pdf = write(options, u"letter.pdf"_s);
    QVERIFY(!pdf.isEmpty());
    const QString info = QString::fromUtf8(runTool(u"pdfinfo"_s, {pdf}) + runTool(u"pdfinfo"_s, {u"-meta"_s, pdf}));
    QVERIFY2(info.contains(u"612 x 792"_s), qPrintable(info));
    QVERIFY(info.contains(u"pdfaid:part=\"1\""_s));
    QVERIFY(info.contains(u"Quality Office"_s));
    QVERIFY(info.contains(u"Title:           Assessment report: Release chat-app@1.0"_s));
    QVERIFY(info.contains(u"pdf:Keywords="_s));
    QVERIFY(info.contains(u"2026-12-01T09:30:00Z"_s));
}

void TestReport::signoffsComeFromTheSource()
{
    ReportOptions options;
    options.date = kDate;
    const QString pdf = write(options, u"signed.pdf"_s, OneSignoff());
    QVERIFY(!pdf.isEmpty());
    const QString text = pdfText(pdf);
    QString flat = text;
    flat.remove(QRegularExpression(u"\\s"_s)); // table cells wrap
    QVERIFY(flat.contains(u"DanaReviewer"_s));
    QVERIFY(flat.contains(u"SHA256:f00dfeed0123456789abcdef"_s));
    QVERIFY(text.contains(u"9c1e2b7f"_s));
    QVERIFY(!text.contains(u"No sign-off recorded"_s));
    QVERIFY2(flat.contains(u"Approved(1signature"_s), "an approval every required role gave reads as approved");
}

void TestReport::workspaceSignoffsAreVerifiedInTheReport()
{
    const PrivateKey key = PrivateKey::generate(KeyType::Ed25519).value();
    Identity lead;
    lead.name = u"Lee Signer"_s;
    lead.role = IdentityRole::SecurityLead;
    lead.publicKey = key.publicKey().pem();
    const Result<Identity> added = m_ws->addIdentity(lead);
    QVERIFY(added.ok());
    const qint64 release = m_ws->release(u"chat-app@1.0"_s).value().id;
    // Two items failed, so only a rejection can be signed here.
    QVERIFY(m_ws->signOff(release, key, SignoffDecision::Reject, u"Pin the base weights first."_s).ok());
    ReportOptions options;
    options.date = kDate;
    QString flat = pdfText(write(options, u"rejected.pdf"_s, WorkspaceSignoffSource()));
    flat.remove(QRegularExpression(u"\\s"_s)); // table cells wrap
    QVERIFY2(flat.contains(u"LeeSigner"_s), qPrintable(flat));
    QVERIFY(flat.contains(u"securitylead"_s));
    QVERIFY(flat.contains(u"rejected"_s));
    QVERIFY(flat.contains(u"Pinthebaseweightsfirst."_s));
    QVERIFY(flat.contains(Identities::displayFingerprint(added.value().fingerprint).left(24)));
    QVERIFY(flat.contains(u"valid:thesignatureverifies"_s));
    // A verified rejection is a rejection: the cover must never read as if the release were signed off.
    QVERIFY2(flat.contains(u"Rejected(1signature"_s), qPrintable(flat));
    QVERIFY(!flat.contains(u"Approved(1signature"_s));

    // After a change to a record in the release the same report says the sign-off is stale.
    Record chat = m_ws->record(m_ws->resolve(u"Chat App"_s).value()).value();
    chat.license = u"Apache-2.0"_s;
    QVERIFY(m_ws->updateRecord(chat).ok());
    flat = pdfText(write(options, u"stale.pdf"_s, WorkspaceSignoffSource()));
    flat.remove(QRegularExpression(u"\\s"_s));
    QVERIFY2(flat.contains(u"stale:1change"_s), qPrintable(flat));
    QVERIFY(flat.contains(u"Sign-offisstale"_s));
}

void TestReport::unknownScopesAreRefused_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("reference");
    QTest::newRow("release") << int(ReportScope::Kind::Release) << u"no-such-release"_s;
    QTest::newRow("assessment") << int(ReportScope::Kind::Assessment) << u"999"_s;
    QTest::newRow("assessment not a number") << int(ReportScope::Kind::Assessment) << u"first"_s;
    QTest::newRow("supplier") << int(ReportScope::Kind::Supplier) << u"Nobody Inc"_s;
    QTest::newRow("supplier that is a model") << int(ReportScope::Kind::Supplier) << u"Chat App"_s;
}

void TestReport::unknownScopesAreRefused()
{
    QFETCH(int, kind);
    QFETCH(QString, reference);
    const Result<ReportData> data =
        ReportCollector::collect(*m_ws, {static_cast<ReportScope::Kind>(kind), reference}, ReportOptions());
    QVERIFY(!data.ok());
    QVERIFY(!data.error().message.isEmpty());
}

QTEST_MAIN(TestReport)
#include "TestReport.moc"
