// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Catalog.h"
#include "checklist/CatalogTree.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <optional>

namespace strata {

/// Validates a parsed Strata catalog (format 1) field by field and builds the Catalog; stops at the first problem
/// and names its field path. The rules are documented in resources/catalogs/README.md.
class StrataCatalogParser
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogReader)

public:
    StrataCatalogParser(const CatalogTree &tree, const QString &fileName, const CatalogLimits &limits);

    Result<Catalog> parse();

    /// Whether `reference` is well formed for a framework Strata knows; any printable text for other frameworks.
    static bool isWellFormedReference(const QString &frameworkId, const QString &reference);
    /// What a well-formed reference of a known framework looks like, for messages; empty for other frameworks.
    static QString referenceForm(const QString &frameworkId);

private:
    bool fail(const QString &path, const QString &problem);
    QString location(const QString &path) const;
    bool checkKeys(const QJsonObject &object, const QString &path, const QStringList &allowed);
    bool readString(
        const QJsonObject &object, const QString &key, const QString &path, bool required, int maxLength, QString *out);
    bool readText(const QJsonObject &object,
                  const QString &key,
                  const QString &path,
                  bool required,
                  int maxLength,
                  LocalizedText *out);
    /// A list of distinct strings; each must be accepted by `valid` (which may also convert it).
    bool readList(const QJsonObject &object,
                  const QString &key,
                  const QString &path,
                  bool required,
                  int maxCount,
                  const QString &expected,
                  const std::function<bool(const QString &)> &valid,
                  QStringList *out);
    bool readHeader(Catalog *catalog);
    bool readFrameworks(Catalog *catalog);
    bool readItem(const QJsonValue &value, const QString &path, const Catalog &catalog, CatalogItem *item);
    bool readMappings(const QJsonObject &object, const QString &path, const Catalog &catalog, CatalogItem *item);

    const CatalogTree &m_tree;
    QString m_fileName;
    const CatalogLimits &m_limits;
    QStringList m_languages;
    QString m_itemKey; ///< the item being read, named in messages
    std::optional<Error> m_error;
};

} // namespace strata
