// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliRunner.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

/// Drives `strata-cli signoff`, `verify` and `gate` as a release pipeline would: exit codes, refusal reasons,
/// required roles and what changed since a sign-off.
class TestCliSignoff : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void refusedApprovalListsReasonsAndSignsNothing();
    void approveVerifyGateThenStale();
    void everyRequiredRoleGatesTheRelease();
    void rejectionShutsTheGate();
    void wrongPassphraseSignsNothing();
    void usageErrors_data();
    void usageErrors();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    /// A workspace with a release of a model and its dataset, assessed with a two-item catalog, and a security
    /// lead's key (and an analyst's when `analyst`).
    void prepare(bool analyst = false);
    void answerEverything();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<CliRunner> m_cli;
};

void TestCliSignoff::initTestCase()
{
    qputenv("STRATA_PASSPHRASE", "correct horse battery");
}

void TestCliSignoff::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_cli = std::make_unique<CliRunner>(m_dir->path());
}

void TestCliSignoff::prepare(bool analyst)
{
    QFile catalog(path(u"mini.json"_s));
    QVERIFY(catalog.open(QIODevice::WriteOnly));
    catalog.write(R"({"format":"strata-catalog","format_version":1,"id":"mini","version":"1","languages":["en"],
"title":{"en":"Mini"},"frameworks":[],"items":[
{"id":"M-1","stage":"sourcing","kinds":["model"],"layers":["model"],"properties":["integrity"],
 "title":{"en":"Model checked"},"requirement":{"en":"Check the model."}},
{"id":"M-2","stage":"data","kinds":["dataset"],"layers":["model"],"properties":["integrity"],
 "title":{"en":"Data checked"},"requirement":{"en":"Check the data."}}]})");
    catalog.close();
    QList<QStringList> steps{{u"init"_s},
                             {u"catalog"_s, u"import"_s, catalog.fileName()},
                             {u"add"_s, u"model"_s, u"--name"_s, u"Chat"_s},
                             {u"add"_s, u"dataset"_s, u"--name"_s, u"Corpus"_s},
                             {u"link"_s, u"1"_s, u"trained_on"_s, u"2"_s},
                             {u"release"_s, u"create"_s, u"chat"_s, u"--version"_s, u"1"_s, u"--root"_s, u"1"_s},
                             {u"assess"_s, u"new"_s, u"--release"_s, u"chat"_s, u"--catalog"_s, u"mini"_s},
                             {u"key"_s, u"new"_s, u"--name"_s, u"Dana Lead"_s, u"--role"_s, u"security-lead"_s, u"-o"_s,
                              path(u"lead.key"_s)}};
    if (analyst)
        steps.append({u"key"_s, u"new"_s, u"--name"_s, u"Ari Analyst"_s, u"--role"_s, u"analyst"_s, u"-o"_s,
                      path(u"analyst.key"_s)});
    for (const QStringList &step : steps) {
        const CliRun run = m_cli->run(step);
        QVERIFY2(run.exitCode == 0, qPrintable(step.join(u' ') + u": "_s + run.error()));
    }
}

void TestCliSignoff::answerEverything()
{
    prepare();
    if (QTest::currentTestFailed())
        return;
    for (const QString &item : {u"M-1"_s, u"M-2"_s})
        QCOMPARE(m_cli->run({u"assess"_s, u"set"_s, u"1"_s, item, u"pass"_s}).exitCode, 0);
}

void TestCliSignoff::refusedApprovalListsReasonsAndSignsNothing()
{
    prepare();
    const CliRun refused = m_cli->run(
        {u"--json"_s, u"signoff"_s, u"chat"_s, u"--key"_s, path(u"lead.key"_s), u"--decision"_s, u"approve"_s});
    QCOMPARE(refused.exitCode, 1);
    const QJsonArray reasons = refused.json().object().value(u"reasons"_s).toArray();
    QCOMPARE(reasons.size(), 2);
    QVERIFY(reasons.at(0).toString().contains(u"M-1 (mandatory) is not started"_s));
    QVERIFY(reasons.at(1).toString().contains(u"M-2 (mandatory) is not started"_s));
    QVERIFY(refused.error().contains(u"refused"_s));
    const CliRun text =
        m_cli->run({u"signoff"_s, u"chat"_s, u"--key"_s, path(u"lead.key"_s), u"--decision"_s, u"approve"_s});
    QCOMPARE(text.exitCode, 1);
    QVERIFY(QString::fromUtf8(text.out).contains(u"M-2 (mandatory) is not started"_s));
    // Nothing was signed: verify has nothing to verify, and that is not a pass.
    const CliRun verify = m_cli->run({u"verify"_s, u"chat"_s});
    QCOMPARE(verify.exitCode, 1);
    QVERIFY2(verify.error().contains(u"no sign-off"_s), verify.err.constData());
    QCOMPARE(m_cli->run({u"gate"_s, u"chat"_s}).exitCode, 1);
}

void TestCliSignoff::approveVerifyGateThenStale()
{
    answerEverything();
    const CliRun signed_ = m_cli->run({u"--json"_s, u"signoff"_s, u"chat@1"_s, u"--key"_s, path(u"lead.key"_s),
                                       u"--decision"_s, u"approve"_s, u"--conditions"_s, u"Re-check in Q3."_s});
    QVERIFY2(signed_.exitCode == 0, signed_.err.constData());
    const QJsonObject result = signed_.json().object();
    QCOMPARE(result.value(u"decision"_s).toString(), u"approve-with-conditions"_s);
    QCOMPARE(result.value(u"meaning"_s).toString(), u"approved for release with conditions"_s);
    QCOMPARE(result.value(u"signer"_s).toString(), u"Dana Lead"_s);
    QCOMPARE(result.value(u"manifest_sha256"_s).toString().size(), 64);

    const CliRun verify = m_cli->run({u"verify"_s, u"chat"_s});
    QVERIFY2(verify.exitCode == 0, verify.err.constData());
    QVERIFY(QString::fromUtf8(verify.out).contains(u"nothing changed"_s));
    const CliRun gate = m_cli->run({u"--json"_s, u"gate"_s, u"chat"_s});
    QCOMPARE(gate.exitCode, 0);
    QCOMPARE(gate.json().object().value(u"gate"_s).toBool(), true);
    QCOMPARE(gate.json().object().value(u"state"_s).toString(), u"valid"_s);

    QCOMPARE(m_cli->run({u"edit"_s, u"2"_s, u"--set"_s, u"license=MIT"_s}).exitCode, 0);
    const CliRun stale = m_cli->run({u"verify"_s, u"chat"_s});
    QCOMPARE(stale.exitCode, 1);
    QVERIFY2(QString::fromUtf8(stale.out).contains(u"Record 2 \"Corpus\": license changed from \"\" to \"MIT\""_s),
             stale.out.constData());
    const CliRun staleJson = m_cli->run({u"--json"_s, u"verify"_s, u"chat"_s});
    QCOMPARE(staleJson.exitCode, 1);
    QCOMPARE(staleJson.json().object().value(u"state"_s).toString(), u"stale"_s);
    QCOMPARE(staleJson.json().object().value(u"changes"_s).toArray().size(), 1);
    const CliRun closed = m_cli->run({u"gate"_s, u"chat"_s});
    QCOMPARE(closed.exitCode, 1);
    QCOMPARE(closed.errorLines().size(), 1);
    QVERIFY2(closed.error().contains(u"stale"_s), closed.err.constData());
}

void TestCliSignoff::everyRequiredRoleGatesTheRelease()
{
    prepare(true);
    for (const QString &item : {u"M-1"_s, u"M-2"_s})
        QCOMPARE(m_cli->run({u"assess"_s, u"set"_s, u"1"_s, item, u"pass"_s}).exitCode, 0);
    const CliRun policy = m_cli->run(
        {u"--json"_s, u"signoff"_s, u"chat"_s, u"--require"_s, u"analyst"_s, u"--require"_s, u"security lead"_s});
    QVERIFY2(policy.exitCode == 0, policy.err.constData());
    QCOMPARE(policy.json().object().value(u"required_roles"_s).toArray(),
             (QJsonArray{u"analyst"_s, u"security-lead"_s}));
    QCOMPARE(
        m_cli->run({u"signoff"_s, u"chat"_s, u"--key"_s, path(u"lead.key"_s), u"--decision"_s, u"approve"_s}).exitCode,
        0);
    const CliRun half = m_cli->run({u"gate"_s, u"chat"_s});
    QCOMPARE(half.exitCode, 1);
    QVERIFY2(half.error().contains(u"analyst"_s), half.err.constData());
    // verify passes: what was signed verifies and nothing changed, even though the gate still waits.
    QCOMPARE(m_cli->run({u"verify"_s, u"chat"_s}).exitCode, 0);
    QCOMPARE(m_cli->run({u"signoff"_s, u"chat"_s, u"--key"_s, path(u"analyst.key"_s), u"--decision"_s, u"approve"_s})
                 .exitCode,
             0);
    const CliRun open = m_cli->run({u"gate"_s, u"chat"_s});
    QVERIFY2(open.exitCode == 0, open.err.constData());
    QVERIFY(QString::fromUtf8(open.out).contains(u"approved by every required role"_s));
}

void TestCliSignoff::rejectionShutsTheGate()
{
    prepare();
    const CliRun rejected = m_cli->run({u"signoff"_s, u"chat"_s, u"--key"_s, path(u"lead.key"_s), u"--decision"_s,
                                        u"reject"_s, u"--conditions"_s, u"Answer the checklist first."_s});
    QVERIFY2(rejected.exitCode == 0, rejected.err.constData());
    QCOMPARE(m_cli->run({u"verify"_s, u"chat"_s}).exitCode, 0);
    const CliRun gate = m_cli->run({u"gate"_s, u"chat"_s});
    QCOMPARE(gate.exitCode, 1);
    QVERIFY2(gate.error().contains(u"rejected by Dana Lead"_s), gate.err.constData());
}

void TestCliSignoff::wrongPassphraseSignsNothing()
{
    answerEverything();
    qputenv("STRATA_PASSPHRASE", "not the passphrase");
    const CliRun wrong =
        m_cli->run({u"signoff"_s, u"chat"_s, u"--key"_s, path(u"lead.key"_s), u"--decision"_s, u"approve"_s});
    qputenv("STRATA_PASSPHRASE", "correct horse battery");
    QCOMPARE(wrong.exitCode, 1);
    QVERIFY(!wrong.error().isEmpty());
    QCOMPARE(m_cli->run({u"verify"_s, u"chat"_s}).exitCode, 1);
}

void TestCliSignoff::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("no decision") << QStringList{u"signoff"_s, u"chat"_s, u"--key"_s, u"k"_s};
    QTest::newRow("unknown decision") << QStringList{u"signoff"_s, u"chat"_s,       u"--key"_s,
                                                     u"k"_s,       u"--decision"_s, u"maybe"_s};
    QTest::newRow("require with a key") << QStringList{u"signoff"_s, u"chat"_s,      u"--key"_s,
                                                       u"k"_s,       u"--require"_s, u"analyst"_s};
    QTest::newRow("verify two releases") << QStringList{u"verify"_s, u"a"_s, u"b"_s};
    QTest::newRow("gate without release") << QStringList{u"gate"_s};
}

void TestCliSignoff::usageErrors()
{
    QFETCH(QStringList, arguments);
    const CliRun run = m_cli->run(arguments);
    QCOMPARE(run.exitCode, 2);
    QCOMPARE(run.errorLines().size(), 1);
}

QTEST_GUILESS_MAIN(TestCliSignoff)
#include "TestCliSignoff.moc"
