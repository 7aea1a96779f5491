<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>strata::AddArtifactDialog</name>
    <message numerus="yes">
        <location filename="../ui/AddArtifactDialog.cpp" line="+99"/>
        <source>A SHA-256 digest has 64 hexadecimal characters; this one has %n.</source>
        <translation>
            <numerusform>A SHA-256 digest has 64 hexadecimal characters; this one has %n.</numerusform>
            <numerusform>A SHA-256 digest has 64 hexadecimal characters; this one has %n.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AssessmentCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/AssessmentCommands.cpp" line="+243"/>
        <source>Created release %1 (id %2) with %n record(s):</source>
        <translation>
            <numerusform>Created release %1 (id %2) with %n record:</numerusform>
            <numerusform>Created release %1 (id %2) with %n records:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+68"/>
        <source>Created assessment %1 of %2 with catalog %3 %4: %n item(s) apply.</source>
        <translation>
            <numerusform>Created assessment %1 of %2 with catalog %3 %4: %n item applies.</numerusform>
            <numerusform>Created assessment %1 of %2 with catalog %3 %4: %n items apply.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+86"/>
        <source>%1: %2 of %n answered</source>
        <translation>
            <numerusform>%1: %2 of %n answered</numerusform>
            <numerusform>%1: %2 of %n answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AssessmentsPage</name>
    <message numerus="yes">
        <location filename="../ui/AssessmentsPage.cpp" line="+157"/>
        <source>%1 of %n answered</source>
        <translation>
            <numerusform>%1 of %n answered</numerusform>
            <numerusform>%1 of %n answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CatalogCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/CatalogCommands.cpp" line="+343"/>
        <source>Imported catalog %1 version %2 with %n item(s) as catalog %3.</source>
        <translation>
            <numerusform>Imported catalog %1 version %2 with %n item as catalog %3.</numerusform>
            <numerusform>Imported catalog %1 version %2 with %n items as catalog %3.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CatalogImporter</name>
    <message numerus="yes">
        <location filename="../ui/CatalogImporter.cpp" line="+75"/>
        <source>Catalog %1 version %2 was imported with %n item(s).</source>
        <translation>
            <numerusform>Catalog %1 version %2 was imported with %n item.</numerusform>
            <numerusform>Catalog %1 version %2 was imported with %n items.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CatalogReader</name>
    <message numerus="yes">
        <location filename="../app/core/checklist/CisoAssistantLibrary.cpp" line="+314"/>
        <source>none of the %n requirement node(s) is assessable, so there is nothing to check</source>
        <translation>
            <numerusform>the %n requirement node is not assessable, so there is nothing to check</numerusform>
            <numerusform>none of the %n requirement nodes is assessable, so there is nothing to check</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CycloneDxReader</name>
    <message numerus="yes">
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+323"/>
        <source>(%n more)</source>
        <translation>
            <numerusform>(%n more)</numerusform>
            <numerusform>(%n more)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+12"/>
        <source>%n more dependency cycle(s) were not listed.</source>
        <translation>
            <numerusform>%n more dependency cycle was not listed.</numerusform>
            <numerusform>%n more dependency cycles were not listed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/interop/CycloneDxMapping.cpp" line="+163"/>
        <source>%n tag(s) longer than 50 characters, containing a comma or beyond the 50th were kept in the record&apos;s extras (&quot;cyclonedx.unmapped&quot;).</source>
        <translation>
            <numerusform>%n tag longer than 50 characters, containing a comma or beyond the 50th was kept in the record&apos;s extras (&quot;cyclonedx.unmapped&quot;).</numerusform>
            <numerusform>%n tags longer than 50 characters, containing a comma or beyond the 50th were kept in the record&apos;s extras (&quot;cyclonedx.unmapped&quot;).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::DemoWorkspace</name>
    <message numerus="yes">
        <location filename="../app/core/demo/DemoWorkspace.cpp" line="+36"/>
        <source>The demo goes into an empty workspace; %1 already holds %n record(s). Choose a new file for the demo.</source>
        <translation>
            <numerusform>The demo goes into an empty workspace; %1 already holds %n record. Choose a new file for the demo.</numerusform>
            <numerusform>The demo goes into an empty workspace; %1 already holds %n records. Choose a new file for the demo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidenceCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/EvidenceCommands.cpp" line="+213"/>
        <source>Checked %n evidence file(s): every one matches its SHA-256.</source>
        <translation>
            <numerusform>Checked %n evidence file: it matches its SHA-256.</numerusform>
            <numerusform>Checked %n evidence files: every one matches its SHA-256.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Checked %n evidence file(s): %1 missing or altered.</source>
        <translation>
            <numerusform>Checked %n evidence file: %1 missing or altered.</numerusform>
            <numerusform>Checked %n evidence files: %1 missing or altered.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ExportController</name>
    <message numerus="yes">
        <location filename="../ui/ExportController.cpp" line="+157"/>
        <source>%1 already exist(s). Replace?</source>
        <translation>
            <numerusform>%1 already exists. Replace it?</numerusform>
            <numerusform>%1 already exist. Replace them?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>Exported %n record(s) to %1.</source>
        <translation>
            <numerusform>Exported %n record to %1.</numerusform>
            <numerusform>Exported %n records to %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/GraphCommands.cpp" line="+197"/>
        <source>%n record(s) upstream of %1 (id %2):</source>
        <translation>
            <numerusform>%n record upstream of %1 (id %2):</numerusform>
            <numerusform>%n records upstream of %1 (id %2):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) downstream of %1 (id %2):</source>
        <translation>
            <numerusform>%n record downstream of %1 (id %2):</numerusform>
            <numerusform>%n records downstream of %1 (id %2):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+78"/>
        <source>%n path(s): %1 is made of %2.</source>
        <translation>
            <numerusform>%n path: %1 is made of %2.</numerusform>
            <numerusform>%n paths: %1 is made of %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n path(s): %2 is built on %1.</source>
        <translation>
            <numerusform>%n path: %2 is built on %1.</numerusform>
            <numerusform>%n paths: %2 is built on %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+89"/>
        <source>Wrote %1 (%n record(s), %2 relations).</source>
        <translation>
            <numerusform>Wrote %1 (%n record, %2 relations).</numerusform>
            <numerusform>Wrote %1 (%n records, %2 relations).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphController</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphController.cpp" line="+138"/>
        <source>Indexing %n record(s)…</source>
        <translation>
            <numerusform>Indexing %n record…</numerusform>
            <numerusform>Indexing %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+98"/>
        <source>This view has %n record(s); the graph draws at most %1. Pick a record to focus on, fewer hops or filters.</source>
        <translation>
            <numerusform>This view has %n record; the graph draws at most %1. Pick a record to focus on, fewer hops or filters.</numerusform>
            <numerusform>This view has %n records; the graph draws at most %1. Pick a record to focus on, fewer hops or filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+35"/>
        <source>Laying out %n record(s)…</source>
        <translation>
            <numerusform>Laying out %n record…</numerusform>
            <numerusform>Laying out %n records…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphDetailsPanel</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphDetailsPanel.cpp" line="+177"/>
        <source>Made of %n record(s)</source>
        <translation>
            <numerusform>Made of %n record</numerusform>
            <numerusform>Made of %n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) built on it</source>
        <translation>
            <numerusform>%n record built on it</numerusform>
            <numerusform>%n records built on it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>%1: %2 of %n record(s) (%3%)</source>
        <translation>
            <numerusform>%1: %2 of %n record (%3%)</numerusform>
            <numerusform>%1: %2 of %n records (%3%)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphExport</name>
    <message numerus="yes">
        <location filename="../app/core/graph/GraphExport.cpp" line="+81"/>
        <source>Strata lineage graph: %n record(s)</source>
        <translation>
            <numerusform>Strata lineage graph: %n record</numerusform>
            <numerusform>Strata lineage graph: %n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphExporter</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphExporter.cpp" line="+55"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphPage</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphPage.cpp" line="+169"/>
        <source>Drawing %n record(s)…</source>
        <translation>
            <numerusform>Drawing %n record…</numerusform>
            <numerusform>Drawing %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+161"/>
        <source>This workspace has %n record(s). Find one above to see what it is made of and what is built on it, or show the whole workspace.</source>
        <translation>
            <numerusform>This workspace has %n record. Find one above to see what it is made of and what is built on it, or show the whole workspace.</numerusform>
            <numerusform>This workspace has %n records. Find one above to see what it is made of and what is built on it, or show the whole workspace.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+97"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImportOutput</name>
    <message numerus="yes">
        <location filename="../app/cli/ImportOutput.cpp" line="+52"/>
        <source>%1 added (%n placeholder(s))</source>
        <translation>
            <numerusform>%1 added (%n placeholder)</numerusform>
            <numerusform>%1 added (%n placeholders)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+6"/>
        <source>%n relation(s) added</source>
        <translation>
            <numerusform>%n relation added</numerusform>
            <numerusform>%n relations added</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ImportSummaryDialog</name>
    <message numerus="yes">
        <location filename="../ui/ImportSummaryDialog.cpp" line="+199"/>
        <source>Imported %1 of %n file(s).</source>
        <translation>
            <numerusform>Imported %1 of %n file.</numerusform>
            <numerusform>Imported %1 of %n files.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+11"/>
        <source>%n file(s) could not be imported; they changed nothing.</source>
        <translation>
            <numerusform>%n file could not be imported; it changed nothing.</numerusform>
            <numerusform>%n files could not be imported; they changed nothing.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>The import was cancelled: %n file(s) were not read and changed nothing.</source>
        <translation>
            <numerusform>The import was cancelled: %n file was not read and changed nothing.</numerusform>
            <numerusform>The import was cancelled: %n files were not read and changed nothing.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::InteropCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/InteropCommands.cpp" line="+378"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+7"/>
        <source>Wrote %1 and %2 to %n file(s):</source>
        <translation>
            <numerusform>Wrote %1 and %2 to %n file:</numerusform>
            <numerusform>Wrote %1 and %2 to %n files:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::InventoryCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/InventoryCommands.cpp" line="+292"/>
        <source>Created the demo workspace %1 with %n record(s):</source>
        <translation>
            <numerusform>Created the demo workspace %1 with %n record:</numerusform>
            <numerusform>Created the demo workspace %1 with %n records:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+192"/>
        <source>%n relation(s)</source>
        <translation>
            <numerusform>%n relation</numerusform>
            <numerusform>%n relations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n artifact(s)</source>
        <translation>
            <numerusform>%n artifact</numerusform>
            <numerusform>%n artifacts</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::InventoryPage</name>
    <message numerus="yes">
        <location filename="../ui/InventoryPage.cpp" line="+311"/>
        <source>This also removes %n relation(s): %1.</source>
        <translation>
            <numerusform>This also removes %n relation: %1.</numerusform>
            <numerusform>This also removes %n relations: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Its %n artifact(s) go too.</source>
        <translation>
            <numerusform>Its %n artifact goes too.</numerusform>
            <numerusform>Its %n artifacts go too.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+66"/>
        <source>%n record(s)</source>
        <translation>
            <numerusform>%n record</numerusform>
            <numerusform>%n records</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n record(s) match the search</source>
        <translation>
            <numerusform>%n record matches the search</numerusform>
            <numerusform>%n records match the search</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ProvenancePanel</name>
    <message numerus="yes">
        <location filename="../ui/ProvenancePanel.cpp" line="+185"/>
        <source>Described by %n import(s):</source>
        <translation>
            <numerusform>Described by %n import:</numerusform>
            <numerusform>Described by %n imports:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+56"/>
        <source>%n key(s)</source>
        <translation>
            <numerusform>%n key</numerusform>
            <numerusform>%n keys</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>… %n more not shown</source>
        <translation>
            <numerusform>… %n more not shown</numerusform>
            <numerusform>… %n more not shown</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportData</name>
    <message numerus="yes">
        <location filename="../app/report/ReportData.cpp" line="+103"/>
        <source>Ready, with %n accepted risk(s).</source>
        <translation>
            <numerusform>Ready, with %n accepted risk.</numerusform>
            <numerusform>Ready, with %n accepted risks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>Signed off (%n signature(s) verified)</source>
        <translation>
            <numerusform>Signed off (%n signature verified)</numerusform>
            <numerusform>Signed off (%n signatures verified)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportSections</name>
    <message numerus="yes">
        <location filename="../app/report/ReportSections.cpp" line="+172"/>
        <source>What the scope is made of: %n record(s) and their relations, what a record is built from drawn above it. Arrows point from what is used to what uses it.</source>
        <translation>
            <numerusform>What the scope is made of: %n record and its relations, what a record is built from drawn above it. Arrows point from what is used to what uses it.</numerusform>
            <numerusform>What the scope is made of: %n records and their relations, what a record is built from drawn above it. Arrows point from what is used to what uses it.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::Spdx3Reader</name>
    <message numerus="yes">
        <location filename="../app/core/interop/Spdx3Reader.cpp" line="+146"/>
        <source>Skipped %n element(s) of type %1: Strata keeps models, datasets, software, services and suppliers as records, and files only as the artifacts of models and datasets.</source>
        <translation>
            <numerusform>Skipped %n element of type %1: Strata keeps models, datasets, software, services and suppliers as records, and files only as the artifacts of models and datasets.</numerusform>
            <numerusform>Skipped %n elements of type %1: Strata keeps models, datasets, software, services and suppliers as records, and files only as the artifacts of models and datasets.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+351"/>
        <source>%1: %n file(s) in %2 have no digest Strata can keep (sha256, sha384, sha512, sha3, blake2b, sha1 or md5) and were not recorded as artifacts.</source>
        <translation>
            <numerusform>%1: %n file in %2 has no digest Strata can keep (sha256, sha384, sha512, sha3, blake2b, sha1 or md5) and was not recorded as an artifact.</numerusform>
            <numerusform>%1: %n files in %2 have no digest Strata can keep (sha256, sha384, sha512, sha3, blake2b, sha1 or md5) and were not recorded as artifacts.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::Workspace</name>
    <message numerus="yes">
        <location filename="../app/core/workspace/WorkspaceAssessments.cpp" line="+174"/>
        <source>&quot;%1&quot; names %n release(s) (%2); give NAME@VERSION.</source>
        <translation>
            <numerusform>&quot;%1&quot; names %n release (%2); give NAME@VERSION.</numerusform>
            <numerusform>&quot;%1&quot; names %n releases (%2); give NAME@VERSION.</numerusform>
        </translation>
    </message>
</context>
</TS>
