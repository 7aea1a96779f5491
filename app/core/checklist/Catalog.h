// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QMap>
#include <QString>
#include <QStringList>

#include <optional>

namespace strata {

/// The lifecycle stages an assessment walks through, in walkthrough order.
enum class LifecycleStage {
    Governance,
    Sourcing,
    Data,
    Development,
    Evaluation,
    Release,
    Deployment,
    Operations,
    Retirement,
};

/// The five layers of an LLM system that WDTA AI-STR-03 structures its requirements by.
enum class SystemLayer { Network, System, Platform, Model, Data };

/// The five security properties WDTA AI-STR-03 aims for across the supply chain.
enum class SecurityProperty { Integrity, Availability, Confidentiality, Controllability, Reliability };

QList<LifecycleStage> allLifecycleStages();
QString lifecycleStageKey(LifecycleStage stage);
std::optional<LifecycleStage> lifecycleStageFromKey(const QString &key);
QString lifecycleStageLabel(LifecycleStage stage);

QList<SystemLayer> allSystemLayers();
QString systemLayerKey(SystemLayer layer);
std::optional<SystemLayer> systemLayerFromKey(const QString &key);
QString systemLayerLabel(SystemLayer layer);

QList<SecurityProperty> allSecurityProperties();
QString securityPropertyKey(SecurityProperty property);
std::optional<SecurityProperty> securityPropertyFromKey(const QString &key);
QString securityPropertyLabel(SecurityProperty property);

/// The published WDTA AI-STR-03 themes an item can be anchored in ("ml-bom", "zero-trust", ...).
QStringList wdtaThemeKeys();

/// One text in several languages, keyed by language code ("en", "zh_CN"); shown in the best match for a locale.
struct LocalizedText
{
    QMap<QString, QString> texts;

    bool isEmpty() const { return texts.isEmpty(); }
    /// The text for `locale`: exact code, then the same language, then English, then the first one.
    QString text(const QLocale &locale = QLocale()) const;
    bool operator==(const LocalizedText &other) const { return texts == other.texts; }
    bool operator!=(const LocalizedText &other) const { return !(*this == other); }
};

/// A framework that catalog items map to, with the version their references belong to.
struct CatalogFramework
{
    QString id; ///< key used in CatalogItem::mappings ("owasp-llm")
    QString name;
    QString version;
    QString url;
};

/// One requirement of a catalog, as a reviewer reads it in an assessment.
struct CatalogItem
{
    qint64 id = 0; ///< row id in the workspace; 0 until stored
    QString key;   ///< stable id within the catalog ("SC-GOV-01", a CISO Assistant urn)
    QString ref;   ///< short label to show instead of the key; empty: the key
    LifecycleStage stage = LifecycleStage::Governance;
    QList<RecordKind> kinds;
    QList<SystemLayer> layers;
    QList<SecurityProperty> properties;
    bool mandatory = true;
    LocalizedText title;
    LocalizedText requirement;
    LocalizedText guidance;
    LocalizedText evidence;
    LocalizedText section;               ///< headings above the item in its source document
    QMap<QString, QStringList> mappings; ///< framework id -> references
    QStringList wdtaThemes;
    QString wdtaClause;

    bool appliesTo(RecordKind kind) const { return kinds.contains(kind); }
    QString label() const { return ref.isEmpty() ? key : ref; }
};

/// Where a catalog came from, which decides how it was converted.
enum class CatalogFormat { Strata, CisoAssistant };

/// A checklist catalog: metadata and items. Values only; Workspace stores and loads them.
struct Catalog
{
    static constexpr int kFormatVersion = 1; ///< the Strata catalog format this build reads and writes

    qint64 id = 0; ///< row id in the workspace; 0 until stored
    QString key;   ///< stable id of the catalog ("wdta-ai-str-03")
    QString version;
    CatalogFormat format = CatalogFormat::Strata;
    int formatVersion = kFormatVersion;
    QStringList languages;
    LocalizedText title;
    LocalizedText description;
    LocalizedText wording;
    QString sourceStandard;
    LocalizedText sourceTitle;
    QString sourceEdition;
    QString sourcePublisher;
    QString sourceUrl;
    QList<CatalogFramework> frameworks;
    QList<CatalogItem> items;

    // Set when stored.
    bool builtin = false;
    QString fileName;
    QString contentSha256; ///< digest of the canonical content (see CatalogJson::digest)
    QString sourceSha256;  ///< digest of the file's bytes as read; lets a workspace skip re-reading what it holds
    QDateTime importedAt;
    QString importedBy;

    const CatalogFramework *framework(const QString &frameworkId) const;
    const CatalogItem *item(const QString &itemKey) const;
};

/// A stored catalog as lists show it.
struct CatalogSummary
{
    qint64 id = 0;
    QString key;
    QString version;
    LocalizedText title;
    CatalogFormat format = CatalogFormat::Strata;
    bool builtin = false;
    int itemCount = 0;
    QDateTime importedAt;
};

/// What importing a catalog did.
struct CatalogImportResult
{
    qint64 catalogId = 0;
    QString key;
    QString version;
    int itemCount = 0;
    bool created = false; ///< false: the same catalog id and version was already stored, nothing changed
};

QString catalogFormatKey(CatalogFormat format);

} // namespace strata
