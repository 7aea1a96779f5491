// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "audit/AuditChain.h"

#include <QCryptographicHash>
#include <QTest>

#include <functional>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

Q_DECLARE_METATYPE(strata::AuditDamage)

namespace {

using Tamper = std::function<void(QList<AuditEntry> &)>;

QList<AuditEntry> chain(int n)
{
    QList<AuditEntry> rows;
    AuditHead head = AuditHead::empty();
    for (int i = 1; i <= n; ++i) {
        AuditEntry e;
        e.actor = i % 3 == 0 ? u"bob"_s : u"alice"_s;
        e.at = u"2026-11-28T05:%1:00.000Z"_s.arg(i % 60, 2, 10, QChar(u'0'));
        e.action = u"record.update"_s;
        e.entityKind = u"record"_s;
        e.entityId = 100 + i;
        e.beforeJson = u"{\"name\":\"v%1\"}"_s.arg(i - 1);
        e.afterJson = u"{\"name\":\"v%1\"}"_s.arg(i);
        head = AuditChain::seal(e, head);
        rows.append(e);
    }
    return rows;
}

/// Moves rows [from, end) one seq up, the way someone makes room for a row in the middle.
void shiftUp(QList<AuditEntry> &rows, int from)
{
    for (int i = from; i < rows.size(); ++i)
        ++rows[i].seq;
}

QByteArray field(const QByteArray &bytes)
{
    QByteArray out(4, '\0');
    const auto n = static_cast<quint32>(bytes.size());
    out[0] = static_cast<char>(n >> 24);
    out[1] = static_cast<char>((n >> 16) & 0xff);
    out[2] = static_cast<char>((n >> 8) & 0xff);
    out[3] = static_cast<char>(n & 0xff);
    return out + bytes;
}

} // namespace

class TestAuditChain : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void hashFollowsTheDocumentedEncoding();
    void everyFieldIsCovered_data();
    void everyFieldIsCovered();
    void intactChainVerifies();
    void emptyTrailHasTheGenesisHead();
    void damageIsNamedAtTheFirstBadRow_data();
    void damageIsNamedAtTheFirstBadRow();
    void checkpointCatchesTruncationAndRewrite();
    void manyCheckpointsAgreeWithOneByOne_data();
    void manyCheckpointsAgreeWithOneByOne();
    void cancelStops();
    void headTextRoundTrips();
};

void TestAuditChain::hashFollowsTheDocumentedEncoding()
{
    // An independent implementation of the format in AuditChain.h, with Qt's own SHA-256: a standalone verifier
    // written from the header comment must agree with Strata.
    const QList<AuditEntry> rows = chain(2);
    const AuditEntry &row = rows.at(1);
    QByteArray data(1, '\0');
    data += field("2") + field(row.at.toUtf8()) + field("alice") + field("record.update") + field("record") +
            field("102") + field(R"({"name":"v1"})") + field(R"({"name":"v2"})");
    data += QByteArray::fromHex(rows.at(0).hash.toLatin1());
    QCOMPARE(row.hash, QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex()));
    QCOMPARE(row.prevHash, rows.at(0).hash);
    QCOMPARE(rows.at(0).prevHash, QString(64, u'0'));
}

void TestAuditChain::everyFieldIsCovered_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<Tamper>("tamper");
    QTest::addRow("seq") << u"seq"_s << Tamper([](QList<AuditEntry> &r) { r[0].seq = 9; });
    QTest::addRow("actor") << u"actor"_s << Tamper([](QList<AuditEntry> &r) { r[0].actor = u"mallory"_s; });
    QTest::addRow("at") << u"at"_s << Tamper([](QList<AuditEntry> &r) { r[0].at = u"2020-01-01T00:00:00.000Z"_s; });
    QTest::addRow("action") << u"action"_s << Tamper([](QList<AuditEntry> &r) { r[0].action = u"record.create"_s; });
    QTest::addRow("entity kind") << u"kind"_s << Tamper([](QList<AuditEntry> &r) { r[0].entityKind = u"x"_s; });
    QTest::addRow("entity id") << u"id"_s << Tamper([](QList<AuditEntry> &r) { r[0].entityId = 1; });
    QTest::addRow("before") << u"before"_s << Tamper([](QList<AuditEntry> &r) { r[0].beforeJson = u"{}"_s; });
    QTest::addRow("after") << u"after"_s << Tamper([](QList<AuditEntry> &r) { r[0].afterJson = u"{}"_s; });
    QTest::addRow("prev hash") << u"prev"_s << Tamper([](QList<AuditEntry> &r) { r[0].prevHash[0] = u'1'; });
    // Moving bytes between fields must change the hash too: the encoding is length-prefixed.
    QTest::addRow("field boundary") << u"boundary"_s << Tamper([](QList<AuditEntry> &r) {
        r[0].actor += r[0].action.left(1);
        r[0].action.remove(0, 1);
    });
}

void TestAuditChain::everyFieldIsCovered()
{
    QFETCH(Tamper, tamper);
    QList<AuditEntry> rows = chain(1);
    const QString original = AuditChain::hashOf(rows.at(0));
    tamper(rows);
    QVERIFY(AuditChain::hashOf(rows.at(0)) != original);
}

void TestAuditChain::intactChainVerifies()
{
    const QList<AuditEntry> rows = chain(50);
    const AuditVerification v = AuditChain::verify(rows, AuditHead{50, rows.constLast().hash});
    QVERIFY2(v.intact(), qPrintable(v.message));
    QCOMPARE(v.rowsChecked, 50);
    QCOMPARE(v.head.seq, 50);
    QCOMPARE(v.head.hash, rows.constLast().hash);
    // An older checkpoint is still satisfied by a longer trail.
    QVERIFY(AuditChain::verify(rows, AuditHead{20, rows.at(19).hash}).intact());
}

void TestAuditChain::emptyTrailHasTheGenesisHead()
{
    const AuditVerification v = AuditChain::verify({});
    QVERIFY(v.intact());
    QCOMPARE(v.head, AuditHead::empty());
    QCOMPARE(v.head.hash, AuditChain::genesisHash());
}

void TestAuditChain::damageIsNamedAtTheFirstBadRow_data()
{
    QTest::addColumn<Tamper>("tamper");
    QTest::addColumn<AuditDamage>("damage");
    QTest::addColumn<qint64>("firstBad");

    QTest::addRow("field edited") << Tamper([](QList<AuditEntry> &r) { r[11].afterJson = u"{\"name\":\"x\"}"_s; })
                                  << AuditDamage::Changed << qint64(12);
    QTest::addRow("first row edited") << Tamper([](QList<AuditEntry> &r) { r[0].actor = u"mallory"_s; })
                                      << AuditDamage::Changed << qint64(1);
    QTest::addRow("last row edited") << Tamper([](QList<AuditEntry> &r) { r[29].actor = u"mallory"_s; })
                                     << AuditDamage::Changed << qint64(30);
    QTest::addRow("edited and hash recomputed") << Tamper([](QList<AuditEntry> &r) {
        r[7].actor = u"mallory"_s;
        r[7].hash = AuditChain::hashOf(r[7]);
    }) << AuditDamage::Changed << qint64(8);
    QTest::addRow("row deleted") << Tamper([](QList<AuditEntry> &r) { r.removeAt(9); }) << AuditDamage::Removed
                                 << qint64(10);
    QTest::addRow("first row deleted") << Tamper([](QList<AuditEntry> &r) { r.removeFirst(); }) << AuditDamage::Removed
                                       << qint64(1);
    QTest::addRow("rows deleted and renumbered") << Tamper([](QList<AuditEntry> &r) {
        r.removeAt(4);
        r.removeAt(4);
        for (int i = 4; i < r.size(); ++i)
            r[i].seq -= 2;
    }) << AuditDamage::Removed << qint64(5);
    QTest::addRow("two seq swapped") << Tamper([](QList<AuditEntry> &r) {
        std::swap(r[5].seq, r[20].seq);
        std::swap(r[5], r[20]);
    }) << AuditDamage::Reordered << qint64(6);
    QTest::addRow("neighbours swapped") << Tamper([](QList<AuditEntry> &r) {
        std::swap(r[14].seq, r[15].seq);
        std::swap(r[14], r[15]);
    }) << AuditDamage::Reordered << qint64(15);
    QTest::addRow("forged row inserted") << Tamper([](QList<AuditEntry> &r) {
        AuditEntry forged = r[9];
        forged.actor = u"mallory"_s;
        shiftUp(r, 9);
        r.insert(9, forged);
    }) << AuditDamage::Inserted << qint64(10);
    QTest::addRow("forged row inserted with a valid hash") << Tamper([](QList<AuditEntry> &r) {
        AuditEntry forged = r[9];
        forged.actor = u"mallory"_s;
        forged.hash = AuditChain::hashOf(forged);
        shiftUp(r, 9);
        r.insert(9, forged);
    }) << AuditDamage::Inserted << qint64(10);
    QTest::addRow("forged row appended") << Tamper([](QList<AuditEntry> &r) {
        AuditEntry forged = r[3];
        forged.seq = 31;
        r.append(forged);
    }) << AuditDamage::Inserted << qint64(31);
    QTest::addRow("row before the first") << Tamper([](QList<AuditEntry> &r) {
        AuditEntry forged = r[0];
        forged.seq = 0;
        r.prepend(forged);
    }) << AuditDamage::Inserted << qint64(0);
}

void TestAuditChain::damageIsNamedAtTheFirstBadRow()
{
    QFETCH(Tamper, tamper);
    QFETCH(AuditDamage, damage);
    QFETCH(qint64, firstBad);
    QList<AuditEntry> rows = chain(30);
    tamper(rows);
    const AuditVerification v = AuditChain::verify(rows);
    QVERIFY(!v.intact());
    QCOMPARE(v.damage, damage);
    QCOMPARE(v.firstBadSeq, firstBad);
    QVERIFY2(v.message.contains(QString::number(firstBad)), qPrintable(v.message));
}

void TestAuditChain::checkpointCatchesTruncationAndRewrite()
{
    QList<AuditEntry> rows = chain(30);
    const AuditHead checkpoint{30, rows.constLast().hash};
    QList<AuditEntry> dropped = rows.mid(0, 20);
    QVERIFY(AuditChain::verify(dropped).intact()); // without the checkpoint, a dropped tail looks fine
    AuditVerification v = AuditChain::verify(dropped, checkpoint);
    QCOMPARE(v.damage, AuditDamage::Truncated);
    QCOMPARE(v.firstBadSeq, 21);
    QVERIFY2(v.message.contains(u"21"_s) && v.message.contains(u"30"_s), qPrintable(v.message));

    // A complete rewrite from row 12 on is self-consistent; only the checkpoint can tell.
    QList<AuditEntry> rewritten = rows.mid(0, 11);
    AuditHead head{11, rewritten.constLast().hash};
    for (int i = 11; i < 30; ++i) {
        AuditEntry e = rows.at(i);
        e.actor = u"mallory"_s;
        head = AuditChain::seal(e, head);
        rewritten.append(e);
    }
    QVERIFY(AuditChain::verify(rewritten).intact());
    v = AuditChain::verify(rewritten, checkpoint);
    QCOMPARE(v.damage, AuditDamage::Rewritten);
    QCOMPARE(v.firstBadSeq, 30);
    QVERIFY(AuditChain::verify(rewritten, AuditHead{11, rows.at(10).hash}).intact());

    // Against several checkpoints (the heads sign-offs recorded), the one the rewrite cannot match is enough.
    const AuditHead early{11, rows.at(10).hash};
    const AuditHead late{20, rows.at(19).hash};
    v = AuditChain::verifyAgainst(rewritten, {early, late});
    QCOMPARE(v.damage, AuditDamage::Rewritten);
    QCOMPARE(v.firstBadSeq, 20);
    v = AuditChain::verifyAgainst(rows, {early, late, checkpoint});
    QVERIFY2(v.intact(), qPrintable(v.message));
    QVERIFY2(v.message.contains(u"3 audit-trail head"_s), qPrintable(v.message)); // says how many it agrees with
    QCOMPARE(AuditChain::verifyAgainst(dropped, {early, checkpoint}).damage, AuditDamage::Truncated);
}

void TestAuditChain::manyCheckpointsAgreeWithOneByOne_data()
{
    QTest::addColumn<int>("rewriteFrom"); ///< 0: untouched
    QTest::addColumn<int>("keep");        ///< rows left after dropping the tail
    QTest::addColumn<AuditDamage>("damage");
    QTest::newRow("intact") << 0 << 400 << AuditDamage::None;
    QTest::newRow("rewritten from row 250") << 250 << 400 << AuditDamage::Rewritten;
    QTest::newRow("tail dropped after row 390") << 0 << 390 << AuditDamage::Truncated;
}

void TestAuditChain::manyCheckpointsAgreeWithOneByOne()
{
    QFETCH(int, rewriteFrom);
    QFETCH(int, keep);
    QFETCH(AuditDamage, damage);
    const QList<AuditEntry> original = chain(400);
    // A sign-off at every row: the heads, newest last, as auditCheckpoints() returns them.
    QList<AuditHead> checkpoints;
    for (const AuditEntry &row : original)
        checkpoints.append(AuditHead{row.seq, row.hash});
    QList<AuditEntry> rows = original.mid(0, keep);
    if (rewriteFrom > 0) {
        AuditHead head{rewriteFrom - 1, rows.at(rewriteFrom - 2).hash};
        for (int i = rewriteFrom - 1; i < rows.size(); ++i) {
            rows[i].actor = u"mallory"_s;
            head = AuditChain::seal(rows[i], head);
        }
    }
    // The reference: one whole verification per checkpoint, the first damage wins.
    AuditVerification reference = AuditChain::verify(rows);
    for (const AuditHead &checkpoint : std::as_const(checkpoints)) {
        if (!reference.intact())
            break;
        reference = AuditChain::verify(rows, checkpoint);
    }
    const AuditVerification v = AuditChain::verifyAgainst(rows, checkpoints);
    QCOMPARE(v.damage, damage);
    QCOMPARE(v.damage, reference.damage);
    QCOMPARE(v.firstBadSeq, reference.firstBadSeq);
    QCOMPARE(v.rowsChecked, qint64(keep));
    if (damage == AuditDamage::None) {
        QVERIFY2(v.message.contains(u"400 audit-trail head"_s), qPrintable(v.message));
    } else {
        QCOMPARE(v.message, reference.message);
        QCOMPARE(v.firstBadSeq, qint64(damage == AuditDamage::Truncated ? keep + 1 : rewriteFrom));
    }
}

void TestAuditChain::cancelStops()
{
    const std::atomic<bool> cancel{true};
    const AuditVerification v = AuditChain::verify(chain(10), {}, &cancel);
    QVERIFY(v.cancelled);
    QVERIFY(!v.intact());
}

void TestAuditChain::headTextRoundTrips()
{
    const AuditHead head{42, chain(1).constFirst().hash};
    QCOMPARE(AuditHead::fromString(head.toString()), std::optional<AuditHead>(head));
    QCOMPARE(AuditHead::fromString(u"42:"_s + head.hash.toUpper()), std::optional<AuditHead>(head));
    QVERIFY(!AuditHead::fromString(u"42"_s));
    QVERIFY(!AuditHead::fromString(u"x:"_s + head.hash));
    QVERIFY(!AuditHead::fromString(u"42:"_s + head.hash.left(63)));
}

QTEST_GUILESS_MAIN(TestAuditChain)
#include "TestAuditChain.moc"
