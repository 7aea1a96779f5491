// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BenchGraphData.h"

#include "BenchData.h"
#include "BenchSupport.h"
#include "graph/GraphLayout.h"
#include "workspace/Workspace.h"

#include <QHash>

#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata::bench {

namespace {

constexpr int kSuppliers = 1000;
constexpr int kBackgroundPerDescendant = 8; // background records per descendant of the root
constexpr int kQuantizationsPerFineTune = 99;
const QByteArray kTime = "2026-01-01T00:00:00.000Z";

/// Inserts records and relations with two prepared statements; bindings outlive each step.
class Writer
{
public:
    explicit Writer(const RawDb &db)
        : m_record(db,
                   u"INSERT INTO record (id, kind, name, version, license, created_at, updated_at) "
                   "VALUES (?, ?, ?, '', ?, ?, ?)"_s)
        , m_relation(db,
                     u"INSERT INTO relation (from_id, type, to_id, subtype, source, created_at) "
                     "VALUES (?, ?, ?, ?, 'bench', ?)"_s)
    {
    }
    bool isValid() const { return m_record.isValid() && m_relation.isValid(); }

    bool record(qint64 id, const QByteArray &kind, const QByteArray &name)
    {
        m_record.reset();
        m_record.bindInt(1, id);
        m_record.bindStatic(2, kind);
        m_record.bindStatic(3, name);
        m_record.bindStatic(4, m_license);
        m_record.bindStatic(5, kTime);
        m_record.bindStatic(6, kTime);
        return m_record.drain() == 0;
    }
    bool relation(qint64 from, const QByteArray &type, qint64 to, const QByteArray &subtype = {})
    {
        m_relation.reset();
        m_relation.bindInt(1, from);
        m_relation.bindStatic(2, type);
        m_relation.bindInt(3, to);
        m_relation.bindStatic(4, subtype);
        m_relation.bindStatic(5, kTime);
        ++m_relations;
        return m_relation.drain() == 0;
    }
    qint64 relations() const { return m_relations; }

private:
    RawStatement m_record;
    RawStatement m_relation;
    QByteArray m_license = "Apache-2.0";
    qint64 m_relations = 0;
};

} // namespace

bool writeImpactWorkspace(const QString &path, int descendants, ImpactWorkspace &out)
{
    {
        // The schema, migrations and application id, exactly as Strata makes them.
        Result<std::unique_ptr<Workspace>> created = Workspace::open(path);
        if (!created) {
            fail(created.error().message);
            return false;
        }
    }
    RawDb db;
    if (!db.open(path) || !db.exec("BEGIN"))
        return false;
    Writer w(db);
    if (!w.isValid())
        return false;
    Rng rng(kSeed);
    qint64 next = 1;
    bool ok = true;
    const auto name = [](const char *prefix, qint64 id) -> QByteArray { return prefix + QByteArray::number(id); };

    const qint64 firstSupplier = next;
    for (int i = 0; i < kSuppliers; ++i, ++next)
        ok = ok && w.record(next, "supplier", name("vendor-", next));

    // The base model and its impact: fine-tunes under it, quantizations under each fine-tune.
    out.root = next++;
    ok = ok && w.record(out.root, "model", "popular-base") && w.relation(out.root, "provided_by", firstSupplier);
    const int fineTunes = std::max(1, descendants / (kQuantizationsPerFineTune + 1));
    QVector<qint64> tunes;
    for (int i = 0; i < fineTunes; ++i, ++next) {
        tunes << next;
        ok = ok && w.record(next, "model", name("base-tune-", next)) &&
             w.relation(next, "derived_from", out.root, "finetune");
    }
    for (int i = fineTunes; i < descendants; ++i, ++next) {
        ok = ok && w.record(next, "model", name("base-gguf-", next)) &&
             w.relation(next, "derived_from", tunes.at(i % fineTunes), "quantized");
    }

    // Everything else: a forest of derived models that never reaches the base, and datasets they were trained on.
    const qint64 background = qint64(descendants) * kBackgroundPerDescendant;
    const qint64 firstBackground = next;
    for (qint64 i = 0; i < background && ok; ++i, ++next) {
        ok = w.record(next, "model", name("model-", next));
        if (i < kSuppliers)
            ok = ok && w.relation(next, "provided_by", firstSupplier + rng.below(kSuppliers));
        else
            ok = ok && w.relation(next, "derived_from", firstBackground + rng.below(int(i)), "finetune");
    }
    const int datasets = std::max(1, descendants / 10);
    const qint64 firstDataset = next;
    for (int i = 0; i < datasets && ok; ++i, ++next) {
        ok = w.record(next, "dataset", name("data-", next)) &&
             w.relation(next, "provided_by", firstSupplier + rng.below(kSuppliers));
    }
    // One trained_on per background model, until the relations are ten per descendant.
    const qint64 trainedOn = qint64(descendants) * 10 - w.relations();
    for (qint64 i = 0; i < trainedOn && ok; ++i)
        ok = w.relation(firstBackground + i, "trained_on", firstDataset + rng.below(datasets));

    ok = ok && db.exec("COMMIT");
    if (!ok) {
        fail(u"writing the generated workspace failed: %1"_s.arg(db.lastError()));
        return false;
    }
    out.descendants = descendants;
    out.records = next - 1;
    out.relations = w.relations();
    return true;
}

GraphSnapshot impactShapedView(int n, quint32 seed)
{
    Rng rng(seed);
    GraphSnapshot s;
    const auto add = [&s](RecordKind kind, const QString &name) {
        const qint64 id = qint64(s.nodes.size()) + 1;
        GraphNode node;
        node.id = id;
        node.kind = kind;
        node.name = name;
        node.version = u"1.%1"_s.arg(id % 7);
        node.hasLicense = true;
        node.hasDigest = id % 9 != 0;
        s.nodes.append(node);
        return id;
    };
    const QStringList kinds = {u"finetune"_s, u"quantized"_s, u"adapter"_s, u"distilled"_s};
    QVector<qint64> parents{add(RecordKind::Model, u"base-model"_s)};
    const Zipf popularity(std::max(2, n));
    while (s.nodes.size() < n) {
        // Popular models get most of the derivations, as on a model hub.
        const qint64 parent = parents.at(std::min<int>(popularity.draw(rng), int(parents.size()) - 1));
        if (rng.chance(5)) {
            const qint64 app =
                add(rng.chance(50) ? RecordKind::Software : RecordKind::Service, u"app-%1"_s.arg(s.nodes.size() + 1));
            s.edges.append({0, app, parent, RelationType::DependsOn, {}});
            continue;
        }
        const QString kind = kinds.at(rng.below(int(kinds.size())));
        const qint64 model = add(RecordKind::Model, u"%1-%2"_s.arg(kind).arg(s.nodes.size() + 1));
        s.edges.append({0, model, parent, RelationType::DerivedFrom, kind});
        if (rng.chance(3) && parents.size() > 2) {
            const qint64 other = parents.at(rng.below(int(parents.size())));
            if (other != parent)
                s.edges.append({0, model, other, RelationType::DerivedFrom, u"merge"_s});
        }
        if (kind != u"quantized"_s) // quantizations are leaves
            parents << model;
    }
    return s;
}

QByteArray plainDot(const GraphSnapshot &view)
{
    QByteArray dot = "digraph lineage {\n  node [shape=box, fixedsize=true, label=\"\"];\n";
    for (const GraphNode &n : view.nodes) {
        const QSizeF size = GraphLayout::kDefaultNodeSize;
        dot += "  n" + QByteArray::number(n.id) + " [width=" + QByteArray::number(size.width() / 72.0, 'f', 4) +
               ", height=" + QByteArray::number(size.height() / 72.0, 'f', 4) + "];\n";
    }
    for (const GraphEdge &e : view.edges)
        dot += "  n" + QByteArray::number(e.to) + " -> n" + QByteArray::number(e.from) + ";\n";
    return dot + "}\n";
}

} // namespace strata::bench
