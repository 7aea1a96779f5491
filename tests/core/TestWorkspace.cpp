// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Fields.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

Record makeRecord(RecordKind kind, const QString &name, const QString &version = {})
{
    Record r;
    r.kind = kind;
    r.name = name;
    r.version = version;
    return r;
}

QString names(const Result<QList<RecordSummary>> &list)
{
    QStringList out;
    if (list.ok()) {
        for (const RecordSummary &s : list.value())
            out << s.name;
    }
    return out.join(u", "_s);
}

} // namespace

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createReadUpdate();
    void duplicateNameVersionIsRefused();
    void invalidRecordIsNotWritten();
    void removeReturnsSnapshotAndRestoreBringsAllBack();
    void linkRules_data();
    void linkRules();
    void unlinkAndRemoveRelation();
    void artifactsAreValidated_data();
    void artifactsAreValidated();
    void searchCoversEveryIndexedField_data();
    void searchCoversEveryIndexedField();
    void searchFollowsSupplierChanges();
    void searchSeesWhatABatchCommitted();
    void sortOrders();
    void resolveByIdNameAndVersion();
    void duplicateRecordCopiesFieldsAndRelations();
    void batchIsAllOrNothing();
    void signalsOnlyAfterCommit();
    void actorIsRecorded();
    void readOnlyOpenNeverWrites();

private:
    qint64 create(RecordKind kind, const QString &name, const QString &version = {});

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    auto ws = Workspace::open(m_dir->filePath(u"w.strata"_s));
    QVERIFY2(ws.ok(), ws.ok() ? "" : qPrintable(ws.error().message));
    m_ws = std::move(ws).value();
}

void TestWorkspace::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

qint64 TestWorkspace::create(RecordKind kind, const QString &name, const QString &version)
{
    auto id = m_ws->createRecord(makeRecord(kind, name, version));
    if (!id.ok())
        qWarning("create failed: %s", qPrintable(id.error().message));
    return id.ok() ? id.value() : 0;
}

void TestWorkspace::createReadUpdate()
{
    Record r = makeRecord(RecordKind::Model, u"Llama 3.1 8B"_s, u"3.1"_s);
    QVERIFY(fields::setField(r, u"parameter_count"_s, u"8030261248"_s).ok());
    QVERIFY(fields::setField(r, u"format"_s, u"safetensors"_s).ok());
    QVERIFY(fields::setField(r, u"tags"_s, u"base, llama"_s).ok());
    r.notes = u"**Reviewed** by the team."_s;
    auto id = m_ws->createRecord(r);
    QVERIFY2(id.ok(), id.ok() ? "" : qPrintable(id.error().message));

    auto stored = m_ws->record(id.value());
    QVERIFY(stored.ok());
    QCOMPARE(stored.value().name, r.name);
    QCOMPARE(fields::fieldText(stored.value(), u"parameter_count"_s), u"8030261248"_s);
    QCOMPARE(stored.value().tags, (QStringList{u"base"_s, u"llama"_s}));
    QCOMPARE(stored.value().notes, r.notes);
    QVERIFY(stored.value().createdAt.isValid());

    Record edited = stored.value();
    QVERIFY(fields::setField(edited, u"format"_s, u"gguf"_s).ok());
    QVERIFY(m_ws->updateRecord(edited).ok());
    QCOMPARE(fields::fieldText(m_ws->record(id.value()).value(), u"format"_s), u"gguf"_s);
    QCOMPARE(m_ws->record(id.value()).value().createdAt, stored.value().createdAt);

    edited.kind = RecordKind::Dataset;
    QVERIFY(!m_ws->updateRecord(edited).ok());
}

void TestWorkspace::duplicateNameVersionIsRefused()
{
    QVERIFY(create(RecordKind::Model, u"Mistral 7B"_s, u"0.3"_s) > 0);
    auto dup = m_ws->createRecord(makeRecord(RecordKind::Model, u"mistral 7b"_s, u"0.3"_s));
    QVERIFY(!dup.ok());
    QCOMPARE(dup.error().code, ErrorCode::Conflict);
    QVERIFY2(dup.error().message.contains(u"mistral 7b"_s), qPrintable(dup.error().message));
    // Same name in another version, or another kind, is a different record.
    QVERIFY(create(RecordKind::Model, u"Mistral 7B"_s, u"0.2"_s) > 0);
    QVERIFY(create(RecordKind::Dataset, u"Mistral 7B"_s, u"0.3"_s) > 0);
    QCOMPARE(m_ws->list(RecordQuery{}).value().size(), 3);
}

void TestWorkspace::invalidRecordIsNotWritten()
{
    Record r = makeRecord(RecordKind::Model, u"Bad"_s);
    r.sourceUrl = u"not a url"_s;
    auto id = m_ws->createRecord(r);
    QVERIFY(!id.ok());
    QVERIFY(id.error().message.contains(u"source_url"_s));
    QVERIFY(m_ws->list(RecordQuery{}).value().isEmpty());
}

void TestWorkspace::removeReturnsSnapshotAndRestoreBringsAllBack()
{
    const qint64 supplier = create(RecordKind::Supplier, u"Meta"_s);
    const qint64 base = create(RecordKind::Model, u"Base"_s);
    const qint64 tune = create(RecordKind::Model, u"Tune"_s);
    QVERIFY(m_ws->link(base, RelationType::ProvidedBy, supplier).ok());
    QVERIFY(m_ws->link(tune, RelationType::DerivedFrom, base, u"finetune"_s).ok());
    Artifact a;
    a.recordId = base;
    a.fileName = u"model.safetensors"_s;
    a.size = 42;
    a.digest = QString(64, u'a');
    QVERIFY(m_ws->addArtifact(a).ok());
    const RecordSnapshot before = m_ws->snapshot(base).value();
    QCOMPARE(before.relations.size(), 2);

    auto removed = m_ws->removeRecord(base);
    QVERIFY(removed.ok());
    QVERIFY(!m_ws->record(base).ok());
    QVERIFY(m_ws->snapshot(tune).value().relations.isEmpty()); // relations went with it
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Model, u"Meta"_s}).value().isEmpty());

    QVERIFY(m_ws->restoreRecord(removed.value()).ok());
    const RecordSnapshot after = m_ws->snapshot(base).value();
    QCOMPARE(after.record.id, base);
    QCOMPARE(after.relations.size(), 2);
    QCOMPARE(after.relations.at(0).relation.id, before.relations.at(0).relation.id);
    QCOMPARE(after.artifacts.size(), 1);
    QCOMPARE(after.artifacts.at(0).id, before.artifacts.at(0).id);
    // The restored record is found by its supplier's name again.
    QCOMPARE(m_ws->recordIds(RecordQuery{RecordKind::Model, u"Meta"_s}).value(), QVector<qint64>{base});
}

void TestWorkspace::linkRules_data()
{
    QTest::addColumn<QString>("from");
    QTest::addColumn<QString>("type");
    QTest::addColumn<QString>("to");
    QTest::addColumn<QString>("subtype");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("finetune") << u"tune"_s << u"derived_from"_s << u"base"_s << u"finetune"_s << true;
    QTest::newRow("quantized") << u"tune"_s << u"derived_from"_s << u"base"_s << u"quantized"_s << true;
    QTest::newRow("no subtype") << u"tune"_s << u"derived_from"_s << u"base"_s << QString() << true;
    QTest::newRow("bad subtype") << u"tune"_s << u"derived_from"_s << u"base"_s << u"photocopy"_s << false;
    QTest::newRow("subtype on other type") << u"tune"_s << u"trained_on"_s << u"data"_s << u"merge"_s << false;
    QTest::newRow("trained on") << u"tune"_s << u"trained_on"_s << u"data"_s << QString() << true;
    QTest::newRow("trained on reversed") << u"data"_s << u"trained_on"_s << u"tune"_s << QString() << false;
    QTest::newRow("provided by") << u"base"_s << u"provided_by"_s << u"vendor"_s << QString() << true;
    QTest::newRow("provided by non-supplier") << u"base"_s << u"provided_by"_s << u"tune"_s << QString() << false;
    QTest::newRow("self") << u"base"_s << u"depends_on"_s << u"base"_s << QString() << false;
    QTest::newRow("dangling") << u"base"_s << u"depends_on"_s << u"missing"_s << QString() << false;
}

void TestWorkspace::linkRules()
{
    QFETCH(QString, from);
    QFETCH(QString, type);
    QFETCH(QString, to);
    QFETCH(QString, subtype);
    QFETCH(bool, accepted);
    QHash<QString, qint64> ids = {{u"vendor"_s, create(RecordKind::Supplier, u"Vendor"_s)},
                                  {u"base"_s, create(RecordKind::Model, u"Base"_s)},
                                  {u"tune"_s, create(RecordKind::Model, u"Tune"_s)},
                                  {u"data"_s, create(RecordKind::Dataset, u"Data"_s)},
                                  {u"missing"_s, 999999}};
    auto linked = m_ws->link(ids.value(from), *relationTypeFromKey(type), ids.value(to), subtype);
    QCOMPARE(linked.ok(), accepted);
    const RecordSnapshot snap = m_ws->snapshot(ids.value(from)).value();
    QCOMPARE(snap.relations.size(), accepted ? 1 : 0);
    if (accepted) {
        QCOMPARE(snap.relations.at(0).otherId, ids.value(to));
        QCOMPARE(snap.relations.at(0).relation.subtype, subtype);
        // The same relation twice is a conflict, not a second edge.
        QCOMPARE(m_ws->link(ids.value(from), *relationTypeFromKey(type), ids.value(to), subtype).error().code,
                 ErrorCode::Conflict);
    } else {
        QVERIFY(!linked.error().message.isEmpty());
    }
}

void TestWorkspace::unlinkAndRemoveRelation()
{
    const qint64 a = create(RecordKind::Software, u"a"_s);
    const qint64 b = create(RecordKind::Software, u"b"_s);
    QVERIFY(m_ws->link(a, RelationType::DependsOn, b).ok());
    QVERIFY(!m_ws->unlink(b, RelationType::DependsOn, a).ok()); // direction matters
    auto removed = m_ws->unlink(a, RelationType::DependsOn, b);
    QVERIFY(removed.ok());
    QVERIFY(m_ws->snapshot(a).value().relations.isEmpty());
    QVERIFY(m_ws->restoreRelation(removed.value()).ok());
    QCOMPARE(m_ws->snapshot(b).value().relations.at(0).relation.id, removed.value().id);
    QVERIFY(!m_ws->snapshot(b).value().relations.at(0).outgoing);
    QVERIFY(m_ws->removeRelation(removed.value().id).ok());
    QVERIFY(!m_ws->removeRelation(removed.value().id).ok());
}

void TestWorkspace::artifactsAreValidated_data()
{
    QTest::addColumn<QString>("owner");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("digest");
    QTest::addColumn<bool>("accepted");
    const QString good = u"E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"_s;
    QTest::newRow("sha256 upper case") << u"model"_s << u"sha256"_s << good << true;
    QTest::newRow("short") << u"model"_s << u"sha256"_s << good.left(63) << false;
    QTest::newRow("not hex") << u"model"_s << u"sha256"_s << QString(good).replace(0, 1, u'g') << false;
    QTest::newRow("sha512 length") << u"dataset"_s << u"sha512"_s << QString(128, u'0') << true;
    QTest::newRow("unknown algorithm") << u"model"_s << u"crc32"_s << QString(8, u'0') << false;
    QTest::newRow("supplier") << u"supplier"_s << u"sha256"_s << good << false;
}

void TestWorkspace::artifactsAreValidated()
{
    QFETCH(QString, owner);
    QFETCH(QString, algorithm);
    QFETCH(QString, digest);
    QFETCH(bool, accepted);
    const qint64 id = create(*recordKindFromKey(owner), u"Owner"_s);
    Artifact a;
    a.recordId = id;
    a.fileName = u"weights.bin"_s;
    a.algorithm = algorithm;
    a.digest = digest;
    auto added = m_ws->addArtifact(a);
    QCOMPARE(added.ok(), accepted);
    const QList<Artifact> stored = m_ws->snapshot(id).value().artifacts;
    QCOMPARE(stored.size(), accepted ? 1 : 0);
    if (accepted)
        QCOMPARE(stored.at(0).digest, digest.toLower());
}

void TestWorkspace::searchCoversEveryIndexedField_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("typed");
    QTest::newRow("name prefix") << u"name"_s << u"Quokka Reasoner"_s << u"quok"_s;
    QTest::newRow("second word") << u"name"_s << u"Quokka Reasoner"_s << u"reas"_s;
    QTest::newRow("two prefixes") << u"name"_s << u"Quokka Reasoner"_s << u"qu re"_s;
    QTest::newRow("description") << u"description"_s << u"Distilled from a larger teacher"_s << u"teach"_s;
    QTest::newRow("tag") << u"tags"_s << u"production, embargoed"_s << u"embarg"_s;
    QTest::newRow("notes") << u"notes"_s << u"Legal sign-off pending"_s << u"pend"_s;
    QTest::newRow("license") << u"license"_s << u"CC-BY-NC-4.0"_s << u"cc by nc"_s;
    QTest::newRow("diacritics") << u"name"_s << u"Modèle Élan"_s << u"elan"_s;
    QTest::newRow("chinese") << u"name"_s << u"通义千问"_s << u"通义"_s;
}

void TestWorkspace::searchCoversEveryIndexedField()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, typed);
    Record r = makeRecord(RecordKind::Model, u"Plain"_s);
    if (field != u"name"_s)
        QVERIFY(fields::setField(r, u"name"_s, u"Target"_s).ok());
    QVERIFY(fields::setField(r, field, value).ok());
    const qint64 target = m_ws->createRecord(r).value();
    create(RecordKind::Model, u"Other model"_s);
    create(RecordKind::Dataset, value.left(3) == u"Quo"_s ? u"Quokka data"_s : u"Unrelated"_s);

    auto hits = m_ws->recordIds(RecordQuery{RecordKind::Model, typed});
    QVERIFY(hits.ok());
    QCOMPARE(hits.value(), QVector<qint64>{target});
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Model, u"zzzz"_s}).value().isEmpty());
}

void TestWorkspace::searchFollowsSupplierChanges()
{
    const qint64 supplier = create(RecordKind::Supplier, u"Zephyr Labs"_s);
    const qint64 model = create(RecordKind::Model, u"Breeze"_s);
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Model, u"zeph"_s}).value().isEmpty());
    QVERIFY(m_ws->link(model, RelationType::ProvidedBy, supplier).ok());
    QCOMPARE(m_ws->recordIds(RecordQuery{RecordKind::Model, u"zeph"_s}).value(), QVector<qint64>{model});
    QCOMPARE(m_ws->list(RecordQuery{RecordKind::Model}).value().at(0).suppliers, u"Zephyr Labs"_s);

    Record renamed = m_ws->record(supplier).value();
    renamed.name = u"Mistral Works"_s;
    QVERIFY(m_ws->updateRecord(renamed).ok());
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Model, u"zeph"_s}).value().isEmpty());
    QCOMPARE(m_ws->recordIds(RecordQuery{RecordKind::Model, u"mistral wo"_s}).value(), QVector<qint64>{model});

    QVERIFY(m_ws->unlink(model, RelationType::ProvidedBy, supplier).ok());
    QVERIFY(m_ws->recordIds(RecordQuery{RecordKind::Model, u"mistral"_s}).value().isEmpty());
}

void TestWorkspace::searchSeesWhatABatchCommitted()
{
    const auto hits = [this](const QString &text) {
        return m_ws->recordIds(RecordQuery{RecordKind::Model, text}).value();
    };
    qint64 kept = 0;
    qint64 edited = 0;
    QVERIFY(m_ws->batch([&]() -> Status {
                    const qint64 supplier = create(RecordKind::Supplier, u"Quokka Systems"_s);
                    kept = create(RecordKind::Model, u"Wallaby"_s);
                    edited = create(RecordKind::Model, u"Dingo"_s);
                    const qint64 dropped = create(RecordKind::Model, u"Platypus"_s);
                    if (Result<Relation> r = m_ws->link(kept, RelationType::ProvidedBy, supplier); !r)
                        return r.error();
                    Record changed = m_ws->record(edited).value();
                    changed.description = u"Marsupial chatbot"_s;
                    if (Status s = m_ws->updateRecord(changed); !s)
                        return s;
                    if (Result<RecordSnapshot> removed = m_ws->removeRecord(dropped); !removed)
                        return removed.error();
                    return Ok{};
                })
                .ok());
    QCOMPARE(hits(u"quokka"_s), QVector<qint64>{kept});
    QCOMPARE(hits(u"wallaby"_s), QVector<qint64>{kept});
    QCOMPARE(hits(u"marsupial"_s), QVector<qint64>{edited});
    QVERIFY(hits(u"platypus"_s).isEmpty());

    // A batch that fails leaves no search rows behind, and the next one indexes normally.
    const Status failed = m_ws->batch([&]() -> Status {
        create(RecordKind::Model, u"Numbat"_s);
        return Error{ErrorCode::InvalidInput, u"stop"_s};
    });
    QVERIFY(!failed.ok());
    QVERIFY(hits(u"numbat"_s).isEmpty());
    const qint64 later = create(RecordKind::Model, u"Numbat"_s);
    QCOMPARE(hits(u"numbat"_s), QVector<qint64>{later});

    // Undo of a delete puts the record back in the index.
    Result<RecordSnapshot> removed = m_ws->removeRecord(kept);
    QVERIFY(removed.ok());
    QVERIFY(hits(u"quokka"_s).isEmpty());
    QVERIFY(m_ws->restoreRecord(removed.value()).ok());
    QCOMPARE(hits(u"quokka"_s), QVector<qint64>{kept});
}

void TestWorkspace::sortOrders()
{
    create(RecordKind::Model, u"beta"_s, u"2"_s);
    create(RecordKind::Model, u"Alpha"_s, u"3"_s);
    create(RecordKind::Model, u"gamma"_s, u"1"_s);
    RecordQuery q{RecordKind::Model};
    QCOMPARE(names(m_ws->list(q)), u"Alpha, beta, gamma"_s); // case-insensitive
    q.descending = true;
    QCOMPARE(names(m_ws->list(q)), u"gamma, beta, Alpha"_s);
    q.sortKey = RecordQuery::SortKey::Version;
    q.descending = false;
    QCOMPARE(names(m_ws->list(q)), u"gamma, beta, Alpha"_s);
    q.limit = 1;
    QCOMPARE(names(m_ws->list(q)), u"gamma"_s);
}

void TestWorkspace::resolveByIdNameAndVersion()
{
    const qint64 v1 = create(RecordKind::Model, u"Phi"_s, u"1"_s);
    const qint64 v2 = create(RecordKind::Model, u"Phi"_s, u"2"_s);
    const qint64 unique = create(RecordKind::Dataset, u"Unique Set"_s);
    QCOMPARE(m_ws->resolve(QString::number(v2)).value(), v2);
    QCOMPARE(m_ws->resolve(u"unique set"_s).value(), unique);
    QCOMPARE(m_ws->resolve(u"Phi@1"_s).value(), v1);
    auto ambiguous = m_ws->resolve(u"Phi"_s);
    QVERIFY(!ambiguous.ok());
    QVERIFY(ambiguous.error().message.contains(QString::number(v1)));
    QCOMPARE(m_ws->resolve(u"Nope"_s).error().code, ErrorCode::NotFound);
    QCOMPARE(m_ws->resolve(u"424242"_s).error().code, ErrorCode::NotFound);
    QVERIFY(!m_ws->resolve(QString::number(unique), RecordKind::Supplier).ok());
}

void TestWorkspace::duplicateRecordCopiesFieldsAndRelations()
{
    const qint64 supplier = create(RecordKind::Supplier, u"Vendor"_s);
    Record r = makeRecord(RecordKind::Model, u"Original"_s, u"1"_s);
    QVERIFY(fields::setField(r, u"format"_s, u"onnx"_s).ok());
    const qint64 id = m_ws->createRecord(r).value();
    QVERIFY(m_ws->link(id, RelationType::ProvidedBy, supplier).ok());
    auto copy = m_ws->duplicateRecord(id);
    QVERIFY(copy.ok());
    auto again = m_ws->duplicateRecord(id);
    QVERIFY(again.ok());
    const RecordSnapshot snap = m_ws->snapshot(copy.value()).value();
    QVERIFY(snap.record.name.startsWith(u"Original"_s));
    QVERIFY(snap.record.name != m_ws->record(again.value()).value().name);
    QCOMPARE(fields::fieldText(snap.record, u"format"_s), u"onnx"_s);
    QCOMPARE(snap.relations.size(), 1);
    QCOMPARE(snap.relations.at(0).otherId, supplier);
}

void TestWorkspace::batchIsAllOrNothing()
{
    const qint64 kept = create(RecordKind::Model, u"Kept"_s);
    const Status s = m_ws->batch([&]() -> Status {
        auto a = m_ws->createRecord(makeRecord(RecordKind::Model, u"Added in batch"_s));
        if (!a)
            return a.error();
        if (auto l = m_ws->link(a.value(), RelationType::DerivedFrom, kept); !l)
            return l.error();
        return m_ws->link(a.value(), RelationType::TrainedOn, kept).ok()
                   ? Status(Ok{})
                   : Status(Error{ErrorCode::InvalidInput, u"model is not a dataset"_s});
    });
    QVERIFY(!s.ok());
    QCOMPARE(names(m_ws->list(RecordQuery{})), u"Kept"_s);
    QVERIFY(m_ws->snapshot(kept).value().relations.isEmpty());
}

void TestWorkspace::signalsOnlyAfterCommit()
{
    QSignalSpy kinds(m_ws.get(), &Workspace::recordsChanged);
    QSignalSpy records(m_ws.get(), &Workspace::recordChanged);
    const Status failed = m_ws->batch([&]() -> Status {
        (void)m_ws->createRecord(makeRecord(RecordKind::Model, u"Ghost"_s));
        return Error{ErrorCode::Cancelled, u"cancelled"_s};
    });
    QVERIFY(!failed.ok());
    QCOMPARE(kinds.count(), 0);
    const qint64 a = create(RecordKind::Model, u"Real"_s);
    QCOMPARE(kinds.count(), 1);
    QCOMPARE(kinds.at(0).at(0).value<RecordKind>(), RecordKind::Model);
    const qint64 b = create(RecordKind::Dataset, u"Data"_s);
    records.clear();
    QVERIFY(m_ws->link(a, RelationType::TrainedOn, b).ok());
    QCOMPARE(records.count(), 2);
}

void TestWorkspace::actorIsRecorded()
{
    m_ws->setActor(u"alice"_s);
    const qint64 id = create(RecordKind::Model, u"Signed"_s);
    QCOMPARE(m_ws->record(id).value().createdBy, u"alice"_s);
    m_ws->setActor(u"bob"_s);
    Record r = m_ws->record(id).value();
    r.description = u"changed"_s;
    QVERIFY(m_ws->updateRecord(r).ok());
    QCOMPARE(m_ws->record(id).value().createdBy, u"alice"_s);
    QCOMPARE(m_ws->record(id).value().updatedBy, u"bob"_s);
}

void TestWorkspace::readOnlyOpenNeverWrites()
{
    const qint64 id = create(RecordKind::Model, u"Llama"_s, u"3"_s);
    const QString path = m_ws->path();
    m_ws.reset();
    auto opened = Workspace::open(path, Database::OpenMode::ReadOnly);
    QVERIFY2(opened.ok(), opened.ok() ? "" : qPrintable(opened.error().message));
    std::unique_ptr<Workspace> ws = std::move(opened).value();
    QVERIFY(ws->isReadOnly());
    QVERIFY(!ws->readOnlyReason().isEmpty());
    QCOMPARE(ws->record(id).value().name, u"Llama"_s); // reads work
    Record other;
    other.kind = RecordKind::Dataset;
    other.name = u"Corpus"_s;
    const Result<qint64> refused = ws->createRecord(other);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().code, ErrorCode::ReadOnly);
    ws.reset();
    // A missing file is not created.
    const QString missing = m_dir->filePath(u"missing.strata"_s);
    QCOMPARE(Workspace::open(missing, Database::OpenMode::ReadOnly).error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(missing));
    // An older schema would need a migration, which is a write: refused, and the file keeps its version.
    const QString old = m_dir->filePath(u"old.strata"_s);
    QVERIFY(Database::open(old, Database::OpenMode::CreateIfMissing, 8).ok());
    const Result<std::unique_ptr<Workspace>> older = Workspace::open(old, Database::OpenMode::ReadOnly);
    QVERIFY(!older.ok());
    QVERIFY2(older.error().message.contains(u"older schema"_s), qPrintable(older.error().message));
    QCOMPARE(Database::open(old, Database::OpenMode::CreateIfMissing, 8).value()->schemaVersion(), 8);
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "TestWorkspace.moc"
