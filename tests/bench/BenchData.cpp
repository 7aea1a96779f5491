// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BenchData.h"

#include "domain/Fields.h"
#include "workspace/Workspace.h"

#include <QElapsedTimer>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata::bench {

namespace {

constexpr int kVocabularySize = 20000;

const QStringList kOnsets = {u"b"_s, u"d"_s, u"f"_s, u"g"_s, u"k"_s,  u"l"_s,  u"m"_s,  u"n"_s,  u"p"_s,  u"r"_s,
                             u"s"_s, u"t"_s, u"v"_s, u"z"_s, u"br"_s, u"dr"_s, u"kr"_s, u"st"_s, u"th"_s, u"sh"_s};
const QStringList kVowels = {u"a"_s, u"e"_s, u"i"_s, u"o"_s, u"u"_s, u"ai"_s, u"ei"_s, u"ou"_s};
const QStringList kCodas = {u"n"_s, u"r"_s, u"s"_s, u"l"_s, u"x"_s, u"th"_s};

// Split at '|' so that the list stays a compact paragraph under clang-format.
const QStringList kRealSuppliers =
    u"Meta|Mistral AI|Google DeepMind|Alibaba Cloud|Microsoft|NVIDIA|Hugging Face|Stability AI|Cohere|Anthropic|"
    "OpenAI|TII|EleutherAI|BigScience|Allen Institute for AI|Databricks|Snowflake|IBM|Amazon Web Services|"
    "Aleph Alpha|DeepSeek|01.AI|Nous Research|LAION|Common Crawl Foundation|Python Software Foundation|"
    "PyTorch Foundation|Apache Software Foundation|Linux Foundation"_s.split(u'|');
const QStringList kSupplierSuffixes = {u"Labs"_s,     u"AI"_s,   u"Systems"_s, u"Data"_s,     u"Cloud"_s,
                                       u"Research"_s, u"GmbH"_s, u"Inc."_s,    u"Analytics"_s};
const QStringList kJurisdictions = {u"US"_s, u"EU"_s, u"DE"_s, u"FR"_s, u"UK"_s, u"CN"_s, u"CA"_s, u"JP"_s, u"CH"_s};
const QStringList kContracts = {u"none"_s, u"negotiating"_s, u"active"_s, u"expired"_s, u"terminated"_s};

const QStringList kFamilies = {u"llama"_s,  u"mistral"_s,  u"qwen"_s,     u"gemma"_s,     u"phi"_s,       u"mixtral"_s,
                               u"falcon"_s, u"deepseek"_s, u"olmo"_s,     u"starcoder"_s, u"codellama"_s, u"bloom"_s,
                               u"pythia"_s, u"yi"_s,       u"stablelm"_s, u"granite"_s,   u"mpt"_s,       u"zephyr"_s,
                               u"vicuna"_s, u"hermes"_s,   u"bert"_s,     u"roberta"_s,   u"t5"_s,        u"whisper"_s,
                               u"clip"_s,   u"sdxl"_s,     u"e5"_s,       u"bge"_s,       u"internlm"_s,  u"jamba"_s};
const QStringList kArchitectures = {u"LlamaForCausalLM"_s,
                                    u"MistralForCausalLM"_s,
                                    u"Qwen2ForCausalLM"_s,
                                    u"GemmaForCausalLM"_s,
                                    u"Phi3ForCausalLM"_s,
                                    u"MixtralForCausalLM"_s,
                                    u"FalconForCausalLM"_s,
                                    u"BertModel"_s,
                                    u"T5ForConditionalGeneration"_s,
                                    u"WhisperForConditionalGeneration"_s};
const QStringList kFamilyVersions = {u"1"_s, u"2"_s, u"3"_s, u"3.1"_s, u"3.2"_s, u"2.5"_s, u"0.3"_s};
const QStringList kSizes = {u"0.5b"_s, u"1b"_s,  u"1.5b"_s, u"3b"_s,  u"7b"_s,   u"8b"_s,
                            u"13b"_s,  u"14b"_s, u"34b"_s,  u"70b"_s, u"8x7b"_s, u"405b"_s};
const QList<qint64> kParameters = {500000000LL,   1000000000LL,  1500000000LL,  3000000000LL,
                                   7000000000LL,  8000000000LL,  13000000000LL, 14000000000LL,
                                   34000000000LL, 70000000000LL, 46700000000LL, 405000000000LL};
const QStringList kVariants = {u"instruct"_s, u"base"_s, u"chat"_s, u"code"_s, u"math"_s, u"vision"_s, u"q4_k_m"_s,
                               u"q8_0"_s,     u"awq"_s,  u"gptq"_s, u"lora"_s, u"dpo"_s,  u"sft"_s,    u"merge"_s};
const QStringList kModelVersions = {u""_s,     u"1.0"_s,  u"1.1"_s,     u"2.0"_s,    u"main"_s,
                                    u"v0.1"_s, u"v0.2"_s, u"2024-06"_s, u"2025-01"_s};
const QStringList kTasks = {
    u"customer support"_s, u"code completion"_s, u"document summarisation"_s, u"retrieval augmented generation"_s,
    u"translation"_s,      u"classification"_s,  u"speech recognition"_s,     u"image generation"_s,
    u"semantic search"_s,  u"contract review"_s, u"fraud detection"_s,        u"medical question answering"_s};
const QStringList kModelTags = {u"llm"_s,         u"text-generation"_s, u"chat"_s,       u"code"_s,
                                u"vision"_s,      u"embedding"_s,       u"quantized"_s,  u"finetune"_s,
                                u"gguf"_s,        u"safetensors"_s,     u"eu-ai-act"_s,  u"high-risk"_s,
                                u"approved"_s,    u"under-review"_s,    u"deprecated"_s, u"internal"_s,
                                u"third-party"_s, u"open-weights"_s,    u"rag"_s,        u"agent"_s};
const QStringList kModelLicenses = {u"Apache-2.0"_s,
                                    u"MIT"_s,
                                    u"LicenseRef-llama3-community"_s,
                                    u"CC-BY-NC-4.0"_s,
                                    u"LicenseRef-gemma-terms"_s,
                                    u"OpenRAIL-M"_s,
                                    u"CC-BY-4.0"_s,
                                    u"LicenseRef-proprietary"_s,
                                    u"Apache-2.0 OR MIT"_s,
                                    u""_s};

const QStringList kDomains = {u"legal"_s, u"medical"_s, u"finance"_s, u"code"_s,  u"web"_s,          u"news"_s,
                              u"math"_s,  u"chat"_s,    u"speech"_s,  u"image"_s, u"multilingual"_s, u"safety"_s};
const QStringList kDatasetTypes = {u"corpus"_s,   u"instructions"_s, u"preferences"_s, u"qa"_s,
                                   u"captions"_s, u"transcripts"_s,  u"benchmark"_s,   u"eval"_s};
const QStringList kDatasetVersions = {u""_s, u"1.0"_s, u"2.0"_s, u"2024-12"_s, u"v3"_s};
const QStringList kDatasetLicenses = {
    u"CC-BY-4.0"_s, u"CC-BY-SA-4.0"_s, u"CC0-1.0"_s, u"ODC-By-1.0"_s, u"CC-BY-NC-4.0"_s, u"LicenseRef-licensed-data"_s,
    u""_s};
const QStringList kDatasetTags = {u"pii-reviewed"_s, u"synthetic"_s, u"web-crawl"_s, u"licensed"_s,
                                  u"gdpr"_s,         u"eval"_s,      u"training"_s,  u"multilingual"_s};
const QStringList kOrigins = {u"collected"_s, u"licensed"_s, u"public"_s, u"synthetic"_s};
const QStringList kPersonalData = {u"yes"_s, u"no"_s, u"unknown"_s};
const QStringList kLanguages = {u"en"_s, u"en, de"_s, u"en, fr, es"_s, u"zh"_s, u"multilingual"_s};

const QStringList kPackages = {
    u"torch"_s,    u"transformers"_s, u"tokenizers"_s,   u"safetensors"_s,   u"accelerate"_s, u"datasets"_s,
    u"numpy"_s,    u"scipy"_s,        u"pandas"_s,       u"vllm"_s,          u"llama-cpp"_s,  u"onnxruntime"_s,
    u"triton"_s,   u"peft"_s,         u"bitsandbytes"_s, u"sentencepiece"_s, u"langchain"_s,  u"fastapi"_s,
    u"pydantic"_s, u"requests"_s,     u"urllib3"_s,      u"protobuf"_s,      u"grpcio"_s,     u"openssl"_s,
    u"zlib"_s,     u"cuda-runtime"_s, u"cudnn"_s,        u"nccl"_s};
const QStringList kEcosystems = {u"pypi"_s, u"npm"_s, u"cargo"_s, u"maven"_s, u"conan"_s};
const QStringList kSoftwareLicenses = {u"MIT"_s,          u"Apache-2.0"_s, u"BSD-3-Clause"_s,
                                       u"BSD-2-Clause"_s, u"MPL-2.0"_s,    u"LGPL-2.1-or-later"_s,
                                       u"GPL-3.0-only"_s, u"ISC"_s,        u"Zlib"_s};
const QStringList kSoftwareTags = {u"python"_s,    u"runtime"_s, u"build"_s, u"inference"_s,         u"training"_s,
                                   u"tokenizer"_s, u"serving"_s, u"cuda"_s,  u"security-reviewed"_s, u"sbom"_s};
const QStringList kPurposes = {u"Tensor"_s,      u"Serving"_s, u"Tokenizer"_s,     u"Data loading"_s,
                               u"Compression"_s, u"HTTP"_s,    u"Serialisation"_s, u"Quantization"_s};
const QStringList kSoftwareTypes = {u"library"_s, u"framework"_s, u"tool"_s};

const QStringList kProviders = {u"AWS"_s,      u"Azure"_s,     u"Google Cloud"_s, u"OVHcloud"_s,
                                u"Scaleway"_s, u"Hetzner"_s,   u"CoreWeave"_s,    u"Lambda"_s,
                                u"Together"_s, u"Fireworks"_s, u"Replicate"_s,    u"Groq"_s};
const QStringList kProducts = {u"inference API"_s,   u"GPU cluster"_s, u"object storage"_s, u"vector database"_s,
                               u"fine-tuning API"_s, u"batch jobs"_s,  u"embeddings API"_s, u"monitoring"_s};
const QStringList kRegions = {u"eu-west-1"_s, u"eu-central-1"_s,   u"us-east-1"_s,
                              u"us-west-2"_s, u"ap-northeast-1"_s, u"ap-southeast-2"_s};
const QStringList kServiceTypes = {u"hosted_api"_s, u"cloud"_s, u"compute"_s};
const QStringList kServiceTags = {u"production"_s, u"staging"_s, u"dpa-signed"_s, u"soc2"_s, u"eu-only"_s};

QString capitalized(QString word)
{
    if (!word.isEmpty())
        word[0] = word.at(0).toUpper();
    return word;
}

QString slug(const QString &name)
{
    static const QRegularExpression nonWord(u"[^a-z0-9]+"_s);
    static const QRegularExpression edges(u"^-+|-+$"_s);
    return name.toLower().replace(nonWord, u"-"_s).remove(edges);
}

QStringList makeVocabulary(Rng &rng)
{
    QStringList words;
    QSet<QString> seen;
    while (words.size() < kVocabularySize) {
        QString word;
        const int syllables = rng.chance(60) ? 2 : 3;
        for (int i = 0; i < syllables; ++i)
            word += rng.pick(kOnsets) + rng.pick(kVowels);
        if (rng.chance(40))
            word += rng.pick(kCodas);
        if (!seen.contains(word)) {
            seen.insert(word);
            words << word;
        }
    }
    return words;
}

/// Builds the records of one inventory; kept in a class so the helpers share the generator state.
class Generator
{
public:
    explicit Generator(quint32 seed)
        : m_rng(seed)
        , m_words(kVocabularySize)
        , m_licenses(10)
    {
        m_inventory.vocabulary = makeVocabulary(m_rng);
    }

    Inventory run(int count)
    {
        const int suppliers = std::max(5, count * 15 / 1000);
        for (int i = 0; i < suppliers; ++i)
            add(supplier(i), -1);
        const Zipf supplierRank(suppliers);
        while (m_inventory.records.size() < count) {
            const int roll = m_rng.below(98);
            Record r = roll < 40 ? model() : roll < 55 ? dataset() : roll < 90 ? software() : service();
            add(std::move(r), m_rng.below(3) == 0 ? supplierRank.draw(m_rng) : -1);
        }
        m_inventory.domainWords = {u"llama"_s,     u"instruct"_s, u"qwen"_s,     u"gguf"_s,   u"apache"_s,
                                   u"quantized"_s, u"meta"_s,     u"finetune"_s, u"mistral"_s};
        return std::move(m_inventory);
    }

private:
    QString words(int minimum, int maximum)
    {
        QStringList list;
        const int n = minimum + m_rng.below(maximum - minimum + 1);
        for (int i = 0; i < n; ++i)
            list << m_inventory.vocabulary.at(m_words.draw(m_rng));
        return list.join(u' ');
    }

    QString word() { return m_inventory.vocabulary.at(m_words.draw(m_rng)); }

    QStringList tags(const QStringList &from, int minimum, int maximum)
    {
        QStringList list;
        const int n = minimum + m_rng.below(maximum - minimum + 1);
        for (int i = 0; i < n; ++i)
            list << m_rng.pick(from);
        return fields::normalizeTags(list);
    }

    QString licenseFrom(const QStringList &list)
    {
        // Licenses are as skewed as words: most records share a handful.
        int rank = 0;
        do {
            rank = m_licenses.draw(m_rng);
        } while (rank >= list.size());
        return list.at(rank);
    }

    QString notes()
    {
        if (!m_rng.chance(25))
            return {};
        // One random draw per statement: the order in which function arguments are evaluated is unspecified.
        const int month = 1 + m_rng.below(12);
        const int day = 1 + m_rng.below(28);
        const QString reviewer = capitalized(word());
        const QString text = words(4, 12);
        return u"Reviewed 2025-%1-%2 by %3: %4."_s.arg(month, 2, 10, QChar(u'0'))
            .arg(day, 2, 10, QChar(u'0'))
            .arg(reviewer, text);
    }

    void set(Record &r, const QString &key, const QString &text)
    {
        // The generator only produces valid values; a failure here is a bug in this file.
        if (!fields::setField(r, key, text))
            qFatal("generator produced an invalid %s", qPrintable(key));
    }

    /// Makes (kind, name, version) unique as the schema requires, by a numeric suffix when needed.
    QString unique(RecordKind kind, const QString &name, const QString &version)
    {
        QString candidate = name;
        for (int n = 2;; ++n) {
            const QString key = u"%1|%2|%3"_s.arg(recordKindKey(kind), candidate.toLower(), version.toLower());
            if (!m_taken.contains(key)) {
                m_taken.insert(key);
                return candidate;
            }
            candidate = u"%1-%2"_s.arg(name).arg(n);
        }
    }

    Record supplier(int i)
    {
        Record r;
        r.kind = RecordKind::Supplier;
        QString base = kRealSuppliers.value(i);
        if (base.isEmpty()) {
            base = capitalized(m_inventory.vocabulary.at(m_rng.below(kVocabularySize)));
            base += u' ' + m_rng.pick(kSupplierSuffixes);
        }
        r.name = unique(r.kind, base, {});
        r.description = u"%1 supplies models, datasets and services; %2."_s.arg(r.name, words(6, 14));
        r.tags = tags({u"vendor"_s, u"open-source"_s, u"strategic"_s, u"under-review"_s, u"dpa-signed"_s}, 1, 3);
        r.notes = notes();
        set(r, u"jurisdiction"_s, m_rng.pick(kJurisdictions));
        set(r, u"website"_s, u"https://%1.example.com"_s.arg(slug(r.name)));
        set(r, u"criticality_tier"_s, QString::number(1 + m_rng.below(4)));
        set(r, u"contract_status"_s, m_rng.pick(kContracts));
        return r;
    }

    Record model()
    {
        Record r;
        r.kind = RecordKind::Model;
        const int family = m_rng.below(static_cast<int>(kFamilies.size()));
        const int size = m_rng.below(static_cast<int>(kSizes.size()));
        const QString variant = m_rng.pick(kVariants);
        const QString familyVersion = m_rng.pick(kFamilyVersions);
        QString name = u"%1-%2-%3-%4"_s.arg(kFamilies.at(family), familyVersion, kSizes.at(size), variant);
        if (m_rng.chance(70))
            name += u'-' + word(); // the fine-tuner's suffix, as on model hubs
        r.version = m_rng.pick(kModelVersions);
        r.name = unique(r.kind, name, r.version);
        const QString org = word();
        const QString task = m_rng.pick(kTasks);
        const QString text = words(8, 16);
        r.description =
            u"%1 variant of %2 %3 (%4) for %5, %6."_s.arg(capitalized(variant), capitalized(kFamilies.at(family)),
                                                          familyVersion, kSizes.at(size).toUpper(), task, text);
        r.license = licenseFrom(kModelLicenses);
        r.sourceUrl = u"https://huggingface.co/%1/%2"_s.arg(org, r.name);
        r.purl = u"pkg:huggingface/%1/%2@%3"_s.arg(org, r.name, r.version.isEmpty() ? u"main"_s : r.version);
        r.tags = tags(kModelTags, 2, 5);
        r.notes = notes();
        set(r, u"architecture"_s, kArchitectures.at(family % kArchitectures.size()));
        set(r, u"parameter_count"_s, QString::number(kParameters.at(size)));
        set(r, u"format"_s, variant.startsWith(u'q') ? u"gguf"_s : u"safetensors"_s);
        set(r, u"modality"_s, family >= 23 && family <= 25 ? u"multimodal"_s : u"text"_s);
        return r;
    }

    Record dataset()
    {
        Record r;
        r.kind = RecordKind::Dataset;
        const QString domain = m_rng.pick(kDomains);
        const QString type = m_rng.pick(kDatasetTypes);
        r.version = m_rng.pick(kDatasetVersions);
        r.name = unique(r.kind, u"%1-%2-%3"_s.arg(domain, type, word()), r.version);
        const QString source = word();
        const QString text = words(8, 16);
        r.description =
            u"%1 dataset of %2 text collected from %3 sources: %4."_s.arg(capitalized(type), domain, source, text);
        r.license = licenseFrom(kDatasetLicenses);
        r.sourceUrl = u"https://huggingface.co/datasets/%1/%2"_s.arg(word(), r.name);
        r.tags = tags(kDatasetTags, 1, 4);
        r.notes = notes();
        set(r, u"origin"_s, m_rng.pick(kOrigins));
        set(r, u"size_records"_s, QString::number(1000 + m_rng.below(50000000)));
        set(r, u"languages"_s, m_rng.pick(kLanguages));
        set(r, u"personal_data"_s, m_rng.pick(kPersonalData));
        return r;
    }

    Record software()
    {
        Record r;
        r.kind = RecordKind::Software;
        const QString ecosystem = m_rng.pick(kEcosystems);
        QString base;
        if (m_rng.chance(30)) {
            base = m_rng.pick(kPackages);
        } else {
            base = word();
            base += u'-' + slug(m_rng.pick(kPurposes));
        }
        const int major = m_rng.below(6);
        const int minor = m_rng.below(30);
        const int patch = m_rng.below(20);
        r.version = u"%1.%2.%3"_s.arg(major).arg(minor).arg(patch);
        r.name = unique(r.kind, base, r.version);
        const QString purpose = m_rng.pick(kPurposes);
        const QString task = m_rng.pick(kTasks);
        const QString text = words(6, 14);
        r.description = u"%1 %2 package used by %3: %4."_s.arg(purpose, ecosystem, task, text);
        r.license = licenseFrom(kSoftwareLicenses);
        r.purl = u"pkg:%1/%2@%3"_s.arg(ecosystem, r.name, r.version);
        r.sourceUrl = u"https://github.com/%1/%2"_s.arg(word(), r.name);
        r.tags = tags(kSoftwareTags, 1, 4);
        r.notes = notes();
        set(r, u"software_type"_s, m_rng.pick(kSoftwareTypes));
        set(r, u"ecosystem"_s, ecosystem);
        return r;
    }

    Record service()
    {
        Record r;
        r.kind = RecordKind::Service;
        const QString provider = m_rng.pick(kProviders);
        const QString region = m_rng.pick(kRegions);
        const QString product = m_rng.pick(kProducts);
        r.name = unique(r.kind, u"%1 %2 %3 %4"_s.arg(provider, product, region, word()), {});
        const QString task = m_rng.pick(kTasks);
        const QString text = words(6, 12);
        r.description = u"%1 %2 in %3 used for %4; %5."_s.arg(provider, product, region, task, text);
        r.license = m_rng.chance(80) ? QString() : u"LicenseRef-commercial"_s;
        r.tags = tags(kServiceTags, 1, 3);
        r.notes = notes();
        set(r, u"service_type"_s, m_rng.pick(kServiceTypes));
        set(r, u"provider"_s, provider);
        set(r, u"region"_s, region);
        return r;
    }

    void add(Record record, int supplier)
    {
        m_inventory.records << std::move(record);
        m_inventory.supplierOf << supplier;
    }

    Rng m_rng;
    Zipf m_words;
    Zipf m_licenses;
    QSet<QString> m_taken;
    Inventory m_inventory;
};

} // namespace

Zipf::Zipf(int size)
{
    m_cumulative.reserve(size);
    double sum = 0;
    for (int rank = 0; rank < size; ++rank) {
        sum += 1.0 / (rank + 1);
        m_cumulative << sum;
    }
}

int Zipf::draw(Rng &rng) const
{
    const double target = rng.unit() * m_cumulative.constLast();
    const auto it = std::upper_bound(m_cumulative.cbegin(), m_cumulative.cend(), target);
    return std::min(static_cast<int>(it - m_cumulative.cbegin()), static_cast<int>(m_cumulative.size()) - 1);
}

int Inventory::count(RecordKind kind) const
{
    return static_cast<int>(
        std::count_if(records.cbegin(), records.cend(), [kind](const Record &r) { return r.kind == kind; }));
}

int Inventory::relationCount() const
{
    return static_cast<int>(std::count_if(supplierOf.cbegin(), supplierOf.cend(), [](int s) { return s >= 0; }));
}

QStringList Inventory::searchTokens(int index) const
{
    static const QRegularExpression separators(u"[^\\p{L}\\p{N}]+"_s);
    const Record &r = records.at(index);
    QString text = QStringList{r.name, r.description, r.tags.join(u", "_s), r.notes, r.license}.join(u' ');
    if (supplierOf.at(index) >= 0)
        text += u' ' + records.at(supplierOf.at(index)).name;
    return text.toLower().split(separators, Qt::SkipEmptyParts);
}

Inventory generateInventory(int count, quint32 seed)
{
    return Generator(seed).run(count);
}

Status writeWorkspace(Workspace &workspace, const Inventory &inventory, double *linkMs)
{
    QElapsedTimer linking;
    qint64 linkNs = 0;
    const Status written = workspace.batch([&]() -> Status {
        QVector<qint64> ids(inventory.records.size(), 0);
        for (qsizetype i = 0; i < inventory.records.size(); ++i) {
            const Result<qint64> id = workspace.createRecord(inventory.records.at(i));
            if (!id)
                return id.error();
            ids[i] = id.value();
            if (const int supplier = inventory.supplierOf.at(i); supplier >= 0) {
                linking.start();
                const Result<Relation> linked = workspace.link(ids.at(i), RelationType::ProvidedBy, ids.at(supplier));
                linkNs += linking.nsecsElapsed();
                if (!linked)
                    return linked.error();
            }
        }
        return Ok{};
    });
    if (linkMs)
        *linkMs = static_cast<double>(linkNs) / 1.0e6;
    return written;
}

} // namespace strata::bench
