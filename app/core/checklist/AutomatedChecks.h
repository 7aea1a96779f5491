// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/Assessment.h"
#include "domain/Record.h"

#include <QDate>
#include <QList>
#include <QStringList>

namespace strata {

/// A record in an assessment's scope with the files the checks look at.
struct CheckedRecord
{
    Record record;
    QList<Artifact> artifacts;
    /// Evidence the assessment links to the item on model signatures (see itemForCheck("model-signature")).
    QList<Evidence> signatureEvidence;
};

/// Pre-fills what the inventory already knows as suggestions a reviewer confirms; pure functions, no storage.
namespace automated_checks {

/// The catalog item each check bears on in the built-in WDTA AI-STR-03 catalog.
QString itemForCheck(const QString &check);

/// Whether a file name looks like model weights (.safetensors, .gguf, .bin, .pt, ...), by its suffix.
bool isWeightsFile(const QString &fileName);
/// Whether a file name or media type is a detached signature or a Sigstore bundle (.sig, .sigstore, .asc, ...).
bool isSignature(const QString &fileName, const QString &mediaType = {});

/// Models without a file digest, models with weights and no signature, datasets without a licence, suppliers with an
/// expired certification and placeholder records from imports, in the order of `records`. A suggestion names an item
/// only when `itemKeys` (the assessment's items) holds it, compared without regard to case.
QList<CheckSuggestion> run(const QList<CheckedRecord> &records, const QStringList &itemKeys, const QDate &today);

} // namespace automated_checks
} // namespace strata
