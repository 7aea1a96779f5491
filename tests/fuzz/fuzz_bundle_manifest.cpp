// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Bundle manifests (P1): manifest.json of an assessment bundle, which arrives from another workspace.
#include "FuzzInput.h"
#include "bundle/BundleManifest.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::BundleManifest> manifest =
        strata::BundleManifest::parse(strata::fuzz::bytes(data, size), u"manifest.json"_s);
    if (!manifest)
        return 0;
    // What Strata writes for an accepted manifest reads back to the same manifest.
    const QByteArray written = manifest.value().toJson();
    const strata::Result<strata::BundleManifest> again = strata::BundleManifest::parse(written, u"again.json"_s);
    strata::fuzz::require(again.ok(), "a written manifest parses");
    strata::fuzz::require(again.value().toJson() == written, "a written manifest reads back unchanged");
    return 0;
}
