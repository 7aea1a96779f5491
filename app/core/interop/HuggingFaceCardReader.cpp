// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/HuggingFaceCardReader.h"

#include "domain/Fields.h"
#include "interop/HuggingFaceCardKeys.h"
#include "interop/HuggingFaceMarkdown.h"
#include "interop/HuggingFaceNames.h"
#include "interop/HuggingFaceYaml.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QSet>

#include <algorithm>
#include <exception>
#include <new>
#include <optional>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::HuggingFaceCardReader)
};

constexpr int kTagMax = 50;
constexpr int kTagCount = 50;

/// Keys only dataset cards have (hub-docs datasetcard.md) and keys only model cards have (modelcard.md).
/// A card is a dataset card when it has more of the first than of the second; ties go to model cards,
/// the common case, and the summary says so when a card has both.
const QStringList &datasetKeys()
{
    static const QStringList keys = {u"task_categories"_s,      u"task_ids"_s,
                                     u"size_categories"_s,      u"source_datasets"_s,
                                     u"annotations_creators"_s, u"language_creators"_s,
                                     u"multilinguality"_s,      u"configs"_s,
                                     u"dataset_info"_s,         u"pretty_name"_s,
                                     u"paperswithcode_id"_s,    u"train-eval-index"_s,
                                     u"language_details"_s,     u"viewer"_s};
    return keys;
}

const QStringList &modelKeys()
{
    static const QStringList keys = {
        u"base_model"_s, u"base_model_relation"_s, u"model-index"_s,  u"pipeline_tag"_s, u"library_name"_s,
        u"model_name"_s, u"model_creator"_s,       u"model_type"_s,   u"inference"_s,    u"widget"_s,
        u"datasets"_s,   u"co2_eq_emissions"_s,    u"quantized_by"_s, u"new_version"_s,  u"metrics"_s};
    return keys;
}

/// Keys both kinds of card use. A front matter with none of these, the model keys or the dataset keys is some
/// other Markdown with metadata (a blog post, a docs page) that a folder import happened to find.
const QStringList &sharedKeys()
{
    static const QStringList keys = {
        u"license"_s,   u"license_name"_s, u"license_link"_s, u"language"_s,           u"tags"_s,
        u"thumbnail"_s, u"author"_s,       u"gated"_s,        u"extra_gated_prompt"_s, u"extra_gated_fields"_s};
    return keys;
}

/// What the Hub's base_model_relation values mean in Strata's derivation kinds.
const QHash<QString, QString> &derivations()
{
    static const QHash<QString, QString> map = {{u"finetune"_s, u"finetune"_s},
                                                {u"adapter"_s, u"adapter"_s},
                                                {u"quantized"_s, u"quantized"_s},
                                                {u"merge"_s, u"merge"_s}};
    return map;
}

/// Maps one parsed and type-checked card onto records and relations. Values a field refuses become warnings,
/// never errors: by now the card is known to be well formed, and the whole front matter is kept in the extras.
class CardMapper
{
public:
    CardMapper(const QString &fileName,
               const HuggingFaceYamlTree &tree,
               const HuggingFaceCardKeys &keys,
               const QString &body)
        : m_fileName(fileName)
        , m_tree(tree)
        , m_keys(keys)
        , m_card(tree.root)
        , m_markdown(body)
        , m_cached(HuggingFaceNames::repoFromCachePath(fileName))
    {
    }

    Result<ImportDocument> run()
    {
        const QStringList cardKeys = m_card.keys();
        const bool isCard = std::any_of(cardKeys.cbegin(), cardKeys.cend(), [](const QString &key) {
            return sharedKeys().contains(key) || modelKeys().contains(key) || datasetKeys().contains(key);
        });
        if (!isCard)
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("%1: the front matter has none of the keys of a Hugging Face card (license, tags, "
                                "base_model, datasets, pipeline_tag, task_categories, ...), so the file is not a card "
                                "and was not imported.")
                             .arg(m_fileName)};
        m_doc.warnings = m_keys.warnings;
        const RecordKind kind = decideKind();
        const QString repoId = ownRepoId(kind);
        QString namePath;
        const QString name = decideName(kind, repoId, &namePath);
        if (name.isEmpty())
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("%1: cannot tell which model or dataset this card describes: it has no "
                                "model_name, pretty_name or model-index name, and neither its file name nor its "
                                "folder names one. Add \"model_name\" (or \"pretty_name\" for a dataset) to its "
                                "front matter and import it again.")
                             .arg(m_fileName)};

        ImportedRecord card;
        card.record.kind = kind;
        card.ref = u"hf:%1:%2"_s.arg(recordKindKey(kind), name);
        card.location = Tr::tr("front matter");
        if (Status s = fields::setField(card.record, u"name"_s, name); !s)
            return Error{ErrorCode::InvalidInput,
                         Tr::tr("%1: the card's name cannot be used: %2").arg(at(namePath), s.error().message)};
        card.statedFields = {u"name"_s, u"version"_s};
        m_cardRef = card.ref;
        m_refs.insert(card.ref);

        fillCommon(card, repoId);
        if (kind == RecordKind::Model)
            fillModel(card);
        else
            fillDataset(card);
        if (!m_card.isEmpty())
            card.extras.insert(u"hf.card"_s, m_card);
        if (kind == RecordKind::Model && m_card.contains(u"model-index"_s))
            card.extras.insert(u"hf.modelIndex"_s, m_card.value(u"model-index"_s));
        m_doc.records.prepend(card);

        // A known repo id names its org as surely as a reference does; the creator keys name people or firms.
        if (const QString org = HuggingFaceNames::orgOf(repoId); !org.isEmpty())
            relate(card.ref, RelationType::ProvidedBy, supplier(org, HuggingFaceNames::modelUrl(org), QString()),
                   QString(), card.location);
        for (const QString &creator : std::as_const(m_keys.creators)) {
            const QString supplierRef = supplier(creator, QString(), m_keys.creatorPath);
            if (!supplierRef.isEmpty())
                relate(card.ref, RelationType::ProvidedBy, supplierRef, QString(), m_keys.creatorPath);
        }
        m_doc.format = u"hf-card"_s;
        return m_doc;
    }

private:
    QString at(const QString &path) const { return HuggingFaceYaml::location(m_tree, m_fileName, path); }

    void warn(const QString &path, const QString &message) { m_doc.warnings << u"%1: %2"_s.arg(at(path), message); }

    RecordKind decideKind()
    {
        if (m_cached)
            return m_cached->dataset ? RecordKind::Dataset : RecordKind::Model;
        QStringList modelHits;
        QStringList datasetHits;
        for (auto it = m_card.begin(); it != m_card.end(); ++it) {
            if (modelKeys().contains(it.key()))
                modelHits << it.key();
            else if (datasetKeys().contains(it.key()))
                datasetHits << it.key();
        }
        const bool dataset = datasetHits.size() > modelHits.size();
        if (!modelHits.isEmpty() && !datasetHits.isEmpty())
            warn(QString(), Tr::tr("the card has model keys (%1) and dataset keys (%2); it was read as a %3 card.")
                                .arg(modelHits.join(u", "_s), datasetHits.join(u", "_s),
                                     recordKindLabel(dataset ? RecordKind::Dataset : RecordKind::Model).toLower()));
        return dataset ? RecordKind::Dataset : RecordKind::Model;
    }

    /// The card's own repo id when the card or its location says it: the Hub cache folder, a self-declared
    /// name written as ORG/NAME, or exactly one ORG/NAME in the text whose NAME is the card's own name and
    /// that is not one of the repos the card refers to.
    QString ownRepoId(RecordKind kind)
    {
        if (m_cached)
            return m_cached->repoId;
        for (const QString &declared : {m_keys.modelName, m_keys.prettyName, m_keys.indexName}) {
            if (declared.contains(u'/') && HuggingFaceNames::isRepoId(declared))
                return declared;
        }
        QSet<QString> selfNames;
        for (const QString &n : {m_keys.modelName, m_keys.indexName, HuggingFaceNames::nameFromPath(m_fileName)}) {
            if (!n.isEmpty())
                selfNames.insert(HuggingFaceNames::nameOf(n).toLower());
        }
        QSet<QString> referenced;
        for (const QList<HuggingFaceReference> *list : {&m_keys.baseModels, &m_keys.datasets, &m_keys.evalDatasets}) {
            for (const HuggingFaceReference &r : *list)
                referenced.insert(r.repoId.toLower());
        }
        QStringList candidates;
        const QList<HuggingFaceMention> mentions = m_markdown.mentions();
        for (const HuggingFaceMention &m : mentions) {
            const bool wrongKind =
                kind == RecordKind::Model ? m.datasetLink && !m.modelLink : m.modelLink && !m.datasetLink;
            if (wrongKind || HuggingFaceNames::orgOf(m.repoId).isEmpty() ||
                !selfNames.contains(HuggingFaceNames::nameOf(m.repoId).toLower()) ||
                referenced.contains(m.repoId.toLower()))
                continue;
            candidates << m.repoId;
        }
        if (candidates.size() != 1)
            return {};
        warn(QString(),
             Tr::tr("took the repo id %1 from the card's text, where the card names itself.").arg(candidates.first()));
        return candidates.first();
    }

    QString decideName(RecordKind kind, const QString &repoId, QString *path) const
    {
        if (!repoId.isEmpty())
            return repoId;
        const QList<std::pair<QString, QString>> declared =
            kind == RecordKind::Dataset ? QList<std::pair<QString, QString>>{{u"pretty_name"_s, m_keys.prettyName},
                                                                             {u"model_name"_s, m_keys.modelName}}
                                        : QList<std::pair<QString, QString>>{{u"model_name"_s, m_keys.modelName},
                                                                             {u"pretty_name"_s, m_keys.prettyName}};
        for (const auto &[key, value] : declared) {
            if (!value.isEmpty()) {
                *path = key;
                return value;
            }
        }
        if (!m_keys.indexName.isEmpty()) {
            *path = u"model-index[0].name"_s;
            return m_keys.indexName;
        }
        return HuggingFaceNames::nameFromPath(m_fileName);
    }

    /// Stores a field whose value the card only suggests: a value the field refuses is a warning, not an error.
    void setSoft(ImportedRecord &r, const QString &key, const QString &value, const QString &path)
    {
        if (value.isEmpty())
            return;
        Record copy = r.record;
        if (Status s = fields::setField(copy, key, value); !s) {
            warn(path, Tr::tr("%1 It is kept in the card's metadata.").arg(s.error().message));
            return;
        }
        r.record = copy;
        if (!r.statedFields.contains(key))
            r.statedFields << key;
    }

    void fillCommon(ImportedRecord &card, const QString &repoId)
    {
        QStringList expressions;
        for (const QString &value : std::as_const(m_keys.licenses)) {
            const QString spdx = HuggingFaceNames::license(value, m_keys.licenseName);
            if (!spdx.isEmpty())
                expressions << spdx;
        }
        if (expressions.size() > 1) {
            // AND binds tighter than OR: "(MIT OR Apache-2.0) AND CC-BY-4.0".
            for (QString &e : expressions) {
                if (e.contains(u" OR "_s, Qt::CaseInsensitive))
                    e = u"(%1)"_s.arg(e);
            }
        }
        setSoft(card, u"license"_s, expressions.join(u" AND "_s), u"license"_s);

        QStringList tags;
        for (QString tag : std::as_const(m_keys.tags)) {
            tag.replace(u',', u' ');
            if (tag.simplified().size() > kTagMax)
                warn(u"tags"_s,
                     Tr::tr("the tag \"%1\" is longer than %2 characters and was left out.").arg(tag).arg(kTagMax));
            else
                tags << tag;
        }
        tags = fields::normalizeTags(tags);
        if (tags.size() > kTagCount) {
            warn(u"tags"_s, Tr::tr("only the first %1 of %2 tags were kept.").arg(kTagCount).arg(tags.size()));
            tags = tags.mid(0, kTagCount);
        }
        setSoft(card, u"tags"_s, tags.join(u','), u"tags"_s);
        setSoft(card, u"description"_s, m_markdown.summary(), QString());

        if (!repoId.isEmpty()) {
            const bool model = card.record.kind == RecordKind::Model;
            setSoft(card, u"source_url"_s,
                    model ? HuggingFaceNames::modelUrl(repoId) : HuggingFaceNames::datasetUrl(repoId), QString());
            if (model)
                setSoft(card, u"purl"_s, HuggingFaceNames::modelPurl(repoId), QString());
        }
    }

    void fillModel(ImportedRecord &card)
    {
        setSoft(card, u"modality"_s, HuggingFaceNames::modality(m_keys.pipelineTag), u"pipeline_tag"_s);
        QSet<QString> formats;
        const QString library = m_keys.libraryName.toLower();
        for (const QString &format : {u"gguf"_s, u"onnx"_s, u"safetensors"_s}) {
            if (library == format || m_keys.tags.contains(format, Qt::CaseInsensitive))
                formats.insert(format);
        }
        if (formats.size() == 1)
            setSoft(card, u"format"_s, *formats.cbegin(), u"library_name"_s);
        setSoft(card, u"intended_use"_s,
                m_markdown.section(
                    {u"intended use"_s, u"intended uses"_s, u"direct use"_s, u"intended uses limitations"_s}),
                QString());
        setSoft(card, u"out_of_scope_use"_s,
                m_markdown.section({u"out of scope use"_s, u"out of scope uses"_s, u"out of scope"_s,
                                    u"misuse and out of scope use"_s}),
                QString());
        setSoft(card, u"limitations"_s,
                m_markdown.section({u"limitations"_s, u"bias risks and limitations"_s, u"risks and limitations"_s,
                                    u"known limitations"_s, u"limitations and bias"_s, u"limitations and biases"_s}),
                QString());

        QString subtype = m_keys.baseModels.size() > 1 ? u"merge"_s : u"finetune"_s;
        if (!m_keys.relation.isEmpty()) {
            subtype = derivations().value(m_keys.relation.toLower());
            if (subtype.isEmpty()) {
                warn(u"base_model_relation"_s, Tr::tr("\"%1\" is not one of adapter, merge, quantized or finetune; "
                                                      "the derivation was recorded as \"other\".")
                                                   .arg(m_keys.relation));
                subtype = u"other"_s;
            }
        }
        for (const HuggingFaceReference &base : std::as_const(m_keys.baseModels))
            link(RelationType::DerivedFrom, RecordKind::Model, base, subtype);
        for (const HuggingFaceReference &dataset : std::as_const(m_keys.datasets))
            link(RelationType::TrainedOn, RecordKind::Dataset, dataset, QString());
        for (const HuggingFaceReference &dataset : std::as_const(m_keys.evalDatasets))
            link(RelationType::EvaluatedOn, RecordKind::Dataset, dataset, QString());
    }

    void fillDataset(ImportedRecord &card)
    {
        setSoft(card, u"languages"_s, m_keys.languages.join(u", "_s), u"language"_s);
        setSoft(card, u"collection_method"_s,
                m_markdown.section({u"data collection and processing"_s, u"collection process"_s, u"data collection"_s,
                                    u"initial data collection and normalization"_s}),
                QString());
        // source_datasets holds "original", "extended|ID" or, in newer cards, plain ids.
        const bool list = m_card.value(u"source_datasets"_s).isArray();
        for (int i = 0; i < m_keys.sourceDatasets.size(); ++i) {
            QString id = m_keys.sourceDatasets.at(i);
            if (id.startsWith(u"extended|"_s))
                id = id.mid(9);
            else if (!id.contains(u'/'))
                continue;
            const QString path = list ? u"source_datasets[%1]"_s.arg(i) : u"source_datasets"_s;
            if (HuggingFaceNames::isRepoId(id))
                link(RelationType::DerivedFrom, RecordKind::Dataset, HuggingFaceReference{id, path}, u"other"_s);
        }
    }

    void link(RelationType type, RecordKind kind, const HuggingFaceReference &to, const QString &subtype)
    {
        const QString ref = placeholder(kind, to);
        if (ref == m_cardRef) {
            warn(to.path, Tr::tr("\"%1\" is the card itself; the relation was left out.").arg(to.repoId));
            return;
        }
        relate(m_cardRef, type, ref, subtype, to.path);
    }

    void relate(const QString &from, RelationType type, const QString &to, const QString &subtype, const QString &path)
    {
        m_doc.relations << ImportedRelation{from, type, to, subtype, path};
    }

    /// A model or dataset the card only names: a placeholder named by its repo id, provided by its org.
    QString placeholder(RecordKind kind, const HuggingFaceReference &reference)
    {
        const QString ref = u"hf:%1:%2"_s.arg(recordKindKey(kind), reference.repoId);
        if (m_refs.contains(ref))
            return ref;
        m_refs.insert(ref);
        ImportedRecord r;
        r.ref = ref;
        r.location = reference.path;
        r.record.kind = kind;
        r.record.placeholder = true;
        r.record.name = reference.repoId; // a valid repo id is always a valid name
        const bool model = kind == RecordKind::Model;
        r.record.sourceUrl =
            model ? HuggingFaceNames::modelUrl(reference.repoId) : HuggingFaceNames::datasetUrl(reference.repoId);
        if (model)
            r.record.purl = HuggingFaceNames::modelPurl(reference.repoId);
        r.statedFields = {u"name"_s};
        m_doc.records << r;
        const QString org = HuggingFaceNames::orgOf(reference.repoId);
        if (!org.isEmpty()) {
            const QString supplierRef = supplier(org, HuggingFaceNames::modelUrl(org), reference.path);
            relate(ref, RelationType::ProvidedBy, supplierRef, QString(), reference.path);
        }
        return ref;
    }

    QString supplier(const QString &name, const QString &url, const QString &path)
    {
        const QString ref = u"supplier:%1"_s.arg(name.toLower());
        if (m_refs.contains(ref))
            return ref;
        ImportedRecord r;
        r.ref = ref;
        r.location = path;
        r.record.kind = RecordKind::Supplier;
        r.record.placeholder = true;
        if (Status s = fields::setField(r.record, u"name"_s, name); !s) {
            warn(path, s.error().message);
            return {};
        }
        r.record.sourceUrl = url;
        r.statedFields = {u"name"_s};
        m_refs.insert(ref);
        m_doc.records << r;
        return ref;
    }

    QString m_fileName;
    const HuggingFaceYamlTree &m_tree;
    const HuggingFaceCardKeys &m_keys;
    const QJsonObject &m_card;
    HuggingFaceMarkdown m_markdown;
    std::optional<HuggingFaceCachedRepo> m_cached;
    ImportDocument m_doc;
    QSet<QString> m_refs;
    QString m_cardRef;
};

Result<ImportDocument> readCard(const QByteArray &data, const QString &fileName, const ImportLimits &limits)
{
    if (data.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput, Tr::tr("%1 is %2 MB, more than the %3 MB an import may be.")
                                                  .arg(fileName)
                                                  .arg(data.size() / (1024 * 1024))
                                                  .arg(limits.maxFileBytes / (1024 * 1024))};
    if (limits.cancelled())
        return Error{ErrorCode::Cancelled, Tr::tr("The import of %1 was cancelled.").arg(fileName)};
    Result<HuggingFaceCardText> text = HuggingFaceYaml::split(data, fileName);
    if (!text)
        return text.error();
    Result<HuggingFaceYamlTree> tree = HuggingFaceYaml::parse(text.value(), fileName, limits);
    if (!tree)
        return tree.error();
    if (limits.progress)
        limits.progress(500);
    Result<HuggingFaceCardKeys> keys = HuggingFaceCardKeys::read(tree.value(), fileName);
    if (!keys)
        return keys.error();
    Result<ImportDocument> doc = CardMapper(fileName, tree.value(), keys.value(), text.value().body).run();
    if (doc && doc.value().records.size() > limits.maxRecords)
        return Error{ErrorCode::InvalidInput, Tr::tr("%1 names %2 records, more than the %3 an import may hold.")
                                                  .arg(fileName)
                                                  .arg(doc.value().records.size())
                                                  .arg(limits.maxRecords)};
    if (limits.progress)
        limits.progress(1000);
    return doc;
}

} // namespace

Result<ImportDocument> HuggingFaceCardReader::read(const QByteArray &data,
                                                   const QString &fileName,
                                                   const ImportLimits &limits)
{
    // yaml-cpp reports problems by throwing; none of it may leave the reader.
    try {
        return readCard(data, fileName, limits);
    } catch (const std::bad_alloc &) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1: there was not enough memory to read this card; the file was refused.").arg(fileName)};
    } catch (const std::exception &e) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1: the card could not be read: %2").arg(fileName, QString::fromLocal8Bit(e.what()))};
    } catch (...) {
        return Error{ErrorCode::InvalidInput, tr("%1: the card could not be read.").arg(fileName)};
    }
}

} // namespace strata
