// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "interop/CycloneDxChecks.h"
#include "interop/CycloneDxElements.h"
#include "interop/ImportDocument.h"
#include "interop/ImportLimits.h"

#include <map>

namespace strata::cyclonedx {

/// The records of a BOM that CycloneDxReader::readStreamed() validated, made again from the file's bytes each time
/// they are asked for: the applier takes them one at a time, so a large import holds the bytes (1 × the file)
/// rather than every mapped record (about 8 ×).
class CycloneDxStream : public ImportRecordStream
{
public:
    /// `suppliers` are the supplier records as the validating pass finished them (a later component can give a
    /// supplier its website, so the replay hands over these instead of its own, still unfinished, copies).
    CycloneDxStream(BomElements bom,
                    const QString &fileName,
                    const ImportLimits &limits,
                    BomRefs refs,
                    const QString &documentKey,
                    std::map<int, ImportedRecord> suppliers,
                    qsizetype count);

    qsizetype count() const override { return m_count; }
    Status forEach(const Sink &sink) const override;

private:
    BomElements m_bom;
    QString m_file;
    ImportLimits m_limits; ///< the caps only: the reader's progress and cancel hooks belong to the read
    BomRefs m_refs;
    QString m_documentKey;
    std::map<int, ImportedRecord> m_suppliers;
    qsizetype m_count = 0;
};

} // namespace strata::cyclonedx
