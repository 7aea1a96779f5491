// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ModelTestSupport.h"
#include "WorkspaceEditor.h"

#include <QAction>
#include <QSignalSpy>
#include <QTest>
#include <QUndoStack>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::test;

class TestWorkspaceEditor : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();

    void createThenUndoAndRedoKeepsTheId();
    void editThenUndoAndRedo();
    void editWithoutChangesPushesNothing();
    void deleteThenUndoRestoresRelationsAndArtifacts();
    void duplicateThenUndoAndRedo();
    void linkAndUnlinkThenUndoAndRedo();
    void addAndRemoveArtifactThenUndoAndRedo();
    void failedOperationPushesNothing();
    void failedUndoReportsAndLeavesTheHistory();
    void closedWorkspaceIsReported();

private:
    QStringList modelNames() const;
    bool exists(qint64 id) const;

    std::unique_ptr<TempWorkspace> m_temp;
    Workspace *m_ws = nullptr;
    std::unique_ptr<WorkspaceEditor> m_editor;
};

void TestWorkspaceEditor::init()
{
    m_temp = std::make_unique<TempWorkspace>();
    const QByteArray problem = m_temp->open();
    QVERIFY2(problem.isEmpty(), problem.constData());
    m_ws = m_temp->workspace.get();
    m_editor = std::make_unique<WorkspaceEditor>(m_ws);
}

void TestWorkspaceEditor::cleanup()
{
    m_editor.reset();
    m_ws = nullptr;
    m_temp.reset();
}

QStringList TestWorkspaceEditor::modelNames() const
{
    RecordQuery query;
    query.kind = RecordKind::Model;
    auto listed = m_ws->list(query);
    QStringList names;
    if (listed) {
        for (const RecordSummary &summary : listed.value())
            names << summary.name;
    }
    return names;
}

bool TestWorkspaceEditor::exists(qint64 id) const
{
    return m_ws->record(id).ok();
}

void TestWorkspaceEditor::createThenUndoAndRedoKeepsTheId()
{
    QUndoStack *stack = m_editor->undoStack();
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Llama 3.1 8B"_s, u"3.1"_s));
    STRATA_VERIFY_OK(created);
    const qint64 id = created.value();
    QCOMPARE(stack->count(), 1);
    QCOMPARE(stack->undoText(), u"Create Llama 3.1 8B"_s);
    QCOMPARE(modelNames(), QStringList({u"Llama 3.1 8B"_s}));

    stack->undo();
    QVERIFY(!exists(id));
    QCOMPARE(modelNames(), QStringList());
    QVERIFY(stack->canRedo());

    stack->redo();
    auto restored = m_ws->record(id);
    STRATA_VERIFY_OK(restored);
    QCOMPARE(restored.value().name, u"Llama 3.1 8B"_s);
    QCOMPARE(restored.value().version, u"3.1"_s);
    QCOMPARE(stack->count(), 1);
}

void TestWorkspaceEditor::editThenUndoAndRedo()
{
    Record record = makeRecord(RecordKind::Dataset, u"FineWeb"_s);
    record.license = u"ODC-By-1.0"_s;
    auto created = m_editor->createRecord(record);
    STRATA_VERIFY_OK(created);
    auto stored = m_ws->record(created.value());
    STRATA_VERIFY_OK(stored);

    Record edited = stored.value();
    edited.license = u"CC-BY-4.0"_s;
    edited.tags = {u"web"_s, u"english"_s};
    const Status updated = m_editor->updateRecord(edited);
    STRATA_VERIFY_OK(updated);
    QCOMPARE(m_editor->undoStack()->count(), 2);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Edit FineWeb"_s);

    m_editor->undoStack()->undo();
    auto before = m_ws->record(created.value());
    STRATA_VERIFY_OK(before);
    QCOMPARE(before.value().license, u"ODC-By-1.0"_s);
    QVERIFY(before.value().tags.isEmpty());

    m_editor->undoStack()->redo();
    auto after = m_ws->record(created.value());
    STRATA_VERIFY_OK(after);
    QCOMPARE(after.value().license, u"CC-BY-4.0"_s);
    QCOMPARE(after.value().tags.size(), 2);
    QVERIFY(after.value().tags.contains(u"web"_s));
}

void TestWorkspaceEditor::editWithoutChangesPushesNothing()
{
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Phi"_s));
    STRATA_VERIFY_OK(created);
    auto stored = m_ws->record(created.value());
    STRATA_VERIFY_OK(stored);
    const Status updated = m_editor->updateRecord(stored.value());
    STRATA_VERIFY_OK(updated);
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Create Phi"_s);
}

void TestWorkspaceEditor::deleteThenUndoRestoresRelationsAndArtifacts()
{
    const qint64 model = m_ws->createRecord(makeRecord(RecordKind::Model, u"Llama 3.1 8B"_s)).value();
    const qint64 base = m_ws->createRecord(makeRecord(RecordKind::Model, u"Llama 3.1"_s)).value();
    const qint64 data = m_ws->createRecord(makeRecord(RecordKind::Dataset, u"FineWeb"_s)).value();
    auto derived = m_ws->link(model, RelationType::DerivedFrom, base, u"distilled"_s);
    auto trained = m_ws->link(model, RelationType::TrainedOn, data);
    auto weights = m_ws->addArtifact(makeArtifact(model, u"model.safetensors"_s));
    STRATA_VERIFY_OK(derived);
    STRATA_VERIFY_OK(trained);
    STRATA_VERIFY_OK(weights);
    auto original = m_ws->snapshot(model);
    STRATA_VERIFY_OK(original);

    const Status removed = m_editor->removeRecord(model);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Delete Llama 3.1 8B"_s);
    std::unique_ptr<QAction> undoAction(m_editor->undoStack()->createUndoAction(nullptr));
    QCOMPARE(undoAction->text(), u"Undo Delete Llama 3.1 8B"_s);
    QVERIFY(!exists(model));
    QCOMPARE(modelNames(), QStringList({u"Llama 3.1"_s}));

    for (int round = 0; round < 2; ++round) {
        m_editor->undoStack()->undo();
        auto back = m_ws->snapshot(model);
        STRATA_VERIFY_OK(back);
        QCOMPARE(back.value().record.name, u"Llama 3.1 8B"_s);
        QCOMPARE(back.value().relations.size(), original.value().relations.size());
        for (const RelatedRecord &related : original.value().relations) {
            const auto same = std::find_if(
                back.value().relations.cbegin(), back.value().relations.cend(), [&](const RelatedRecord &r) {
                    return r.relation.id == related.relation.id && r.relation.type == related.relation.type &&
                           r.otherId == related.otherId && r.relation.subtype == related.relation.subtype;
                });
            QVERIFY(same != back.value().relations.cend());
        }
        QCOMPARE(back.value().artifacts.size(), 1);
        QCOMPARE(back.value().artifacts.first().id, weights.value().id);
        QCOMPARE(back.value().artifacts.first().digest, weights.value().digest);

        m_editor->undoStack()->redo();
        QVERIFY(!exists(model));
        auto baseSnapshot = m_ws->snapshot(base);
        STRATA_VERIFY_OK(baseSnapshot);
        QVERIFY(baseSnapshot.value().relations.isEmpty());
    }
}

void TestWorkspaceEditor::duplicateThenUndoAndRedo()
{
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Mistral"_s, u"7B"_s));
    STRATA_VERIFY_OK(created);
    auto duplicate = m_editor->duplicateRecord(created.value());
    STRATA_VERIFY_OK(duplicate);
    QVERIFY(duplicate.value() != created.value());
    QCOMPARE(m_editor->undoStack()->undoText(), u"Duplicate Mistral"_s);
    QCOMPARE(modelNames().size(), 2);

    m_editor->undoStack()->undo();
    QVERIFY(!exists(duplicate.value()));
    QCOMPARE(modelNames(), QStringList({u"Mistral"_s}));
    m_editor->undoStack()->redo();
    QVERIFY(exists(duplicate.value()));
    QCOMPARE(modelNames().size(), 2);
}

void TestWorkspaceEditor::linkAndUnlinkThenUndoAndRedo()
{
    auto model = m_editor->createRecord(makeRecord(RecordKind::Model, u"Qwen 2"_s));
    auto supplier = m_editor->createRecord(makeRecord(RecordKind::Supplier, u"Alibaba Cloud"_s));
    STRATA_VERIFY_OK(model);
    STRATA_VERIFY_OK(supplier);
    const auto relationIds = [this](qint64 id) {
        QList<qint64> ids;
        if (auto snapshot = m_ws->snapshot(id)) {
            for (const RelatedRecord &r : snapshot.value().relations)
                ids << r.relation.id;
        }
        return ids;
    };

    auto linked = m_editor->link(model.value(), RelationType::ProvidedBy, supplier.value());
    STRATA_VERIFY_OK(linked);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Link Qwen 2 to Alibaba Cloud"_s);
    QCOMPARE(relationIds(model.value()), QList<qint64>({linked.value().id}));

    m_editor->undoStack()->undo();
    QVERIFY(relationIds(model.value()).isEmpty());
    m_editor->undoStack()->redo();
    QCOMPARE(relationIds(model.value()), QList<qint64>({linked.value().id}));

    const Status unlinked = m_editor->removeRelation(linked.value().id);
    STRATA_VERIFY_OK(unlinked);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Unlink Qwen 2 from Alibaba Cloud"_s);
    QVERIFY(relationIds(supplier.value()).isEmpty());
    m_editor->undoStack()->undo();
    QCOMPARE(relationIds(supplier.value()), QList<qint64>({linked.value().id}));
    m_editor->undoStack()->redo();
    QVERIFY(relationIds(supplier.value()).isEmpty());

    // Walk the whole history back and forth: every step still applies.
    m_editor->undoStack()->setIndex(0);
    QVERIFY(!exists(model.value()));
    QVERIFY(!exists(supplier.value()));
    m_editor->undoStack()->setIndex(m_editor->undoStack()->count());
    QVERIFY(exists(model.value()));
    QVERIFY(relationIds(model.value()).isEmpty());
    QCOMPARE(m_editor->undoStack()->count(), 4);
}

void TestWorkspaceEditor::addAndRemoveArtifactThenUndoAndRedo()
{
    auto model = m_editor->createRecord(makeRecord(RecordKind::Model, u"Gemma"_s));
    STRATA_VERIFY_OK(model);
    const auto files = [this, &model] {
        QStringList names;
        if (auto snapshot = m_ws->snapshot(model.value())) {
            for (const Artifact &a : snapshot.value().artifacts)
                names << a.fileName;
        }
        return names;
    };

    const Artifact weights = makeArtifact(model.value(), u"gemma.gguf"_s);
    auto added = m_editor->addArtifact(weights);
    STRATA_VERIFY_OK(added);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Add file gemma.gguf to Gemma"_s);
    QCOMPARE(files(), QStringList({u"gemma.gguf"_s}));

    m_editor->undoStack()->undo();
    QCOMPARE(files(), QStringList());
    m_editor->undoStack()->redo();
    QCOMPARE(files(), QStringList({u"gemma.gguf"_s}));

    auto current = m_ws->snapshot(model.value());
    STRATA_VERIFY_OK(current);
    const Status removed = m_editor->removeArtifact(current.value().artifacts.first().id);
    STRATA_VERIFY_OK(removed);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Remove file gemma.gguf from Gemma"_s);
    QCOMPARE(files(), QStringList());

    // Undo the removal, then the addition: the second undo must find the file the first one put back.
    m_editor->undoStack()->undo();
    QCOMPARE(files(), QStringList({u"gemma.gguf"_s}));
    auto restored = m_ws->snapshot(model.value());
    STRATA_VERIFY_OK(restored);
    QCOMPARE(restored.value().artifacts.first().digest, weights.digest);
    m_editor->undoStack()->undo();
    QCOMPARE(files(), QStringList());
    m_editor->undoStack()->redo();
    m_editor->undoStack()->redo();
    QCOMPARE(files(), QStringList());
    QCOMPARE(m_editor->undoStack()->count(), 3);
    QCOMPARE(m_editor->undoStack()->index(), 3);
}

void TestWorkspaceEditor::failedOperationPushesNothing()
{
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Llama"_s, u"3"_s));
    STRATA_VERIFY_OK(created);
    auto dataset = m_editor->createRecord(makeRecord(RecordKind::Dataset, u"C4"_s));
    STRATA_VERIFY_OK(dataset);
    QCOMPARE(m_editor->undoStack()->count(), 2);

    auto twin = m_editor->createRecord(makeRecord(RecordKind::Model, u"Llama"_s, u"3"_s));
    QVERIFY(!twin.ok());
    QCOMPARE(twin.error().code, ErrorCode::Conflict);
    QVERIFY(!twin.error().message.isEmpty());

    Record nameless = m_ws->record(created.value()).value();
    nameless.name.clear();
    QVERIFY(!m_editor->updateRecord(nameless).ok());
    QVERIFY(!m_editor->link(dataset.value(), RelationType::TrainedOn, created.value()).ok());
    QVERIFY(!m_editor->removeRecord(created.value() + 1000).ok());
    QVERIFY(!m_editor->removeRelation(4242).ok());
    QVERIFY(!m_editor->addArtifact(makeArtifact(created.value() + 1000, u"x.bin"_s)).ok());
    QVERIFY(!m_editor->removeArtifact(4242).ok());
    QVERIFY(!m_editor->duplicateRecord(created.value() + 1000).ok());

    QCOMPARE(m_editor->undoStack()->count(), 2);
    QCOMPARE(m_editor->undoStack()->undoText(), u"Create C4"_s);
    QCOMPARE(modelNames(), QStringList({u"Llama"_s}));
}

void TestWorkspaceEditor::failedUndoReportsAndLeavesTheHistory()
{
    auto kept = m_editor->createRecord(makeRecord(RecordKind::Model, u"Kept"_s));
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Gone elsewhere"_s));
    STRATA_VERIFY_OK(kept);
    STRATA_VERIFY_OK(created);
    // Someone else (an import, the CLI) deletes the record behind the editor's back.
    auto removed = m_ws->removeRecord(created.value());
    STRATA_VERIFY_OK(removed);

    QSignalSpy errors(m_editor.get(), &WorkspaceEditor::errorOccurred);
    m_editor->undoStack()->undo();
    QCOMPARE(errors.count(), 1);
    const QString message = errors.first().first().toString();
    QVERIFY(message.contains(u"Create Gone elsewhere"_s));
    // The step that no longer applies is gone; the one below it is next.
    QCOMPARE(m_editor->undoStack()->count(), 1);
    QVERIFY(!m_editor->undoStack()->canRedo());
    QCOMPARE(m_editor->undoStack()->undoText(), u"Create Kept"_s);

    m_editor->undoStack()->undo();
    QCOMPARE(errors.count(), 1);
    QVERIFY(!exists(kept.value()));
}

void TestWorkspaceEditor::closedWorkspaceIsReported()
{
    auto created = m_editor->createRecord(makeRecord(RecordKind::Model, u"Phi"_s));
    STRATA_VERIFY_OK(created);
    m_temp->workspace.reset();
    m_ws = nullptr;
    QCOMPARE(m_editor->workspace(), nullptr);

    auto refused = m_editor->createRecord(makeRecord(RecordKind::Model, u"Phi 2"_s));
    QVERIFY(!refused.ok());
    QVERIFY(!refused.error().message.isEmpty());

    QSignalSpy errors(m_editor.get(), &WorkspaceEditor::errorOccurred);
    m_editor->undoStack()->undo();
    QCOMPARE(errors.count(), 1);
    QCOMPARE(m_editor->undoStack()->count(), 0);
}

QTEST_MAIN(TestWorkspaceEditor)
#include "TestWorkspaceEditor.moc"
