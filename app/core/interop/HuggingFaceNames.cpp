// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/HuggingFaceNames.h"

#include "domain/Fields.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

constexpr int kMaxRepoIdLength = 96;

bool isRepoPart(const QString &part)
{
    static const QRegularExpression re(u"^[A-Za-z0-9_](?:[A-Za-z0-9_.-]*[A-Za-z0-9_])?$"_s);
    return re.match(part).hasMatch() && !part.contains(u"--"_s) && !part.contains(u".."_s);
}

/// The Hub's license keys (huggingface/hub-docs, "licenses") whose SPDX id differs only in case, or that
/// SPDX spells differently; keys SPDX lacks map to LicenseRef-s that say which license they are.
const QHash<QString, QString> &licenseTable()
{
    static const QHash<QString, QString> table = {
        {u"apache-2.0"_s, u"Apache-2.0"_s},
        {u"mit"_s, u"MIT"_s},
        {u"afl-3.0"_s, u"AFL-3.0"_s},
        {u"artistic-2.0"_s, u"Artistic-2.0"_s},
        {u"bsl-1.0"_s, u"BSL-1.0"_s},
        {u"bsd-2-clause"_s, u"BSD-2-Clause"_s},
        {u"bsd-3-clause"_s, u"BSD-3-Clause"_s},
        {u"bsd-3-clause-clear"_s, u"BSD-3-Clause-Clear"_s},
        {u"cc0-1.0"_s, u"CC0-1.0"_s},
        {u"cc-by-2.0"_s, u"CC-BY-2.0"_s},
        {u"cc-by-2.5"_s, u"CC-BY-2.5"_s},
        {u"cc-by-3.0"_s, u"CC-BY-3.0"_s},
        {u"cc-by-4.0"_s, u"CC-BY-4.0"_s},
        {u"cc-by-sa-3.0"_s, u"CC-BY-SA-3.0"_s},
        {u"cc-by-sa-4.0"_s, u"CC-BY-SA-4.0"_s},
        {u"cc-by-nc-2.0"_s, u"CC-BY-NC-2.0"_s},
        {u"cc-by-nc-3.0"_s, u"CC-BY-NC-3.0"_s},
        {u"cc-by-nc-4.0"_s, u"CC-BY-NC-4.0"_s},
        {u"cc-by-nd-4.0"_s, u"CC-BY-ND-4.0"_s},
        {u"cc-by-nc-nd-3.0"_s, u"CC-BY-NC-ND-3.0"_s},
        {u"cc-by-nc-nd-4.0"_s, u"CC-BY-NC-ND-4.0"_s},
        {u"cc-by-nc-sa-2.0"_s, u"CC-BY-NC-SA-2.0"_s},
        {u"cc-by-nc-sa-3.0"_s, u"CC-BY-NC-SA-3.0"_s},
        {u"cc-by-nc-sa-4.0"_s, u"CC-BY-NC-SA-4.0"_s},
        {u"cdla-sharing-1.0"_s, u"CDLA-Sharing-1.0"_s},
        {u"cdla-permissive-1.0"_s, u"CDLA-Permissive-1.0"_s},
        {u"cdla-permissive-2.0"_s, u"CDLA-Permissive-2.0"_s},
        {u"wtfpl"_s, u"WTFPL"_s},
        {u"ecl-2.0"_s, u"ECL-2.0"_s},
        {u"epl-1.0"_s, u"EPL-1.0"_s},
        {u"epl-2.0"_s, u"EPL-2.0"_s},
        {u"etalab-2.0"_s, u"etalab-2.0"_s},
        {u"eupl-1.1"_s, u"EUPL-1.1"_s},
        {u"eupl-1.2"_s, u"EUPL-1.2"_s},
        // The Hub's GPL keys do not say "only" or "or later": SPDX's own (deprecated) ids say as little.
        {u"agpl-3.0"_s, u"AGPL-3.0"_s},
        {u"gpl-2.0"_s, u"GPL-2.0"_s},
        {u"gpl-3.0"_s, u"GPL-3.0"_s},
        {u"lgpl-2.1"_s, u"LGPL-2.1"_s},
        {u"lgpl-3.0"_s, u"LGPL-3.0"_s},
        {u"isc"_s, u"ISC"_s},
        {u"lppl-1.3c"_s, u"LPPL-1.3c"_s},
        {u"ms-pl"_s, u"MS-PL"_s},
        {u"mpl-2.0"_s, u"MPL-2.0"_s},
        {u"odc-by"_s, u"ODC-By-1.0"_s},
        {u"odbl"_s, u"ODbL-1.0"_s},
        {u"osl-3.0"_s, u"OSL-3.0"_s},
        {u"postgresql"_s, u"PostgreSQL"_s},
        {u"ofl-1.1"_s, u"OFL-1.1"_s},
        {u"ncsa"_s, u"NCSA"_s},
        {u"unlicense"_s, u"Unlicense"_s},
        {u"zlib"_s, u"Zlib"_s},
        {u"pddl"_s, u"PDDL-1.0"_s},
        {u"openrail"_s, u"LicenseRef-OpenRAIL"_s},
        {u"openrail++"_s, u"LicenseRef-OpenRAIL-PlusPlus"_s},
        {u"bigscience-openrail-m"_s, u"LicenseRef-BigScience-OpenRAIL-M"_s},
        {u"creativeml-openrail-m"_s, u"LicenseRef-CreativeML-OpenRAIL-M"_s},
        {u"bigscience-bloom-rail-1.0"_s, u"LicenseRef-BigScience-BLOOM-RAIL-1.0"_s},
        {u"bigcode-openrail-m"_s, u"LicenseRef-BigCode-OpenRAIL-M"_s},
        {u"llama2"_s, u"LicenseRef-Llama-2-Community"_s},
        {u"llama3"_s, u"LicenseRef-Llama-3-Community"_s},
        {u"llama3.1"_s, u"LicenseRef-Llama-3.1-Community"_s},
        {u"llama3.2"_s, u"LicenseRef-Llama-3.2-Community"_s},
        {u"llama3.3"_s, u"LicenseRef-Llama-3.3-Community"_s},
        {u"llama4"_s, u"LicenseRef-Llama-4-Community"_s},
        {u"gemma"_s, u"LicenseRef-Gemma"_s},
        {u"deepfloyd-if-license"_s, u"LicenseRef-DeepFloyd-IF"_s},
        {u"fair-noncommercial-research-license"_s, u"LicenseRef-FAIR-Noncommercial-Research"_s},
        {u"apple-ascl"_s, u"LicenseRef-Apple-ASCL"_s},
        {u"apple-amlr"_s, u"LicenseRef-Apple-AMLR"_s},
        {u"h-research"_s, u"LicenseRef-H-Research"_s},
        {u"intel-research"_s, u"LicenseRef-Intel-Research"_s},
        {u"c-uda"_s, u"C-UDA-1.0"_s},
    };
    return table;
}

bool isSpdxExpression(const QString &text)
{
    Record scratch;
    return fields::setField(scratch, u"license"_s, text).ok();
}

} // namespace

bool HuggingFaceNames::isRepoId(const QString &text)
{
    if (text.isEmpty() || text.size() > kMaxRepoIdLength)
        return false;
    const QStringList parts = text.split(u'/');
    if (parts.size() > 2)
        return false;
    for (const QString &part : parts) {
        if (!isRepoPart(part))
            return false;
    }
    return true;
}

QString HuggingFaceNames::orgOf(const QString &repoId)
{
    const qsizetype slash = repoId.indexOf(u'/');
    return slash < 0 ? QString() : repoId.left(slash);
}

QString HuggingFaceNames::nameOf(const QString &repoId)
{
    return repoId.mid(repoId.indexOf(u'/') + 1);
}

QString HuggingFaceNames::modelUrl(const QString &repoId)
{
    return u"https://huggingface.co/%1"_s.arg(repoId);
}

QString HuggingFaceNames::datasetUrl(const QString &repoId)
{
    return u"https://huggingface.co/datasets/%1"_s.arg(repoId);
}

QString HuggingFaceNames::modelPurl(const QString &repoId)
{
    return u"pkg:huggingface/%1"_s.arg(repoId);
}

QString HuggingFaceNames::licenseRef(const QString &text)
{
    QString out;
    for (const QChar c : text) {
        const bool keep =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'.' || c == u'-';
        if (keep)
            out += c;
        else if (!out.endsWith(u'-'))
            out += u'-';
    }
    while (out.startsWith(u'-') || out.startsWith(u'.'))
        out.remove(0, 1);
    while (out.endsWith(u'-') || out.endsWith(u'.'))
        out.chop(1);
    return u"LicenseRef-%1"_s.arg(out.isEmpty() ? u"other"_s : out.left(200));
}

QString HuggingFaceNames::license(const QString &value, const QString &licenseName)
{
    const QString text = value.trimmed();
    const QString key = text.toLower();
    if (key.isEmpty() || key == u"unknown"_s)
        return {};
    if (key == u"other"_s)
        return licenseRef(licenseName.trimmed().isEmpty() ? u"other"_s : licenseName.trimmed());
    const auto it = licenseTable().constFind(key);
    if (it != licenseTable().cend())
        return it.value();
    // Someone wrote SPDX on purpose ("GPL-3.0-or-later", "MIT OR Apache-2.0"): a lowercase word that is not a
    // Hub key is more likely a license SPDX lacks than an id in the wrong case.
    if (text != key && isSpdxExpression(text))
        return text;
    return licenseRef(text);
}

QString HuggingFaceNames::modality(const QString &pipelineTag)
{
    static const QSet<QString> text = {
        u"text-generation"_s,
        u"text2text-generation"_s,
        u"text-classification"_s,
        u"token-classification"_s,
        u"question-answering"_s,
        u"summarization"_s,
        u"translation"_s,
        u"fill-mask"_s,
        u"sentence-similarity"_s,
        u"feature-extraction"_s,
        u"text-ranking"_s,
        u"conversational"_s,
        u"zero-shot-classification"_s,
        u"table-question-answering"_s,
    };
    static const QSet<QString> image = {
        u"text-to-image"_s,
        u"unconditional-image-generation"_s,
        u"object-detection"_s,
        u"depth-estimation"_s,
        u"mask-generation"_s,
        u"keypoint-detection"_s,
        u"zero-shot-image-classification"_s,
        u"zero-shot-object-detection"_s,
    };
    static const QSet<QString> audio = {
        u"automatic-speech-recognition"_s,
        u"text-to-speech"_s,
        u"text-to-audio"_s,
        u"voice-activity-detection"_s,
    };
    static const QSet<QString> multimodal = {
        u"image-text-to-text"_s, u"visual-question-answering"_s, u"document-question-answering"_s,
        u"image-to-text"_s,      u"video-text-to-text"_s,        u"audio-text-to-text"_s,
        u"any-to-any"_s,         u"visual-document-retrieval"_s,
    };
    static const QSet<QString> other = {
        u"reinforcement-learning"_s,
        u"robotics"_s,
        u"tabular-classification"_s,
        u"tabular-regression"_s,
        u"time-series-forecasting"_s,
        u"graph-ml"_s,
        u"image-to-3d"_s,
        u"text-to-3d"_s,
    };
    const QString tag = pipelineTag.trimmed().toLower();
    if (text.contains(tag))
        return u"text"_s;
    if (multimodal.contains(tag))
        return u"multimodal"_s;
    if (other.contains(tag))
        return u"other"_s;
    if (audio.contains(tag) || tag.startsWith(u"audio-"_s))
        return u"audio"_s;
    if (tag.contains(u"video"_s))
        return u"video"_s;
    if (image.contains(tag) || tag.startsWith(u"image-"_s))
        return u"image"_s;
    return {};
}

QString HuggingFaceNames::nameFromPath(const QString &fileName)
{
    QString path = fileName;
    path.replace(u'\\', u'/');
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.isEmpty())
        return {};
    QString stem = parts.last();
    if (stem.endsWith(u".md"_s, Qt::CaseInsensitive))
        stem.chop(3);
    if (stem.compare(u"README"_s, Qt::CaseInsensitive) == 0) {
        if (parts.size() < 2)
            return {};
        // In the Hub cache the folder is a revision: the repo is two levels up.
        if (const auto cached = repoFromCachePath(path))
            return nameOf(cached->repoId);
        return parts.at(parts.size() - 2);
    }
    for (const QString &suffix : {u"-README"_s, u"_README"_s, u".README"_s}) {
        if (stem.endsWith(suffix, Qt::CaseInsensitive)) {
            stem.chop(suffix.size());
            break;
        }
    }
    return stem.trimmed();
}

std::optional<HuggingFaceCachedRepo> HuggingFaceNames::repoFromCachePath(const QString &fileName)
{
    static const QRegularExpression folder(u"^(models|datasets)--([^/]+)$"_s);
    QString path = fileName;
    path.replace(u'\\', u'/');
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    // The card is <cache>/<kind>--<org>--<name>/snapshots/<revision>/README.md.
    if (parts.size() < 4 || parts.at(parts.size() - 3) != u"snapshots"_s)
        return std::nullopt;
    const QRegularExpressionMatch m = folder.match(parts.at(parts.size() - 4));
    if (!m.hasMatch())
        return std::nullopt;
    const QString repoId = m.captured(2).replace(u"--"_s, u"/"_s);
    if (!isRepoId(repoId))
        return std::nullopt;
    return HuggingFaceCachedRepo{repoId, m.captured(1) == u"datasets"_s};
}

} // namespace strata
