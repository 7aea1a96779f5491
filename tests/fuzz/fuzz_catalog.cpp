// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Catalog files (P1): Strata catalogs in JSON or YAML and CISO Assistant libraries, recognised from the content.
#include "FuzzInput.h"
#include "checklist/CatalogReader.h"

using namespace Qt::Literals::StringLiterals;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const strata::Result<strata::Catalog> catalog =
        strata::CatalogReader::read(strata::fuzz::bytes(data, size), u"catalog.yaml"_s);
    if (catalog)
        strata::fuzz::require(strata::CatalogReader::check(catalog.value(), u"catalog.yaml"_s).ok(),
                              "an accepted catalog keeps the invariants of a stored one");
    return 0;
}
