// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/Spdx3Licenses.h"

#include "interop/Spdx3Graph.h"
#include "interop/Spdx3Vocabulary.h"

#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kRefMax = 100;

// The identifier at the end of an SPDX License List IRI ("https://spdx.org/licenses/MIT" -> "MIT").
QString listedId(const QString &iri)
{
    const qsizetype at = iri.indexOf(u"spdx.org/licenses/"_s);
    if (at < 0)
        return {};
    QString id = iri.mid(at + 18);
    if (id.endsWith(u".html"_s) || id.endsWith(u".json"_s))
        id.chop(5);
    return id;
}

QString lastSegment(const QString &iri)
{
    QString s = iri;
    while (s.endsWith(u'/'))
        s.chop(1);
    return s.mid(s.lastIndexOf(u'/') + 1);
}

// Several licenses stated for one record all apply.
QString conjunction(const QStringList &parts)
{
    QStringList unique;
    for (const QString &p : parts) {
        if (!p.isEmpty() && !unique.contains(p))
            unique << p;
    }
    if (unique.size() == 1)
        return unique.constFirst();
    for (QString &p : unique) {
        if (p.contains(u' '))
            p = u"(%1)"_s.arg(p);
    }
    return unique.join(u" AND "_s);
}

} // namespace

Spdx3Licenses::Spdx3Licenses(const Spdx3Graph &graph, const ImportLimits &limits)
    : m_graph(graph)
    , m_limits(limits)
{
}

QString Spdx3Licenses::licenseRef(const QString &text)
{
    static const QRegularExpression invalid(u"[^A-Za-z0-9.-]+"_s);
    QString ref = text;
    if (ref.startsWith(u"LicenseRef-"_s))
        ref = ref.mid(11);
    ref.replace(invalid, u"-"_s);
    while (ref.startsWith(u'-'))
        ref.remove(0, 1);
    while (ref.endsWith(u'-'))
        ref.chop(1);
    ref.truncate(kRefMax);
    return u"LicenseRef-%1"_s.arg(ref.isEmpty() ? u"unknown"_s : ref);
}

void Spdx3Licenses::add(int record, const QString &relationshipType, const QStringList &targets, const QString &where)
{
    Stated &stated = m_stated[record];
    QStringList parts;
    for (qsizetype i = 0; i < targets.size(); ++i)
        parts << render(targets.at(i), 0, stated, u"%1.to[%2]"_s.arg(where).arg(i));
    const QString expression = conjunction(parts);
    if (expression.isEmpty())
        return;
    if (spdx3::term(relationshipType) == u"hasConcludedLicense"_s)
        stated.concluded << expression;
    else
        stated.declared << expression;
}

QString Spdx3Licenses::render(const QString &id, int depth, Stated &stated, const QString &where)
{
    if (depth > m_limits.maxDepth) {
        m_warnings << tr("%1: the license is nested more than %2 levels deep; it was not imported.")
                          .arg(where)
                          .arg(m_limits.maxDepth);
        return {};
    }
    if (spdx3::isNoneOrNoAssertion(id))
        return {};
    const Spdx3Element *e = m_graph.find(id);
    if (!e)
        return id.contains(u"://"_s) ? listedId(id) : id.trimmed();
    const QJsonObject &o = e->object;
    if (e->type == u"simplelicensing_LicenseExpression"_s)
        return o.value(u"simplelicensing_licenseExpression"_s).toString().trimmed();
    if (depth == 0 && !stated.elements.contains(o))
        stated.elements.append(o);
    const QString name = o.value(u"name"_s).toString().trimmed();
    const auto member = [&](const QString &key) {
        return render(Spdx3Graph::refId(o.value(key)), depth + 1, stated, where);
    };
    if (e->type == u"expandedlicensing_ListedLicense"_s || e->type == u"expandedlicensing_ListedLicenseException"_s) {
        const QString listed = listedId(e->id);
        return listed.isEmpty() ? name : listed;
    }
    if (e->type == u"expandedlicensing_CustomLicense"_s)
        return name.startsWith(u"LicenseRef-"_s) ? name : licenseRef(name.isEmpty() ? lastSegment(e->id) : name);
    if (e->type == u"expandedlicensing_CustomLicenseAddition"_s) {
        const QString ref = licenseRef(name.isEmpty() ? lastSegment(e->id) : name).mid(11);
        return name.startsWith(u"AdditionRef-"_s) ? name : u"AdditionRef-%1"_s.arg(ref);
    }
    if (e->type == u"expandedlicensing_ConjunctiveLicenseSet"_s ||
        e->type == u"expandedlicensing_DisjunctiveLicenseSet"_s) {
        const bool all = e->type == u"expandedlicensing_ConjunctiveLicenseSet"_s;
        QStringList parts;
        const QStringList members = Spdx3Graph::refIds(o.value(u"expandedlicensing_member"_s));
        for (const QString &m : members) {
            const QString part = render(m, depth + 1, stated, where);
            if (!part.isEmpty())
                parts << (part.contains(u' ') ? u"(%1)"_s.arg(part) : part);
        }
        return parts.join(all ? u" AND "_s : u" OR "_s);
    }
    if (e->type == u"expandedlicensing_OrLaterOperator"_s) {
        const QString subject = member(u"expandedlicensing_subjectLicense"_s);
        return subject.isEmpty() ? QString() : subject + u'+';
    }
    if (e->type == u"expandedlicensing_WithAdditionOperator"_s) {
        const QString subject = member(u"expandedlicensing_subjectExtendableLicense"_s);
        const QString addition = member(u"expandedlicensing_subjectAddition"_s);
        return subject.isEmpty() || addition.isEmpty() ? subject : u"%1 WITH %2"_s.arg(subject, addition);
    }
    m_warnings << tr("%1: a %2 is not a license Strata can read; it was not imported.").arg(where, e->type);
    return {};
}

QMap<int, Spdx3Licenses::Choice> Spdx3Licenses::choose() const
{
    QMap<int, Choice> out;
    for (auto it = m_stated.cbegin(); it != m_stated.cend(); ++it) {
        const Stated &s = it.value();
        const QString declared = conjunction(s.declared);
        const QString concluded = conjunction(s.concluded);
        Choice c;
        c.expression = concluded.isEmpty() ? declared : concluded;
        if (!declared.isEmpty() && !concluded.isEmpty() && declared != concluded) {
            c.kept.insert(u"hasDeclaredLicense"_s, declared);
            c.kept.insert(u"hasConcludedLicense"_s, concluded);
        }
        if (!s.elements.isEmpty())
            c.kept.insert(u"elements"_s, s.elements);
        out.insert(it.key(), c);
    }
    return out;
}

} // namespace strata
