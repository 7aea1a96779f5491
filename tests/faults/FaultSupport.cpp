// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "FaultSupport.h"

#include "evidence/EvidenceStore.h"
#include "workspace/Workspace.h"

#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSet>

#include <csignal>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata::faults {

namespace {

QString at(const QString &folder, const QString &name)
{
    return QDir(folder).filePath(name);
}

constexpr int kProcessTimeoutMs = 120000;

/// A read-only SQLite connection that closes itself.
class ReadOnlyDb
{
public:
    explicit ReadOnlyDb(const QString &path)
    {
        if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
            sqlite3_close(m_db);
            m_db = nullptr;
        }
    }
    ~ReadOnlyDb() { sqlite3_close(m_db); }
    ReadOnlyDb(const ReadOnlyDb &) = delete;
    ReadOnlyDb &operator=(const ReadOnlyDb &) = delete;

    bool isOpen() const { return m_db != nullptr; }
    QString lastError() const { return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : u"cannot open"_s; }

    /// Every row of `sql`, each column as text; `ok` says whether the query ran to the end.
    QList<QStringList> rows(const QString &sql, bool *ok) const
    {
        QList<QStringList> result;
        *ok = false;
        if (!m_db)
            return result;
        sqlite3_stmt *statement = nullptr;
        if (sqlite3_prepare_v2(m_db, sql.toUtf8().constData(), -1, &statement, nullptr) != SQLITE_OK)
            return result;
        int rc = SQLITE_ROW;
        while ((rc = sqlite3_step(statement)) == SQLITE_ROW) {
            QStringList row;
            for (int i = 0; i < sqlite3_column_count(statement); ++i)
                row << QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_column_text(statement, i)));
            result << row;
        }
        sqlite3_finalize(statement);
        *ok = rc == SQLITE_DONE;
        return result;
    }

private:
    sqlite3 *m_db = nullptr;
};

} // namespace

QString cliProgram()
{
    return qEnvironmentVariable("STRATA_CLI", QStringLiteral(STRATA_CLI_PATH));
}

QProcessEnvironment cliEnvironment(const QString &folder)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(u"LC_ALL"_s, u"C.UTF-8"_s);
    environment.remove(u"LANGUAGE"_s);
    environment.remove(u"STRATA_CRASH_AT"_s);
    environment.insert(u"XDG_DATA_HOME"_s, QDir(folder).filePath(u"xdg-data"_s));
    environment.insert(u"XDG_CONFIG_HOME"_s, QDir(folder).filePath(u"xdg-config"_s));
    environment.insert(u"STRATA_PASSPHRASE"_s, u"correct horse battery"_s);
    return environment;
}

FaultRun runProcess(const QString &folder,
                    const QString &program,
                    const QStringList &arguments,
                    const QMap<QString, QString> &extra,
                    int killAfterMs)
{
    QProcessEnvironment environment = cliEnvironment(folder);
    for (auto it = extra.cbegin(); it != extra.cend(); ++it)
        environment.insert(it.key(), it.value());
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(program, arguments);
    FaultRun run;
    if (!process.waitForStarted(kProcessTimeoutMs)) {
        run.err = "the process did not start: " + process.errorString().toUtf8();
        return run;
    }
    if (killAfterMs >= 0 && !process.waitForFinished(killAfterMs) && process.state() != QProcess::NotRunning) {
        ::kill(static_cast<pid_t>(process.processId()), SIGKILL);
        run.killed = true;
    }
    if (process.state() != QProcess::NotRunning && !process.waitForFinished(kProcessTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        run.err = "the process did not finish";
        return run;
    }
    run.finished = !run.killed;
    run.killed = run.killed || process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

FaultRun runCli(const QString &workspace,
                const QStringList &arguments,
                const QMap<QString, QString> &extra,
                int killAfterMs)
{
    return runProcess(QFileInfo(workspace).absolutePath(), cliProgram(),
                      QStringList{u"--workspace"_s, workspace} + arguments, extra, killAfterMs);
}

QStringList checkWorkspace(const QString &workspace, bool runAuditCli)
{
    QStringList problems;
    {
        Result<std::unique_ptr<Workspace>> opened = Workspace::open(workspace, Database::OpenMode::ExistingOnly);
        if (!opened)
            return {u"does not open: %1"_s.arg(opened.error().message)};
        Workspace &ws = *opened.value();
        if (ws.isReadOnly())
            problems << u"opens read-only: %1"_s.arg(ws.readOnlyReason());
        Result<EvidenceVerification> verified = ws.verifyEvidence();
        if (!verified)
            problems << u"evidence cannot be verified: %1"_s.arg(verified.error().message);
        else
            for (const EvidenceProblem &p : verified.value().problems)
                problems << u"evidence: %1"_s.arg(p.detail);
        Result<QList<Evidence>> rows = ws.evidence();
        QSet<QString> recorded;
        if (rows)
            for (const Evidence &e : rows.value())
                recorded.insert(e.sha256);
        const EvidenceStore store(ws.evidenceFolder());
        QDirIterator blobs(QDir(store.root()).filePath(u"sha256"_s), QDir::Files, QDirIterator::Subdirectories);
        while (blobs.hasNext()) {
            const QString name = QFileInfo(blobs.next()).fileName();
            if (!recorded.contains(name))
                problems << u"blob %1 has no evidence row after open"_s.arg(name);
        }
        for (const QString &folder : {store.temporaryFolder(), store.pendingFolder()}) {
            const QStringList left = QDir(folder).entryList(QDir::Files | QDir::Hidden);
            if (!left.isEmpty())
                problems << u"left in %1 after open: %2"_s.arg(folder, left.join(u", "_s));
        }
        if (!runAuditCli) {
            Result<AuditVerification> audit = ws.verifyAudit();
            if (!audit)
                problems << u"audit verify failed: %1"_s.arg(audit.error().message);
            else if (!audit.value().intact())
                problems << u"audit chain: %1"_s.arg(audit.value().message);
        }
    }
    {
        ReadOnlyDb db(workspace);
        bool ok = false;
        const QList<QStringList> integrity = db.rows(u"PRAGMA integrity_check"_s, &ok);
        if (!ok || integrity.size() != 1 || integrity.constFirst().value(0) != u"ok"_s)
            problems << u"integrity_check: %1"_s.arg(ok ? integrity.value(0).join(u' ') : db.lastError());
        const QList<QStringList> fk = db.rows(u"PRAGMA foreign_key_check"_s, &ok);
        if (!ok || !fk.isEmpty())
            problems << u"foreign_key_check: %1 row(s) %2"_s.arg(fk.size()).arg(ok ? QString() : db.lastError());
    }
    if (runAuditCli) {
        const FaultRun audit = runCli(workspace, {u"audit"_s, u"verify"_s});
        if (audit.exitCode != 0)
            problems << u"strata-cli audit verify: exit %1: %2"_s.arg(audit.exitCode).arg(audit.error());
    }
    return problems;
}

QString tableCounts(const QString &workspace)
{
    ReadOnlyDb db(workspace);
    bool ok = false;
    const QList<QStringList> tables =
        db.rows(u"SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
                "AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name"_s,
                &ok);
    if (!ok)
        return u"cannot read: %1"_s.arg(db.lastError());
    QStringList lines;
    for (const QStringList &table : tables) {
        const QList<QStringList> count = db.rows(u"SELECT count(*) FROM \"%1\""_s.arg(table.value(0)), &ok);
        lines << u"%1=%2"_s.arg(table.value(0), ok ? count.value(0).value(0) : db.lastError());
    }
    return lines.join(u'\n');
}

qint64 scalar(const QString &workspace, const QString &sql)
{
    ReadOnlyDb db(workspace);
    bool ok = false;
    const QList<QStringList> rows = db.rows(sql, &ok);
    return ok && !rows.isEmpty() ? rows.constFirst().value(0).toLongLong() : -1;
}

QString copyWorkspace(const QString &workspace, const QString &folder)
{
    const QFileInfo info(workspace);
    const QString target = QDir(folder).filePath(info.fileName());
    QFile::copy(workspace, target);
    for (const QString &suffix : {u"-wal"_s, u"-journal"_s})
        if (QFileInfo::exists(workspace + suffix))
            QFile::copy(workspace + suffix, target + suffix);
    const QString store = EvidenceStore::folderFor(workspace);
    const QString storeCopy = EvidenceStore::folderFor(target);
    QDirIterator it(store, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString copy = QDir(storeCopy).filePath(QDir(store).relativeFilePath(file));
        QDir().mkpath(QFileInfo(copy).absolutePath());
        QFile::copy(file, copy);
    }
    return target;
}

QMap<QString, QString> fileDigests(const QString &folder)
{
    QMap<QString, QString> digests;
    QDirIterator it(folder, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QCryptographicHash hash(QCryptographicHash::Sha256);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
        digests.insert(QDir(folder).relativeFilePath(path), QString::fromLatin1(hash.result().toHex()));
    }
    return digests;
}

bool cliSucceeded(const FaultRun &run)
{
    if (run.exitCode != 0)
        qWarning("strata-cli failed (%d): %s", run.exitCode, run.err.constData());
    return run.exitCode == 0;
}

QStringList prepareOperation(const QString &operation, const QString &folder, const QString &workspace)
{
    if (!cliSucceeded(runCli(workspace, {u"init"_s})))
        return {};
    if (operation == u"import"_s) {
        writeFile(at(folder, u"bom.json"_s), generatedBom(u"crash"_s, 40));
        return {u"import"_s, at(folder, u"bom.json"_s)};
    }
    if (operation == u"evidence"_s) {
        writeFile(at(folder, u"datasheet.txt"_s), "datasheet v3\n");
        return {u"evidence"_s, u"add"_s, at(folder, u"datasheet.txt"_s)};
    }
    if (operation == u"signoff"_s) {
        const bool ready = cliSucceeded(runCli(workspace, {u"add"_s, u"model"_s, u"--name"_s, u"Chat"_s})) &&
                           cliSucceeded(runCli(workspace, {u"release"_s, u"create"_s, u"chat"_s, u"--version"_s, u"1"_s,
                                                           u"--root"_s, u"Chat"_s})) &&
                           cliSucceeded(runCli(workspace, {u"key"_s, u"new"_s, u"--name"_s, u"Lead"_s, u"--role"_s,
                                                           u"security-lead"_s, u"-o"_s, at(folder, u"lead.key"_s)}));
        if (!ready)
            return {};
        return {u"signoff"_s, u"chat"_s, u"--key"_s, at(folder, u"lead.key"_s), u"--decision"_s, u"reject"_s};
    }
    // A bundle signed by Alice in a second workspace, whose key this one trusts.
    const QString other = at(folder, u"other"_s);
    QDir().mkpath(other);
    const QString a = at(other, u"a.strata"_s);
    writeFile(at(folder, u"datasheet.txt"_s), "datasheet v3\n");
    const bool ready = cliSucceeded(runCli(a, {u"init"_s})) &&
                       cliSucceeded(runCli(a, {u"add"_s, u"model"_s, u"--name"_s, u"Chat"_s})) &&
                       cliSucceeded(runCli(a, {u"add"_s, u"dataset"_s, u"--name"_s, u"Corpus"_s})) &&
                       cliSucceeded(runCli(a, {u"link"_s, u"Chat"_s, u"trained_on"_s, u"Corpus"_s})) &&
                       cliSucceeded(runCli(a, {u"release"_s, u"create"_s, u"chat"_s, u"--version"_s, u"1.0"_s,
                                               u"--root"_s, u"Chat"_s})) &&
                       cliSucceeded(runCli(a, {u"assess"_s, u"new"_s, u"--release"_s, u"chat"_s})) &&
                       cliSucceeded(runCli(a, {u"assess"_s, u"set"_s, u"1"_s, u"sc-dat-01"_s, u"pass"_s,
                                               u"--evidence"_s, at(folder, u"datasheet.txt"_s)})) &&
                       cliSucceeded(runCli(a, {u"key"_s, u"new"_s, u"--name"_s, u"Alice"_s, u"--role"_s, u"analyst"_s,
                                               u"-o"_s, at(folder, u"alice.key"_s)})) &&
                       cliSucceeded(runCli(a, {u"bundle"_s, u"export"_s, u"--release"_s, u"chat@1.0"_s, u"--key"_s,
                                               at(folder, u"alice.key"_s), u"-o"_s, at(folder, u"chat.zip"_s)})) &&
                       cliSucceeded(runCli(workspace, {u"key"_s, u"import"_s, at(folder, u"alice.key.pub"_s)}));
    if (!ready)
        return {};
    return {u"bundle"_s, u"import"_s, at(folder, u"chat.zip"_s)};
}

} // namespace strata::faults
