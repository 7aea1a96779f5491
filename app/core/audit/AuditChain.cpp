// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "audit/AuditChain.h"

#include "util/Sha256.h"

#include <QHash>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

void appendField(QByteArray &out, const QByteArray &bytes)
{
    const auto size = static_cast<quint32>(bytes.size());
    out.append(static_cast<char>((size >> 24) & 0xff));
    out.append(static_cast<char>((size >> 16) & 0xff));
    out.append(static_cast<char>((size >> 8) & 0xff));
    out.append(static_cast<char>(size & 0xff));
    out.append(bytes);
}

/// Finds where rows are and which seq each one was recorded at, for naming what happened to a broken chain.
class Locator
{
public:
    explicit Locator(const QList<AuditEntry> &rows)
        : m_rows(rows)
    {
        for (int i = 0; i < rows.size(); ++i)
            m_byHash.insert(rows.at(i).hash, i);
    }

    /// The seq at which `row` was recorded, if it is a genuine row of the chain; nullopt when no seq makes its
    /// hash come out (its content was changed, or it was forged). Follows prev_hash to find the predecessor's
    /// original seq, so two swapped neighbours are both recognised.
    std::optional<qint64> originalSeq(const AuditEntry &row, int depth = 0) const
    {
        if (AuditChain::hashOf(row) == row.hash)
            return row.seq;
        if (depth > kMaxDepth)
            return std::nullopt;
        qint64 candidate = 1;
        if (row.prevHash != AuditChain::genesisHash()) {
            const int predecessor = m_byHash.value(row.prevHash, -1);
            if (predecessor < 0)
                return std::nullopt;
            const std::optional<qint64> before = originalSeq(m_rows.at(predecessor), depth + 1);
            if (!before)
                return std::nullopt;
            candidate = *before + 1;
        }
        AuditEntry moved = row;
        moved.seq = candidate;
        if (AuditChain::hashOf(moved) == row.hash)
            return candidate;
        return std::nullopt;
    }

    /// For a row whose predecessor is gone: the later seq it was recorded at, if rows before it were deleted and the
    /// rest renumbered down. Tries each seq up to kSearch ahead (a hash each, on the failure path only).
    std::optional<qint64> renumberedFrom(const AuditEntry &row) const
    {
        if (row.prevHash == AuditChain::genesisHash() || m_byHash.contains(row.prevHash))
            return std::nullopt;
        AuditEntry moved = row;
        for (qint64 seq = row.seq + 1; seq <= row.seq + kSearch; ++seq) {
            moved.seq = seq;
            if (AuditChain::hashOf(moved) == row.hash)
                return seq;
        }
        return std::nullopt;
    }

private:
    static constexpr int kMaxDepth = 32;
    static constexpr qint64 kSearch = 100000;
    const QList<AuditEntry> &m_rows;
    QHash<QString, int> m_byHash;
};

AuditVerification damaged(AuditVerification v, AuditDamage damage, qint64 seq, const QString &message)
{
    v.damage = damage;
    v.firstBadSeq = seq;
    v.message = message;
    return v;
}

} // namespace

AuditHead AuditHead::empty()
{
    return AuditHead{0, AuditChain::genesisHash()};
}

QString AuditHead::toString() const
{
    return u"%1:%2"_s.arg(seq).arg(hash);
}

std::optional<AuditHead> AuditHead::fromString(const QString &text)
{
    static const QRegularExpression form(u"^(\\d{1,18}):([0-9a-fA-F]{64})$"_s);
    const QRegularExpressionMatch m = form.match(text.trimmed());
    if (!m.hasMatch())
        return std::nullopt;
    return AuditHead{m.captured(1).toLongLong(), m.captured(2).toLower()};
}

QString AuditChain::genesisHash()
{
    return QString(64, u'0');
}

QByteArray AuditChain::canonical(const AuditEntry &row)
{
    QByteArray out;
    out.reserve(64 + row.beforeJson.size() + row.afterJson.size());
    appendField(out, QByteArray::number(row.seq));
    appendField(out, row.at.toUtf8());
    appendField(out, row.actor.toUtf8());
    appendField(out, row.action.toUtf8());
    appendField(out, row.entityKind.toUtf8());
    appendField(out, QByteArray::number(row.entityId));
    appendField(out, row.beforeJson.toUtf8());
    appendField(out, row.afterJson.toUtf8());
    return out;
}

QString AuditChain::hashOf(const AuditEntry &row)
{
    Sha256 sha;
    const char leaf = '\0';
    sha.update(&leaf, 1);
    sha.update(canonical(row));
    // A malformed prev_hash decodes to other bytes, so the row fails to verify rather than passing by accident.
    sha.update(QByteArray::fromHex(row.prevHash.toLatin1()));
    return sha.finalHex();
}

AuditHead AuditChain::seal(AuditEntry &entry, const AuditHead &head)
{
    entry.seq = head.seq + 1;
    entry.prevHash = head.hash;
    entry.hash = hashOf(entry);
    return AuditHead{entry.seq, entry.hash};
}

AuditVerification AuditChain::verify(const QList<AuditEntry> &rows,
                                     const std::optional<AuditHead> &checkpoint,
                                     const std::atomic<bool> *cancel)
{
    AuditVerification v;
    v.head = rows.isEmpty() ? AuditHead::empty() : AuditHead{rows.constLast().seq, rows.constLast().hash};
    std::optional<Locator> locator; // built on the first broken row only: an intact chain needs no index
    QString expectedPrev = genesisHash();
    qint64 expectedSeq = 1;
    for (int i = 0; i < rows.size(); ++i) {
        if (cancel && cancel->load(std::memory_order_relaxed) && i % 256 == 0) {
            v.cancelled = true;
            v.message = tr("The verification of the audit trail was cancelled after %n row(s).", "", i);
            return v;
        }
        const AuditEntry &row = rows.at(i);
        ++v.rowsChecked;
        if (row.seq > expectedSeq)
            return damaged(
                v, AuditDamage::Removed, expectedSeq,
                row.seq == expectedSeq + 1
                    ? tr("Audit row %1 is missing: it was deleted (the next row is %2).").arg(expectedSeq).arg(row.seq)
                    : tr("Audit rows %1 to %2 are missing: they were deleted.").arg(expectedSeq).arg(row.seq - 1));
        const bool selfOk = hashOf(row) == row.hash;
        const bool linkOk = row.prevHash == expectedPrev;
        if (row.seq == expectedSeq && selfOk && linkOk) {
            expectedPrev = row.hash;
            ++expectedSeq;
            continue;
        }
        if (!locator)
            locator.emplace(rows);
        if (row.seq < expectedSeq)
            return damaged(v, AuditDamage::Inserted, row.seq,
                           tr("Audit row %1 was inserted or forged: the trail starts at row 1.").arg(row.seq));
        const std::optional<qint64> original = locator->originalSeq(row);
        if (original && *original > row.seq)
            return damaged(v, AuditDamage::Reordered, row.seq,
                           tr("Audit row %1 is out of order: it was recorded as row %2.").arg(row.seq).arg(*original));
        if (original && *original < row.seq && rows.at(static_cast<int>(*original - 1)).hash == row.hash)
            return damaged(v, AuditDamage::Inserted, row.seq,
                           tr("Audit row %1 was inserted or forged: it repeats row %2.").arg(row.seq).arg(*original));
        if (original && *original < row.seq)
            return damaged(
                v, AuditDamage::Inserted, *original,
                tr("Audit row %1 was inserted or forged: row %2 was recorded as row %1.").arg(*original).arg(row.seq));
        if (original && i > 0) // genuine at its own seq, but it does not follow the row before: that one was redone
            return damaged(v, AuditDamage::Changed, row.seq - 1,
                           tr("Audit row %1 was changed and its hash recomputed: row %2 no longer follows it.")
                               .arg(row.seq - 1)
                               .arg(row.seq));
        if (const std::optional<qint64> from = original ? std::nullopt : locator->renumberedFrom(row))
            return damaged(v, AuditDamage::Removed, row.seq,
                           tr("Audit rows were deleted before row %1 and the later rows renumbered: row %1 was "
                              "recorded as row %2.")
                               .arg(row.seq)
                               .arg(*from));
        if (i + 1 < rows.size()) {
            const AuditEntry &next = rows.at(i + 1);
            if (next.prevHash == expectedPrev && locator->originalSeq(next))
                return damaged(v, AuditDamage::Inserted, row.seq,
                               tr("Audit row %1 was inserted or forged: it is not part of the chain.").arg(row.seq));
        }
        if (linkOk)
            return damaged(v, AuditDamage::Changed, row.seq,
                           tr("Audit row %1 was changed: its content no longer matches its hash.").arg(row.seq));
        return damaged(v, AuditDamage::Inserted, row.seq,
                       tr("Audit row %1 was inserted or forged: it is not part of the chain.").arg(row.seq));
    }
    if (checkpoint) {
        v = checkCheckpoint(std::move(v), rows, *checkpoint);
        if (!v.intact())
            return v;
    }
    v.message = tr("The audit trail is intact: %n row(s), head %1.", "", static_cast<int>(v.rowsChecked))
                    .arg(v.head.toString());
    return v;
}

AuditVerification AuditChain::checkCheckpoint(AuditVerification v,
                                              const QList<AuditEntry> &rows,
                                              const AuditHead &checkpoint)
{
    if (checkpoint.seq <= 0)
        return v;
    if (v.head.seq < checkpoint.seq)
        return damaged(v, AuditDamage::Truncated, v.head.seq + 1,
                       tr("The audit trail ends at row %1 but the checkpoint names row %2: rows %3 to %2 were "
                          "removed.")
                           .arg(v.head.seq)
                           .arg(checkpoint.seq)
                           .arg(v.head.seq + 1));
    // Rows are numbered 1..head without gaps here, so row N sits at index N - 1.
    const AuditEntry &anchored = rows.at(static_cast<int>(checkpoint.seq - 1));
    if (anchored.hash != checkpoint.hash)
        return damaged(v, AuditDamage::Rewritten, checkpoint.seq,
                       tr("Audit row %1 does not match the checkpoint %2: the trail was rewritten.")
                           .arg(checkpoint.seq)
                           .arg(checkpoint.toString()));
    return v;
}

QString AuditChain::damageLabel(AuditDamage damage)
{
    switch (damage) {
    case AuditDamage::None:
        return tr("intact");
    case AuditDamage::Changed:
        return tr("changed");
    case AuditDamage::Removed:
        return tr("removed");
    case AuditDamage::Reordered:
        return tr("reordered");
    case AuditDamage::Inserted:
        return tr("inserted");
    case AuditDamage::Truncated:
        return tr("truncated");
    case AuditDamage::Rewritten:
        return tr("rewritten");
    }
    return {};
}

AuditVerification AuditChain::verifyAgainst(const QList<AuditEntry> &rows,
                                            const QList<AuditHead> &checkpoints,
                                            const std::atomic<bool> *cancel)
{
    // One pass hashes the chain; once it is sound, each checkpoint is a lookup of the row it names.
    AuditVerification v = verify(rows, std::nullopt, cancel);
    for (const AuditHead &checkpoint : checkpoints) {
        if (!v.intact())
            return v;
        v = checkCheckpoint(std::move(v), rows, checkpoint);
    }
    if (v.intact() && !checkpoints.isEmpty()) {
        v.message = tr("%1 It agrees with the %n audit-trail head(s) that sign-offs recorded.", "",
                       static_cast<int>(checkpoints.size()))
                        .arg(v.message);
    }
    return v;
}

} // namespace strata
