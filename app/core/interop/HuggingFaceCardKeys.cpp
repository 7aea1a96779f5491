// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/HuggingFaceCardKeys.h"

#include "interop/HuggingFaceCardReader.h"
#include "interop/HuggingFaceNames.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QLocale>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::HuggingFaceCardReader)
};

/// Reads the keys one by one; the first wrong type ends the reading with an error that names it.
class KeyReader
{
public:
    KeyReader(const HuggingFaceYamlTree &tree, const QString &fileName, HuggingFaceCardKeys &keys)
        : m_tree(tree)
        , m_card(tree.root)
        , m_fileName(fileName)
        , m_keys(keys)
    {
    }

    Status readAll()
    {
        const auto single = [this](const QString &key, QString &out) { return text(m_card.value(key), key, out); };
        for (const auto &[key, out] : {std::pair<QString, QString *>{u"license_name"_s, &m_keys.licenseName},
                                       {u"pipeline_tag"_s, &m_keys.pipelineTag},
                                       {u"library_name"_s, &m_keys.libraryName},
                                       {u"base_model_relation"_s, &m_keys.relation},
                                       {u"model_name"_s, &m_keys.modelName},
                                       {u"pretty_name"_s, &m_keys.prettyName}}) {
            if (Status s = single(key, *out); !s)
                return s;
        }
        for (const auto &[key, out] : {std::pair<QString, QStringList *>{u"license"_s, &m_keys.licenses},
                                       {u"tags"_s, &m_keys.tags},
                                       {u"language"_s, &m_keys.languages},
                                       {u"source_datasets"_s, &m_keys.sourceDatasets}}) {
            if (Status s = textList(key, *out); !s)
                return s;
        }
        for (const QString &key : {u"model_creator"_s, u"author"_s}) {
            QStringList creators;
            if (Status s = textList(key, creators); !s)
                return s;
            if (!creators.isEmpty() && m_keys.creators.isEmpty()) {
                m_keys.creators = creators;
                m_keys.creatorPath = key;
            }
        }
        if (Status s = references(u"base_model"_s, m_keys.baseModels); !s)
            return s;
        if (Status s = references(u"datasets"_s, m_keys.datasets); !s)
            return s;
        return readModelIndex();
    }

private:
    Error wrongType(const QString &path, const QString &expected) const
    {
        return Error{ErrorCode::InvalidInput, Tr::tr("%1: \"%2\" should be %3; fix the front matter and import the "
                                                     "card again.")
                                                  .arg(at(path), path, expected)};
    }

    /// A scalar as text; absent and null give an empty string, a list or mapping is an error.
    Status text(const QJsonValue &value, const QString &path, QString &out) const
    {
        switch (value.type()) {
        case QJsonValue::String:
            out = value.toString().trimmed();
            return Ok{};
        case QJsonValue::Double:
            out = QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
            return Ok{};
        case QJsonValue::Bool:
            out = value.toBool() ? u"true"_s : u"false"_s;
            return Ok{};
        case QJsonValue::Null:
        case QJsonValue::Undefined:
            out.clear();
            return Ok{};
        default:
            return wrongType(path, Tr::tr("text"));
        }
    }

    /// A scalar or a list of scalars, as the Hub allows for most keys.
    Status textList(const QString &key, QStringList &out) const
    {
        const QJsonValue value = m_card.value(key);
        if (!value.isArray()) {
            QString single;
            if (!text(value, key, single).ok())
                return wrongType(key, Tr::tr("text or a list of texts"));
            if (!single.isEmpty())
                out << single;
            return Ok{};
        }
        const QJsonArray items = value.toArray();
        for (int i = 0; i < items.size(); ++i) {
            QString item;
            if (!text(items.at(i), u"%1[%2]"_s.arg(key).arg(i), item).ok())
                return wrongType(u"%1[%2]"_s.arg(key).arg(i), Tr::tr("text"));
            if (!item.isEmpty())
                out << item;
        }
        return Ok{};
    }

    /// `key` as repo ids: text or a list of texts; entries that are not repo ids are warned about and skipped.
    Status references(const QString &key, QList<HuggingFaceReference> &out)
    {
        QStringList ids;
        if (Status s = textList(key, ids); !s)
            return s;
        const bool list = m_card.value(key).isArray();
        for (int i = 0; i < ids.size(); ++i) {
            const QString path = list ? u"%1[%2]"_s.arg(key).arg(i) : key;
            if (HuggingFaceNames::isRepoId(ids.at(i)))
                out << HuggingFaceReference{ids.at(i), path};
            else
                warn(path,
                     Tr::tr("\"%1\" is not a Hugging Face repo id (ORG/NAME); it was not linked.").arg(ids.at(i)));
        }
        return Ok{};
    }

    /// model-index: [{name, results: [{task, dataset: {name, type}, metrics: [...]}]}]. Kept whole in the
    /// extras; the evaluation datasets (dataset.type) become evaluated_on relations.
    Status readModelIndex()
    {
        const QString key = u"model-index"_s;
        const QJsonValue index = m_card.value(key);
        if (index.isUndefined() || index.isNull())
            return Ok{};
        if (!index.isArray())
            return wrongType(key, Tr::tr("a list of mappings"));
        const QJsonArray models = index.toArray();
        for (int m = 0; m < models.size(); ++m) {
            const QString modelPath = u"%1[%2]"_s.arg(key).arg(m);
            if (!models.at(m).isObject())
                return wrongType(modelPath, Tr::tr("a mapping"));
            const QJsonObject model = models.at(m).toObject();
            QString name;
            if (Status s = text(model.value(u"name"_s), modelPath + u".name"_s, name); !s)
                return s;
            if (m == 0)
                m_keys.indexName = name;
            const QJsonValue results = model.value(u"results"_s);
            if (results.isUndefined() || results.isNull())
                continue;
            if (!results.isArray())
                return wrongType(modelPath + u".results"_s, Tr::tr("a list of mappings"));
            const QJsonArray list = results.toArray();
            for (int r = 0; r < list.size(); ++r) {
                const QString resultPath = u"%1.results[%2]"_s.arg(modelPath).arg(r);
                if (!list.at(r).isObject())
                    return wrongType(resultPath, Tr::tr("a mapping"));
                const QJsonValue dataset = list.at(r).toObject().value(u"dataset"_s);
                if (dataset.isUndefined() || dataset.isNull())
                    continue;
                if (!dataset.isObject())
                    return wrongType(resultPath + u".dataset"_s, Tr::tr("a mapping"));
                const QString typePath = resultPath + u".dataset.type"_s;
                QString type;
                if (Status s = text(dataset.toObject().value(u"type"_s), typePath, type); !s)
                    return s;
                if (HuggingFaceNames::isRepoId(type))
                    m_keys.evalDatasets << HuggingFaceReference{type, typePath};
                else if (!type.isEmpty())
                    warn(typePath, Tr::tr("\"%1\" is not a Hugging Face dataset id; the evaluation was kept in the "
                                          "card's metadata but not linked.")
                                       .arg(type));
            }
        }
        return Ok{};
    }

    QString at(const QString &path) const { return HuggingFaceYaml::location(m_tree, m_fileName, path); }

    void warn(const QString &path, const QString &message) { m_keys.warnings << u"%1: %2"_s.arg(at(path), message); }

    const HuggingFaceYamlTree &m_tree;
    const QJsonObject &m_card;
    QString m_fileName;
    HuggingFaceCardKeys &m_keys;
};

} // namespace

Result<HuggingFaceCardKeys> HuggingFaceCardKeys::read(const HuggingFaceYamlTree &tree, const QString &fileName)
{
    HuggingFaceCardKeys keys;
    if (Status s = KeyReader(tree, fileName, keys).readAll(); !s)
        return s.error();
    return keys;
}

} // namespace strata
