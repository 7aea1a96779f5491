// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceFilterModel.h"
#include "EvidenceTableModel.h"
#include "workspace/Workspace.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QIcon>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

const QDate kToday(2026, 6, 15);

} // namespace

/// The evidence list as a table: expiry judged against a fixed day, flagged by text, colour and icon, what each
/// item supports, verification states, and the filter and sort the page offers.
class TestEvidenceTableModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void expiryIsFlaggedByTextIconAndColour();
    void linkedItemsAreCounted();
    void verificationMarksAlteredAndMissing();
    void filterByExpiryAndText_data();
    void filterByExpiryAndText();
    void sortsByRawValues();
    void newEvidenceAppearsWithoutReload();

private:
    qint64 add(const QString &name, const QByteArray &data, const QDate &expires);
    QStringList titles(const QAbstractItemModel *model) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<EvidenceTableModel> m_model;
};

void TestEvidenceTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY(ws.ok());
    m_ws = std::move(ws).value();
    QVERIFY(add(u"expired.txt"_s, "old SOC 2 report", kToday.addDays(-1)) > 0);
    QVERIFY(add(u"soon.txt"_s, "ISO certificate", kToday.addDays(20)) > 0);
    QVERIFY(add(u"current.txt"_s, "pen test 2026", kToday.addYears(1)) > 0);
    QVERIFY(add(u"undated.txt"_s, "architecture notes, longer text", {}) > 0);
    m_model = std::make_unique<EvidenceTableModel>(m_ws.get());
    m_model->setToday(kToday);
    new QAbstractItemModelTester(m_model.get(), QAbstractItemModelTester::FailureReportingMode::QtTest, m_model.get());
}

void TestEvidenceTableModel::cleanup()
{
    m_model.reset();
    m_ws.reset();
    QDirIterator it(m_dir->path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_dir.reset();
}

qint64 TestEvidenceTableModel::add(const QString &name, const QByteArray &data, const QDate &expires)
{
    const QString path = m_dir->filePath(name);
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
        return 0;
    out.close();
    EvidenceInput input;
    input.path = path;
    input.title = QFileInfo(name).completeBaseName();
    input.expiryDate = expires;
    const Result<EvidenceAddResult> added = m_ws->addEvidence(input);
    return added ? added.value().evidence.id : 0;
}

QStringList TestEvidenceTableModel::titles(const QAbstractItemModel *model) const
{
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out << model->index(row, EvidenceTableModel::Title).data().toString();
    return out;
}

void TestEvidenceTableModel::expiryIsFlaggedByTextIconAndColour()
{
    QCOMPARE(m_model->rowCount(), 4);
    const auto cell = [this](const QString &title) {
        const int row = titles(m_model.get()).indexOf(title);
        return m_model->index(row, EvidenceTableModel::Expires);
    };
    QVERIFY(cell(u"expired"_s).data().toString().contains(u"expired"_s));
    QVERIFY(cell(u"soon"_s).data().toString().contains(u"expires in 20 day"_s));
    QCOMPARE(cell(u"current"_s).data().toString(), kToday.addYears(1).toString(Qt::ISODate));
    QCOMPARE(cell(u"undated"_s).data().toString(), QString());
    for (const QString &flagged : {u"expired"_s, u"soon"_s}) {
        QVERIFY2(!cell(flagged).data(Qt::DecorationRole).value<QIcon>().isNull(), qPrintable(flagged));
        QVERIFY2(cell(flagged).data(Qt::ForegroundRole).isValid(), qPrintable(flagged));
        QVERIFY2(!cell(flagged).data(Qt::ToolTipRole).toString().isEmpty(), qPrintable(flagged));
    }
    QVERIFY(cell(u"current"_s).data(Qt::DecorationRole).isNull());
    QVERIFY(cell(u"expired"_s).data(Qt::ForegroundRole) != cell(u"soon"_s).data(Qt::ForegroundRole));
    // The same list a day after the soon one's expiry: it is expired now.
    m_model->setToday(kToday.addDays(21));
    QVERIFY(cell(u"soon"_s).data().toString().contains(u"expired"_s));
}

void TestEvidenceTableModel::linkedItemsAreCounted()
{
    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"Corpus"_s;
    const qint64 record = m_ws->createRecord(dataset).value();
    const qint64 assessment = m_ws->createAssessment(AssessmentScope{0, record}).value().id;
    const qint64 soon = m_model->evidenceAt(1)->id;
    const Result<AssessmentItem> answered =
        m_ws->setItemStatus(assessment, {u"SC-DAT-02"_s, ItemStatus::Pass, u"checked"_s, {soon}});
    QVERIFY2(answered.ok(), answered.ok() ? "" : qPrintable(answered.error().message));
    // assessmentsChanged reloads the model.
    QCOMPARE(m_model->index(m_model->rowOf(soon), EvidenceTableModel::Linked).data().toInt(), 1);
    QCOMPARE(m_model->index(m_model->rowOf(m_model->evidenceAt(0)->id), EvidenceTableModel::Linked).data().toInt(), 0);
}

void TestEvidenceTableModel::verificationMarksAlteredAndMissing()
{
    const auto check = [this](int row) { return m_model->index(row, EvidenceTableModel::Check).data().toString(); };
    QCOMPARE(check(0), u"Not checked"_s);
    EvidenceVerification verification;
    verification.checked = 4;
    EvidenceProblem altered;
    altered.kind = EvidenceProblem::Kind::Altered;
    altered.evidence = *m_model->evidenceAt(0);
    EvidenceProblem missing;
    missing.kind = EvidenceProblem::Kind::Missing;
    missing.evidence = *m_model->evidenceAt(2);
    verification.problems = {altered, missing};
    m_model->setVerification(verification);
    QCOMPARE(check(0), u"Altered"_s);
    QCOMPARE(check(1), u"Verified"_s);
    QCOMPARE(check(2), u"Missing"_s);
    QVERIFY(!m_model->index(0, EvidenceTableModel::Check).data(Qt::DecorationRole).value<QIcon>().isNull());
}

void TestEvidenceTableModel::filterByExpiryAndText_data()
{
    QTest::addColumn<int>("expiry");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("shown");
    using E = EvidenceFilterModel::Expiry;
    QTest::newRow("all") << int(E::All) << QString()
                         << QStringList{u"current"_s, u"expired"_s, u"soon"_s, u"undated"_s};
    QTest::newRow("expired") << int(E::Expired) << QString() << QStringList{u"expired"_s};
    QTest::newRow("expiring soon") << int(E::ExpiringSoon) << QString() << QStringList{u"soon"_s};
    QTest::newRow("either") << int(E::ExpiredOrSoon) << QString() << QStringList{u"expired"_s, u"soon"_s};
    QTest::newRow("file name") << int(E::All) << u"UNDATED.TXT"_s << QStringList{u"undated"_s};
    QTest::newRow("words and expiry") << int(E::Expired) << u"soon"_s << QStringList();
}

void TestEvidenceTableModel::filterByExpiryAndText()
{
    QFETCH(int, expiry);
    QFETCH(QString, text);
    QFETCH(QStringList, shown);
    EvidenceFilterModel filter;
    filter.setSourceModel(m_model.get());
    filter.sort(EvidenceTableModel::Title);
    filter.setExpiry(static_cast<EvidenceFilterModel::Expiry>(expiry));
    filter.setText(text);
    QCOMPARE(titles(&filter), shown);
}

void TestEvidenceTableModel::sortsByRawValues()
{
    EvidenceFilterModel filter;
    filter.setSourceModel(m_model.get());
    filter.sort(EvidenceTableModel::Expires);
    // By date, with undated evidence last.
    QCOMPARE(titles(&filter), (QStringList{u"expired"_s, u"soon"_s, u"current"_s, u"undated"_s}));
    filter.sort(EvidenceTableModel::Size, Qt::DescendingOrder);
    QCOMPARE(titles(&filter).constFirst(), u"undated"_s);
    // A digest prefix finds its item.
    filter.setText(m_model->evidenceAt(2)->sha256.left(20));
    QCOMPARE(titles(&filter), QStringList{u"current"_s});
}

void TestEvidenceTableModel::newEvidenceAppearsWithoutReload()
{
    QSignalSpy reset(m_model.get(), &QAbstractItemModel::modelReset);
    QVERIFY(add(u"later.txt"_s, "added later", {}) > 0);
    QCOMPARE(reset.count(), 1);
    QVERIFY(titles(m_model.get()).contains(u"later"_s));
}

QTEST_MAIN(TestEvidenceTableModel)
#include "TestEvidenceTableModel.moc"
