// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InteropSamples.h"

namespace strata::samples {

const QByteArray kSpdxChain = R"({
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-01-15T10:00:00Z",
     "createdBy": ["https://example.org/agent/acme"]},
    {"type": "Organization", "spdxId": "https://example.org/agent/acme", "creationInfo": "_:ci", "name": "Acme AI"},
    {"type": "ai_AIPackage", "spdxId": "https://example.org/model/base", "creationInfo": "_:ci", "name": "Acme Base",
     "software_packageVersion": "1.0", "suppliedBy": "https://example.org/agent/acme",
     "software_primaryPurpose": "model"},
    {"type": "ai_AIPackage", "spdxId": "https://example.org/model/chat", "creationInfo": "_:ci", "name": "Acme Chat",
     "software_packageVersion": "1.1", "suppliedBy": "https://example.org/agent/acme",
     "software_primaryPurpose": "model"},
    {"type": "dataset_DatasetPackage", "spdxId": "https://example.org/dataset/logs", "creationInfo": "_:ci",
     "name": "Chat Logs", "software_packageVersion": "2024", "software_primaryPurpose": "data",
     "dataset_datasetType": ["text"]},
    {"type": "software_Package", "spdxId": "https://example.org/software/torch", "creationInfo": "_:ci",
     "name": "torch", "software_packageVersion": "2.3.0", "software_primaryPurpose": "framework"},
    {"type": "Relationship", "spdxId": "https://example.org/rel/1", "creationInfo": "_:ci",
     "from": "https://example.org/model/chat", "relationshipType": "descendantOf",
     "to": ["https://example.org/model/base"]},
    {"type": "Relationship", "spdxId": "https://example.org/rel/2", "creationInfo": "_:ci",
     "from": "https://example.org/model/chat", "relationshipType": "trainedOn",
     "to": ["https://example.org/dataset/logs"]},
    {"type": "Relationship", "spdxId": "https://example.org/rel/3", "creationInfo": "_:ci",
     "from": "https://example.org/model/chat", "relationshipType": "dependsOn",
     "to": ["https://example.org/software/torch"]}
  ]
})";

const QByteArray kSpdxOther = R"({
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-02-01T00:00:00Z",
     "createdBy": []},
    {"type": "ai_AIPackage", "spdxId": "https://example.org/model/other", "creationInfo": "_:ci",
     "name": "Other Model", "software_packageVersion": "2.0", "software_primaryPurpose": "model",
     "description": "As the vendor describes it."}
  ]
})";

const QByteArray kCycloneDx = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "components": [
    {"type": "machine-learning-model", "bom-ref": "model-1", "name": "Vendor Model", "version": "3"},
    {"type": "data", "bom-ref": "data-1", "name": "Vendor Corpus", "version": "1",
     "data": [{"type": "dataset", "name": "Vendor Corpus"}]}
  ],
  "dependencies": [{"ref": "model-1", "dependsOn": ["data-1"]}]
})";

const QByteArray kSpdxDangling = R"({
  "@context": "https://spdx.org/rdf/3.0.1/spdx-context.jsonld",
  "@graph": [
    {"type": "CreationInfo", "@id": "_:ci", "specVersion": "3.0.1", "created": "2025-01-15T10:00:00Z",
     "createdBy": []},
    {"type": "ai_AIPackage", "spdxId": "https://example.org/model/lonely", "creationInfo": "_:ci",
     "name": "Lonely Model", "software_primaryPurpose": "model"},
    {"type": "Relationship", "spdxId": "https://example.org/rel/1", "creationInfo": "_:ci",
     "from": "https://example.org/model/lonely", "relationshipType": "trainedOn",
     "to": ["https://example.org/dataset/missing"]}
  ]
})";

const QByteArray kCycloneDxDangling = R"({
  "bomFormat": "CycloneDX", "specVersion": "1.6", "version": 1,
  "components": [{"type": "machine-learning-model", "bom-ref": "m-1", "name": "Dangling Model", "version": "1"}],
  "dependencies": [{"ref": "m-1", "dependsOn": ["nowhere"]}]
})";

} // namespace strata::samples
