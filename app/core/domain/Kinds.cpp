// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "domain/Record.h"
#include "domain/Relation.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::Kinds)
};

} // namespace

QList<RecordKind> allRecordKinds()
{
    return {RecordKind::Supplier, RecordKind::Model, RecordKind::Dataset, RecordKind::Software, RecordKind::Service};
}

QString recordKindKey(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Supplier:
        return u"supplier"_s;
    case RecordKind::Model:
        return u"model"_s;
    case RecordKind::Dataset:
        return u"dataset"_s;
    case RecordKind::Software:
        return u"software"_s;
    case RecordKind::Service:
        return u"service"_s;
    }
    return {};
}

std::optional<RecordKind> recordKindFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower();
    for (RecordKind kind : allRecordKinds()) {
        if (recordKindKey(kind) == k)
            return kind;
    }
    return std::nullopt;
}

QString recordKindLabel(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Supplier:
        return Tr::tr("Supplier");
    case RecordKind::Model:
        return Tr::tr("Model");
    case RecordKind::Dataset:
        return Tr::tr("Dataset");
    case RecordKind::Software:
        return Tr::tr("Software");
    case RecordKind::Service:
        return Tr::tr("Service");
    }
    return {};
}

QString recordKindPluralLabel(RecordKind kind)
{
    switch (kind) {
    case RecordKind::Supplier:
        return Tr::tr("Suppliers");
    case RecordKind::Model:
        return Tr::tr("Models");
    case RecordKind::Dataset:
        return Tr::tr("Datasets");
    case RecordKind::Software:
        return Tr::tr("Software");
    case RecordKind::Service:
        return Tr::tr("Services");
    }
    return {};
}

QList<RelationType> allRelationTypes()
{
    return {RelationType::DerivedFrom, RelationType::TrainedOn, RelationType::EvaluatedOn,
            RelationType::ProvidedBy,  RelationType::DependsOn, RelationType::HostedOn};
}

QString relationTypeKey(RelationType type)
{
    switch (type) {
    case RelationType::DerivedFrom:
        return u"derived_from"_s;
    case RelationType::TrainedOn:
        return u"trained_on"_s;
    case RelationType::EvaluatedOn:
        return u"evaluated_on"_s;
    case RelationType::ProvidedBy:
        return u"provided_by"_s;
    case RelationType::DependsOn:
        return u"depends_on"_s;
    case RelationType::HostedOn:
        return u"hosted_on"_s;
    }
    return {};
}

std::optional<RelationType> relationTypeFromKey(const QString &key)
{
    const QString k = key.trimmed().toLower().replace(u'-', u'_');
    for (RelationType type : allRelationTypes()) {
        if (relationTypeKey(type) == k)
            return type;
    }
    return std::nullopt;
}

QString relationTypeLabel(RelationType type)
{
    switch (type) {
    case RelationType::DerivedFrom:
        return Tr::tr("derived from");
    case RelationType::TrainedOn:
        return Tr::tr("trained on");
    case RelationType::EvaluatedOn:
        return Tr::tr("evaluated on");
    case RelationType::ProvidedBy:
        return Tr::tr("provided by");
    case RelationType::DependsOn:
        return Tr::tr("depends on");
    case RelationType::HostedOn:
        return Tr::tr("hosted on");
    }
    return {};
}

QStringList derivationKinds()
{
    return {u"finetune"_s, u"adapter"_s, u"quantized"_s, u"merge"_s, u"distilled"_s, u"other"_s};
}

QString derivationKindLabel(const QString &key)
{
    if (key == u"finetune"_s)
        return Tr::tr("fine-tune");
    if (key == u"adapter"_s)
        return Tr::tr("adapter");
    if (key == u"quantized"_s)
        return Tr::tr("quantized");
    if (key == u"merge"_s)
        return Tr::tr("merge");
    if (key == u"distilled"_s)
        return Tr::tr("distilled");
    if (key == u"other"_s)
        return Tr::tr("other");
    return key;
}

bool relationAllowed(RelationType type, RecordKind from, RecordKind to)
{
    switch (type) {
    case RelationType::DerivedFrom:
        // A model comes from a model, a dataset from a dataset (a filtered or translated copy), software likewise.
        return from == to && from != RecordKind::Supplier && from != RecordKind::Service;
    case RelationType::TrainedOn:
    case RelationType::EvaluatedOn:
        return from == RecordKind::Model && to == RecordKind::Dataset;
    case RelationType::ProvidedBy:
        return from != RecordKind::Supplier && to == RecordKind::Supplier;
    case RelationType::DependsOn:
        return from != RecordKind::Supplier && to != RecordKind::Supplier;
    case RelationType::HostedOn:
        return from != RecordKind::Supplier && to == RecordKind::Service;
    }
    return false;
}

} // namespace strata
