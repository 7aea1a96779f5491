// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/CisoAssistantLibrary.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kTitleMax = 500;
constexpr int kTitleFromText = 120;
constexpr int kTextMax = 20000;
constexpr int kSectionMax = 2000;

/// Stage words, checked in this order within one text; keep in step with resources/catalogs/README.md.
const QList<std::pair<LifecycleStage, QString>> &stageWords()
{
    static const QList<std::pair<LifecycleStage, QString>> words = {
        {LifecycleStage::Retirement,
         u"decommission(ing|ed)?|disposal|dispose|retire(d|ment)?|end[ -]of[ -]life|termination|offboarding"_s},
        {LifecycleStage::Sourcing,
         u"suppliers?|vendors?|third[ -]part(y|ies)|procurement|acquisition|purchas(e|ing)|contract(s|ual)?|"
         "outsourc(e|ed|ing)"_s},
        {LifecycleStage::Data,
         u"datasets?|data sets?|training data|data quality|data governance|personal data|data protection"_s},
        {LifecycleStage::Evaluation,
         u"test(s|ing|ed)?|evaluat(e|ed|es|ion|ing)|validat(e|ed|es|ion|ing)|verif(y|ied|ies|ication)|"
         "red[ -]team(ing)?|benchmark(s|ing)?"_s},
        {LifecycleStage::Release,
         u"releases?|released|technical documentation|labell?ing|marking|transparency|instructions for use"_s},
        {LifecycleStage::Deployment, u"deploy(s|ed|ing|ment)?|installation|configuration|integration|hardening"_s},
        {LifecycleStage::Operations,
         u"monitor(s|ed|ing)?|incidents?|logging|logs?|maintenance|patch(es|ing)?|vulnerabilit(y|ies)|backups?|"
         "continuity|post-market"_s},
        {LifecycleStage::Development,
         u"develop(s|ed|ing|ment)?|design(s|ed|ing)?|training|build(s|ing)?|coding|source code|engineering"_s},
    };
    return words;
}

/// Text of a scalar that may have been written as a number (ref_id: 2, version: 1).
QString scalarText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString().trimmed();
    if (value.isDouble())
        return QString::number(value.toInteger());
    return {};
}

QString normalizedLocale(const QString &code)
{
    QString c = code.trimmed();
    c.replace(u'-', u'_');
    const qsizetype cut = c.indexOf(u'_');
    return cut < 0 ? c.toLower() : c.left(cut).toLower() + u'_' + c.mid(cut + 1).toUpper();
}

bool isLanguageCode(const QString &code)
{
    static const QRegularExpression re(u"^[a-z]{2,3}(_[A-Z]{2})?$"_s);
    return re.match(code).hasMatch();
}

QString shortened(const QString &text, int max)
{
    const QString simple = text.simplified();
    return simple.size() <= max ? simple : simple.left(max - 1) + u'…';
}

/// One requirement node as read from the file.
struct Node
{
    QString urn;
    QString parentUrn;
    QString refId;
    QString name;
    bool assessable = false;
    QHash<QString, QJsonObject> translations; ///< language -> {name, description, annotation, typical_evidence}
    QJsonObject object;
};

} // namespace

bool CisoAssistantLibrary::recognizes(const CatalogTree &tree)
{
    return !tree.root.contains(u"format"_s) && (tree.root.value(u"objects"_s).toObject().contains(u"framework"_s) ||
                                                tree.root.contains(u"requirement_nodes"_s));
}

LifecycleStage CisoAssistantLibrary::deriveStage(const QStringList &texts)
{
    static const QList<std::pair<LifecycleStage, QRegularExpression>> compiled = [] {
        QList<std::pair<LifecycleStage, QRegularExpression>> list;
        for (const auto &[stage, words] : stageWords())
            list.append(
                {stage, QRegularExpression(u"\\b(%1)\\b"_s.arg(words), QRegularExpression::CaseInsensitiveOption)});
        return list;
    }();
    for (const QString &text : texts) {
        for (const auto &[stage, re] : compiled) {
            if (re.match(text).hasMatch())
                return stage;
        }
    }
    return LifecycleStage::Governance;
}

Result<Catalog> CisoAssistantLibrary::convert(const CatalogTree &tree,
                                              const QString &fileName,
                                              const CatalogLimits &limits)
{
    const auto location = [&](const QString &path) {
        const auto it = tree.lines.constFind(path);
        return it == tree.lines.cend() ? fileName : tr("%1, line %2").arg(fileName, QString::number(it.value()));
    };
    const auto fail = [&](const QString &path, const QString &problem) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1: %2: %3. The CISO Assistant library was not imported.").arg(location(path), path, problem)};
    };

    const QJsonObject &root = tree.root;
    const QJsonObject framework = root.value(u"objects"_s).toObject().value(u"framework"_s).toObject();
    const QString frameworkPath = u"objects.framework"_s;
    const QJsonValue nodesValue = framework.contains(u"requirement_nodes"_s) ? framework.value(u"requirement_nodes"_s)
                                                                             : root.value(u"requirement_nodes"_s);
    const QString nodesPath =
        framework.contains(u"requirement_nodes"_s) ? frameworkPath + u".requirement_nodes"_s : u"requirement_nodes"_s;
    if (!nodesValue.isArray())
        return fail(nodesPath, tr("a CISO Assistant library needs a list of requirement nodes here"));

    Catalog catalog;
    catalog.format = CatalogFormat::CisoAssistant;
    catalog.key = scalarText(root.value(u"urn"_s));
    if (catalog.key.isEmpty())
        catalog.key = scalarText(framework.value(u"urn"_s));
    if (catalog.key.isEmpty())
        return fail(u"urn"_s, tr("the library has no urn, which Strata uses as the catalog id"));
    catalog.key = catalog.key.toLower();
    static const QRegularExpression catalogId(u"^[a-z0-9][a-z0-9._:-]{0,127}$"_s);
    if (!catalogId.match(catalog.key).hasMatch())
        return fail(u"urn"_s, tr("\"%1\" cannot be used as a catalog id: use letters, digits and . _ : -, at most "
                                 "128 characters")
                                  .arg(catalog.key));
    catalog.version = scalarText(root.value(u"version"_s));
    if (catalog.version.isEmpty())
        return fail(u"version"_s, tr("the library has no version; CISO Assistant libraries number their versions"));
    if (catalog.version.size() > 64)
        return fail(u"version"_s, tr("the version is longer than 64 characters"));

    const QString localeText = scalarText(root.value(u"locale"_s));
    const QString language = localeText.isEmpty() ? u"en"_s : normalizedLocale(localeText);
    if (!isLanguageCode(language))
        return fail(u"locale"_s, tr("\"%1\" is not a language code such as en or fr").arg(localeText));
    catalog.languages = {language};

    // Library-level texts, with the translations the library carries.
    const auto texts = [&](const QJsonObject &object, const QString &field) {
        LocalizedText text;
        const QString main = scalarText(object.value(field));
        if (!main.isEmpty())
            text.texts.insert(language, main);
        const QJsonObject translations = object.value(u"translations"_s).toObject();
        for (auto it = translations.begin(); it != translations.end(); ++it) {
            const QString code = normalizedLocale(it.key());
            const QString translated = scalarText(it.value().toObject().value(field));
            if (isLanguageCode(code) && !translated.isEmpty() && !text.texts.contains(code))
                text.texts.insert(code, translated);
        }
        return text;
    };
    catalog.title = texts(framework, u"name"_s);
    if (catalog.title.isEmpty())
        catalog.title = texts(root, u"name"_s);
    if (catalog.title.isEmpty())
        catalog.title.texts.insert(language, catalog.key);
    for (QString &t : catalog.title.texts)
        t = shortened(t, kTitleMax);
    catalog.description = texts(framework, u"description"_s);
    if (catalog.description.isEmpty())
        catalog.description = texts(root, u"description"_s);
    for (QString &t : catalog.description.texts)
        t = shortened(t, kTextMax);
    const QString copyright = scalarText(root.value(u"copyright"_s));
    if (!copyright.isEmpty())
        catalog.wording.texts.insert(language, shortened(copyright, kTextMax));
    catalog.sourceStandard = shortened(scalarText(root.value(u"ref_id"_s)), 500);
    catalog.sourcePublisher = shortened(scalarText(root.value(u"provider"_s)), 500);
    catalog.sourceEdition = shortened(scalarText(root.value(u"publication_date"_s)), 500);

    const QJsonArray nodes = nodesValue.toArray();
    if (nodes.size() > limits.maxItems)
        return fail(
            nodesPath,
            tr("the library has %1 requirement nodes; at most %2 are allowed").arg(nodes.size()).arg(limits.maxItems));
    static const QRegularExpression itemId(u"^[A-Za-z0-9][A-Za-z0-9._:/-]{0,199}$"_s);
    QHash<QString, int> indexByUrn;
    QList<Node> read;
    for (int i = 0; i < nodes.size(); ++i) {
        const QString path = u"%1[%2]"_s.arg(nodesPath, QString::number(i));
        if (!nodes.at(i).isObject())
            return fail(path, tr("a requirement node must be a mapping"));
        Node node;
        node.object = nodes.at(i).toObject();
        node.urn = scalarText(node.object.value(u"urn"_s)).toLower();
        if (node.urn.isEmpty())
            return fail(path + u".urn"_s, tr("the node has no urn"));
        if (!itemId.match(node.urn).hasMatch())
            return fail(path + u".urn"_s, tr("\"%1\" cannot be used as an item id: use letters, digits and . _ : / -, "
                                             "at most 200 characters")
                                              .arg(node.urn));
        if (const auto it = indexByUrn.constFind(node.urn); it != indexByUrn.cend())
            return fail(
                path + u".urn"_s,
                tr("the urn \"%1\" is already used by %2[%3]").arg(node.urn, nodesPath, QString::number(it.value())));
        node.parentUrn = scalarText(node.object.value(u"parent_urn"_s)).toLower();
        // Parents come before their children in CISO Assistant files; this also rules out cycles.
        if (!node.parentUrn.isEmpty() && !indexByUrn.contains(node.parentUrn))
            return fail(
                path + u".parent_urn"_s,
                tr("\"%1\" names no earlier node; a parent must be listed before its children").arg(node.parentUrn));
        const QJsonValue assessable = node.object.value(u"assessable"_s);
        node.assessable = assessable.isBool() ? assessable.toBool()
                                              : scalarText(assessable).compare(u"true"_s, Qt::CaseInsensitive) == 0;
        node.refId = scalarText(node.object.value(u"ref_id"_s));
        node.name = scalarText(node.object.value(u"name"_s));
        indexByUrn.insert(node.urn, i);
        read.append(node);
    }

    for (int i = 0; i < read.size(); ++i) {
        const Node &node = read.at(i);
        if (!node.assessable)
            continue;
        const QString path = u"%1[%2]"_s.arg(nodesPath, QString::number(i));
        CatalogItem item;
        item.key = node.urn;
        item.ref = shortened(node.refId, 64);
        item.kinds = allRecordKinds();
        item.mandatory = true;

        QStringList questions;
        const QJsonArray questionList = node.object.value(u"question"_s).toObject().value(u"questions"_s).toArray();
        for (const QJsonValue &q : questionList) {
            const QString text = scalarText(q.toObject().value(u"text"_s));
            if (!text.isEmpty())
                questions << text;
        }
        const QString description = scalarText(node.object.value(u"description"_s));
        QString requirement = description;
        if (requirement.isEmpty())
            requirement = questions.join(u'\n');
        if (requirement.isEmpty())
            requirement = node.name.isEmpty() ? node.refId : node.name;
        if (requirement.isEmpty())
            return fail(path, tr("the assessable node %1 has no name, description or question").arg(node.urn));
        if (requirement.size() > kTextMax)
            return fail(
                path + u".description"_s,
                tr("the text is %1 characters long; at most %2 are allowed").arg(requirement.size()).arg(kTextMax));
        // A node without a name is titled by the start of its text: a bare "1.2" tells a reviewer nothing.
        const QString title =
            !node.name.isEmpty() ? shortened(node.name, kTitleMax) : shortened(requirement, kTitleFromText);
        item.title.texts.insert(language, title);
        item.requirement.texts.insert(language, requirement);
        const QString annotation = scalarText(node.object.value(u"annotation"_s));
        if (!annotation.isEmpty())
            item.guidance.texts.insert(language, shortened(annotation, kTextMax));
        const QString evidence = scalarText(node.object.value(u"typical_evidence"_s));
        if (!evidence.isEmpty())
            item.evidence.texts.insert(language, shortened(evidence, kTextMax));
        const QJsonObject translations = node.object.value(u"translations"_s).toObject();
        for (auto it = translations.begin(); it != translations.end(); ++it) {
            const QString code = normalizedLocale(it.key());
            const QJsonObject t = it.value().toObject();
            if (!isLanguageCode(code) || code == language)
                continue;
            const QString name = scalarText(t.value(u"name"_s));
            const QString text = scalarText(t.value(u"description"_s));
            if (!name.isEmpty())
                item.title.texts.insert(code, shortened(name, kTitleMax));
            if (!text.isEmpty() && text.size() <= kTextMax)
                item.requirement.texts.insert(code, text);
        }

        // Ancestors, nearest first: their names place the item in its section and help choose its stage.
        QStringList stageTexts = {node.name + u'\n' + description + u'\n' + questions.join(u'\n')};
        QStringList headings;
        for (QString parent = node.parentUrn; !parent.isEmpty();) {
            const Node &ancestor = read.at(indexByUrn.value(parent));
            const QString heading = QStringList{ancestor.refId, ancestor.name}.join(u' ').trimmed();
            if (!heading.isEmpty())
                headings.prepend(heading);
            stageTexts << ancestor.name;
            parent = ancestor.parentUrn;
        }
        if (!headings.isEmpty()) {
            QString section = headings.join(u" › "_s);
            if (section.size() > kSectionMax)
                section = u'…' + section.right(kSectionMax - 1);
            item.section.texts.insert(language, section);
        }
        item.stage = deriveStage(stageTexts);
        catalog.items.append(item);
    }
    if (catalog.items.isEmpty())
        return fail(nodesPath, tr("none of the %n requirement node(s) is assessable, so there is nothing to check", "",
                                  nodes.size()));
    return catalog;
}

} // namespace strata
