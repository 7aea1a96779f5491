// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "AddArtifactDialog.h"
#include "AddRelationDialog.h"
#include "ArtifactsPanel.h"
#include "RecordEditor.h"
#include "RelationsPanel.h"
#include "ScriptedPrompter.h"
#include "UiTestSupport.h"
#include "WorkspaceEditor.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableView>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

Q_DECLARE_METATYPE(strata::RecordKind)

class TestRecordEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();

    void formFollowsFieldCatalog_data();
    void formFollowsFieldCatalog();
    void invalidFieldShowsItsMessage_data();
    void invalidFieldShowsItsMessage();
    void clearedNameIsRefused();
    void revertPutsStoredValuesBack();
    void ctrlReturnApplies();
    void choiceAndTagsRoundTrip();
    void placeholderBannerAndVerify();
    void addRelationThroughDialog();
    void removeRelationAsksFirst();
    void artifactDialogChecksDigest();
    void artifactsOnlyForModelsAndDatasets();

private:
    RecordEditor *makeEditor(RecordKind kind);
    template<typename T>
    T *find(const QString &name) const
    {
        return m_recordEditor->findChild<T *>(name);
    }

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_workspace = nullptr;
    std::unique_ptr<WorkspaceEditor> m_editor;
    ScriptedPrompter m_prompter;
    std::unique_ptr<RecordEditor> m_recordEditor;
};

void TestRecordEditor::initTestCase()
{
    isolateSettings();
}

void TestRecordEditor::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_workspace = m_temp->workspace.get();
    m_editor = std::make_unique<WorkspaceEditor>(m_workspace);
    m_prompter = ScriptedPrompter();
}

void TestRecordEditor::cleanup()
{
    m_recordEditor.reset();
    m_editor.reset();
    m_temp.reset();
}

RecordEditor *TestRecordEditor::makeEditor(RecordKind kind)
{
    m_recordEditor = std::make_unique<RecordEditor>(m_workspace, m_editor.get(), kind, &m_prompter);
    m_recordEditor->resize(600, 900);
    m_recordEditor->show();
    return m_recordEditor.get();
}

void TestRecordEditor::formFollowsFieldCatalog_data()
{
    QTest::addColumn<RecordKind>("kind");
    for (RecordKind kind : allRecordKinds())
        QTest::newRow(qPrintable(recordKindKey(kind))) << kind;
}

void TestRecordEditor::formFollowsFieldCatalog()
{
    QFETCH(RecordKind, kind);
    makeEditor(kind)->startNew();
    for (const FieldSpec &spec : fields::allFields(kind)) {
        QWidget *input = find<QWidget>(u"field_"_s + spec.key);
        QVERIFY2(input, qPrintable(spec.key));
        QVERIFY2(!input->accessibleName().isEmpty(), qPrintable(spec.key));
        QVERIFY2(find<QLabel>(u"fieldError_"_s + spec.key), qPrintable(spec.key));
        switch (spec.type) {
        case FieldType::Choice: {
            auto *combo = qobject_cast<QComboBox *>(input);
            QVERIFY2(combo, qPrintable(spec.key));
            QCOMPARE(combo->count(), spec.choices.size() + 1);
            QCOMPARE(combo->itemText(1), fields::choiceLabel(spec.key, spec.choices.first()));
            break;
        }
        case FieldType::LongText:
            QVERIFY2(qobject_cast<QPlainTextEdit *>(input), qPrintable(spec.key));
            break;
        default:
            QVERIFY2(qobject_cast<QLineEdit *>(input), qPrintable(spec.key));
        }
    }
}

void TestRecordEditor::invalidFieldShowsItsMessage_data()
{
    QTest::addColumn<RecordKind>("kind");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("text");
    QTest::newRow("date") << RecordKind::Model << u"training_cutoff"_s << u"2024-13-45"_s;
    QTest::newRow("integer out of range") << RecordKind::Supplier << u"criticality_tier"_s << u"9"_s;
    QTest::newRow("license") << RecordKind::Software << u"license"_s << u"MIT OR"_s;
    QTest::newRow("package url") << RecordKind::Software << u"purl"_s << u"vllm"_s;
    QTest::newRow("certifications") << RecordKind::Supplier << u"certifications"_s << u"ISO 27001 by BSI"_s;
}

void TestRecordEditor::invalidFieldShowsItsMessage()
{
    QFETCH(RecordKind, kind);
    QFETCH(QString, key);
    QFETCH(QString, text);
    const qint64 id = addRecord(*m_workspace, kind, u"Subject"_s);
    makeEditor(kind)->setRecord(id);

    QTest::keyClicks(find<QLineEdit>(u"field_"_s + key), text);

    auto *error = find<QLabel>(u"fieldError_"_s + key);
    QVERIFY(error->isVisible());
    Record probe;
    probe.kind = kind;
    const Status expected = fields::setField(probe, key, text);
    QVERIFY(!expected.ok());
    QCOMPARE(error->text(), expected.error().message);
    QVERIFY(!find<QPushButton>(u"applyButton"_s)->isEnabled());
    QVERIFY(!m_recordEditor->isValid());
    // Other fields stay quiet.
    QVERIFY(!find<QLabel>(u"fieldError_name"_s)->isVisible());
}

void TestRecordEditor::clearedNameIsRefused()
{
    const qint64 id = addRecord(*m_workspace, RecordKind::Service, u"Bedrock"_s);
    makeEditor(RecordKind::Service)->setRecord(id);

    find<QLineEdit>(u"field_name"_s)->clear();

    auto *error = find<QLabel>(u"fieldError_name"_s);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(fields::label(u"name"_s)), qPrintable(error->text()));
    QVERIFY(!find<QPushButton>(u"applyButton"_s)->isEnabled());
    QVERIFY(!m_recordEditor->apply());
    QCOMPARE(m_workspace->record(id).value().name, u"Bedrock"_s);
}

void TestRecordEditor::revertPutsStoredValuesBack()
{
    const qint64 id = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s, {{u"architecture"_s, u"llama"_s}});
    makeEditor(RecordKind::Model)->setRecord(id);
    auto *architecture = find<QLineEdit>(u"field_architecture"_s);
    auto *revert = find<QPushButton>(u"revertButton"_s);
    QVERIFY(!revert->isEnabled());
    QTest::keyClicks(architecture, u"-moe"_s);
    QVERIFY(m_recordEditor->isModified());
    QVERIFY(revert->isEnabled());

    QTest::mouseClick(revert, Qt::LeftButton);

    QCOMPARE(architecture->text(), u"llama"_s);
    QVERIFY(!m_recordEditor->isModified());
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

void TestRecordEditor::ctrlReturnApplies()
{
    const qint64 id = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    makeEditor(RecordKind::Model)->setRecord(id);
    QApplication::setActiveWindow(m_recordEditor.get());
    QVERIFY(QTest::qWaitForWindowActive(m_recordEditor.get()));
    auto *parameters = find<QLineEdit>(u"field_parameter_count"_s);
    parameters->setFocus();
    QTest::keyClicks(parameters, u"8030000000"_s);

    QTest::keyClick(parameters, Qt::Key_Return, Qt::ControlModifier);

    QCOMPARE(m_workspace->record(id).value().attributes.value(u"parameter_count"_s).toLongLong(), 8030000000LL);
    QVERIFY(!m_recordEditor->isModified());
}

void TestRecordEditor::choiceAndTagsRoundTrip()
{
    const qint64 id = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    makeEditor(RecordKind::Model)->setRecord(id);
    auto *format = find<QComboBox>(u"field_format"_s);
    format->setCurrentIndex(format->findData(u"gguf"_s));
    QTest::keyClicks(find<QLineEdit>(u"field_tags"_s), u"llm, base, llm"_s);
    QVERIFY(m_recordEditor->apply());

    const Record stored = m_workspace->record(id).value();
    QCOMPARE(stored.attributes.value(u"format"_s).toString(), u"gguf"_s);
    QCOMPARE(stored.tags, (QStringList{u"base"_s, u"llm"_s}));
    QCOMPARE(format->currentText(), fields::choiceLabel(u"format"_s, u"gguf"_s));
    QCOMPARE(find<QLineEdit>(u"field_tags"_s)->text(), u"base, llm"_s);
}

void TestRecordEditor::placeholderBannerAndVerify()
{
    Record record;
    record.kind = RecordKind::Dataset;
    record.name = u"Unknown crawl"_s;
    record.placeholder = true;
    const qint64 id = m_workspace->createRecord(record).value();
    makeEditor(RecordKind::Dataset)->setRecord(id);
    QVERIFY(find<QWidget>(u"placeholderBanner"_s)->isVisible());

    QTest::mouseClick(find<QPushButton>(u"verifyButton"_s), Qt::LeftButton);

    QVERIFY(!m_workspace->record(id).value().placeholder);
    QVERIFY(!find<QWidget>(u"placeholderBanner"_s)->isVisible());
    m_editor->undoStack()->undo();
    QVERIFY(m_workspace->record(id).value().placeholder);
    QVERIFY(find<QWidget>(u"placeholderBanner"_s)->isVisible());
}

void TestRecordEditor::addRelationThroughDialog()
{
    const qint64 base = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    const qint64 tuned = addRecord(*m_workspace, RecordKind::Model, u"Llama Guard"_s);
    QVERIFY(addRecord(*m_workspace, RecordKind::Dataset, u"Llama data"_s));
    makeEditor(RecordKind::Model)->setRecord(tuned);

    QTest::mouseClick(find<QPushButton>(u"addRelationButton"_s), Qt::LeftButton);
    auto *dialog = m_recordEditor->findChild<AddRelationDialog *>();
    QVERIFY(dialog);
    QVERIFY(dialog->isVisible());
    dialog->setRelationType(RelationType::DerivedFrom);
    auto *subtype = dialog->findChild<QComboBox *>(u"subtypeCombo"_s);
    QVERIFY(subtype->isEnabled());
    subtype->setCurrentIndex(subtype->findData(u"quantized"_s));
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"targetSearchEdit"_s), u"llama"_s);
    // A model derives from models only, and never from itself.
    QCOMPARE(dialog->findChild<QListWidget *>(u"targetList"_s)->count(), 1);
    QCOMPARE(dialog->targetId(), base);
    dialog->setRelationType(RelationType::TrainedOn);
    QVERIFY(!subtype->isEnabled());
    dialog->setRelationType(RelationType::DerivedFrom);
    QVERIFY(dialog->selectTarget(base));
    dialog->accept();

    const RecordSnapshot snapshot = m_workspace->snapshot(tuned).value();
    QCOMPARE(snapshot.relations.size(), 1);
    QCOMPARE(snapshot.relations.first().relation.type, RelationType::DerivedFrom);
    QCOMPARE(snapshot.relations.first().relation.subtype, u"quantized"_s);
    QCOMPARE(snapshot.relations.first().otherId, base);
    QTRY_COMPARE(find<QTableView>(u"relationView"_s)->model()->rowCount(), 1);
    m_editor->undoStack()->undo();
    QVERIFY(m_workspace->snapshot(tuned).value().relations.isEmpty());
}

void TestRecordEditor::removeRelationAsksFirst()
{
    const qint64 base = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    const qint64 tuned = addRecord(*m_workspace, RecordKind::Model, u"Llama Guard"_s);
    QVERIFY(m_workspace->link(tuned, RelationType::DerivedFrom, base).ok());
    makeEditor(RecordKind::Model)->setRecord(tuned);
    auto *view = find<QTableView>(u"relationView"_s);
    QCOMPARE(view->model()->rowCount(), 1);
    view->selectRow(0);

    m_prompter.answers = {false, true};
    QTest::mouseClick(find<QPushButton>(u"removeRelationButton"_s), Qt::LeftButton);
    QCOMPARE(m_workspace->snapshot(tuned).value().relations.size(), 1);
    QTest::mouseClick(find<QPushButton>(u"removeRelationButton"_s), Qt::LeftButton);

    QCOMPARE(m_prompter.questions.size(), 2);
    QVERIFY2(m_prompter.questions.last().text.contains(u"Llama 3.1 8B"_s),
             qPrintable(m_prompter.questions.last().text));
    QVERIFY(m_workspace->snapshot(tuned).value().relations.isEmpty());
    QTRY_COMPARE(view->model()->rowCount(), 0);
}

void TestRecordEditor::artifactDialogChecksDigest()
{
    const qint64 id = addRecord(*m_workspace, RecordKind::Model, u"Llama 3.1 8B"_s);
    makeEditor(RecordKind::Model)->setRecord(id);
    QTest::mouseClick(find<QPushButton>(u"addArtifactButton"_s), Qt::LeftButton);
    auto *dialog = m_recordEditor->findChild<AddArtifactDialog *>();
    QVERIFY(dialog);
    auto *ok = dialog->findChild<QPushButton *>(u"addArtifactOkButton"_s);
    auto *error = dialog->findChild<QLabel *>(u"artifactError"_s);

    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"artifactFileNameEdit"_s), u"model.safetensors"_s);
    QTest::keyClicks(dialog->findChild<QLineEdit *>(u"artifactSizeEdit"_s), u"4096"_s);
    auto *digest = dialog->findChild<QLineEdit *>(u"artifactDigestEdit"_s);
    QTest::keyClicks(digest, u"abc123"_s);
    QVERIFY(!ok->isEnabled());
    QVERIFY2(error->isVisible() && error->text().contains(u"64"_s), qPrintable(error->text()));
    digest->setText(QString(63, u'a') + u'g');
    QVERIFY(!ok->isEnabled());
    const QString hex = u"BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD"_s;
    digest->setText(hex);
    QVERIFY(ok->isEnabled());
    QVERIFY(!error->isVisible());
    QTest::mouseClick(ok, Qt::LeftButton);

    const QList<Artifact> artifacts = m_workspace->snapshot(id).value().artifacts;
    QCOMPARE(artifacts.size(), 1);
    QCOMPARE(artifacts.first().fileName, u"model.safetensors"_s);
    QCOMPARE(artifacts.first().size, 4096);
    QCOMPARE(artifacts.first().digest, hex.toLower());
    QTRY_COMPARE(find<QTableView>(u"artifactView"_s)->model()->rowCount(), 1);
}

void TestRecordEditor::artifactsOnlyForModelsAndDatasets()
{
    for (RecordKind kind : allRecordKinds()) {
        makeEditor(kind);
        const bool expected = kind == RecordKind::Model || kind == RecordKind::Dataset;
        QCOMPARE(m_recordEditor->findChild<ArtifactsPanel *>() != nullptr, expected);
        QVERIFY(m_recordEditor->findChild<RelationsPanel *>());
    }
}

QTEST_MAIN(TestRecordEditor)
#include "TestRecordEditor.moc"
