// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "RecordText.h"

#include "Output.h"
#include "domain/Fields.h"

#include <utility>

using namespace Qt::Literals::StringLiterals;

namespace strata {

QString RecordText::stamp(const QDateTime &time, const QString &actor)
{
    const QString when = time.isValid() ? time.toUTC().toString(Qt::ISODate) : QString();
    return actor.isEmpty() ? when : tr("%1 by %2").arg(when, actor);
}

void RecordText::print(const Output &out, const RecordSnapshot &snapshot)
{
    const Record &record = snapshot.record;
    QStringList suppliers;
    for (const RelatedRecord &related : snapshot.relations) {
        if (related.outgoing && related.relation.type == RelationType::ProvidedBy)
            suppliers.append(related.otherName);
    }

    // Field keys rather than labels: what `show` prints is what `edit --set` accepts.
    QList<std::pair<QString, QString>> lines{{u"id"_s, QString::number(record.id)},
                                             {u"kind"_s, recordKindKey(record.kind)}};
    for (const FieldSpec &field : fields::allFields(record.kind)) {
        const QString text = fields::fieldText(record, field.key);
        if (!text.isEmpty() || field.key == u"name"_s)
            lines.append({field.key, text});
        if (field.key == u"version"_s && !suppliers.isEmpty())
            lines.append({u"supplier"_s, suppliers.join(u", "_s)});
    }
    if (record.placeholder)
        lines.append({u"placeholder"_s, tr("yes: referenced by an import, not yet verified")});
    lines.append({u"created"_s, stamp(record.createdAt, record.createdBy)});
    lines.append({u"updated"_s, stamp(record.updatedAt, record.updatedBy)});
    out.printFields(lines);

    if (!snapshot.relations.isEmpty()) {
        out.print(QString());
        out.print(tr("Relations (%1)").arg(snapshot.relations.size()));
        QList<QStringList> rows;
        for (const RelatedRecord &related : snapshot.relations) {
            const Relation &relation = related.relation;
            rows.append({QString::number(relation.id), related.outgoing ? tr("out") : tr("in"),
                         relationTypeKey(relation.type), relation.subtype, QString::number(related.otherId),
                         recordKindKey(related.otherKind), related.otherName, related.otherVersion});
        }
        out.printTable({tr("ID"), tr("DIRECTION"), tr("RELATION"), tr("SUBTYPE"), tr("OTHER"), tr("KIND"), tr("NAME"),
                        tr("VERSION")},
                       rows, 2);
    }

    if (!snapshot.artifacts.isEmpty()) {
        out.print(QString());
        out.print(tr("Artifacts (%1)").arg(snapshot.artifacts.size()));
        QList<QStringList> rows;
        for (const Artifact &artifact : snapshot.artifacts) {
            rows.append({artifact.fileName, artifact.size < 0 ? QString() : QString::number(artifact.size),
                         u"%1:%2"_s.arg(artifact.algorithm, artifact.digest)});
        }
        out.printTable({tr("FILE"), tr("BYTES"), tr("DIGEST")}, rows, 2);
    }
}

} // namespace strata
