// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/CycloneDxChecks.h"
#include "interop/ImportDocument.h"
#include "interop/ImportLimits.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QSet>

#include <map>
#include <vector>

namespace strata::cyclonedx {

class ComponentView;
struct MappedFields;

/// Turns the JSON of a CycloneDX BOM whose tree checkTree() accepted into records and relations: walks nested
/// components with an explicit stack, validates each one, maps suppliers, files, datasets and pedigree, and
/// resolves references once every element is known.
class ComponentMapper
{
public:
    /// What becomes of a record once nothing in the document can change it any more (everything a top-level
    /// component or service made, once it is walked; a supplier, which a later component may give a website,
    /// only at the end).
    enum class Mode {
        Whole,    ///< kept: finish() hands over every record
        Validate, ///< dropped, keeping its ref and kind: finish() hands over no record, takeOpenRecords() the rest
        Replay    ///< handed to the sink (a supplier as `finalSuppliers` holds it); relations are not kept
    };

    /// A relation between document references (bom-refs or synthesised refs), resolved in finish().
    struct Pending
    {
        QString from;
        RelationType type = RelationType::DependsOn;
        QString to;
        QString subtype;
        QString location;
    };

    /// `documentKey` (the serial number, or a digest of the file) keeps the refs made up for components
    /// without a bom-ref from meeting those of another document.
    ComponentMapper(const QString &fileName,
                    const ImportLimits &limits,
                    const BomRefs &refs,
                    const QString &documentKey,
                    Mode mode = Mode::Whole);
    /// For Mode::Replay: where the records go, and the suppliers as the first pass finished them (by index).
    void setSink(const ImportRecordStream::Sink *sink, const std::map<int, ImportedRecord> *finalSuppliers)
    {
        m_sink = sink;
        m_finalSuppliers = finalSuppliers;
    }

    /// The suppliers a Strata export lists as "strata:supplier:<id>:<field>" BOM properties.
    Status readStrataSuppliers(const QJsonArray &properties);
    /// metadata.component, components[] and metadata.tools.components (validated, not imported), at any depth;
    /// the top-level components are parsed one at a time and dropped once mapped.
    Status readComponents(const BomElements &bom);
    Status readServices(const BomElements &bom);
    void addPending(Pending pending);
    /// Hands over (Replay) or drops (Validate) the records made since the last call, in document order.
    Status flush();
    /// Resolves the pending relations, reports dependency cycles and hands the document over.
    ImportDocument finish();
    /// After finish() in Mode::Validate: the records still open (the suppliers), by index.
    std::map<int, ImportedRecord> takeOpenRecords() { return std::move(m_open); }
    /// How many records the document has made so far.
    qsizetype recordCount() const { return m_refAt.size(); }

private:
    enum class Role { Metadata, Top, Nested, Ancestor, Descendant, Tool };

    struct Item
    {
        QJsonValue value;
        QString path;
        int depth = 1;
        int owner = -1; ///< record index the item is nested in or related to; -1 for none
        Role role = Role::Top;
    };

    struct OwnerInfo
    {
        QList<QPair<QString, QString>> baseModelTags; ///< (derivation kind, base model) from Hub tags
        int ancestors = 0;
    };

    Status visit(const Item &item, QList<Item> &stack);
    Status drain(QList<Item> &stack);
    Status checkComponent(const Item &item, const ComponentView &c);
    Status pushChildren(const ComponentView &c, const Item &item, int owner, bool validateOnly, QList<Item> &stack);
    Status relateToOwner(const Item &item, const ComponentView &c, int index);
    Status mapStub(const Item &item, const ComponentView &c, const QString &target);
    void addFile(const ComponentView &c, int owner, const QString &path);
    Status readModelCard(const ComponentView &c, int index, const QString &path);
    Status readData(const ComponentView &c, int index, const QString &path);
    Status linkSuppliers(const ComponentView &c, int index, const QString &path);
    Status linkStrataProperties(const QJsonArray &properties, int index, const QString &path);
    QString supplier(const QString &name, const QString &url, const QString &location);
    ImportedRecord buildRecord(const ComponentView &c, const MappedFields &m, const QString &path);
    int addRecord(ImportedRecord record);
    void relate(int from, RelationType type, int to, const QString &subtype, const QString &location);
    QString derivation(const ComponentView &ancestor, int child) const;
    QString uniqueRef(const QString &base);
    QString autoRef(const QString &path);
    /// The record a reference names, through the aliases of files, model cards and data entries; -1 for none.
    int resolve(const QString &ref) const;
    void reportCycles();
    void warn(const QString &path, const QString &message);
    Error fail(const QString &path, const QString &reason) const;
    Status checkCancel();

    QString m_file;
    QString m_documentKey;
    const ImportLimits &m_limits;
    const BomRefs &m_refs;
    const Mode m_mode;
    const ImportRecordStream::Sink *m_sink = nullptr;
    const std::map<int, ImportedRecord> *m_finalSuppliers = nullptr;
    ImportDocument m_doc;
    std::map<int, ImportedRecord> m_open; ///< records that may still change or are not handed over, by index
    QList<QString> m_refAt;               ///< every record's ref, by index
    QList<RecordKind> m_kindAt;           ///< every record's kind, by index
    int m_flushed = 0;                    ///< records before this index are handed over or dropped
    QHash<QString, int> m_recordIndex;    ///< record ref -> index
    QHash<QString, QString> m_alias;      ///< bom-ref of an element that is not a record -> the record it belongs to
    QHash<QString, QString> m_supplier;   ///< case-folded supplier name -> record ref
    QHash<int, OwnerInfo> m_owners;
    QSet<QString> m_usedRefs;
    QSet<QString> m_filesKept; ///< records whose unhashed files a strata:extra property already lists
    QList<Pending> m_pending;
    std::vector<QPair<int, int>> m_dependsOn; ///< depends_on edges by record index, for the cycle report
    QStringList m_lastStated;                 ///< shared by consecutive records that state the same fields
    QVariantMap m_lastAttributes;             ///< shared by consecutive records with equal attributes
    int m_components = 0;
    int m_topLevel = 0;
    int m_topDone = 0;
    int m_metadataIndex = -1;
    bool m_strataSuppliers = false;
};

} // namespace strata::cyclonedx
