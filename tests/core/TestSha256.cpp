// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "util/Sha256.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

class TestSha256 : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void knownAnswers_data();
    void knownAnswers();
    void streamingEqualsOneShot();
};

void TestSha256::knownAnswers_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QString>("digest");
    // FIPS 180-2 examples.
    QTest::newRow("empty") << QByteArray() << u"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"_s;
    QTest::newRow("abc") << QByteArray("abc") << u"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"_s;
    QTest::newRow("two blocks") << QByteArray("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
                                << u"248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"_s;
}

void TestSha256::knownAnswers()
{
    QFETCH(QByteArray, input);
    QFETCH(QString, digest);
    QCOMPARE(Sha256::hex(input), digest);
    QBuffer buffer(&input);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    QCOMPARE(Sha256::hex(buffer).value(), digest);
}

void TestSha256::streamingEqualsOneShot()
{
    // More than one 1 MiB read, with a length that is not a multiple of anything convenient.
    QByteArray data(3 * 1024 * 1024 + 17, Qt::Uninitialized);
    for (int i = 0; i < data.size(); ++i)
        data[i] = static_cast<char>((i * 131) ^ (i >> 7));
    QBuffer buffer(&data);
    QVERIFY(buffer.open(QIODevice::ReadOnly));
    const QString expected = QString::fromLatin1(QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex());
    QCOMPARE(Sha256::hex(buffer).value(), expected);
    QCOMPARE(Sha256::hex(data), expected);
}

QTEST_GUILESS_MAIN(TestSha256)
#include "TestSha256.moc"
