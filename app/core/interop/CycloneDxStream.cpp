// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/CycloneDxStream.h"

#include "interop/CycloneDxComponents.h"
#include "interop/CycloneDxReader.h"

using namespace Qt::Literals::StringLiterals;

namespace strata::cyclonedx {

CycloneDxStream::CycloneDxStream(BomElements bom,
                                 const QString &fileName,
                                 const ImportLimits &limits,
                                 BomRefs refs,
                                 const QString &documentKey,
                                 std::map<int, ImportedRecord> suppliers,
                                 qsizetype count)
    : m_bom(std::move(bom))
    , m_file(fileName)
    , m_refs(std::move(refs))
    , m_documentKey(documentKey)
    , m_suppliers(std::move(suppliers))
    , m_count(count)
{
    m_limits.maxFileBytes = limits.maxFileBytes;
    m_limits.maxDepth = limits.maxDepth;
    m_limits.maxRecords = limits.maxRecords;
    m_limits.maxStringLength = limits.maxStringLength;
}

Status CycloneDxStream::forEach(const Sink &sink) const
{
    // The same walk as the validating pass, over the same bytes with the same caps, so it makes the same records
    // with the same refs in the same order; it cannot meet an error that pass did not refuse, but says so if it does.
    ComponentMapper mapper(m_file, m_limits, m_refs, m_documentKey, ComponentMapper::Mode::Replay);
    mapper.setSink(&sink, &m_suppliers);
    if (Status s = mapper.readStrataSuppliers(m_bom.root().value(u"properties"_s).toArray()); !s)
        return s;
    if (Status s = mapper.readComponents(m_bom); !s)
        return s;
    if (Status s = mapper.readServices(m_bom); !s)
        return s;
    if (Status s = mapper.flush(); !s)
        return s;
    if (mapper.recordCount() != m_count)
        return Error{ErrorCode::Integrity,
                     CycloneDxReader::tr("%1 gave %2 records when it was applied, %3 when it was read; nothing was "
                                         "imported.")
                         .arg(m_file)
                         .arg(mapper.recordCount())
                         .arg(m_count)};
    return Ok{};
}

} // namespace strata::cyclonedx
