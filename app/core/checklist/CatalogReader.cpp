// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/CatalogReader.h"

#include "checklist/CatalogYaml.h"
#include "checklist/CisoAssistantLibrary.h"
#include "checklist/StrataCatalogParser.h"
#include "interop/JsonScan.h"
#include "util/CappedRead.h"
#include "util/Sha256.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Nesting of JSON arrays and objects, measured on the bytes before Qt builds anything; the line where the cap
/// was passed, or 0 when it was not.
int lineBeyondDepth(const QByteArray &data, int maxDepth)
{
    int depth = 0;
    int line = 1;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (c == '\n')
            ++line;
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > maxDepth)
                return line;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return 0;
}

int lineOfOffset(const QByteArray &data, qsizetype offset)
{
    return int(data.left(offset).count('\n')) + 1;
}

} // namespace

Result<Catalog> CatalogReader::readFile(const QString &path, const CatalogLimits &limits)
{
    const QFileInfo info(path);
    const QString shown = QDir::toNativeSeparators(path);
    if (!info.exists())
        return Error{ErrorCode::NotFound, tr("The catalog file %1 does not exist.").arg(shown)};
    if (info.isDir())
        return Error{ErrorCode::InvalidInput, tr("%1 is a folder; give a catalog file.").arg(shown)};
    if (info.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is %2 MiB; a catalog may be at most %3 MiB, so the file was not imported.")
                         .arg(shown, QString::number(double(info.size()) / (1024 * 1024), 'f', 1),
                              QString::number(limits.maxFileBytes / (1024 * 1024)))};
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(shown, file.errorString())};
    const QByteArray data = readCapped(file, limits.maxFileBytes); // read() refuses a file that grew past the cap
    if (file.error() != QFileDevice::NoError)
        return Error{ErrorCode::Io, tr("Cannot read %1: %2").arg(shown, file.errorString())};
    Result<Catalog> catalog = read(data, info.fileName(), limits);
    if (catalog)
        catalog.value().fileName = info.fileName();
    return catalog;
}

Result<Catalog> CatalogReader::read(const QByteArray &raw, const QString &fileName, const CatalogLimits &limits)
{
    if (raw.size() > limits.maxFileBytes)
        return Error{ErrorCode::InvalidInput, tr("%1 is larger than the %2 MiB a catalog may have, so it was not "
                                                 "imported.")
                                                  .arg(fileName, QString::number(limits.maxFileBytes / (1024 * 1024)))};
    const QByteArray data = raw.startsWith("\xEF\xBB\xBF") ? raw.mid(3) : raw;
    if (data.trimmed().isEmpty())
        return Error{ErrorCode::InvalidInput, tr("%1 is empty, so it holds no catalog.").arg(fileName)};

    CatalogTree tree;
    const QByteArray start = data.trimmed().left(1);
    if (start == "{" || start == "[") {
        if (const int line = lineBeyondDepth(data, limits.maxDepth))
            return Error{ErrorCode::InvalidInput,
                         tr("%1, line %2: the JSON nests deeper than %3 levels; a catalog needs far fewer, so the "
                            "file was not imported.")
                             .arg(fileName, QString::number(line), QString::number(limits.maxDepth))};
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(data, &error);
        if (error.error != QJsonParseError::NoError)
            return Error{ErrorCode::InvalidInput,
                         tr("%1, line %2: the JSON is malformed (%3); the catalog was not imported.")
                             .arg(fileName, QString::number(lineOfOffset(data, error.offset)), error.errorString())};
        if (!document.isObject())
            return Error{ErrorCode::InvalidInput,
                         tr("%1: the JSON document is a list; a catalog is an object with \"format\" and \"items\" "
                            "fields.")
                             .arg(fileName)};
        if (Status s = JsonScan::of(data).refuseDuplicateKeys(fileName); !s)
            return s.error();
        tree.root = document.object();
    } else {
        Result<CatalogTree> parsed = CatalogYaml::parse(data, fileName, limits);
        if (!parsed)
            return parsed.error();
        tree = std::move(parsed).value();
    }

    Result<Catalog> catalog = Error{ErrorCode::InvalidInput, {}};
    if (tree.root.contains(u"format"_s)) {
        catalog = StrataCatalogParser(tree, fileName, limits).parse();
    } else if (CisoAssistantLibrary::recognizes(tree)) {
        catalog = CisoAssistantLibrary::convert(tree, fileName, limits);
    } else {
        return Error{ErrorCode::InvalidInput,
                     tr("%1 is not a catalog: it has neither a \"format\" field (a Strata catalog) nor "
                        "\"objects.framework.requirement_nodes\" (a CISO Assistant library).")
                         .arg(fileName)};
    }
    if (!catalog)
        return catalog;
    if (Status s = check(catalog.value(), fileName); !s)
        return s.error();
    catalog.value().sourceSha256 = Sha256::hex(raw);
    return catalog;
}

Status CatalogReader::check(const Catalog &catalog, const QString &source)
{
    const auto fail = [&source](const QString &problem) {
        return Error{ErrorCode::InvalidInput, tr("%1: %2; the catalog was not imported.").arg(source, problem)};
    };
    if (catalog.key.trimmed().isEmpty() || catalog.key.size() > 128)
        return fail(tr("the catalog needs an id of 1 to 128 characters"));
    if (catalog.version.trimmed().isEmpty() || catalog.version.size() > 64)
        return fail(tr("the catalog needs a version of 1 to 64 characters"));
    if (catalog.languages.isEmpty())
        return fail(tr("the catalog lists no language"));
    const auto complete = [&catalog](const LocalizedText &text) {
        for (const QString &language : catalog.languages) {
            if (text.texts.value(language).trimmed().isEmpty())
                return false;
        }
        return true;
    };
    if (!complete(catalog.title))
        return fail(
            tr("the catalog's title is missing in one of its languages (%1)").arg(catalog.languages.join(u", "_s)));
    if (catalog.items.isEmpty())
        return fail(tr("the catalog has no items"));
    QSet<QString> seen;
    for (const CatalogItem &item : catalog.items) {
        if (item.key.trimmed().isEmpty())
            return fail(tr("an item has no id"));
        if (seen.contains(item.key.toLower()))
            return fail(tr("the item id \"%1\" is used twice").arg(item.key));
        seen.insert(item.key.toLower());
        if (item.kinds.isEmpty())
            return fail(tr("item %1 applies to no record kind").arg(item.key));
        if (QSet<RecordKind>(item.kinds.cbegin(), item.kinds.cend()).size() != item.kinds.size())
            return fail(tr("item %1 lists a record kind twice").arg(item.key));
        if (!complete(item.title) || !complete(item.requirement))
            return fail(tr("item %1 lacks a title or requirement in one of the catalog's languages (%2)")
                            .arg(item.key, catalog.languages.join(u", "_s)));
        for (auto it = item.mappings.cbegin(); it != item.mappings.cend(); ++it) {
            if (!catalog.framework(it.key()))
                return fail(tr("item %1 maps to the undeclared framework \"%2\"").arg(item.key, it.key()));
            for (const QString &reference : it.value()) {
                if (!StrataCatalogParser::isWellFormedReference(it.key(), reference))
                    return fail(
                        tr("item %1: \"%2\" is not a well-formed %3 reference").arg(item.key, reference, it.key()));
            }
        }
    }
    return Ok{};
}

QStringList CatalogReader::builtinResources()
{
    // Embedded from resources/catalogs and installed into every workspace.
    return {u":/catalogs/wdta-ai-str-03.json"_s};
}

Result<Catalog> CatalogReader::readBuiltin(const QString &resource)
{
    QFile file(resource);
    if (!file.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, tr("The built-in catalog %1 is missing from this build.").arg(resource)};
    Result<Catalog> catalog = read(file.readAll(), QFileInfo(resource).fileName());
    if (!catalog)
        return catalog.error();
    catalog.value().builtin = true;
    catalog.value().fileName = QFileInfo(resource).fileName();
    return catalog;
}

Result<QList<Catalog>> CatalogReader::builtinCatalogs()
{
    QList<Catalog> catalogs;
    for (const QString &resource : builtinResources()) {
        Result<Catalog> catalog = readBuiltin(resource);
        if (!catalog)
            return catalog.error();
        catalogs.append(std::move(catalog).value());
    }
    return catalogs;
}

} // namespace strata
