// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ExportController.h"
#include "ExportDialog.h"
#include "ImportController.h"
#include "ImportSummaryDialog.h"
#include "InventoryPage.h"
#include "MainWindow.h"
#include "ProvenancePanel.h"
#include "RecordEditor.h"
#include "ScriptedPrompter.h"
#include "TaskProgressWidget.h"
#include "UiTestSupport.h"
#include "interop/DocumentReader.h"
#include "interop/ImportDocument.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTest>
#include <QThreadPool>
#include <QTimer>
#include <QTreeWidget>
#include <QUrl>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestImportExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void importThroughMenuShowsRecordsAndSummary();
    void invalidDocumentIsReportedAndChangesNothing();
    void cancelBeforeApplyLeavesNothing();
    void cancelKeepsFilesAlreadyApplied();
    void cancelWhileWritingRollsBack();
    void dropOfFilesAndFoldersImports();
    void dropOfWebLinksIsRefused();
    void exportSpdxThroughDialogReadsBack();
    void exportOfSelectedRecordTakesItsUpstream();
    void exportCsvWritesOneFilePerKind();
    void csvTablesAreNamedLikeTheCli_data();
    void csvTablesAreNamedLikeTheCli();
    void provenanceTabShowsImportAndHandTypedFields();
    void provenanceShowsWhatImportsKept();

private:
    void openWorkspace();
    QString validSpdx() const { return QStringLiteral(STRATA_SOURCE_DIR "/tests/data/spdx3/valid-ai-bom.json"); }
    QString writeFile(const QString &name, const QByteArray &data) const;
    QString writeLargeSpdx(const QString &name, int packages) const;
    /// Lets a cancelled worker finish and delivers anything it posted, so late results would show up.
    static void drainWorkers();
    int totalRecords() const;
    QStringList names(RecordKind kind) const;
    ImportController *importer() const { return m_window->importController(); }
    QAction *action(const QString &name) const { return m_window->findChild<QAction *>(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    ScriptedPrompter m_prompter;
    std::unique_ptr<MainWindow> m_window;
};

void TestImportExport::initTestCase()
{
    isolateSettings();
}

void TestImportExport::init()
{
    QSettings().clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_prompter = ScriptedPrompter();
}

void TestImportExport::cleanup()
{
    m_window.reset();
    drainWorkers();
    m_dir.reset();
}

void TestImportExport::openWorkspace()
{
    m_window = std::make_unique<MainWindow>(&m_prompter);
    m_window->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
    QVERIFY(m_window->openWorkspace(m_dir->filePath(u"w.strata"_s), Database::OpenMode::CreateIfMissing));
}

QString TestImportExport::writeFile(const QString &name, const QByteArray &data) const
{
    const QString path = m_dir->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
        return {};
    return path;
}

QString TestImportExport::writeLargeSpdx(const QString &name, int packages) const
{
    QByteArray data = R"({"@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld", "@graph": [
{"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-01-15T10:00:00Z", "createdBy": []})";
    for (int i = 0; i < packages; ++i) {
        data += R"(,
{"type": "ai_AIPackage", "spdxId": "https://example.org/spdx/model/m)" +
                QByteArray::number(i) + R"(", "creationInfo": "_:ci", "name": "Generated model )" +
                QByteArray::number(i) + R"(", "software_packageVersion": "1.0", "software_primaryPurpose": "model"})";
    }
    data += "\n]}\n";
    return writeFile(name, data);
}

void TestImportExport::drainWorkers()
{
    QThreadPool::globalInstance()->waitForDone();
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

int TestImportExport::totalRecords() const
{
    int total = 0;
    for (int count : m_window->workspace()->countsByKind().value())
        total += count;
    return total;
}

QStringList TestImportExport::names(RecordKind kind) const
{
    QStringList result;
    for (const RecordSummary &summary : m_window->workspace()->list(RecordQuery(kind)).value())
        result << summary.name;
    result.sort();
    return result;
}

void TestImportExport::importThroughMenuShowsRecordsAndSummary()
{
    openWorkspace();
    m_prompter.fileNames = {validSpdx()};
    QVERIFY(m_window->currentPage()->showsEmptyState());

    action(u"importAction"_s)->trigger();

    QCOMPARE(m_prompter.fileCaptions.size(), 1);
    QTRY_VERIFY(importer()->summaryDialog());
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(!importer()->isRunning());
    QVERIFY(!m_window->findChild<TaskProgressWidget *>(u"importProgress"_s)->isVisible());

    // The pages follow the workspace: the models of the document are in the Models table.
    const QStringList models = names(RecordKind::Model);
    QVERIFY(models.contains(u"Acme Chat"_s));
    m_window->showPage(RecordKind::Model);
    QVERIFY(!m_window->currentPage()->showsEmptyState());
    auto *view = m_window->currentPage()->findChild<QTableView *>(u"recordView"_s);
    QStringList shown = columnTexts(view->model());
    shown.sort();
    QCOMPARE(shown, models);

    ImportSummaryDialog *summary = importer()->summaryDialog();
    QVERIFY(summary->isVisible());
    QVERIFY(!summary->isModal());
    auto *table = summary->findChild<QTableWidget *>(u"importSummaryTable"_s);
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, ImportSummaryDialog::File)->text(), u"valid-ai-bom.json"_s);
    QVERIFY(table->item(0, ImportSummaryDialog::Format)->text().contains(u"SPDX"_s));
    // Into an empty workspace, everything the workspace now holds was added by this import.
    QCOMPARE(table->item(0, ImportSummaryDialog::Added)->text().toInt(), totalRecords());
    QCOMPARE(table->item(0, ImportSummaryDialog::Updated)->text().toInt(), 0);
    const ImportSummary &counts = summary->outcomes().first().summary;
    QCOMPARE(table->item(0, ImportSummaryDialog::RelationsAdded)->text().toInt(), counts.relationsAdded);
    QVERIFY(counts.relationsAdded > 0);
    const auto *notes = summary->findChild<QListWidget *>(u"importNotesList"_s);
    QCOMPARE(notes->count(), std::max<int>(1, static_cast<int>(counts.notes.size())));
    QVERIFY(summary->text().contains(u"valid-ai-bom.json"_s));

    // The same file again changes nothing, and the new summary says so.
    m_prompter.fileNames = {validSpdx()};
    const int before = totalRecords();
    action(u"importAction"_s)->trigger();
    QTRY_VERIFY(importer()->summaryDialog() && importer()->summaryDialog() != summary);
    const ImportOutcome again = importer()->summaryDialog()->outcomes().first();
    QVERIFY(again.ok);
    QCOMPARE(again.summary.added, 0);
    QCOMPARE(again.summary.unchanged, before);
    QCOMPARE(totalRecords(), before);
}

void TestImportExport::invalidDocumentIsReportedAndChangesNothing()
{
    openWorkspace();
    const QString path = writeFile(u"dangling.json"_s, R"({
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-01-15T10:00:00Z", "createdBy": []},
    {"type": "ai_AIPackage", "spdxId": "https://example.org/m", "creationInfo": "_:ci", "name": "Lonely model"},
    {"type": "Relationship", "spdxId": "https://example.org/r", "creationInfo": "_:ci",
     "from": "https://example.org/m", "relationshipType": "trainedOn", "to": ["https://example.org/nowhere"]}
  ]
})");
    QVERIFY(!path.isEmpty());
    m_prompter.fileNames = {path};

    action(u"importAction"_s)->trigger();

    QTRY_VERIFY(importer()->summaryDialog());
    ImportSummaryDialog *summary = importer()->summaryDialog();
    QCOMPARE(summary->outcomes().size(), 1);
    const ImportOutcome &outcome = summary->outcomes().first();
    QVERIFY(!outcome.ok);
    QVERIFY2(outcome.error.contains(u"dangling.json"_s), qPrintable(outcome.error));
    auto *table = summary->findChild<QTableWidget *>(u"importSummaryTable"_s);
    QVERIFY(table->item(0, ImportSummaryDialog::Format)->toolTip().contains(outcome.error));
    const auto *notes = summary->findChild<QListWidget *>(u"importNotesList"_s);
    QCOMPARE(notes->count(), 1);
    QCOMPARE(notes->item(0)->text(), outcome.error);
    QVERIFY2(summary->headline().contains(u"could not be imported"_s), qPrintable(summary->headline()));

    QCOMPARE(totalRecords(), 0);
    QVERIFY(m_window->currentPage()->showsEmptyState());
}

void TestImportExport::cancelBeforeApplyLeavesNothing()
{
    openWorkspace();
    const QString path = writeLargeSpdx(u"large.json"_s, 20000);
    QVERIFY(!path.isEmpty());
    m_prompter.fileNames = {path};
    QSignalSpy running(importer(), &ImportController::runningChanged);

    action(u"importAction"_s)->trigger();
    QVERIFY(importer()->isRunning());
    auto *progress = m_window->findChild<TaskProgressWidget *>(u"importProgress"_s);
    QVERIFY(progress->isVisible());
    QVERIFY(progress->text().contains(u"large.json"_s));
    QTest::mouseClick(progress->findChild<QPushButton *>(u"importCancelButton"_s), Qt::LeftButton);

    QVERIFY(!importer()->isRunning());
    QVERIFY(!progress->isVisible());
    QCOMPARE(running.size(), 2);
    QCOMPARE(running.last().first().toBool(), false);
    drainWorkers();
    QCOMPARE(totalRecords(), 0);
    QVERIFY(!importer()->summaryDialog());
    QVERIFY(m_prompter.errors.isEmpty());
}

void TestImportExport::cancelKeepsFilesAlreadyApplied()
{
    openWorkspace();
    const QString large = writeLargeSpdx(u"large.json"_s, 20000);
    m_prompter.fileLists = {{validSpdx(), large}};
    QSignalSpy changed(m_window->workspace(), &Workspace::recordsChanged);

    action(u"importAction"_s)->trigger();
    // The first file is applied; the second is being read when Cancel comes.
    QVERIFY(changed.wait(20000));
    QVERIFY(importer()->isRunning());
    const int afterFirst = totalRecords();
    QVERIFY(afterFirst > 0);
    importer()->cancel();

    drainWorkers();
    QCOMPARE(totalRecords(), afterFirst);
    QVERIFY(names(RecordKind::Model).filter(u"Generated model"_s).isEmpty());
    ImportSummaryDialog *summary = importer()->summaryDialog();
    QVERIFY(summary);
    QCOMPARE(summary->outcomes().size(), 1);
    QVERIFY(summary->outcomes().first().ok);
    QVERIFY2(summary->headline().contains(u"cancelled"_s), qPrintable(summary->headline()));
}

void TestImportExport::cancelWhileWritingRollsBack()
{
    openWorkspace();
    const QString path = writeLargeSpdx(u"large.json"_s, 5000);
    m_prompter.fileNames = {path};
    auto *progress = m_window->findChild<TaskProgressWidget *>(u"importProgress"_s);
    // The write runs the event loop from its progress reports: while it does, the rest of the window is disabled,
    // the bar says what is being written, and the Cancel button still answers.
    bool sawWrite = false;
    bool windowDisabled = false;
    QTimer poll;
    connect(&poll, &QTimer::timeout, this, [&] {
        if (!sawWrite && progress->text().contains(u"rows"_s)) {
            sawWrite = true;
            windowDisabled = !m_window->centralWidget()->isEnabled();
            QTest::mouseClick(progress->findChild<QPushButton *>(u"importCancelButton"_s), Qt::LeftButton);
        }
    });
    poll.start(5);
    action(u"importAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!importer()->isRunning(), 60000);
    poll.stop();

    QVERIFY(sawWrite);
    QVERIFY(windowDisabled);
    QVERIFY(m_window->centralWidget()->isEnabled());
    QCOMPARE(totalRecords(), 0);
    QVERIFY(!importer()->summaryDialog());
    QVERIFY(m_prompter.errors.isEmpty());
    // The workspace takes writes again.
    m_prompter.fileNames = {validSpdx()};
    action(u"importAction"_s)->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(!importer()->isRunning(), 20000);
    QVERIFY(totalRecords() > 0);
}

void TestImportExport::dropOfFilesAndFoldersImports()
{
    openWorkspace();
    const QString folder = QStringLiteral(STRATA_SOURCE_DIR "/tests/data/spdx3");
    const int documents = static_cast<int>(QDir(folder).entryList({u"*.json"_s, u"*.md"_s}, QDir::Files).size());
    QVERIFY(documents > 1);

    QMimeData data;
    data.setUrls({QUrl::fromLocalFile(folder)});
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(drop.isAccepted());
    QVERIFY(importer()->isRunning());

    QTRY_VERIFY_WITH_TIMEOUT(importer()->summaryDialog(), 20000);
    const QList<ImportOutcome> outcomes = importer()->summaryDialog()->outcomes();
    QCOMPARE(outcomes.size(), documents);
    int imported = 0;
    for (const ImportOutcome &outcome : outcomes)
        imported += outcome.ok ? 1 : 0;
    QVERIFY(imported >= 1);
    QVERIFY(imported < documents);
    QVERIFY(names(RecordKind::Model).contains(u"Acme Chat"_s));
}

void TestImportExport::dropOfWebLinksIsRefused()
{
    openWorkspace();
    QMimeData data;
    data.setUrls({QUrl(u"https://example.org/bom.json"_s), QUrl::fromLocalFile(validSpdx())});
    QDragEnterEvent enter(QPoint(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    enter.ignore();
    QApplication::sendEvent(m_window.get(), &enter);
    QVERIFY(!enter.isAccepted());
    QDropEvent drop(QPointF(200, 200), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
    drop.ignore();
    QApplication::sendEvent(m_window.get(), &drop);
    QVERIFY(!importer()->isRunning());
    drainWorkers();
    QCOMPARE(totalRecords(), 0);
}

void TestImportExport::exportSpdxThroughDialogReadsBack()
{
    openWorkspace();
    Workspace *ws = m_window->workspace();
    const qint64 model = addRecord(*ws, RecordKind::Model, u"Granite"_s);
    const qint64 dataset = addRecord(*ws, RecordKind::Dataset, u"Stack"_s);
    QVERIFY(ws->link(model, RelationType::TrainedOn, dataset).ok());
    const QString path = m_dir->filePath(u"out"_s);
    m_prompter.fileNames = {path};

    action(u"exportAction"_s)->trigger();
    auto *dialog = m_window->findChild<ExportDialog *>(u"exportDialog"_s);
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->isModal());
    QCOMPARE(dialog->scopeId(), qint64(0));
    dialog->setFormat(ExportFormat::Spdx3);
    QTest::mouseClick(dialog->findChild<QPushButton *>(u"exportOkButton"_s), Qt::LeftButton);

    // No suffix typed: the format's is added.
    const QString written = path + ExportDialog::defaultSuffix(ExportFormat::Spdx3);
    QTRY_VERIFY(!m_window->exportController()->isRunning());
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QVERIFY(QFile::exists(written));
    const Result<ImportDocument> read = DocumentReader::readFile(written);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QCOMPARE(read.value().format, u"spdx3"_s);
    QStringList readNames;
    for (const ImportedRecord &record : read.value().records)
        readNames << record.record.name;
    readNames.sort();
    QStringList stored = names(RecordKind::Dataset) + names(RecordKind::Model);
    stored.sort();
    QCOMPARE(readNames, stored);
    QCOMPARE(read.value().relations.size(), 1);
}

void TestImportExport::exportOfSelectedRecordTakesItsUpstream()
{
    openWorkspace();
    Workspace *ws = m_window->workspace();
    const qint64 model = addRecord(*ws, RecordKind::Model, u"Granite"_s);
    const qint64 dataset = addRecord(*ws, RecordKind::Dataset, u"Stack"_s);
    QVERIFY(addRecord(*ws, RecordKind::Model, u"Unrelated"_s));
    QVERIFY(ws->link(model, RelationType::TrainedOn, dataset).ok());
    m_window->showRecord(model);
    const QString path = m_dir->filePath(u"granite.spdx3.json"_s);
    m_prompter.fileNames = {path};

    ExportDialog *dialog = m_window->exportController()->openDialog(m_window->currentPage()->selectedRecordId());
    QVERIFY(dialog);
    QCOMPARE(dialog->scopeId(), model);
    dialog->setFormat(ExportFormat::Spdx3);
    dialog->accept();

    QTRY_VERIFY(!m_window->exportController()->isRunning());
    const Result<ImportDocument> read = DocumentReader::readFile(path);
    QVERIFY2(read.ok(), read.ok() ? "" : qPrintable(read.error().message));
    QStringList readNames;
    for (const ImportedRecord &record : read.value().records)
        readNames << record.record.name;
    readNames.sort();
    QCOMPARE(readNames, (QStringList{u"Granite"_s, u"Stack"_s}));
}

void TestImportExport::exportCsvWritesOneFilePerKind()
{
    openWorkspace();
    Workspace *ws = m_window->workspace();
    QVERIFY(addRecord(*ws, RecordKind::Model, u"Granite"_s));
    QVERIFY(addRecord(*ws, RecordKind::Supplier, u"IBM"_s));
    m_prompter.fileNames = {m_dir->filePath(u"inventory.csv"_s)};

    m_window->exportController()->start(ExportFormat::Csv, 0);

    QTRY_VERIFY(!m_window->exportController()->isRunning());
    QVERIFY2(m_prompter.errors.isEmpty(), qPrintable(m_prompter.errors.join(u'\n')));
    QStringList files = QDir(m_dir->path()).entryList({u"*.csv"_s}, QDir::Files);
    files.sort();
    QCOMPARE(files, (QStringList{u"inventory-model.csv"_s, u"inventory-supplier.csv"_s}));
    QFile model(m_dir->filePath(u"inventory-model.csv"_s));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QVERIFY(model.readAll().contains("Granite"));

    // Writing again over the tables asks first; No leaves them as they were.
    QVERIFY(addRecord(*ws, RecordKind::Model, u"Second"_s));
    m_prompter.fileNames = {m_dir->filePath(u"inventory.csv"_s)};
    m_prompter.answers = {false};
    m_window->exportController()->start(ExportFormat::Csv, 0);
    QCOMPARE(m_prompter.questions.size(), 1);
    QVERIFY(m_prompter.questions.first().text.contains(u"inventory-model.csv"_s));
    QVERIFY(!m_window->exportController()->isRunning());
    model.seek(0);
    QVERIFY(!model.readAll().contains("Second"));
}

void TestImportExport::csvTablesAreNamedLikeTheCli_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("table");
    QTest::newRow("csv") << u"/tmp/inventory.csv"_s << u"/tmp/inventory-model.csv"_s;
    QTest::newRow("other extension") << u"/tmp/inventory.txt"_s << u"/tmp/inventory-model.txt"_s;
    QTest::newRow("no extension") << u"/tmp/inventory"_s << u"/tmp/inventory-model.csv"_s;
    QTest::newRow("dot in folder") << u"/tmp/v1.2/inventory"_s << u"/tmp/v1.2/inventory-model.csv"_s;
    QTest::newRow("hidden file") << u"/tmp/.inventory"_s << u"/tmp/.inventory-model.csv"_s;
}

void TestImportExport::csvTablesAreNamedLikeTheCli()
{
    QFETCH(QString, path);
    QFETCH(QString, table);
    QCOMPARE(ExportController::csvPath(path, recordKindKey(RecordKind::Model)), table);
}

void TestImportExport::provenanceTabShowsImportAndHandTypedFields()
{
    openWorkspace();
    m_prompter.fileNames = {validSpdx()};
    action(u"importAction"_s)->trigger();
    QTRY_VERIFY(importer()->summaryDialog());

    const qint64 id = m_window->workspace()->resolve(u"Acme Chat"_s).value();
    m_window->showRecord(id);
    RecordEditor *editor = m_window->currentPage()->recordEditor();
    QCOMPARE(editor->recordId(), id);
    auto *tabs = editor->findChild<QTabWidget *>(u"detailTabs"_s);
    auto *panel = editor->findChild<ProvenancePanel *>(u"provenancePanel"_s);
    QVERIFY(panel);
    QCOMPARE(tabs->tabText(tabs->indexOf(panel)), u"Provenance"_s);
    tabs->setCurrentWidget(panel);

    auto *imports = panel->findChild<QTreeWidget *>(u"provenanceImports"_s);
    QVERIFY(imports->isVisible());
    QCOMPARE(imports->topLevelItemCount(), 1);
    const QTreeWidgetItem *source = imports->topLevelItem(0);
    QCOMPARE(source->text(ProvenancePanel::FileColumn), u"valid-ai-bom.json"_s);
    QFile file(validSpdx());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256).toHex());
    QVERIFY(source->toolTip(ProvenancePanel::DigestColumn).contains(sha));
    QVERIFY(sha.startsWith(source->text(ProvenancePanel::DigestColumn).chopped(1)));
    QCOMPARE(source->text(ProvenancePanel::ByColumn), m_window->workspace()->actor());
    QVERIFY(panel->findChild<QLabel *>(u"provenanceExternalIds"_s)->text().contains(u"acme-chat"_s));

    // A value typed in the form is marked as the person's.
    auto *description = editor->findChild<QWidget *>(u"field_description"_s);
    QVERIFY(description);
    const auto *manual = panel->findChild<QLabel *>(u"provenanceManualFields"_s);
    QVERIFY(!manual->text().contains(fields::label(u"description"_s)));
    description->setFocus();
    QTest::keyClicks(description, u"Checked by hand."_s);
    QVERIFY(editor->apply());
    QTRY_VERIFY2(manual->text().contains(fields::label(u"description"_s)), qPrintable(manual->text()));
}

void TestImportExport::provenanceShowsWhatImportsKept()
{
    openWorkspace();
    ImportDocument document;
    document.format = u"cyclonedx"_s;
    document.specVersion = u"1.6"_s;
    document.fileName = u"vendor-bom.json"_s;
    document.sha256 = QString(64, u'a');
    ImportedRecord model;
    model.ref = u"model-1"_s;
    model.record.kind = RecordKind::Model;
    model.record.name = u"Vendor model"_s;
    model.statedFields = {u"name"_s, u"version"_s};
    model.extras.insert(
        u"cyclonedx.modelCard"_s,
        QJsonObject{{u"modelParameters"_s, QJsonObject{{u"task"_s, u"text-generation"_s}}},
                    {u"considerations"_s, QJsonObject{{u"useCases"_s, QJsonArray{u"chat"_s, u"rag"_s}}}}});
    document.records << model;
    const Result<ImportSummary> applied = m_window->workspace()->applyImport(document);
    QVERIFY2(applied.ok(), applied.ok() ? "" : qPrintable(applied.error().message));

    m_window->showRecord(m_window->workspace()->resolve(u"Vendor model"_s).value());
    auto *panel = m_window->currentPage()->findChild<ProvenancePanel *>(u"provenancePanel"_s);
    auto *extras = panel->findChild<QTreeWidget *>(u"provenanceExtras"_s);
    QCOMPARE(extras->topLevelItemCount(), 1);
    QTreeWidgetItem *card = extras->topLevelItem(0);
    QCOMPARE(card->text(0), u"cyclonedx.modelCard"_s);
    QTreeWidgetItem *task = nullptr;
    QTreeWidgetItem *useCases = nullptr;
    for (int i = 0; i < card->childCount(); ++i) {
        QTreeWidgetItem *child = card->child(i);
        if (child->text(0) == u"modelParameters"_s)
            task = child->child(0);
        if (child->text(0) == u"considerations"_s)
            useCases = child->child(0);
    }
    QVERIFY(task && useCases);
    QCOMPARE(task->text(0), u"task"_s);
    QCOMPARE(task->text(1), u"text-generation"_s);
    QCOMPARE(useCases->childCount(), 2);
    QCOMPARE(useCases->child(1)->text(1), u"rag"_s);
    QCOMPARE(
        panel->findChild<QTreeWidget *>(u"provenanceImports"_s)->topLevelItem(0)->text(ProvenancePanel::FormatColumn),
        ImportSummaryDialog::formatLabel(document.format, document.specVersion));
}

QTEST_MAIN(TestImportExport)
#include "TestImportExport.moc"
