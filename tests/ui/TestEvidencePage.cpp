// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "EvidenceAdder.h"
#include "EvidenceFilterModel.h"
#include "EvidencePage.h"
#include "EvidencePreview.h"
#include "EvidenceTableModel.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "evidence/EvidenceStore.h"

#include <QAction>
#include <QBuffer>
#include <QComboBox>
#include <QDirIterator>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPainter>
#include <QPdfDocument>
#include <QPdfWriter>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

namespace {

const QDate kToday(2026, 6, 15);

} // namespace

/// The Evidence page as a reviewer uses it: expiry flags they can see, a verification that names the damaged file,
/// previews decided by content rather than name, and "Open" through a seam that never launches an application.
class TestEvidencePage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void expiryIsFlaggedInTheTable();
    void expiryFilterShowsOnlyStaleEvidence();
    void verifyNamesATamperedBlob();
    void verifyAllGoodSaysSo();
    void cancelStopsTheCheckWithoutAVerdict();
    void previewIsChosenByContent();
    void openHandsOverACopyNamedByContent();
    void openRefusesPrograms();
    void addEvidenceListsTheChosenFile();

private:
    qint64 add(const QString &name, const QByteArray &data, const QString &title, const QDate &expires = {});
    bool selectTitle(const QString &title);
    QModelIndex cell(const QString &title, int column) const;
    void screenshot(const QString &name);

    std::unique_ptr<TempWorkspace> m_temp;
    ScriptedPrompter m_prompter;
    std::unique_ptr<EvidencePage> m_page;
    QList<QUrl> m_opened;
};

void TestEvidencePage::initTestCase()
{
    isolateSettings();
}

qint64 TestEvidencePage::add(const QString &name, const QByteArray &data, const QString &title, const QDate &expires)
{
    const QString path = m_temp->dir.filePath(u"in/"_s + name);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(data) != data.size())
        return 0;
    out.close();
    EvidenceInput input;
    input.path = path;
    input.title = title;
    input.expiryDate = expires;
    const Result<EvidenceAddResult> added = m_temp->workspace->addEvidence(input);
    if (!added)
        qWarning("%s", qPrintable(added.error().message));
    return added ? added.value().evidence.id : 0;
}

void TestEvidencePage::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    QVERIFY2(m_temp->open().isEmpty(), "workspace did not open");
    m_prompter = ScriptedPrompter();
    m_opened.clear();

    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        QPainter painter(&writer);
        QFont font = painter.font();
        font.setPointSize(28);
        painter.setFont(font);
        painter.drawText(QRectF(0, 0, writer.width(), writer.height() / 4.0), Qt::AlignCenter,
                         u"SOC 2 Type II report"_s);
    }
    QImage image(64, 32, QImage::Format_RGB32);
    image.fill(Qt::darkCyan);
    QByteArray png;
    {
        QBuffer buffer(&png);
        buffer.open(QIODevice::WriteOnly);
        image.save(&buffer, "PNG");
    }
    QVERIFY(add(u"soc2.pdf"_s, pdf, u"SOC 2 report"_s, kToday.addDays(-10)) > 0);
    QVERIFY(add(u"iso.png"_s, png, u"ISO certificate scan"_s, kToday.addDays(12)) > 0);
    // A text file whose name says PDF: the preview must not believe the name.
    QVERIFY(add(u"policy.pdf"_s, "Model intake policy\nEvery model file is pinned by digest.\n", u"Intake policy"_s,
                kToday.addYears(1)) > 0);
    // An ELF executable header (e_type 2 at offset 16) in a file named .txt.
    QByteArray elf = QByteArray("\x7f"
                                "ELF\x02\x01\x01") +
                     QByteArray(9, '\0') + QByteArray("\x02\x00\x3e\x00", 4);
    elf += QByteArray(200, '\0');
    QVERIFY(add(u"scan.txt"_s, elf, u"Scanner binary"_s) > 0);

    m_page = std::make_unique<EvidencePage>(m_temp->workspace.get(), &m_prompter);
    m_page->setUrlOpener([this](const QUrl &url) {
        m_opened << url;
        return true;
    });
    m_page->model()->setToday(kToday);
    m_page->resize(1400, 700);
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
}

void TestEvidencePage::cleanup()
{
    m_page.reset();
    m_temp->workspace.reset();
    QDirIterator it(m_temp->dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        QFile::setPermissions(it.next(), QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    m_temp.reset();
}

QModelIndex TestEvidencePage::cell(const QString &title, int column) const
{
    const QAbstractItemModel *model = m_page->table()->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, EvidenceTableModel::Title).data().toString() == title)
            return model->index(row, column);
    }
    return {};
}

bool TestEvidencePage::selectTitle(const QString &title)
{
    const QModelIndex index = cell(title, 0);
    if (!index.isValid())
        return false;
    m_page->table()->selectionModel()->setCurrentIndex(index,
                                                       QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    return true;
}

void TestEvidencePage::screenshot(const QString &name)
{
    // Set STRATA_SCREENSHOT_DIR to look at the page as a user would.
    const QString dir = qEnvironmentVariable("STRATA_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        m_page->grab().save(QDir(dir).filePath(name));
}

void TestEvidencePage::expiryIsFlaggedInTheTable()
{
    QCOMPARE(m_page->table()->model()->rowCount(), 4);
    const QModelIndex expired = cell(u"SOC 2 report"_s, EvidenceTableModel::Expires);
    const QModelIndex soon = cell(u"ISO certificate scan"_s, EvidenceTableModel::Expires);
    const QModelIndex current = cell(u"Intake policy"_s, EvidenceTableModel::Expires);
    // Text, icon and colour: each flag can be told without seeing colour.
    QVERIFY2(expired.data().toString().contains(u"expired"_s), qPrintable(expired.data().toString()));
    QVERIFY2(soon.data().toString().contains(u"expires in 12 day"_s), qPrintable(soon.data().toString()));
    QVERIFY(!current.data().toString().contains(u"expire"_s));
    QVERIFY(!expired.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!soon.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(current.data(Qt::DecorationRole).isNull());
    QVERIFY(expired.data(Qt::ForegroundRole).isValid());
    // The column is wide enough to read the flag.
    QVERIFY(m_page->table()->columnWidth(EvidenceTableModel::Expires) >=
            m_page->table()->fontMetrics().horizontalAdvance(expired.data().toString()));
    const auto *summary = m_page->findChild<QLabel *>(u"evidenceSummary"_s);
    QVERIFY2(summary->text().contains(u"1 expired"_s), qPrintable(summary->text()));
    selectTitle(u"SOC 2 report"_s);
    screenshot(u"evidence-page.png"_s);
}

void TestEvidencePage::expiryFilterShowsOnlyStaleEvidence()
{
    auto *combo = m_page->findChild<QComboBox *>(u"evidenceExpiryFilter"_s);
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(static_cast<int>(EvidenceFilterModel::Expiry::ExpiredOrSoon)));
    QCOMPARE(columnTexts(m_page->table()->model()).size(), 2);
    QVERIFY(cell(u"Intake policy"_s, 0).data().isNull());
    auto *search = m_page->findChild<QLineEdit *>(u"evidenceSearch"_s);
    QTest::keyClicks(search, u"iso"_s);
    QCOMPARE(columnTexts(m_page->table()->model()), QStringList{u"ISO certificate scan"_s});
}

void TestEvidencePage::verifyNamesATamperedBlob()
{
    const Evidence *target = nullptr;
    for (int row = 0; row < m_page->model()->rowCount(); ++row) {
        if (m_page->model()->evidenceAt(row)->title == u"Intake policy"_s)
            target = m_page->model()->evidenceAt(row);
    }
    QVERIFY(target);
    const QString blob = EvidenceStore(m_temp->workspace->evidenceFolder()).blobPath(target->sha256);
    QFile::setPermissions(blob, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QFile file(blob);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QByteArray bytes = file.readAll();
    bytes[0] = char(bytes.at(0) ^ 0x01); // one flipped bit
    file.seek(0);
    file.write(bytes);
    file.close();

    QSignalSpy finished(m_page.get(), &EvidencePage::verificationFinished);
    m_page->verifyAction()->trigger();
    QVERIFY(m_page->isVerifying() || finished.count() == 1);
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    QVERIFY(!m_page->isVerifying());
    const auto *problems = m_page->findChild<QListWidget *>(u"verifyProblems"_s);
    QVERIFY(problems->isVisible());
    QCOMPARE(problems->count(), 1);
    QVERIFY2(problems->item(0)->text().contains(u"Intake policy"_s), qPrintable(problems->item(0)->text()));
    QVERIFY2(problems->item(0)->text().contains(u"altered"_s), qPrintable(problems->item(0)->text()));
    const auto *result = m_page->findChild<QLabel *>(u"verifyResult"_s);
    QVERIFY2(result->text().contains(u"1 of 4"_s), qPrintable(result->text()));
    QCOMPARE(cell(u"Intake policy"_s, EvidenceTableModel::Check).data().toString(), u"Altered"_s);
    QCOMPARE(cell(u"SOC 2 report"_s, EvidenceTableModel::Check).data().toString(), u"Verified"_s);
    screenshot(u"evidence-verify.png"_s);
}

void TestEvidencePage::verifyAllGoodSaysSo()
{
    QSignalSpy finished(m_page.get(), &EvidencePage::verificationFinished);
    m_page->verifyEvidence();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    const auto *result = m_page->findChild<QLabel *>(u"verifyResult"_s);
    QVERIFY2(result->text().contains(u"All 4"_s), qPrintable(result->text()));
    QVERIFY(!m_page->findChild<QListWidget *>(u"verifyProblems"_s)->isVisible());
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestEvidencePage::cancelStopsTheCheckWithoutAVerdict()
{
    // 64 MiB: sixteen reads, so the cancel lands long before the last one.
    QVERIFY(add(u"weights.bin"_s, QByteArray(64 * 1024 * 1024, 'w'), u"Model weights"_s) > 0);
    QSignalSpy finished(m_page.get(), &EvidencePage::verificationFinished);
    m_page->verifyEvidence();
    QVERIFY(m_page->isVerifying());
    QVERIFY(!m_page->verifyAction()->isEnabled());
    auto *cancel = m_page->findChild<QPushButton *>(u"verifyCancelButton"_s);
    QVERIFY(cancel && cancel->isVisible());
    cancel->click();
    QVERIFY(finished.count() == 1 || finished.wait(10000));
    const auto *result = m_page->findChild<QLabel *>(u"verifyResult"_s);
    QVERIFY2(result->text().contains(u"cancelled"_s), qPrintable(result->text()));
    QCOMPARE(cell(u"Model weights"_s, EvidenceTableModel::Check).data().toString(), u"Not checked"_s);
    QVERIFY(m_page->verifyAction()->isEnabled());
}

void TestEvidencePage::previewIsChosenByContent()
{
    QVERIFY(selectTitle(u"SOC 2 report"_s));
    QCOMPARE(m_page->preview()->shown(), EvidencePreview::Shown::Pdf);
    QCOMPARE(m_page->preview()->pdfDocument()->pageCount(), 1);
    if (!qEnvironmentVariableIsEmpty("STRATA_SCREENSHOT_DIR")) {
        QTest::qWait(500); // pages render in the background
        screenshot(u"evidence-preview-pdf.png"_s);
    }
    QVERIFY(selectTitle(u"ISO certificate scan"_s));
    QCOMPARE(m_page->preview()->shown(), EvidencePreview::Shown::Image);
    // Named .pdf, but text: shown as text.
    QVERIFY(selectTitle(u"Intake policy"_s));
    QCOMPARE(m_page->preview()->shown(), EvidencePreview::Shown::Text);
    QVERIFY(m_page->preview()->message().contains(u"pinned by digest"_s));
    QVERIFY(selectTitle(u"Scanner binary"_s));
    QCOMPARE(m_page->preview()->shown(), EvidencePreview::Shown::Message);
    QVERIFY2(m_page->preview()->message().contains(u"No preview"_s), qPrintable(m_page->preview()->message()));
}

void TestEvidencePage::openHandsOverACopyNamedByContent()
{
    QVERIFY(selectTitle(u"Intake policy"_s));
    QVERIFY(m_page->openAction()->isEnabled());
    m_page->openAction()->trigger();
    QCOMPARE(m_opened.size(), 1);
    const QString opened = m_opened.constFirst().toLocalFile();
    // The name keeps the title of the file but its suffix comes from what it is: text, not PDF.
    QCOMPARE(QFileInfo(opened).fileName(), u"policy.txt"_s);
    QFile file(opened);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().startsWith("Model intake policy"));
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestEvidencePage::openRefusesPrograms()
{
    QVERIFY(selectTitle(u"Scanner binary"_s));
    m_page->openAction()->trigger();
    QVERIFY(m_opened.isEmpty());
    QCOMPARE(m_prompter.errors.size(), 1);
    QVERIFY2(m_prompter.errors.constFirst().contains(u"Scanner binary"_s), qPrintable(m_prompter.errors.constFirst()));
}

void TestEvidencePage::addEvidenceListsTheChosenFile()
{
    const int before = m_page->model()->rowCount();
    const QString path = m_temp->dir.filePath(u"dpa.txt"_s);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("data processing agreement, signed 2026-01-15\n");
    file.close();
    m_prompter.fileNames = {path};
    QVERIFY(m_page->addEvidenceAction()->isEnabled());
    m_page->addEvidenceAction()->trigger();
    // The copy runs on a worker; the new row appears in the list once it is recorded.
    QTRY_COMPARE(m_page->model()->rowCount(), before + 1);
    QTRY_VERIFY(!m_page->evidenceAdder()->isRunning());
    QVERIFY(m_prompter.errors.isEmpty());
    QVERIFY(selectTitle(u"dpa.txt"_s)); // with no title given, the file name is the title
}

QTEST_MAIN(TestEvidencePage)
#include "TestEvidencePage.moc"
