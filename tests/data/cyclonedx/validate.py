#!/usr/bin/env python3
# SPDX-FileCopyrightText: 2026 Strata contributors
# SPDX-License-Identifier: Apache-2.0
"""Validates a CycloneDX 1.6 JSON BOM against the official schema, offline.

Usage: validate.py SCHEMA_DIR BOM.json
SCHEMA_DIR holds bom-1.6.schema.json and the two schemas it references (spdx.schema.json, jsf-0.82.schema.json).
Exit status: 0 valid, 1 invalid (the errors are printed), 2 bad usage or unreadable files, 3 jsonschema missing.
"""

import json
import os
import sys
import warnings


def main():
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    try:
        import jsonschema
    except ImportError:
        print("python3-jsonschema is not installed", file=sys.stderr)
        return 3
    schema_dir, bom_path = sys.argv[1], sys.argv[2]
    try:
        with open(os.path.join(schema_dir, "bom-1.6.schema.json"), encoding="utf-8") as f:
            schema = json.load(f)
        store = {}
        for name in ("spdx.schema.json", "jsf-0.82.schema.json"):
            with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
                referenced = json.load(f)
            # The BOM schema refers to them by relative name; resolved against its $id they become these URLs.
            store[name] = referenced
            store["http://cyclonedx.org/schema/" + name] = referenced
            if "$id" in referenced:
                store[referenced["$id"]] = referenced
        store[schema["$id"]] = schema
        with open(bom_path, encoding="utf-8") as f:
            bom = json.load(f)
    except (OSError, ValueError) as error:
        print(error, file=sys.stderr)
        return 2

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)  # RefResolver is deprecated in jsonschema >= 4.18
        resolver = jsonschema.RefResolver(base_uri=schema["$id"], referrer=schema, store=store)
        validator = jsonschema.Draft7Validator(schema, resolver=resolver,
                                               format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
        errors = sorted(validator.iter_errors(bom), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        path = "/".join(str(p) for p in error.absolute_path) or "(root)"
        print(f"{path}: {error.message[:300]}", file=sys.stderr)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
