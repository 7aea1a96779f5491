// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QByteArray>

// Small documents for the import and export tests, kept out of the test's own file because moc cannot read
// multi-line raw string literals that hold "//".
namespace strata::samples {

/// An SPDX 3 AI BOM: a supplier, a base model and its fine-tune, the fine-tune's training data and a framework.
extern const QByteArray kSpdxChain;
/// A valid SPDX 3 document holding one other model, with a description.
extern const QByteArray kSpdxOther;
/// A CycloneDX ML-BOM with a model that depends on a dataset.
extern const QByteArray kCycloneDx;
/// An SPDX relationship to an element the document does not hold.
extern const QByteArray kSpdxDangling;
/// A CycloneDX dependency on a bom-ref no component has.
extern const QByteArray kCycloneDxDangling;

} // namespace strata::samples
