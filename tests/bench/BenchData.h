// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Record.h"
#include "domain/Result.h"

#include <QStringList>
#include <QVector>

#include <random>

namespace strata {
class Workspace;
}

namespace strata::bench {

/// Seed of every generated inventory: the same --records gives the same rows on every machine.
constexpr quint32 kSeed = 20260214;

/// Deterministic random numbers: std::mt19937's sequence is fixed by the standard, its distributions are not.
class Rng
{
public:
    explicit Rng(quint32 seed)
        : m_engine(seed)
    {
    }
    quint32 next() { return static_cast<quint32>(m_engine()); }
    /// Uniform in [0, n).
    int below(int n) { return static_cast<int>((static_cast<quint64>(next()) * static_cast<quint64>(n)) >> 32); }
    /// Uniform in [0, 1).
    double unit() { return next() / 4294967296.0; }
    bool chance(int percent) { return below(100) < percent; }
    const QString &pick(const QStringList &list) { return list.at(below(static_cast<int>(list.size()))); }

private:
    std::mt19937 m_engine;
};

/// Ranks drawn with probability proportional to 1 / (rank + 1), like word and popularity counts in real text.
class Zipf
{
public:
    explicit Zipf(int size);
    int draw(Rng &rng) const;

private:
    QVector<double> m_cumulative;
};

/// A generated inventory shaped like a real one: mixed kinds, realistic names, versions, licenses, descriptions
/// and tags over a Zipf vocabulary, and about one record in three provided_by a supplier.
struct Inventory
{
    QList<Record> records;   ///< suppliers first; tags normalised and attributes set through fields::setField
    QVector<int> supplierOf; ///< per record: index in `records` of its provided_by supplier, or -1
    QStringList vocabulary;  ///< the free-text words, most frequent first (Zipf rank order)
    QStringList domainWords; ///< frequent words from names, tags, licenses and suppliers

    int count(RecordKind kind) const;
    int relationCount() const;
    /// The lower-cased tokens FTS5 (unicode61) indexes for a record, supplier name included: the oracle that
    /// search results are checked against.
    QStringList searchTokens(int index) const;
};

Inventory generateInventory(int count, quint32 seed = kSeed);

/// Writes the inventory through the repository layer, as an import would: one Workspace::batch with
/// Workspace::createRecord per record, and Workspace::link right after a record that has a supplier.
/// When `linkMs` is given, it receives the time spent in link().
Status writeWorkspace(Workspace &workspace, const Inventory &inventory, double *linkMs = nullptr);

} // namespace strata::bench
