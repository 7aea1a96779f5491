// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "PdfAProbe.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTimeZone>
#include <QXmlStreamReader>

using namespace Qt::Literals::StringLiterals;

namespace strata::reportsamples {

namespace {

const QString kDc = u"http://purl.org/dc/elements/1.1/"_s;
const QString kXmp = u"http://ns.adobe.com/xap/1.0/"_s;
const QString kPdf = u"http://ns.adobe.com/pdf/1.3/"_s;
const QString kPdfaId = u"http://www.aiim.org/pdfa/ns/id/"_s;
const QString kRdf = u"http://www.w3.org/1999/02/22-rdf-syntax-ns#"_s;

struct QpdfRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

QpdfRun runQpdf(const QStringList &arguments)
{
    QProcess process;
    process.start(QStandardPaths::findExecutable(u"qpdf"_s), arguments);
    process.waitForFinished(120000);
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAllStandardOutput(),
            process.readAllStandardError()};
}

bool isReference(const QString &value)
{
    static const QRegularExpression reference(u"^\\d+ \\d+ R$"_s);
    return reference.match(value).hasMatch();
}

/// A PDF date (D:YYYYMMDDHHmmSSOHH'mm') as an instant; invalid when it does not parse.
QDateTime pdfDate(QString text)
{
    static const QRegularExpression date(
        u"^D:(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:([Zz+-])(?:(\\d{2})'?(\\d{2})?'?)?)?$"_s);
    const QRegularExpressionMatch m = date.match(text);
    if (!m.hasMatch())
        return {};
    auto part = [&m](int i, int fallback) { return m.captured(i).isEmpty() ? fallback : m.captured(i).toInt(); };
    const QDate day(part(1, 0), part(2, 1), part(3, 1));
    const QTime time(part(4, 0), part(5, 0), part(6, 0));
    int offset = (part(8, 0) * 60 + part(9, 0)) * 60;
    if (m.captured(7) == u"-"_s)
        offset = -offset;
    return QDateTime(day, time, QTimeZone(offset)).toUTC();
}

/// The properties of an XMP packet, keyed by namespace URI + local name; language alternatives give x-default (or
/// their first entry), sequences their first entry.
struct Xmp
{
    QHash<QString, QString> properties;
    QString error;
};

Xmp readXmp(const QByteArray &packet)
{
    Xmp xmp;
    QXmlStreamReader xml(packet);
    QString property;         // the property element being read, when in element form
    bool haveDefault = false; // the property already has its x-default (or first) value
    int descriptionDepth = -1;
    int depth = 0;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            ++depth;
            const QString name = xml.namespaceUri().toString() + xml.name().toString();
            if (name == kRdf + u"Description"_s) {
                descriptionDepth = depth;
                for (const QXmlStreamAttribute &attribute : xml.attributes()) {
                    if (attribute.namespaceUri() != kRdf && !attribute.namespaceUri().isEmpty())
                        xmp.properties.insert(attribute.namespaceUri().toString() + attribute.name().toString(),
                                              attribute.value().toString());
                }
            } else if (depth == descriptionDepth + 1) {
                property = name;
                haveDefault = false;
            } else if (!property.isEmpty() && name == kRdf + u"li"_s) {
                const bool isDefault = xml.attributes().value(u"xml:lang"_s) == u"x-default"_s;
                const QString text = xml.readElementText();
                --depth;
                if (!haveDefault || isDefault)
                    xmp.properties.insert(property, text);
                haveDefault = haveDefault || isDefault || !xmp.properties.value(property).isEmpty();
            }
        } else if (xml.isCharacters() && !xml.isWhitespace() && !property.isEmpty() && !haveDefault) {
            xmp.properties.insert(property, xml.text().toString());
        } else if (xml.isEndElement()) {
            if (depth == descriptionDepth + 1)
                property.clear();
            if (depth == descriptionDepth)
                descriptionDepth = -1;
            --depth;
        }
    }
    if (xml.hasError())
        xmp.error = u"line %1: %2"_s.arg(xml.lineNumber()).arg(xml.errorString());
    return xmp;
}

/// Walks qpdf's JSON view of every object and records what PDF/A-1b forbids.
class Checker
{
public:
    explicit Checker(QJsonObject objects)
        : m_objects(std::move(objects))
    {
    }

    QStringList violations;

    void add(const QString &clause, const QString &what) { violations << u"%1: %2"_s.arg(clause, what); }

    /// The dictionary behind a value: an inline dictionary, an object's value, or a stream's dictionary.
    QJsonObject dictionary(const QJsonValue &value) const
    {
        if (value.isObject())
            return value.toObject();
        if (!value.isString() || !isReference(value.toString()))
            return {};
        const QJsonObject object = m_objects.value(u"obj:"_s + value.toString()).toObject();
        if (object.contains(u"stream"_s))
            return object.value(u"stream"_s).toObject().value(u"dict"_s).toObject();
        return object.value(u"value"_s).toObject();
    }

    bool isStream(const QJsonValue &value) const
    {
        return value.isString() && m_objects.value(u"obj:"_s + value.toString()).toObject().contains(u"stream"_s);
    }

    void checkAllObjects()
    {
        for (auto it = m_objects.begin(); it != m_objects.end(); ++it) {
            if (!it.key().startsWith(u"obj:"_s))
                continue;
            const QJsonObject object = it.value().toObject();
            const QString where = it.key().mid(4);
            if (object.contains(u"stream"_s)) {
                const QJsonObject dict = object.value(u"stream"_s).toObject().value(u"dict"_s).toObject();
                checkStream(dict, where);
                walk(dict, where);
            } else {
                walk(object.value(u"value"_s), where);
            }
        }
    }

    void checkCatalog(const QJsonObject &catalog)
    {
        if (!isStream(catalog.value(u"/Metadata"_s)))
            add(u"6.7.2"_s, u"the catalog has no metadata stream"_s);
        if (catalog.contains(u"/AA"_s))
            add(u"6.6.2"_s, u"the catalog has additional actions"_s);
        if (catalog.contains(u"/OCProperties"_s))
            add(u"6.1.13"_s, u"the catalog has optional content"_s);
        if (dictionary(catalog.value(u"/Names"_s)).contains(u"/EmbeddedFiles"_s))
            add(u"6.1.11"_s, u"the document embeds files"_s);
        if (dictionary(catalog.value(u"/AcroForm"_s)).value(u"/NeedAppearances"_s).toBool())
            add(u"6.9"_s, u"the form asks the viewer to draw appearances"_s);
        QSet<QString> profiles;
        for (const QJsonValue &entry : catalog.value(u"/OutputIntents"_s).toArray()) {
            const QJsonObject intent = dictionary(entry);
            if (intent.value(u"/S"_s).toString() != u"/GTS_PDFA1"_s)
                continue;
            const QJsonValue profile = intent.value(u"/DestOutputProfile"_s);
            if (!isStream(profile))
                add(u"6.2.2"_s, u"the PDF/A output intent has no ICC profile"_s);
            else if (!QSet<int>{1, 3, 4}.contains(dictionary(profile).value(u"/N"_s).toInt()))
                add(u"6.2.2"_s, u"the output intent's ICC profile has no valid colour count /N"_s);
            profiles.insert(profile.toString());
        }
        if (profiles.isEmpty())
            add(u"6.2.2"_s, u"there is no GTS_PDFA1 output intent"_s);
        else if (profiles.size() > 1)
            add(u"6.2.2"_s, u"the output intents name different profiles"_s);
    }

    /// Each entry of the document information dictionary must have an equal XMP property.
    void checkInfoAgainstXmp(const QJsonObject &info, const Xmp &xmp)
    {
        static const QList<std::pair<QString, QString>> pairs = {
            {u"/Title"_s, kDc + u"title"_s},
            {u"/Author"_s, kDc + u"creator"_s},
            {u"/Subject"_s, kDc + u"description"_s},
            {u"/Keywords"_s, kPdf + u"Keywords"_s},
            {u"/Creator"_s, kXmp + u"CreatorTool"_s},
            {u"/Producer"_s, kPdf + u"Producer"_s},
            {u"/CreationDate"_s, kXmp + u"CreateDate"_s},
            {u"/ModDate"_s, kXmp + u"ModifyDate"_s},
        };
        for (const auto &[key, property] : pairs) {
            if (!info.contains(key))
                continue;
            const QString value = info.value(key).toString().mid(2); // "u:" text as qpdf decodes it
            if (!xmp.properties.contains(property)) {
                add(u"6.7.3"_s, u"Info %1 has no XMP equivalent"_s.arg(key));
                continue;
            }
            const QString inXmp = xmp.properties.value(property);
            const bool isDate = key.endsWith(u"Date"_s);
            const bool same =
                isDate ? pdfDate(value).isValid() && pdfDate(value) == QDateTime::fromString(inXmp, Qt::ISODate).toUTC()
                       : value == inXmp;
            if (!same)
                add(u"6.7.3"_s, u"Info %1 \"%2\" differs from XMP \"%3\""_s.arg(key, value, inXmp));
        }
    }

private:
    void checkStream(const QJsonObject &dict, const QString &where)
    {
        for (const QString &key : {u"/F"_s, u"/FFilter"_s, u"/FDecodeParms"_s}) {
            if (dict.contains(key))
                add(u"6.1.7"_s, u"stream %1 has %2"_s.arg(where, key));
        }
        const QJsonValue filter = dict.value(u"/Filter"_s);
        const QJsonArray filters = filter.isArray() ? filter.toArray() : QJsonArray{filter};
        if (filters.contains(u"/LZWDecode"_s))
            add(u"6.1.10"_s, u"stream %1 is LZW-compressed"_s.arg(where));
    }

    /// Implementation limits (6.1.12) on every value, and the dictionary rules on every dictionary.
    void walk(const QJsonValue &value, const QString &where)
    {
        if (value.isObject()) {
            const QJsonObject dict = value.toObject();
            if (dict.size() > 4095)
                add(u"6.1.12"_s, u"a dictionary in %1 has %2 entries"_s.arg(where).arg(dict.size()));
            checkDictionary(dict, where);
            for (auto it = dict.begin(); it != dict.end(); ++it) {
                if (it.key().size() - 1 > 127)
                    add(u"6.1.12"_s, u"a name in %1 is longer than 127 bytes"_s.arg(where));
                walk(it.value(), where);
            }
        } else if (value.isArray()) {
            const QJsonArray array = value.toArray();
            if (array.size() > 8191)
                add(u"6.1.12"_s, u"an array in %1 has %2 entries"_s.arg(where).arg(array.size()));
            for (const QJsonValue &item : array)
                walk(item, where);
        } else if (value.isDouble()) {
            const double number = value.toDouble();
            const bool integral = number == double(qint64(number));
            if ((integral && qAbs(number) > 2147483647.0) || (!integral && qAbs(number) > 32767.0))
                add(u"6.1.12"_s, u"the number %1 in %2 is out of range"_s.arg(number).arg(where));
        } else if (value.isString()) {
            const QString text = value.toString();
            const qsizetype bytes = text.startsWith(u"b:"_s) ? (text.size() - 2) / 2 : text.mid(2).toUtf8().size();
            if ((text.startsWith(u"u:"_s) || text.startsWith(u"b:"_s)) && bytes > 65535)
                add(u"6.1.12"_s, u"a string in %1 is longer than 65535 bytes"_s.arg(where));
            if (text.startsWith(u'/') && text.size() - 1 > 127)
                add(u"6.1.12"_s, u"a name in %1 is longer than 127 bytes"_s.arg(where));
        }
    }

    void checkDictionary(const QJsonObject &dict, const QString &where)
    {
        const QString type = dict.value(u"/Type"_s).toString();
        const QString subtype = dict.value(u"/Subtype"_s).toString();
        const QJsonValue softMask = dict.value(u"/SMask"_s);
        if (!softMask.isUndefined() && softMask.toString() != u"/None"_s)
            add(u"6.4"_s, u"%1 has a soft mask"_s.arg(where));
        for (const QString &alpha : {u"/CA"_s, u"/ca"_s}) {
            if (dict.contains(alpha) && dict.value(alpha).toDouble() != 1.0)
                add(u"6.4"_s, u"%1 sets %2 to %3"_s.arg(where, alpha).arg(dict.value(alpha).toDouble()));
        }
        const QJsonValue blend = dict.value(u"/BM"_s);
        if (!blend.isUndefined() && blend.toString() != u"/Normal"_s && blend.toString() != u"/Compatible"_s)
            add(u"6.4"_s, u"%1 uses a blend mode"_s.arg(where));
        if (dictionary(dict.value(u"/Group"_s)).value(u"/S"_s).toString() == u"/Transparency"_s)
            add(u"6.4"_s, u"%1 has a transparency group"_s.arg(where));
        if (dict.contains(u"/TR"_s))
            add(u"6.2.8"_s, u"%1 sets a transfer function"_s.arg(where));
        static const QSet<QString> actions = {u"/JavaScript"_s, u"/Launch"_s,     u"/Sound"_s,     u"/Movie"_s,
                                              u"/ResetForm"_s,  u"/ImportData"_s, u"/Hide"_s,      u"/SetOCGState"_s,
                                              u"/Rendition"_s,  u"/Trans"_s,      u"/GoTo3DView"_s};
        if (actions.contains(dict.value(u"/S"_s).toString()))
            add(u"6.6.1"_s, u"%1 has a %2 action"_s.arg(where, dict.value(u"/S"_s).toString()));
        if (type == u"/Page"_s && dict.contains(u"/AA"_s))
            add(u"6.6.2"_s, u"page %1 has additional actions"_s.arg(where));
        if (type == u"/Annot"_s)
            checkAnnotation(dict, where);
        if (subtype == u"/Image"_s) {
            if (dict.contains(u"/Alternates"_s) || dict.contains(u"/OPI"_s))
                add(u"6.2.4"_s, u"image %1 has alternates or OPI"_s.arg(where));
            if (dict.value(u"/Interpolate"_s).toBool())
                add(u"6.2.4"_s, u"image %1 asks for interpolation"_s.arg(where));
        }
        if (subtype == u"/Form"_s &&
            (dict.contains(u"/OPI"_s) || dict.contains(u"/PS"_s) || dict.value(u"/Subtype2"_s).toString() == u"/PS"_s))
            add(u"6.2.5"_s, u"form %1 carries PostScript or OPI"_s.arg(where));
        if (subtype == u"/PS"_s)
            add(u"6.2.7"_s, u"%1 is a PostScript XObject"_s.arg(where));
        if (type == u"/FontDescriptor"_s && !dict.contains(u"/FontFile"_s) && !dict.contains(u"/FontFile2"_s) &&
            !dict.contains(u"/FontFile3"_s))
            add(u"6.3.4"_s, u"font %1 is not embedded"_s.arg(dict.value(u"/FontName"_s).toString()));
        if (type == u"/Font"_s)
            checkFont(dict, subtype, where);
    }

    void checkAnnotation(const QJsonObject &dict, const QString &where)
    {
        const QString subtype = dict.value(u"/Subtype"_s).toString();
        if (subtype == u"/Sound"_s || subtype == u"/Movie"_s || subtype == u"/FileAttachment"_s)
            add(u"6.5.2"_s, u"annotation %1 is of a forbidden type %2"_s.arg(where, subtype));
        const int flags = dict.value(u"/F"_s).toInt();
        if (!(flags & 4) || (flags & (1 | 2 | 32)))
            add(u"6.5.3"_s, u"annotation %1 is not set to print, or is hidden (flags %2)"_s.arg(where).arg(flags));
    }

    void checkFont(const QJsonObject &dict, const QString &subtype, const QString &where)
    {
        if (subtype == u"/Type0"_s || subtype == u"/Type3"_s)
            return;
        const QJsonObject descriptor = dictionary(dict.value(u"/FontDescriptor"_s));
        if (descriptor.isEmpty()) {
            add(u"6.3.4"_s,
                u"font %1 (%2) has no embedded program"_s.arg(dict.value(u"/BaseFont"_s).toString(), where));
            return;
        }
        static const QRegularExpression subsetTag(u"^/[A-Z]{6}\\+"_s);
        if (!subsetTag.match(descriptor.value(u"/FontName"_s).toString()).hasMatch())
            return;
        const bool cid = subtype == u"/CIDFontType0"_s || subtype == u"/CIDFontType2"_s;
        if (cid && !isStream(descriptor.value(u"/CIDSet"_s)))
            add(u"6.3.5"_s, u"CID font subset %1 has no CIDSet"_s.arg(descriptor.value(u"/FontName"_s).toString()));
        if (subtype == u"/Type1"_s && !descriptor.contains(u"/CharSet"_s))
            add(u"6.3.5"_s, u"Type 1 subset %1 has no CharSet"_s.arg(descriptor.value(u"/FontName"_s).toString()));
    }

    QJsonObject m_objects;
};

void checkHeader(const QString &pdf, Checker &checker)
{
    QFile file(pdf);
    if (!file.open(QIODevice::ReadOnly)) {
        checker.add(u"6.1.2"_s, u"the file cannot be read"_s);
        return;
    }
    const QByteArray head = file.read(64);
    const qsizetype eol = head.indexOf('\n');
    const QByteArray comment = eol < 0 ? QByteArray() : head.mid(eol + 1, 5);
    const bool binary = comment.size() == 5 && comment.at(0) == '%' &&
                        std::all_of(comment.begin() + 1, comment.end(), [](char c) { return uchar(c) > 127; });
    if (!head.startsWith("%PDF-1.") || !binary)
        checker.add(u"6.1.2"_s, u"the header is not %PDF-1.n followed by a binary comment"_s);
}

} // namespace

bool PdfAProbe::available()
{
    return !QStandardPaths::findExecutable(u"qpdf"_s).isEmpty();
}

QStringList PdfAProbe::violations(const QString &pdf)
{
    const QpdfRun json = runQpdf({u"--json=2"_s, u"--json-key=qpdf"_s, pdf});
    if (json.exitCode != 0 && json.exitCode != 3)
        return {u"6.1: qpdf cannot read the file: %1"_s.arg(QString::fromUtf8(json.err).trimmed())};
    const QJsonObject objects = QJsonDocument::fromJson(json.out).object().value(u"qpdf"_s).toArray().at(1).toObject();
    Checker checker(objects);
    if (json.exitCode == 3)
        checker.add(u"6.1.4"_s, u"qpdf finds damage: %1"_s.arg(QString::fromUtf8(json.err).trimmed()));
    checkHeader(pdf, checker);

    const QJsonObject trailer = objects.value(u"trailer"_s).toObject().value(u"value"_s).toObject();
    if (trailer.contains(u"/Encrypt"_s))
        checker.add(u"6.1.3"_s, u"the file is encrypted"_s);
    if (trailer.value(u"/ID"_s).toArray().size() != 2)
        checker.add(u"6.1.3"_s, u"the trailer has no file identifier"_s);
    checker.checkAllObjects();
    const QJsonObject catalog = checker.dictionary(trailer.value(u"/Root"_s));
    checker.checkCatalog(catalog);

    const QString metadata = catalog.value(u"/Metadata"_s).toString();
    if (!checker.isStream(catalog.value(u"/Metadata"_s)))
        return checker.violations;
    const QpdfRun packet =
        runQpdf({u"--show-object=%1"_s.arg(metadata.section(u' ', 0, 0)), u"--filtered-stream-data"_s, pdf});
    static const QRegularExpression header(u"<\\?xpacket[^>]*\\b(bytes|encoding)="_s);
    if (header.match(QString::fromUtf8(packet.out)).hasMatch())
        checker.add(u"6.7.5"_s, u"the XMP packet header has a bytes or encoding attribute"_s);
    const Xmp xmp = readXmp(packet.out);
    if (!xmp.error.isEmpty())
        checker.add(u"6.7.9"_s, u"the XMP packet is not well-formed: %1"_s.arg(xmp.error));
    if (xmp.properties.value(kPdfaId + u"part"_s) != u"1"_s)
        checker.add(u"6.7.11"_s, u"the XMP does not identify PDF/A-1 (pdfaid:part)"_s);
    const QString conformance = xmp.properties.value(kPdfaId + u"conformance"_s);
    if (conformance != u"A"_s && conformance != u"B"_s)
        checker.add(u"6.7.11"_s, u"the XMP has no PDF/A conformance level"_s);
    checker.checkInfoAgainstXmp(checker.dictionary(trailer.value(u"/Info"_s)), xmp);
    return checker.violations;
}

} // namespace strata::reportsamples
