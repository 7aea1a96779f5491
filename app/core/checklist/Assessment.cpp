// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/Assessment.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(strata::Assessment)
};

} // namespace

QList<ItemStatus> allItemStatuses()
{
    return {ItemStatus::NotStarted, ItemStatus::Pass, ItemStatus::Fail, ItemStatus::NotApplicable,
            ItemStatus::RiskAccepted};
}

QString itemStatusKey(ItemStatus status)
{
    switch (status) {
    case ItemStatus::NotStarted:
        return u"not_started"_s;
    case ItemStatus::Pass:
        return u"pass"_s;
    case ItemStatus::Fail:
        return u"fail"_s;
    case ItemStatus::NotApplicable:
        return u"not_applicable"_s;
    case ItemStatus::RiskAccepted:
        return u"risk_accepted"_s;
    }
    return {};
}

std::optional<ItemStatus> itemStatusFromKey(const QString &key)
{
    for (ItemStatus status : allItemStatuses()) {
        if (itemStatusKey(status) == key)
            return status;
    }
    return std::nullopt;
}

QString itemStatusLabel(ItemStatus status)
{
    switch (status) {
    case ItemStatus::NotStarted:
        return Tr::tr("Not started");
    case ItemStatus::Pass:
        return Tr::tr("Pass");
    case ItemStatus::Fail:
        return Tr::tr("Fail");
    case ItemStatus::NotApplicable:
        return Tr::tr("Not applicable");
    case ItemStatus::RiskAccepted:
        return Tr::tr("Risk accepted");
    }
    return {};
}

QList<FindingStatus> allFindingStatuses()
{
    return {FindingStatus::Open, FindingStatus::Mitigating, FindingStatus::Accepted, FindingStatus::Closed};
}

QString findingStatusKey(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Open:
        return u"open"_s;
    case FindingStatus::Mitigating:
        return u"mitigating"_s;
    case FindingStatus::Accepted:
        return u"accepted"_s;
    case FindingStatus::Closed:
        return u"closed"_s;
    }
    return {};
}

std::optional<FindingStatus> findingStatusFromKey(const QString &key)
{
    for (FindingStatus status : allFindingStatuses()) {
        if (findingStatusKey(status) == key)
            return status;
    }
    return std::nullopt;
}

QString findingStatusLabel(FindingStatus status)
{
    switch (status) {
    case FindingStatus::Open:
        return Tr::tr("Open");
    case FindingStatus::Mitigating:
        return Tr::tr("Mitigating");
    case FindingStatus::Accepted:
        return Tr::tr("Accepted");
    case FindingStatus::Closed:
        return Tr::tr("Closed");
    }
    return {};
}

const AssessmentItem *Assessment::item(const QString &keyOrRef) const
{
    const QString wanted = keyOrRef.trimmed();
    for (const AssessmentItem &i : items) {
        if (i.key.compare(wanted, Qt::CaseInsensitive) == 0)
            return &i;
    }
    for (const AssessmentItem &i : items) {
        if (!i.ref.isEmpty() && i.ref.compare(wanted, Qt::CaseInsensitive) == 0)
            return &i;
    }
    return nullptr;
}

} // namespace strata
