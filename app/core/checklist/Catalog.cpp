// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/Catalog.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::Catalog)
};

template<typename Enum>
std::optional<Enum> fromKey(const QList<Enum> &all, QString (*keyOf)(Enum), const QString &key)
{
    for (Enum value : all) {
        if (keyOf(value) == key)
            return value;
    }
    return std::nullopt;
}

} // namespace

QList<LifecycleStage> allLifecycleStages()
{
    return {LifecycleStage::Governance,  LifecycleStage::Sourcing,   LifecycleStage::Data,
            LifecycleStage::Development, LifecycleStage::Evaluation, LifecycleStage::Release,
            LifecycleStage::Deployment,  LifecycleStage::Operations, LifecycleStage::Retirement};
}

QString lifecycleStageKey(LifecycleStage stage)
{
    switch (stage) {
    case LifecycleStage::Governance:
        return u"governance"_s;
    case LifecycleStage::Sourcing:
        return u"sourcing"_s;
    case LifecycleStage::Data:
        return u"data"_s;
    case LifecycleStage::Development:
        return u"development"_s;
    case LifecycleStage::Evaluation:
        return u"evaluation"_s;
    case LifecycleStage::Release:
        return u"release"_s;
    case LifecycleStage::Deployment:
        return u"deployment"_s;
    case LifecycleStage::Operations:
        return u"operations"_s;
    case LifecycleStage::Retirement:
        return u"retirement"_s;
    }
    return {};
}

std::optional<LifecycleStage> lifecycleStageFromKey(const QString &key)
{
    return fromKey(allLifecycleStages(), lifecycleStageKey, key);
}

QString lifecycleStageLabel(LifecycleStage stage)
{
    switch (stage) {
    case LifecycleStage::Governance:
        return Tr::tr("Governance");
    case LifecycleStage::Sourcing:
        return Tr::tr("Sourcing");
    case LifecycleStage::Data:
        return Tr::tr("Data");
    case LifecycleStage::Development:
        return Tr::tr("Development");
    case LifecycleStage::Evaluation:
        return Tr::tr("Evaluation");
    case LifecycleStage::Release:
        return Tr::tr("Release");
    case LifecycleStage::Deployment:
        return Tr::tr("Deployment");
    case LifecycleStage::Operations:
        return Tr::tr("Operations");
    case LifecycleStage::Retirement:
        return Tr::tr("Retirement");
    }
    return {};
}

QList<SystemLayer> allSystemLayers()
{
    return {SystemLayer::Network, SystemLayer::System, SystemLayer::Platform, SystemLayer::Model, SystemLayer::Data};
}

QString systemLayerKey(SystemLayer layer)
{
    switch (layer) {
    case SystemLayer::Network:
        return u"network"_s;
    case SystemLayer::System:
        return u"system"_s;
    case SystemLayer::Platform:
        return u"platform"_s;
    case SystemLayer::Model:
        return u"model"_s;
    case SystemLayer::Data:
        return u"data"_s;
    }
    return {};
}

std::optional<SystemLayer> systemLayerFromKey(const QString &key)
{
    return fromKey(allSystemLayers(), systemLayerKey, key);
}

QString systemLayerLabel(SystemLayer layer)
{
    switch (layer) {
    case SystemLayer::Network:
        return Tr::tr("Network");
    case SystemLayer::System:
        return Tr::tr("System");
    case SystemLayer::Platform:
        return Tr::tr("Platform and application");
    case SystemLayer::Model:
        return Tr::tr("Model");
    case SystemLayer::Data:
        return Tr::tr("Data");
    }
    return {};
}

QList<SecurityProperty> allSecurityProperties()
{
    return {SecurityProperty::Integrity, SecurityProperty::Availability, SecurityProperty::Confidentiality,
            SecurityProperty::Controllability, SecurityProperty::Reliability};
}

QString securityPropertyKey(SecurityProperty property)
{
    switch (property) {
    case SecurityProperty::Integrity:
        return u"integrity"_s;
    case SecurityProperty::Availability:
        return u"availability"_s;
    case SecurityProperty::Confidentiality:
        return u"confidentiality"_s;
    case SecurityProperty::Controllability:
        return u"controllability"_s;
    case SecurityProperty::Reliability:
        return u"reliability"_s;
    }
    return {};
}

std::optional<SecurityProperty> securityPropertyFromKey(const QString &key)
{
    return fromKey(allSecurityProperties(), securityPropertyKey, key);
}

QString securityPropertyLabel(SecurityProperty property)
{
    switch (property) {
    case SecurityProperty::Integrity:
        return Tr::tr("Integrity");
    case SecurityProperty::Availability:
        return Tr::tr("Availability");
    case SecurityProperty::Confidentiality:
        return Tr::tr("Confidentiality");
    case SecurityProperty::Controllability:
        return Tr::tr("Controllability");
    case SecurityProperty::Reliability:
        return Tr::tr("Reliability");
    }
    return {};
}

QStringList wdtaThemeKeys()
{
    return {u"lifecycle"_s,        u"layers"_s,     u"ml-bom"_s,         u"zero-trust"_s,
            u"monitoring-audit"_s, u"properties"_s, u"anti-tampering"_s, u"named-risks"_s};
}

QString LocalizedText::text(const QLocale &locale) const
{
    if (texts.isEmpty())
        return {};
    const QString name = locale.name(); // "zh_CN"
    if (const auto it = texts.constFind(name); it != texts.cend())
        return it.value();
    const QString language = name.section(u'_', 0, 0);
    if (const auto it = texts.constFind(language); it != texts.cend())
        return it.value();
    for (auto it = texts.cbegin(); it != texts.cend(); ++it) {
        if (it.key().section(u'_', 0, 0) == language)
            return it.value();
    }
    if (const auto it = texts.constFind(u"en"_s); it != texts.cend())
        return it.value();
    return texts.first();
}

const CatalogFramework *Catalog::framework(const QString &frameworkId) const
{
    for (const CatalogFramework &f : frameworks) {
        if (f.id == frameworkId)
            return &f;
    }
    return nullptr;
}

const CatalogItem *Catalog::item(const QString &itemKey) const
{
    for (const CatalogItem &i : items) {
        if (i.key.compare(itemKey, Qt::CaseInsensitive) == 0)
            return &i;
    }
    return nullptr;
}

QString catalogFormatKey(CatalogFormat format)
{
    return format == CatalogFormat::CisoAssistant ? u"ciso-assistant"_s : u"strata-catalog"_s;
}

} // namespace strata
