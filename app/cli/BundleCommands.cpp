// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BundleCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "bundle/BundleExporter.h"
#include "bundle/BundleImporter.h"
#include "trust/Identity.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

} // namespace

BundleCommands::BundleCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> BundleCommands::specs()
{
    return {{u"bundle"_s,
             tr("export --release NAME [--questionnaire] --key KEYFILE -o FILE.zip | import FILE.zip"),
             tr("Exchange a release's assessment as a signed bundle"),
             tr("bundle export   write the release's assessment as one .zip: the manifest, its signature\n"
                "                (DSSE, Ed25519), the CycloneDX ML-BOM of the release and the evidence\n"
                "                files under their SHA-256. The bundle is always signed with --key (the\n"
                "                passphrase comes from STRATA_PASSPHRASE or a prompt): an importer trusts\n"
                "                nothing else. The file is replaced atomically.\n"
                "  --questionnaire  only the items to answer, for a supplier: no answers, findings\n"
                "                or evidence of ours\n"
                "bundle import   check a bundle, then merge it in one transaction: the signature must verify\n"
                "                with a key this workspace trusts (strata-cli key import), every file must be\n"
                "                listed with its size and SHA-256, and a bundle older than the last one from\n"
                "                the same signer is refused. The exit code is 1, and nothing is written, when\n"
                "                anything is wrong; the message names the entry or field."),
             {{u"release"_s, tr("NAME"), tr("the release to export (NAME or NAME@VERSION)"), false, false},
              {u"questionnaire"_s, QString(), tr("export the items for a supplier to answer"), false, false},
              {u"key"_s, tr("KEYFILE"), tr("the encrypted key file to sign with"), false, false},
              {u"output"_s, tr("FILE"), tr("the .zip to write"), false, false, u'o'}},
             {tr("export|import"), tr("FILE")},
             1}};
}

int BundleCommands::run(const QString &command, const CommandArguments &arguments)
{
    Q_UNUSED(command)
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli bundle %1"_s.arg(specs().constFirst().synopsis);
    const int count = static_cast<int>(arguments.positional.size());
    if (action == u"export"_s) {
        if (count != 1 || !arguments.has(u"release"_s) || !arguments.has(u"key"_s) || !arguments.has(u"output"_s))
            return m_out.usageError(
                tr("\"bundle export\" needs --release, --key and -o FILE.zip; usage: %1").arg(usage));
        return exportBundle(arguments);
    }
    if (action == u"import"_s) {
        if (count != 2 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"bundle import\" needs one FILE.zip and no options; usage: %1").arg(usage));
        return importBundle(arguments);
    }
    return m_out.usageError(tr("Unknown bundle command \"%1\"; use export or import. Usage: %2").arg(action, usage));
}

int BundleCommands::exportBundle(const CommandArguments &arguments)
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    BundleExportOptions options;
    options.release = arguments.value(u"release"_s);
    options.questionnaire = arguments.has(u"questionnaire"_s);
    options.keyFile = arguments.value(u"key"_s);
    options.output = arguments.value(u"output"_s);
    const std::optional<QByteArray> secret = CommandLine::readPassphrase(m_out, false);
    if (!secret)
        return 2;
    options.passphrase = *secret;
    const Result<BundleExportResult> exported = BundleExporter::exportBundle(*opened.value(), options);
    if (!exported)
        return m_out.fail(exported.error());
    const BundleExportResult &r = exported.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, u"exported"_s},
                                    {u"file"_s, QDir::toNativeSeparators(r.path)},
                                    {u"kind"_s, options.questionnaire ? u"questionnaire"_s : u"assessment"_s},
                                    {u"bundle_id"_s, r.bundleId},
                                    {u"sequence"_s, r.sequence},
                                    {u"release"_s, r.releaseLabel},
                                    {u"assessments"_s, r.assessments},
                                    {u"answered_items"_s, r.answered},
                                    {u"evidence_files"_s, r.evidence},
                                    {u"signed_by"_s, r.signer}});
        return 0;
    }
    m_out.print(options.questionnaire ? tr("Wrote the questionnaire for %1 to %2, signed by %3.")
                                            .arg(r.releaseLabel, QDir::toNativeSeparators(r.path), r.signer)
                                      : tr("Wrote the assessment bundle of %1 to %2, signed by %3.")
                                            .arg(r.releaseLabel, QDir::toNativeSeparators(r.path), r.signer));
    m_out.printFields({{tr("assessments"), QString::number(r.assessments)},
                       {tr("answered items"), QString::number(r.answered)},
                       {tr("evidence files"), QString::number(r.evidence)},
                       {tr("sequence"), QString::number(r.sequence)}},
                      2);
    return 0;
}

int BundleCommands::importBundle(const CommandArguments &arguments)
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<BundleImportResult> imported =
        BundleImporter::importBundle(*opened.value(), arguments.positional.value(1));
    if (!imported)
        return m_out.fail(imported.error());
    const BundleImportResult &r = imported.value();
    const BundleMergeSummary &m = r.merged;
    const bool questionnaire = r.kind == BundleManifest::Kind::Questionnaire;
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, u"imported"_s},
                                    {u"kind"_s, questionnaire ? u"questionnaire"_s : u"assessment"_s},
                                    {u"bundle_id"_s, r.bundleId},
                                    {u"sequence"_s, m.sequence},
                                    {u"signed_by"_s, r.signer.name},
                                    {u"signer_fingerprint_sha256"_s, r.signer.fingerprint},
                                    {u"release"_s, m.releaseLabel},
                                    {u"release_created"_s, m.releaseCreated},
                                    {u"records_added"_s, m.recordsAdded},
                                    {u"records_updated"_s, m.recordsUpdated},
                                    {u"assessments_created"_s, m.assessmentsCreated},
                                    {u"answers_changed"_s, m.answersChanged},
                                    {u"findings_added"_s, m.findingsAdded},
                                    {u"evidence_added"_s, m.evidenceAdded}});
        return 0;
    }
    const QString key = Identities::displayFingerprint(r.signer.fingerprint);
    m_out.print(
        questionnaire
            ? tr("Imported the questionnaire for %1, signed by %2 (%3).").arg(m.releaseLabel, r.signer.name, key)
            : tr("Imported the assessment bundle of %1, signed by %2 (%3).").arg(m.releaseLabel, r.signer.name, key));
    m_out.printFields({{tr("records"), tr("%1 added, %2 updated").arg(m.recordsAdded).arg(m.recordsUpdated)},
                       {tr("assessments created"), QString::number(m.assessmentsCreated)},
                       {tr("answers changed"), QString::number(m.answersChanged)},
                       {tr("findings added"), QString::number(m.findingsAdded)},
                       {tr("evidence added"), QString::number(m.evidenceAdded)}},
                      2);
    return 0;
}

} // namespace strata
