// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ChecklistExport.h"

#include "checklist/CatalogJson.h"
#include "interop/CsvWriter.h"
#include "util/IsoText.h"

#include <QJsonArray>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QJsonObject ChecklistExport::itemJson(const AssessmentItem &item)
{
    QJsonArray evidence;
    for (const Evidence &e : item.evidence)
        evidence.append(QJsonObject{{u"id"_s, e.id}, {u"sha256"_s, e.sha256}, {u"title"_s, e.title}});
    return QJsonObject{{u"item"_s, item.key},
                       {u"ref"_s, item.ref},
                       {u"stage"_s, lifecycleStageKey(item.stage)},
                       {u"mandatory"_s, item.mandatory},
                       {u"title"_s, CatalogJson::textToJson(item.title)},
                       {u"status"_s, itemStatusKey(item.status)},
                       {u"notes"_s, item.notes},
                       {u"reviewer"_s, item.reviewer},
                       {u"updated_at"_s, iso::time(item.updatedAt)},
                       {u"evidence"_s, evidence}};
}

QJsonObject ChecklistExport::findingJson(const Finding &f)
{
    return QJsonObject{{u"id"_s, f.id},
                       {u"assessment"_s, f.assessmentId},
                       {u"item"_s, f.itemKey},
                       {u"title"_s, f.title},
                       {u"likelihood"_s, f.likelihood},
                       {u"impact"_s, f.impact},
                       {u"score"_s, f.score()},
                       {u"owner"_s, f.owner},
                       {u"due"_s, iso::date(f.dueDate)},
                       {u"status"_s, findingStatusKey(f.status)},
                       {u"justification"_s, f.justification},
                       {u"accepted_until"_s, iso::date(f.acceptedUntil)},
                       {u"created_at"_s, iso::time(f.createdAt)},
                       {u"created_by"_s, f.createdBy}};
}

QJsonObject ChecklistExport::toJson(const Assessment &a, const QList<Finding> &findings)
{
    QJsonArray items;
    for (const AssessmentItem &item : a.items)
        items.append(itemJson(item));
    QJsonArray raised;
    for (const Finding &f : findings) {
        if (f.assessmentId == a.id)
            raised.append(findingJson(f));
    }
    const bool release = a.scope.releaseId > 0;
    return QJsonObject{{u"assessment"_s, a.id},
                       {u"catalog"_s, a.catalogKey},
                       {u"catalog_version"_s, a.catalogVersion},
                       {u"scope"_s, QJsonObject{{u"type"_s, release ? u"release"_s : u"record"_s},
                                                {u"id"_s, release ? a.scope.releaseId : a.scope.recordId},
                                                {u"label"_s, a.scopeLabel}}},
                       {u"items"_s, items},
                       {u"findings"_s, raised}};
}

QByteArray ChecklistExport::toCsv(const Assessment &a, const QList<Finding> &findings, const QLocale &locale)
{
    QByteArray table = CsvWriter::row({u"item"_s, u"ref"_s, u"stage"_s, u"mandatory"_s, u"title"_s, u"status"_s,
                                       u"notes"_s, u"reviewer"_s, u"updated_at"_s, u"evidence"_s, u"findings"_s});
    for (const AssessmentItem &item : a.items) {
        QStringList evidence;
        for (const Evidence &e : item.evidence)
            evidence << u"%1 (sha256:%2)"_s.arg(e.title, e.sha256);
        QStringList raised;
        for (const Finding &f : findings) {
            if (f.assessmentId == a.id && f.itemKey == item.key)
                raised << u"#%1 %2 (%3, %4)"_s.arg(f.id).arg(f.title).arg(f.score()).arg(findingStatusKey(f.status));
        }
        table += CsvWriter::row({item.key, item.ref, lifecycleStageKey(item.stage), item.mandatory ? u"yes"_s : u"no"_s,
                                 item.title.text(locale), itemStatusKey(item.status), item.notes, item.reviewer,
                                 iso::time(item.updatedAt), evidence.join(u"; "_s), raised.join(u"; "_s)});
    }
    return table;
}

} // namespace strata
