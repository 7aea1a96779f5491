// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include <QDir>
#include <QFile>
#include <QMimeDatabase>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

using namespace Qt::Literals::StringLiterals;

namespace {

const QString kWorkspaceType = u"application/x-strata-workspace"_s;
const QString kLinuxDir = QStringLiteral(STRATA_SOURCE_DIR "/installer/linux");

} // namespace

/// Checks installer/linux's shared-mime-info file the way a desktop reads it: installed into a data folder and
/// compiled with update-mime-database, then asked through QMimeDatabase, which uses the same database.
class TestMimeType : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void classifiesFiles_data();
    void classifiesFiles();
    void describesWorkspaces();
    void desktopEntryOpensWorkspaces();

private:
    QTemporaryDir m_dataDir;
    QTemporaryDir m_files;
};

void TestMimeType::initTestCase()
{
    QVERIFY(m_dataDir.isValid());
    QVERIFY(m_files.isValid());
    const QString packages = m_dataDir.filePath(u"mime/packages"_s);
    QVERIFY(QDir().mkpath(packages));
    QVERIFY(
        QFile::copy(kLinuxDir + u"/io.github.strata.Strata.mime.xml"_s, packages + u"/io.github.strata.Strata.xml"_s));

    // Our folder first, then the system's (which holds application/vnd.sqlite3), as XDG_DATA_DIRS orders them.
    const QByteArray system = qEnvironmentVariableIsEmpty("XDG_DATA_DIRS") ? QByteArray("/usr/local/share:/usr/share")
                                                                           : qgetenv("XDG_DATA_DIRS");
    qputenv("XDG_DATA_DIRS", QFile::encodeName(m_dataDir.path()) + ':' + system);
    qputenv("XDG_DATA_HOME", QFile::encodeName(m_dataDir.filePath(u"home"_s)));

    const QString updater = QStandardPaths::findExecutable(u"update-mime-database"_s);
    if (updater.isEmpty())
        QSKIP("update-mime-database is missing: install the shared-mime-info package (scripts/deps.sh does)");
    QProcess update;
    update.setProcessChannelMode(QProcess::MergedChannels);
    update.start(updater, {m_dataDir.filePath(u"mime"_s)});
    QVERIFY(update.waitForFinished(60000));
    const QByteArray output = update.readAll();
    // update-mime-database reports a malformed package on its output but may still exit with 0.
    QVERIFY2(update.exitCode() == 0 && output.trimmed().isEmpty(), output.constData());
    QVERIFY(QFile::exists(m_dataDir.filePath(u"mime/mime.cache"_s)));
}

void TestMimeType::classifiesFiles_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<bool>("isWorkspace");

    const QByteArray sqlite = QByteArray("SQLite format 3", 15) + '\0' + QByteArray(84, '\1');
    QTest::newRow("workspace") << u"audit.strata"_s << sqlite << true;
    QTest::newRow("empty file named .strata") << u"empty.strata"_s << QByteArray() << true;
    QTest::newRow("upper-case extension") << u"AUDIT.STRATA"_s << sqlite << true;
    QTest::newRow("other SQLite database") << u"cache.sqlite3"_s << sqlite << false;
    QTest::newRow("SQLite without extension") << u"database"_s << sqlite << false;
    QTest::newRow("text named .strata.txt") << u"notes.strata.txt"_s << QByteArray("plain text\n") << false;
}

void TestMimeType::classifiesFiles()
{
    QFETCH(QString, fileName);
    QFETCH(QByteArray, content);
    QFETCH(bool, isWorkspace);

    const QString path = m_files.filePath(fileName);
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(content);
    file.close();

    const QMimeType type = QMimeDatabase().mimeTypeForFile(path);
    QVERIFY2(type.isValid(), qPrintable(path));
    QCOMPARE(type.name() == kWorkspaceType, isWorkspace);
    if (isWorkspace)
        QVERIFY(type.inherits(u"application/vnd.sqlite3"_s));

    // GNOME's file manager asks GLib, which reads the same database with its own rules; GLib calls any empty
    // file text/plain, so only files with content are compared.
    const QString gio = QStandardPaths::findExecutable(u"gio"_s);
    if (gio.isEmpty() || content.isEmpty())
        return;
    QProcess info;
    info.start(gio, {u"info"_s, u"--attributes=standard::content-type"_s, path});
    QVERIFY(info.waitForFinished(30000));
    const QString answer = QString::fromUtf8(info.readAllStandardOutput());
    QVERIFY2(answer.contains(u"standard::content-type: "_s), qPrintable(answer));
    QCOMPARE(answer.contains(u"standard::content-type: "_s + kWorkspaceType), isWorkspace);
}

void TestMimeType::describesWorkspaces()
{
    const QMimeType type = QMimeDatabase().mimeTypeForName(kWorkspaceType);
    QVERIFY(type.isValid());
    QCOMPARE(type.suffixes(), QStringList{u"strata"_s});
    QCOMPARE(type.iconName(), u"io.github.strata.Strata"_s);
    QVERIFY2(!type.comment().isEmpty() && type.comment() != kWorkspaceType, qPrintable(type.comment()));
}

void TestMimeType::desktopEntryOpensWorkspaces()
{
    QFile file(kLinuxDir + u"/io.github.strata.Strata.desktop"_s);
    QVERIFY(file.open(QIODevice::ReadOnly | QIODevice::Text));
    QHash<QString, QString> keys;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(u'\n')) {
        const qsizetype equals = line.indexOf(u'=');
        if (equals > 0 && !line.startsWith(u'#'))
            keys.insert(line.left(equals).trimmed(), line.mid(equals + 1).trimmed());
    }
    const QString mimeTypes = keys.value(u"MimeType"_s);
    QVERIFY2(mimeTypes.split(u';', Qt::SkipEmptyParts).contains(kWorkspaceType), qPrintable(mimeTypes));
    // The file manager passes the double-clicked files only when Exec has a field code for them.
    const QString exec = keys.value(u"Exec"_s);
    QVERIFY2(exec.contains(u"%F"_s) || exec.contains(u"%f"_s), qPrintable(exec));
}

QTEST_GUILESS_MAIN(TestMimeType)
#include "TestMimeType.moc"
