// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"
#include "interop/JsonScan.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace strata::cyclonedx {

/// A BOM's top-level object with its large arrays (components, services, dependencies) left out, and their
/// elements parsed one at a time on request: a QJsonDocument of a whole BOM takes about 8 times the file's size,
/// one element takes next to nothing, so a large import never holds the tree of the whole document.
class BomElements
{
public:
    /// The keys whose top-level arrays are read element by element.
    static const QSet<QString> &splitKeys();

    /// Parses everything but the split arrays' elements into root(); refuses text that is not JSON (naming the
    /// byte) or a document that is not an object. `scan` must be JsonScan::of(data, splitKeys()).
    static Result<BomElements> split(const QByteArray &data, const JsonScan &scan, const QString &fileName);

    /// The document's object; a split array is an empty array in it.
    const QJsonObject &root() const { return m_root; }
    /// Whether `key`'s elements come from at() rather than from root().
    bool isSplit(const QString &key) const { return m_arrays.contains(key); }
    /// How many elements the array under `key` has (0 when there is none, or it is not an array).
    qsizetype count(const QString &key) const;
    /// Element `index` of the array under `key`, parsed now; an error names the file and the byte when the
    /// element is not valid JSON.
    Result<QJsonValue> at(const QString &key, qsizetype index) const;

private:
    QByteArray m_data; ///< shares the caller's bytes
    QString m_file;
    QJsonObject m_root;
    QHash<QString, QList<JsonScan::Span>> m_arrays;
};

} // namespace strata::cyclonedx
