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
        <location filename="../app/cli/AssessmentCommands.cpp" line="+216"/>
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
        <location filename="../ui/assessments/AssessmentsPage.cpp" line="+157"/>
        <source>Release %1 holds %n record(s). Assess it now?</source>
        <translation>
            <numerusform>Release %1 holds %n record. Assess it now?</numerusform>
            <numerusform>Release %1 holds %n records. Assess it now?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+102"/>
        <source>%1 of %n answered</source>
        <translation>
            <numerusform>%1 of %n answered</numerusform>
            <numerusform>%1 of %n answered</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AuditChain</name>
    <message numerus="yes">
        <location filename="../app/core/audit/AuditChain.cpp" line="+165"/>
        <source>The verification of the audit trail was cancelled after %n row(s).</source>
        <translation>
            <numerusform>The verification of the audit trail was cancelled after %n row.</numerusform>
            <numerusform>The verification of the audit trail was cancelled after %n rows.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+62"/>
        <source>The audit trail is intact: %n row(s), head %1.</source>
        <translation>
            <numerusform>The audit trail is intact: %n row, head %1.</numerusform>
            <numerusform>The audit trail is intact: %n rows, head %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+61"/>
        <source>%1 It agrees with the %n audit-trail head(s) that sign-offs recorded.</source>
        <translation>
            <numerusform>%1 It agrees with the %n audit-trail head that sign-offs recorded.</numerusform>
            <numerusform>%1 It agrees with the %n audit-trail heads that sign-offs recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AuditPage</name>
    <message numerus="yes">
        <location filename="../ui/audit/AuditPage.cpp" line="+243"/>
        <source>Showing the newest %n entries; filter to reach older ones.</source>
        <translation>
            <numerusform>Showing the newest %n entry; filter to reach older ones.</numerusform>
            <numerusform>Showing the newest %n entries; filter to reach older ones.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n entry(ies)</source>
        <translation>
            <numerusform>%n entry</numerusform>
            <numerusform>%n entries</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+47"/>
        <source>Checking %n audit row(s)…</source>
        <translation>
            <numerusform>Checking %n audit row…</numerusform>
            <numerusform>Checking %n audit rows…</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::AuditTableModel</name>
    <message numerus="yes">
        <location filename="../models/AuditTableModel.cpp" line="+25"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n item</numerusform>
            <numerusform>%n items</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::BundleController</name>
    <message numerus="yes">
        <location filename="../ui/BundleController.cpp" line="+156"/>
        <source>The bundle of %1 was written to %2 and signed by %3: %n evidence file(s).</source>
        <translation>
            <numerusform>The bundle of %1 was written to %2 and signed by %3: %n evidence file.</numerusform>
            <numerusform>The bundle of %1 was written to %2 and signed by %3: %n evidence files.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::CatalogCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/CatalogCommands.cpp" line="+333"/>
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
        <location filename="../ui/CatalogImporter.cpp" line="+89"/>
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
        <location filename="../app/core/interop/CycloneDxLinks.cpp" line="+368"/>
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
        <location filename="../app/core/interop/CycloneDxMapping.cpp" line="+164"/>
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
        <location filename="../app/core/demo/DemoWorkspace.cpp" line="+37"/>
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
        <location filename="../app/cli/EvidenceCommands.cpp" line="+202"/>
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
    <name>strata::EvidencePage</name>
    <message numerus="yes">
        <location filename="../ui/evidence/EvidencePage.cpp" line="+111"/>
        <source>Expiring within %n day(s)</source>
        <translation>
            <numerusform>Expiring within %n day</numerusform>
            <numerusform>Expiring within %n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+132"/>
        <source>%n evidence item(s)</source>
        <translation>
            <numerusform>%n evidence item</numerusform>
            <numerusform>%n evidence items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n expired</source>
        <translation>
            <numerusform>%n expired</numerusform>
            <numerusform>%n expired</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n expiring within %1 days</source>
        <translation>
            <numerusform>%n expiring within %1 days</numerusform>
            <numerusform>%n expiring within %1 days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+71"/>
        <source>Checking %n evidence file(s)…</source>
        <translation>
            <numerusform>Checking %n evidence file…</numerusform>
            <numerusform>Checking %n evidence files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+54"/>
        <source>All %n evidence file(s) match their recorded SHA-256.</source>
        <translation>
            <numerusform>The %n evidence file matches its recorded SHA-256.</numerusform>
            <numerusform>All %n evidence files match their recorded SHA-256.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>%n of %1 evidence file(s) are missing or altered:</source>
        <translation>
            <numerusform>%n of %1 evidence files is missing or altered:</numerusform>
            <numerusform>%n of %1 evidence files are missing or altered:</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidenceStore</name>
    <message numerus="yes">
        <location filename="../app/core/evidence/EvidenceBatch.cpp" line="+83"/>
        <source>Adding %n file(s) was cancelled; nothing was recorded.</source>
        <translation>
            <numerusform>Adding %n file was cancelled; nothing was recorded.</numerusform>
            <numerusform>Adding %n files was cancelled; nothing was recorded.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::EvidenceTableModel</name>
    <message numerus="yes">
        <location filename="../models/EvidenceTableModel.cpp" line="+147"/>
        <source>%1 (expires in %n day(s))</source>
        <translation>
            <numerusform>%1 (expires in %n day)</numerusform>
            <numerusform>%1 (expires in %n days)</numerusform>
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
    <name>strata::FindingsPage</name>
    <message numerus="yes">
        <location filename="../ui/findings/FindingsPage.cpp" line="+199"/>
        <source>%n finding(s)</source>
        <translation>
            <numerusform>%n finding</numerusform>
            <numerusform>%n findings</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+1"/>
        <source>%n open or mitigating</source>
        <translation>
            <numerusform>%n open or mitigating</numerusform>
            <numerusform>%n open or mitigating</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+0"/>
        <source>%n overdue</source>
        <translation>
            <numerusform>%n overdue</numerusform>
            <numerusform>%n overdue</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+8"/>
        <source>Showing likelihood %1 × impact %2 only: %n finding(s).</source>
        <translation>
            <numerusform>Showing likelihood %1 × impact %2 only: %n finding.</numerusform>
            <numerusform>Showing likelihood %1 × impact %2 only: %n findings.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/GraphCommands.cpp" line="+209"/>
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
        <location line="+90"/>
        <source>Wrote %1 (%n record(s), %2 relations).</source>
        <translation>
            <numerusform>Wrote %1 (%n record, %2 relations).</numerusform>
            <numerusform>Wrote %1 (%n records, %2 relations).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+45"/>
        <source>%n group(s) of records made of themselves through their relations:</source>
        <translation>
            <numerusform>%n group of records made of themselves through their relations:</numerusform>
            <numerusform>%n groups of records made of themselves through their relations:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+30"/>
        <source>%n model(s) with no known origin (neither derived from a record nor provided by a supplier):</source>
        <translation>
            <numerusform>%n model with no known origin (neither derived from a record nor provided by a supplier):</numerusform>
            <numerusform>%n models with no known origin (neither derived from a record nor provided by a supplier):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::GraphController</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphController.cpp" line="+182"/>
        <source>Indexing %n record(s)…</source>
        <translation>
            <numerusform>Indexing %n record…</numerusform>
            <numerusform>Indexing %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+112"/>
        <source>The whole workspace has %n record(s); the graph draws at most %1. Find a record above to focus on, or hide kinds of records or relations in Filters.</source>
        <translation>
            <numerusform>The whole workspace has %n record; the graph draws at most %1. Find a record above to focus on, or hide kinds of records or relations in Filters.</numerusform>
            <numerusform>The whole workspace has %n records; the graph draws at most %1. Find a record above to focus on, or hide kinds of records or relations in Filters.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>This view has %n record(s); the graph draws at most %1. Set Hops to %2 or fewer to see the nearest ones, or narrow it in Filters or with a supplier.</source>
        <translation>
            <numerusform>This view has %n record; the graph draws at most %1. Set Hops to %2 or fewer to see the nearest ones, or narrow it in Filters or with a supplier.</numerusform>
            <numerusform>This view has %n records; the graph draws at most %1. Set Hops to %2 or fewer to see the nearest ones, or narrow it in Filters or with a supplier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+5"/>
        <source>This view has %n record(s); the graph draws at most %1, and even the records one hop away are more. Hide kinds of records or relations in Filters, or pick a supplier.</source>
        <translation>
            <numerusform>This view has %n record; the graph draws at most %1, and even the records one hop away are more. Hide kinds of records or relations in Filters, or pick a supplier.</numerusform>
            <numerusform>This view has %n records; the graph draws at most %1, and even the records one hop away are more. Hide kinds of records or relations in Filters, or pick a supplier.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+33"/>
        <source>Waiting for a cancelled layout to end, then laying out %n record(s)…</source>
        <translation>
            <numerusform>Waiting for a cancelled layout to end, then laying out %n record…</numerusform>
            <numerusform>Waiting for a cancelled layout to end, then laying out %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
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
        <location filename="../ui/graph/GraphPage.cpp" line="+201"/>
        <source>Drawing %n record(s)…</source>
        <translation>
            <numerusform>Drawing %n record…</numerusform>
            <numerusform>Drawing %n records…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+162"/>
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
    <name>strata::GraphProblemsPanel</name>
    <message numerus="yes">
        <location filename="../ui/graph/GraphProblemsPanel.cpp" line="+28"/>
        <source>… and %n more; &quot;strata-cli graph cycles&quot; and &quot;graph orphans&quot; list them all</source>
        <translation>
            <numerusform>… and %n more; &quot;strata-cli graph cycles&quot; and &quot;graph orphans&quot; list them all</numerusform>
            <numerusform>… and %n more; &quot;strata-cli graph cycles&quot; and &quot;graph orphans&quot; list them all</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+77"/>
        <source>These %n record(s) are made of each other; click to see them.</source>
        <translation>
            <numerusform>This %n record is made of itself; click to see it.</numerusform>
            <numerusform>These %n records are made of each other; click to see them.</numerusform>
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
        <location filename="../ui/ImportSummaryDialog.cpp" line="+200"/>
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
        <location filename="../app/cli/InteropCommands.cpp" line="+354"/>
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
        <location filename="../app/cli/InventoryCommands.cpp" line="+287"/>
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
        <location filename="../ui/InventoryPage.cpp" line="+312"/>
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
    <name>strata::NewAssessmentDialog</name>
    <message numerus="yes">
        <location filename="../ui/assessments/NewAssessmentDialog.cpp" line="+43"/>
        <source>%1 (%n record(s))</source>
        <translation>
            <numerusform>%1 (%n record)</numerusform>
            <numerusform>%1 (%n records)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1 %2 (%n item(s))</source>
        <translation>
            <numerusform>%1 %2 (%n item)</numerusform>
            <numerusform>%1 %2 (%n items)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::NewReleaseDialog</name>
    <message numerus="yes">
        <location filename="../ui/assessments/NewReleaseDialog.cpp" line="+131"/>
        <source>The release will hold %n record(s): the root and everything upstream of it.</source>
        <translation>
            <numerusform>The release will hold %n record: the root and everything upstream of it.</numerusform>
            <numerusform>The release will hold %n records: the root and everything upstream of it.</numerusform>
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
    <name>strata::ReleaseSignoffPanel</name>
    <message numerus="yes">
        <location filename="../ui/assessments/ReleaseSignoffPanel.cpp" line="+378"/>
        <source>What changed since it was signed (%n change(s)):</source>
        <translation>
            <numerusform>What changed since it was signed (%n change):</numerusform>
            <numerusform>What changed since it was signed (%n changes):</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/ReportCommands.cpp" line="+211"/>
        <source>Wrote the checklist results of %1 (%n item(s)) to %2.</source>
        <translation>
            <numerusform>Wrote the checklist results of %1 (%n item) to %2.</numerusform>
            <numerusform>Wrote the checklist results of %1 (%n items) to %2.</numerusform>
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
        <location line="+19"/>
        <source>Rejected (%n signature(s) verified)</source>
        <translation>
            <numerusform>Rejected (%n signature verified)</numerusform>
            <numerusform>Rejected (%n signatures verified)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Not approved yet (%n signature(s) verified): %1</source>
        <translation>
            <numerusform>Not approved yet (%n signature verified): %1</numerusform>
            <numerusform>Not approved yet (%n signatures verified): %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+2"/>
        <source>Approved (%n signature(s) verified)</source>
        <translation>
            <numerusform>Approved (%n signature verified)</numerusform>
            <numerusform>Approved (%n signatures verified)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ReportPreviewDialog</name>
    <message numerus="yes">
        <location filename="../ui/report/ReportPreviewDialog.cpp" line="+48"/>
        <source>%n page(s); nothing is written until you save.</source>
        <translation>
            <numerusform>%n page; nothing is written until you save.</numerusform>
            <numerusform>%n pages; nothing is written until you save.</numerusform>
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
    <name>strata::RiskHeatMap</name>
    <message numerus="yes">
        <location filename="../ui/findings/RiskHeatMap.cpp" line="+80"/>
        <source>Likelihood %1, impact %2 (score %3, %4): %n finding(s)</source>
        <translation>
            <numerusform>Likelihood %1, impact %2 (score %3, %4): %n finding</numerusform>
            <numerusform>Likelihood %1, impact %2 (score %3, %4): %n findings</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::SafeZipReader</name>
    <message numerus="yes">
        <location filename="../app/core/bundle/SafeZipReader.cpp" line="+147"/>
        <source>it holds more than the %n byte(s) it declares</source>
        <translation>
            <numerusform>it holds more than the %n byte it declares</numerusform>
            <numerusform>it holds more than the %n bytes it declares</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::SignoffCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/SignoffCommands.cpp" line="+170"/>
        <source>Approval of %1 is refused for the %n reason(s) listed; nothing was signed.</source>
        <translation>
            <numerusform>Approval of %1 is refused for the %n reason listed; nothing was signed.</numerusform>
            <numerusform>Approval of %1 is refused for the %n reasons listed; nothing was signed.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+94"/>
        <source>  changed since sign-off %1 (%n change(s)):</source>
        <translation>
            <numerusform>  changed since sign-off %1 (%n change):</numerusform>
            <numerusform>  changed since sign-off %1 (%n changes):</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+43"/>
        <source>%1: %n change(s) since it was signed off.</source>
        <translation>
            <numerusform>%1: %n change since it was signed off.</numerusform>
            <numerusform>%1: %n changes since it was signed off.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::SignoffDialog</name>
    <message numerus="yes">
        <location filename="../ui/assessments/SignoffDialog.cpp" line="+157"/>
        <source>⌛ Checking what an approval needs: re-hashing %n evidence file(s)…</source>
        <translation>
            <numerusform>⌛ Checking what an approval needs: re-hashing %n evidence file…</numerusform>
            <numerusform>⌛ Checking what an approval needs: re-hashing %n evidence files…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+23"/>
        <source>Approval is refused (%n reason(s)); you can still reject:</source>
        <translation>
            <numerusform>Approval is refused (%n reason); you can still reject:</numerusform>
            <numerusform>Approval is refused (%n reasons); you can still reject:</numerusform>
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
    <name>strata::TrustCommands</name>
    <message numerus="yes">
        <location filename="../app/cli/TrustCommands.cpp" line="+309"/>
        <source>Model signature verified: %n file(s) in %1 match, signed by %2.</source>
        <translation>
            <numerusform>Model signature verified: %n file in %1 matches, signed by %2.</numerusform>
            <numerusform>Model signature verified: %n files in %1 match, signed by %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>Model signature check FAILED for %1 (signed by %2): %n problem(s).</source>
        <translation>
            <numerusform>Model signature check FAILED for %1 (signed by %2): %n problem.</numerusform>
            <numerusform>Model signature check FAILED for %1 (signed by %2): %n problems.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::WalkthroughView</name>
    <message numerus="yes">
        <location filename="../ui/assessments/WalkthroughView.cpp" line="+437"/>
        <source>%1: %2 of %n item(s) answered, %3 failed</source>
        <translation>
            <numerusform>%1: %2 of %n item answered, %3 failed</numerusform>
            <numerusform>%1: %2 of %n items answered, %3 failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+9"/>
        <source>%1 of %n item(s) answered, %2 failed</source>
        <translation>
            <numerusform>%1 of %n item answered, %2 failed</numerusform>
            <numerusform>%1 of %n items answered, %2 failed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::Workspace</name>
    <message numerus="yes">
        <location filename="../app/core/workspace/WorkspaceAssessments.cpp" line="+190"/>
        <source>&quot;%1&quot; names %n release(s) (%2); give NAME@VERSION.</source>
        <translation>
            <numerusform>&quot;%1&quot; names %n release (%2); give NAME@VERSION.</numerusform>
            <numerusform>&quot;%1&quot; names %n releases (%2); give NAME@VERSION.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/workspace/WorkspaceTrust.cpp" line="+99"/>
        <source>%1 matches %n key(s); give more digits of the fingerprint.</source>
        <translation>
            <numerusform>%1 matches %n key; give more digits of the fingerprint.</numerusform>
            <numerusform>%1 matches %n keys; give more digits of the fingerprint.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../app/core/workspace/WorkspaceSignoff.cpp" line="+249"/>
        <source>Approval of %1 is refused (%n reason(s)): %2</source>
        <translation>
            <numerusform>Approval of %1 is refused (%n reason): %2</numerusform>
            <numerusform>Approval of %1 is refused (%n reasons): %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+201"/>
        <source>%1&apos;s sign-off is stale: %n change(s) since it was signed, the first: %2</source>
        <translation>
            <numerusform>%1&apos;s sign-off is stale: %n change since it was signed, the first: %2</numerusform>
            <numerusform>%1&apos;s sign-off is stale: %n changes since it was signed, the first: %2</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::WorkspaceSignoffSource</name>
    <message numerus="yes">
        <location filename="../app/report/WorkspaceSignoffSource.cpp" line="+61"/>
        <source>stale: %n change(s) since signing, such as: %1</source>
        <translation>
            <numerusform>stale: %n change since signing, such as: %1</numerusform>
            <numerusform>stale: %n changes since signing, such as: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>strata::ZipScan</name>
    <message numerus="yes">
        <location filename="../app/core/bundle/ZipScan.cpp" line="+104"/>
        <source>it is too short to be a zip archive (%n byte(s))</source>
        <translation>
            <numerusform>it is too short to be a zip archive (%n byte)</numerusform>
            <numerusform>it is too short to be a zip archive (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+122"/>
        <source>its central directory holds more than the %n entry(s) it declares</source>
        <translation>
            <numerusform>its central directory holds more than the %n entry it declares</numerusform>
            <numerusform>its central directory holds more than the %n entries it declares</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+36"/>
        <source>%n byte(s) of other data come before the first entry</source>
        <translation>
            <numerusform>%n byte of other data comes before the first entry</numerusform>
            <numerusform>%n bytes of other data come before the first entry</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+4"/>
        <source>%n byte(s) of unlisted data come before it</source>
        <translation>
            <numerusform>%n byte of unlisted data comes before it</numerusform>
            <numerusform>%n bytes of unlisted data come before it</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location line="+17"/>
        <source>%n byte(s) of unlisted data come before the central directory</source>
        <translation>
            <numerusform>%n byte of unlisted data comes before the central directory</numerusform>
            <numerusform>%n bytes of unlisted data come before the central directory</numerusform>
        </translation>
    </message>
</context>
</TS>
