// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "Translations.h"
#include "domain/Record.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;
using namespace strata;

namespace {

/// One <message> of a .ts file, as lupdate wrote it and lrelease will compile it.
struct TsMessage
{
    QString context;
    QString source;
    QString comment;
    bool numerus = false;
    bool unfinished = false;
    QStringList forms; // the translation, or one entry per plural form
};

struct TsFile
{
    QList<TsMessage> messages;
    QString error;
};

TsMessage readMessage(QXmlStreamReader &xml, const QString &context)
{
    TsMessage message;
    message.context = context;
    message.numerus = xml.attributes().value(u"numerus"_s) == u"yes"_s;
    while (xml.readNextStartElement()) {
        if (xml.name() == u"source"_s) {
            message.source = xml.readElementText();
        } else if (xml.name() == u"comment"_s) {
            message.comment = xml.readElementText();
        } else if (xml.name() == u"translation"_s) {
            const auto type = xml.attributes().value(u"type"_s);
            message.unfinished = type == u"unfinished"_s;
            if (message.numerus) {
                while (xml.readNextStartElement()) {
                    if (xml.name() == u"numerusform"_s)
                        message.forms.append(xml.readElementText());
                    else
                        xml.skipCurrentElement();
                }
            } else {
                message.forms.append(xml.readElementText());
            }
        } else {
            xml.skipCurrentElement();
        }
    }
    return message;
}

TsFile readTs(const QString &path)
{
    TsFile ts;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ts.error = u"cannot open %1: %2"_s.arg(path, file.errorString());
        return ts;
    }
    QXmlStreamReader xml(&file);
    QString context;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == u"name"_s)
            context = xml.readElementText();
        else if (xml.name() == u"message"_s)
            ts.messages.append(readMessage(xml, context));
    }
    if (xml.hasError())
        ts.error = u"%1, line %2: %3"_s.arg(path).arg(xml.lineNumber()).arg(xml.errorString());
    return ts;
}

QString tsPath(const QString &language)
{
    return QDir(QStringLiteral(STRATA_SOURCE_DIR)).filePath(u"translations/strata_%1.ts"_s.arg(language));
}

/// %1 ... %99, %L1 and %n: what arg() and tr(..., n) replace.
QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(?:\\d{1,2}|n)"_s);
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured());
    return found;
}

QString describe(const TsMessage &message)
{
    QString text = message.source;
    text.replace(u'\n', u"\\n"_s);
    if (text.size() > 90)
        text = text.left(87) + u"..."_s;
    return u"[%1] \"%2\""_s.arg(message.context, text);
}

QString sorted(QSet<QString> set)
{
    QStringList list(set.cbegin(), set.cend());
    list.sort();
    return list.join(u' ');
}

QString translate(const TsMessage &message, int n = -1)
{
    const QByteArray context = message.context.toUtf8();
    const QByteArray source = message.source.toUtf8();
    const QByteArray comment = message.comment.toUtf8();
    return QCoreApplication::translate(context.constData(), source.constData(),
                                       message.comment.isEmpty() ? nullptr : comment.constData(), n);
}

QString lupdatePath()
{
    const QString path = QStringLiteral(STRATA_LUPDATE);
    return !path.isEmpty() && QFileInfo(path).isExecutable() ? path : QString();
}

/// The result of running lupdate over app/, models/ and ui/ the way the strata_lupdate target does.
struct LupdateRun
{
    QString tsFile;
    QString output; // what lupdate printed, warnings included
    QString error;
};

/// Updates a copy of translations/strata_<language>.ts in `dir`, so the committed file stays as it is.
LupdateRun runLupdate(const QTemporaryDir &dir, const QString &language, const QStringList &options)
{
    LupdateRun run;
    run.tsFile = dir.filePath(u"strata_%1.ts"_s.arg(language));
    if (!QFile::copy(tsPath(language), run.tsFile)) {
        run.error = u"cannot copy %1 to %2"_s.arg(tsPath(language), run.tsFile);
        return run;
    }
    QProcess process;
    process.setWorkingDirectory(QStringLiteral(STRATA_SOURCE_DIR));
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(lupdatePath(), QStringList{u"-locations"_s, u"relative"_s, u"-no-obsolete"_s} + options +
                                     QStringList{u"app"_s, u"models"_s, u"ui"_s, u"-ts"_s, run.tsFile});
    if (!process.waitForFinished(180000)) {
        run.error = u"lupdate did not finish: %1"_s.arg(process.errorString());
        return run;
    }
    run.output = QString::fromLocal8Bit(process.readAll());
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0)
        run.error = u"lupdate failed (exit code %1):\n%2"_s.arg(process.exitCode()).arg(run.output);
    return run;
}

} // namespace

/// Guards what a Chinese or English user reads: a complete zh_CN catalogue whose placeholders still fit the code,
/// no source string that slipped past lupdate, and catalogues that really load from the binary.
class TestTranslations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cataloguesAreComplete_data();
    void cataloguesAreComplete();
    void sourcesHaveNoUntranslatedText_data();
    void sourcesHaveNoUntranslatedText();
    void trCallsNameTheirClass();
    void everyMessageKnowsItsClass();
    void chineseCatalogueIsEmbedded();
    void englishUsesPluralForms_data();
    void englishUsesPluralForms();
};

void TestTranslations::cataloguesAreComplete_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<int>("pluralForms");
    QTest::newRow("zh_CN") << u"zh_CN"_s << 1; // Chinese has no plural: one form.
    QTest::newRow("en") << u"en"_s << 2;       // singular and plural
}

void TestTranslations::cataloguesAreComplete()
{
    QFETCH(QString, language);
    QFETCH(int, pluralForms);
    const TsFile ts = readTs(tsPath(language));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QVERIFY2(!ts.messages.isEmpty(), qPrintable(u"%1 holds no messages"_s.arg(tsPath(language))));

    QStringList problems;
    for (const TsMessage &message : ts.messages) {
        if (message.unfinished) {
            problems << u"%1 is unfinished"_s.arg(describe(message));
            continue;
        }
        if (message.numerus && message.forms.size() != pluralForms) {
            problems << u"%1 has %2 plural forms instead of %3"_s.arg(describe(message))
                            .arg(message.forms.size())
                            .arg(pluralForms);
        }
        const QSet<QString> expected = placeholders(message.source);
        for (const QString &form : message.forms) {
            if (form.trimmed().isEmpty()) {
                problems << u"%1 has an empty translation"_s.arg(describe(message));
                continue;
            }
            const QSet<QString> got = placeholders(form);
            if (got != expected) {
                problems << u"%1: the translation \"%2\" has the placeholders {%3}, the source {%4}"_s.arg(
                    describe(message), form, sorted(got), sorted(expected));
            }
        }
    }
    QVERIFY2(
        problems.isEmpty(),
        qPrintable(
            u"%1 problem(s) in strata_%2.ts:\n  %3"_s.arg(problems.size()).arg(language, problems.join(u"\n  "_s))));
}

void TestTranslations::sourcesHaveNoUntranslatedText_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QStringList>("options");
    QTest::newRow("zh_CN") << u"zh_CN"_s << QStringList();
    QTest::newRow("en") << u"en"_s << QStringList{u"-pluralonly"_s};
}

void TestTranslations::sourcesHaveNoUntranslatedText()
{
    QFETCH(QString, language);
    QFETCH(QStringList, options);
    if (lupdatePath().isEmpty())
        QSKIP("lupdate is not available in this build");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LupdateRun run = runLupdate(dir, language, options);
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));

    const TsFile ts = readTs(run.tsFile);
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList untranslated;
    for (const TsMessage &message : ts.messages) {
        if (message.unfinished)
            untranslated << describe(message);
    }
    QVERIFY2(
        untranslated.isEmpty(),
        qPrintable(u"%1 source string(s) have no translation in translations/strata_%2.ts; run "
                   "`cmake --build <dir> --target strata_lupdate` and translate them:\n  %3"_s.arg(untranslated.size())
                       .arg(language, untranslated.join(u"\n  "_s))));
}

void TestTranslations::trCallsNameTheirClass()
{
    if (lupdatePath().isEmpty())
        QSKIP("lupdate is not available in this build");
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const LupdateRun run = runLupdate(dir, u"zh_CN"_s, {});
    QVERIFY2(run.error.isEmpty(), qPrintable(run.error));

    // lupdate files such a message under a class that tr() does not use at run time (a base class's
    // Q_DECLARE_TR_FUNCTIONS, or none at all), so the translation is never found.
    QStringList warnings;
    for (const QString &line : run.output.split(u'\n')) {
        if (line.contains(u"lacks Q_OBJECT macro"_s))
            warnings << line.trimmed();
    }
    QVERIFY2(warnings.isEmpty(),
             qPrintable(u"lupdate cannot tell which class %1 tr() call(s) belong to; give each class that calls tr() "
                        "its own Q_OBJECT or Q_DECLARE_TR_FUNCTIONS(strata::ClassName):\n  %2"_s.arg(warnings.size())
                            .arg(warnings.join(u"\n  "_s))));
}

void TestTranslations::everyMessageKnowsItsClass()
{
    // tr() looks a message up under its class name; a message lupdate filed under no class is never found.
    const TsFile ts = readTs(tsPath(u"zh_CN"_s));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    QStringList homeless;
    for (const TsMessage &message : ts.messages) {
        if (message.context.isEmpty())
            homeless << describe(message);
    }
    QVERIFY2(homeless.isEmpty(),
             qPrintable(u"%1 message(s) have no context, so tr() never finds their translation. lupdate warns "
                        "\"Class '' lacks Q_OBJECT macro\" where it cannot tell the class, for instance behind "
                        "`using Tr = SomeClass;`; declare `struct Tr { Q_DECLARE_TR_FUNCTIONS(strata::SomeClass) };` "
                        "instead:\n  %2"_s.arg(homeless.size())
                            .arg(homeless.join(u"\n  "_s))));
}

void TestTranslations::chineseCatalogueIsEmbedded()
{
    const TsFile ts = readTs(tsPath(u"zh_CN"_s));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    installTranslations(*QCoreApplication::instance(), u"zh_CN"_s);

    // A core label, through the function the app calls, comes back as the catalogue says.
    const auto model = std::find_if(ts.messages.cbegin(), ts.messages.cend(), [](const TsMessage &m) {
        return m.context == u"strata::Kinds"_s && m.source == u"Model"_s;
    });
    QVERIFY2(model != ts.messages.cend(), "strata_zh_CN.ts has no [strata::Kinds] \"Model\"");
    QCOMPARE(recordKindLabel(RecordKind::Model), model->forms.value(0));
    QVERIFY(recordKindLabel(RecordKind::Model) != model->source);
    // Dates and numbers follow the chosen language as well.
    QCOMPARE(QLocale().language(), QLocale::Chinese);
    QVERIFY(QLocale().toString(QDate(2026, 11, 27), QLocale::LongFormat).contains(u"月"_s));

    // Every message of the .ts is in the embedded .qm.
    QStringList missing;
    for (const TsMessage &message : ts.messages) {
        const int n = message.numerus ? 7 : -1;
        QString expected = message.forms.value(0);
        if (message.numerus)
            expected.replace(u"%n"_s, u"7"_s);
        const QString got = translate(message, n);
        if (got != expected)
            missing << u"%1 gives \"%2\""_s.arg(describe(message), got);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"%1 message(s) are not translated by the embedded catalogue:\n  %2"_s.arg(missing.size())
                            .arg(missing.join(u"\n  "_s))));
}

void TestTranslations::englishUsesPluralForms_data()
{
    QTest::addColumn<QString>("locale");
    QTest::newRow("en_US") << u"en_US"_s;
    QTest::newRow("en_GB") << u"en_GB"_s;
    QTest::newRow("C, as the tests run") << u"C"_s;
    QTest::newRow("a language without a catalogue") << u"de_DE"_s;
}

void TestTranslations::englishUsesPluralForms()
{
    QFETCH(QString, locale);
    const TsFile ts = readTs(tsPath(u"en"_s));
    QVERIFY2(ts.error.isEmpty(), qPrintable(ts.error));
    // Switching from Chinese must take the Chinese catalogue out again.
    installTranslations(*QCoreApplication::instance(), u"zh_CN"_s);
    installTranslations(*QCoreApplication::instance(), locale);
    QCOMPARE(recordKindLabel(RecordKind::Model), u"Model"_s);

    int checked = 0;
    QStringList problems;
    for (const TsMessage &message : ts.messages) {
        if (!message.numerus || !message.source.contains(u"(s)"_s))
            continue;
        ++checked;
        const QString one = translate(message, 1);
        const QString many = translate(message, 3);
        const QString expectedOne = QString(message.forms.value(0)).replace(u"%n"_s, u"1"_s);
        const QString expectedMany = QString(message.forms.value(1)).replace(u"%n"_s, u"3"_s);
        if (one != expectedOne || many != expectedMany)
            problems << u"%1 gives \"%2\" and \"%3\""_s.arg(describe(message), one, many);
        else if (one.contains(u"(s)"_s) || many.contains(u"(s)"_s))
            problems << u"%1 still says \"(s)\": \"%2\""_s.arg(describe(message), one);
        else if (message.forms.value(0) == message.forms.value(1))
            problems << u"%1 reads the same for 1 and 3: \"%2\""_s.arg(describe(message), one);
    }
    QVERIFY2(checked > 0, "strata_en.ts has no plural message written with \"(s)\"");
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u"\n"_s)));
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "TestTranslations.moc"
