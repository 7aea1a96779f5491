// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "TrustCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "trust/Identity.h"
#include "trust/KeyFile.h"
#include "trust/Keys.h"
#include "trust/ModelSignature.h"
#include "util/AtomicFile.h"
#include "util/CappedRead.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kMinPassphraseLength = 8;

QJsonObject identityJson(const Identity &identity)
{
    return QJsonObject{{u"id"_s, identity.id},
                       {u"name"_s, identity.name},
                       {u"role"_s, Identities::roleKey(identity.role)},
                       {u"role_name"_s, Identities::displayRole(identity)},
                       {u"key_type"_s, u"ed25519"_s},
                       {u"fingerprint_sha256"_s, identity.fingerprint},
                       {u"created_at"_s, identity.createdAt.toUTC().toString(Qt::ISODate)},
                       {u"created_by"_s, identity.createdBy}};
}

} // namespace

TrustCommands::TrustCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> TrustCommands::specs()
{
    return {{u"key"_s,
             tr("new --name N --role R -o KEYFILE | import PUBFILE [--name N] [--role R] | export ID -o FILE | list"),
             tr("Create, import, export and list signing identities"),
             tr("key new       create an Ed25519 signing identity: the private key is written to KEYFILE,\n"
                "              encrypted with a passphrase (PBKDF2-HMAC-SHA256, 600,000 rounds, AES-256) and\n"
                "              readable only by you (mode 0600); the public key goes into the workspace and into\n"
                "              KEYFILE.pub, which you share. The passphrase comes from STRATA_PASSPHRASE or a\n"
                "              prompt on the terminal, never from an argument.\n"
                "  --name N    the reviewer's name\n"
                "  --role R    analyst, security-lead, or a role of your own such as \"privacy reviewer\"\n"
                "key import   trust a colleague's public key file (KEYFILE.pub from key new, or key export);\n"
                "              --name and --role replace the ones in the file\n"
                "key export   write an identity's public key file, to share (ID: id or fingerprint)\n"
                "key list     the identities this workspace knows, with their key fingerprints"),
             {{u"name"_s, tr("N"), tr("the reviewer's name"), false, false},
              {u"role"_s, tr("R"), tr("analyst, security-lead or a custom role"), false, false},
              {u"output"_s, tr("FILE"), tr("the file to write"), false, false, u'o'}},
             {tr("new|import|export|list"), tr("FILE|ID")},
             1},
            {u"verify-model"_s,
             tr("DIR --signature FILE --public-key FILE [--record ID]"),
             tr("Verify a model folder against its OpenSSF model signature"),
             tr("Checks, offline, that DIR is exactly what the OpenSSF model signature (model.sig, a Sigstore\n"
                "bundle) says: the signature over the statement verifies with the ECDSA public key given, every\n"
                "listed file has its signed SHA-256, and no unlisted file is present (the signature's\n"
                "ignore_paths and model.sig itself excepted). Each problem is named by file. The exit code is 0\n"
                "only when everything matches. The transparency log is not consulted.\n"
                "  --record ID   keep the verification report as evidence on this model record"),
             {{u"signature"_s, tr("FILE"), tr("the model.sig file"), false, true},
              {u"public-key"_s, tr("FILE"), tr("the signer's public key (PEM)"), false, true},
              {u"record"_s, tr("ID"), tr("the model record to attach the report to"), false, false}},
             {tr("DIR")},
             1}};
}

int TrustCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"key"_s)
        return keyCommand(arguments);
    if (command == u"verify-model"_s)
        return verifyModel(arguments);
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

int TrustCommands::keyCommand(const CommandArguments &arguments)
{
    const QString action = arguments.positional.value(0);
    const QString usage = u"strata-cli key %1"_s.arg(specs().constFirst().synopsis);
    const int count = static_cast<int>(arguments.positional.size());
    if (action == u"new"_s) {
        if (count != 1 || !arguments.has(u"name"_s) || !arguments.has(u"role"_s) || !arguments.has(u"output"_s))
            return m_out.usageError(tr("\"key new\" needs --name, --role and -o KEYFILE; usage: %1").arg(usage));
        return keyNew(arguments);
    }
    if (action == u"import"_s) {
        if (count != 2 || arguments.has(u"output"_s))
            return m_out.usageError(tr("\"key import\" needs one PUBFILE; usage: %1").arg(usage));
        return keyImport(arguments);
    }
    if (action == u"export"_s) {
        if (count != 2 || !arguments.has(u"output"_s) || arguments.has(u"name"_s) || arguments.has(u"role"_s))
            return m_out.usageError(tr("\"key export\" needs one ID and -o FILE; usage: %1").arg(usage));
        return keyExport(arguments);
    }
    if (action == u"list"_s) {
        if (count != 1 || !arguments.options.isEmpty())
            return m_out.usageError(tr("\"key list\" takes no arguments; usage: %1").arg(usage));
        return keyList();
    }
    return m_out.usageError(
        tr("Unknown key command \"%1\"; use new, import, export or list. Usage: %2").arg(action, usage));
}

int TrustCommands::keyNew(const CommandArguments &arguments)
{
    Identity identity;
    identity.name = arguments.value(u"name"_s).trimmed();
    identity.role = Identities::roleFromText(arguments.value(u"role"_s), &identity.customRole);
    if (Status s = Identities::validate(identity); !s)
        return m_out.usageError(s.error().message);
    const QString keyPath = QFileInfo(arguments.value(u"output"_s)).absoluteFilePath();
    const QString publicPath = keyPath + u".pub"_s;
    for (const QString &path : {keyPath, publicPath})
        if (QFileInfo::exists(path) || QFileInfo(path).isSymLink())
            return m_out.fail(Error{ErrorCode::Conflict, tr("%1 already exists; a key file is never overwritten. "
                                                            "Choose another name.")
                                                             .arg(QDir::toNativeSeparators(path))});
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    if (opened.value()->isReadOnly())
        return m_out.fail(Error{ErrorCode::ReadOnly, opened.value()->readOnlyReason()});
    const std::optional<QByteArray> secret = CommandLine::readPassphrase(m_out, true);
    if (!secret)
        return 2;
    if (secret->size() < kMinPassphraseLength)
        return m_out.usageError(
            tr("The passphrase has %1 characters; use at least %2.").arg(secret->size()).arg(kMinPassphraseLength));
    const Result<PrivateKey> key = PrivateKey::generate(KeyType::Ed25519);
    if (!key)
        return m_out.fail(key.error());
    if (Status s = KeyFile::write(keyPath, key.value(), *secret); !s)
        return m_out.fail(s.error());
    identity.publicKey = key.value().publicKey().pem();
    identity.fingerprint = key.value().publicKey().fingerprint();
    if (Status s = AtomicFile::write(publicPath, Identities::exportPublicKey(identity)); !s)
        return m_out.fail(s.error());
    const Result<Identity> stored = opened.value()->addIdentity(identity);
    if (!stored)
        return m_out.fail(stored.error());
    const Identity &added = stored.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"identity"_s, identityJson(added)},
                                    {u"private_key_file"_s, QDir::toNativeSeparators(keyPath)},
                                    {u"public_key_file"_s, QDir::toNativeSeparators(publicPath)}});
        return 0;
    }
    m_out.print(tr("Created identity %1 \"%2\" (%3).")
                    .arg(QString::number(added.id), added.name, Identities::displayRole(added)));
    m_out.printFields(
        {{tr("key"), u"Ed25519 %1"_s.arg(Identities::displayFingerprint(added.fingerprint))},
         {tr("private key"),
          tr("%1 (encrypted, mode 0600; keep it and its passphrase safe)").arg(QDir::toNativeSeparators(keyPath))},
         {tr("public key"),
          tr("%1 (share it; others run: strata-cli key import FILE)").arg(QDir::toNativeSeparators(publicPath))}},
        2);
    return 0;
}

int TrustCommands::keyImport(const CommandArguments &arguments)
{
    const QString path = arguments.positional.at(1);
    const QString shown = QDir::toNativeSeparators(path);
    QFile file(path);
    if (!QFileInfo(path).isFile() || !file.open(QIODevice::ReadOnly))
        return m_out.fail(Error{ErrorCode::NotFound, tr("Cannot read the key file %1; check the path.").arg(shown)});
    Result<Identity> parsed = Identities::parsePublicKeyFile(readCapped(file, keylimits::kMaxKeyFileBytes), shown);
    if (!parsed)
        return m_out.fail(parsed.error());
    Identity identity = parsed.value();
    if (arguments.has(u"name"_s))
        identity.name = arguments.value(u"name"_s).trimmed();
    if (arguments.has(u"role"_s))
        identity.role = Identities::roleFromText(arguments.value(u"role"_s), &identity.customRole);
    if (identity.name.isEmpty())
        return m_out.usageError(
            tr("%1 does not name its owner (no Strata-Identity-Name line); give --name and --role.").arg(shown));
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<Identity> stored = opened.value()->addIdentity(identity);
    if (!stored)
        return m_out.fail(stored.error());
    if (m_out.isJson()) {
        m_out.printJson(identityJson(stored.value()));
        return 0;
    }
    m_out.print(tr("Imported identity %1 \"%2\" (%3), key %4.")
                    .arg(QString::number(stored.value().id), stored.value().name,
                         Identities::displayRole(stored.value()),
                         Identities::displayFingerprint(stored.value().fingerprint)));
    return 0;
}

int TrustCommands::keyExport(const CommandArguments &arguments)
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<Identity> identity = opened.value()->identity(arguments.positional.at(1));
    if (!identity)
        return m_out.fail(identity.error());
    const QString path = QFileInfo(arguments.value(u"output"_s)).absoluteFilePath();
    if (Status s = AtomicFile::write(path, Identities::exportPublicKey(identity.value())); !s)
        return m_out.fail(s.error());
    if (m_out.isJson()) {
        QJsonObject json = identityJson(identity.value());
        json.insert(u"public_key_file"_s, QDir::toNativeSeparators(path));
        m_out.printJson(json);
        return 0;
    }
    m_out.print(tr("Wrote the public key of \"%1\" to %2.").arg(identity.value().name, QDir::toNativeSeparators(path)));
    return 0;
}

int TrustCommands::keyList()
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Result<QList<Identity>> all = opened.value()->identities();
    if (!all)
        return m_out.fail(all.error());
    if (m_out.isJson()) {
        QJsonArray array;
        for (const Identity &identity : all.value())
            array.append(identityJson(identity));
        m_out.printJson(array);
        return 0;
    }
    if (all.value().isEmpty()) {
        m_out.print(tr("No signing identities; create one with strata-cli key new."));
        return 0;
    }
    QList<QStringList> rows;
    for (const Identity &identity : all.value())
        rows.append({QString::number(identity.id), identity.name, Identities::displayRole(identity),
                     identity.fingerprint, identity.createdAt.toUTC().toString(Qt::ISODate)});
    m_out.printTable({tr("ID"), tr("NAME"), tr("ROLE"), tr("FINGERPRINT (SHA-256)"), tr("ADDED")}, rows);
    return 0;
}

int TrustCommands::verifyModel(const CommandArguments &arguments)
{
    if (arguments.positional.size() != 1)
        return m_out.usageError(
            tr("\"verify-model\" needs one DIR; usage: strata-cli verify-model %1").arg(specs().constLast().synopsis));
    const QString folder = arguments.positional.first();
    const Result<PublicKey> key =
        PublicKey::fromFile(arguments.value(u"public-key"_s), ModelSignature::acceptedKeyTypes());
    if (!key)
        return m_out.fail(key.error());
    std::unique_ptr<Workspace> workspace;
    qint64 recordId = 0;
    if (arguments.has(u"record"_s)) {
        auto opened = CommandLine::openExisting(m_options);
        if (!opened)
            return m_out.fail(opened.error());
        workspace = std::move(opened).value();
        const Result<qint64> id = workspace->resolve(arguments.value(u"record"_s), RecordKind::Model);
        if (!id)
            return m_out.fail(id.error());
        recordId = id.value();
    }
    const Result<ModelVerification> verified =
        ModelSignature::verify(folder, arguments.value(u"signature"_s), key.value());
    if (!verified)
        return m_out.fail(verified.error());
    const ModelVerification &v = verified.value();
    std::optional<Evidence> evidence;
    if (workspace) {
        const Result<Evidence> attached = workspace->attachModelVerification(recordId, v);
        if (!attached)
            return m_out.fail(attached.error());
        evidence = attached.value();
    }
    if (m_out.isJson()) {
        QJsonObject json = v.toJson();
        if (evidence)
            json.insert(
                u"evidence"_s,
                QJsonObject{{u"id"_s, evidence->id}, {u"sha256"_s, evidence->sha256}, {u"record_id"_s, recordId}});
        m_out.printJson(json);
        return v.passed() ? 0 : 1;
    }
    const QString signer =
        u"%1 %2"_s.arg(PublicKey::typeName(v.keyType), Identities::displayFingerprint(v.keyFingerprint));
    if (v.passed()) {
        m_out.print(tr("Model signature verified: %n file(s) in %1 match, signed by %2.", "",
                       static_cast<int>(v.coveredFiles.size()))
                        .arg(v.folder, signer));
    } else {
        m_out.print(tr("Model signature check FAILED for %1 (signed by %2): %n problem(s).", "",
                       static_cast<int>(v.problems.size()))
                        .arg(v.folder, signer));
        QList<QStringList> rows;
        for (const ModelFileProblem &problem : v.problems)
            rows.append({problem.file, problem.detail});
        m_out.printTable({tr("FILE"), tr("PROBLEM")}, rows, 2);
    }
    if (evidence)
        m_out.print(tr("The report is kept as evidence %1 on record %2.")
                        .arg(QString::number(evidence->id), QString::number(recordId)));
    return v.passed() ? 0 : 1;
}

} // namespace strata
