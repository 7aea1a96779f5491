// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Provenance.h"

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace strata {

class Output;

/// What importing one file did, or why it failed: one entry of the output of `import`.
struct ImportReport
{
    QString file;          ///< as the user named it, or as found under a folder they named
    ImportSummary summary; ///< counts and notes; empty when the file failed
    QString error;         ///< translated, names the file; empty when the file was imported

    bool failed() const { return !error.isEmpty(); }
};

/// The output of `import` for people and for programs, in one place because scripts depend on its JSON shape.
class ImportOutput
{
    Q_DECLARE_TR_FUNCTIONS(strata::ImportOutput)

public:
    /// {file, format, spec_version, import_id, added, updated, unchanged, skipped, placeholders, relations_added,
    /// relations_unchanged, relations_skipped, notes, error}; format, spec_version, import_id and error may be null.
    static QJsonObject json(const ImportReport &report);
    /// "bom.json (CycloneDX 1.6): 12 added, 3 updated, ...", then the summary's notes indented.
    static void print(const Output &out, const ImportReport &report);
    /// "CycloneDX 1.6", "SPDX 3.0.1", "Hugging Face card": the format as people call it.
    static QString formatName(const QString &format, const QString &specVersion);
};

} // namespace strata
