// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "interop/HuggingFaceYaml.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>
#include <cstring>
#include <sstream>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Markdown after the front matter is only mined for a few sections; more than this is not a card.
constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;
constexpr int kCancelCheckEvery = 1024;
constexpr double kMaxExactInteger = 9007199254740992.0; // 2^53

/// Whether bytes [begin, end) are a `---` line, trailing blanks allowed.
bool isDelimiter(const char *begin, const char *end)
{
    while (end > begin && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
        --end;
    return end - begin == 3 && begin[0] == '-' && begin[1] == '-' && begin[2] == '-';
}

bool isBlank(const char *begin, const char *end)
{
    for (const char *p = begin; p < end; ++p) {
        if (*p != ' ' && *p != '\t' && *p != '\r')
            return false;
    }
    return true;
}

/// Why the first pass stopped the parser.
enum class Cap { None, Depth, Nodes, StringLength, Cancelled };

/// Thrown from the event handler to end yaml-cpp's parse as soon as a cap is reached, before it builds
/// (or recurses into) anything bigger.
struct StopParsing
{
};

/// First pass over the parser's events: counts values, nesting and text before any tree exists, so the
/// parser's own recursion never goes deeper than the depth cap.
class CapCheck : public YAML::EventHandler
{
public:
    explicit CapCheck(const ImportLimits &limits)
        : m_limits(limits)
    {
    }

    Cap cap = Cap::None;
    YAML::Mark mark = YAML::Mark::null_mark();
    qsizetype stringLength = 0;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &m, YAML::anchor_t) override { count(m); }
    void OnAlias(const YAML::Mark &m, YAML::anchor_t) override { count(m); }
    void OnScalar(const YAML::Mark &m, const std::string &, YAML::anchor_t, const std::string &value) override
    {
        count(m);
        const qsizetype length = QString::fromStdString(value).size();
        if (length > m_limits.maxStringLength) {
            stringLength = length;
            stop(Cap::StringLength, m);
        }
    }
    void OnSequenceStart(const YAML::Mark &m, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(m);
    }
    void OnSequenceEnd() override { --m_depth; }
    void OnMapStart(const YAML::Mark &m, const std::string &, YAML::anchor_t, YAML::EmitterStyle::value) override
    {
        open(m);
    }
    void OnMapEnd() override { --m_depth; }

private:
    void count(const YAML::Mark &m)
    {
        ++m_nodes;
        if (m_nodes > HuggingFaceYaml::kMaxNodes)
            stop(Cap::Nodes, m);
        if (m_nodes % kCancelCheckEvery == 0 && m_limits.cancelled())
            stop(Cap::Cancelled, m);
    }
    void open(const YAML::Mark &m)
    {
        count(m);
        if (++m_depth > m_limits.maxDepth)
            stop(Cap::Depth, m);
    }
    [[noreturn]] void stop(Cap c, const YAML::Mark &m)
    {
        cap = c;
        mark = m;
        throw StopParsing{};
    }

    const ImportLimits &m_limits;
    int m_nodes = 0;
    int m_depth = 0;
};

/// A plain scalar read with the YAML 1.2 core schema; anything quoted, tagged or unusual stays text.
QJsonValue scalarValue(const YAML::Node &node)
{
    if (node.IsNull())
        return QJsonValue(QJsonValue::Null);
    const QString text = QString::fromStdString(node.Scalar());
    if (node.Tag() != "?")
        return text;
    if (text == u"true"_s || text == u"True"_s || text == u"TRUE"_s)
        return true;
    if (text == u"false"_s || text == u"False"_s || text == u"FALSE"_s)
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]+$"_s);
    static const QRegularExpression real(u"^[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?$"_s);
    if (integer.match(text).hasMatch()) {
        bool ok = false;
        const double n = text.toDouble(&ok);
        // Beyond 2^53 a JSON number is no longer exact: keep the digits (an id, a hash prefix) as text.
        return ok && std::fabs(n) <= kMaxExactInteger ? QJsonValue(n) : QJsonValue(text);
    }
    if (real.match(text).hasMatch()) {
        bool ok = false;
        const double n = text.toDouble(&ok);
        return ok && std::isfinite(n) ? QJsonValue(n) : QJsonValue(text);
    }
    return text;
}

QString childPath(const QString &parent, const QString &key)
{
    return parent.isEmpty() ? key : u"%1.%2"_s.arg(parent, key);
}

/// One mapping or sequence being converted; the walk keeps these on a heap-allocated stack.
struct Frame
{
    YAML::Node node;
    YAML::const_iterator it;
    YAML::const_iterator end;
    bool isMap = false;
    int depth = 0;
    int index = 0;
    QString path;
    QString key; ///< key of the value being converted, for a mapping
    QJsonObject object;
    QJsonArray array;
};

void attach(Frame &frame, const QJsonValue &value)
{
    if (frame.isMap)
        frame.object.insert(frame.key, value);
    else
        frame.array.append(value);
}

/// Converts the loaded tree iteratively, counting every visit: an alias is expanded each time it is used,
/// so the counts (not the file size) are what bound memory and time here.
class Walk
{
    Q_DECLARE_TR_FUNCTIONS(strata::HuggingFaceCardReader)

public:
    Walk(const QString &fileName, int firstLine, const ImportLimits &limits, HuggingFaceYamlTree &tree)
        : m_fileName(fileName)
        , m_firstLine(firstLine)
        , m_limits(limits)
        , m_tree(tree)
    {
    }

    Status run(const YAML::Node &root)
    {
        if (!root.IsMap()) {
            if (root.IsNull())
                return Ok{}; // an empty block: a card with no metadata
            return Error{ErrorCode::InvalidInput,
                         tr("%1, line %2: the front matter must be a mapping of keys to values (such as "
                            "\"license: mit\"), not a list or a single value.")
                             .arg(m_fileName)
                             .arg(line(root.Mark()))};
        }
        std::vector<Frame> stack;
        stack.push_back(open(root, QString(), 1));
        while (!stack.empty()) {
            if (stack.back().it == stack.back().end) {
                const Frame done = std::move(stack.back());
                stack.pop_back();
                const QJsonValue value = done.isMap ? QJsonValue(done.object) : QJsonValue(done.array);
                if (stack.empty())
                    m_tree.root = done.object;
                else
                    attach(stack.back(), value);
                continue;
            }
            Frame &frame = stack.back();
            // Copies of yaml-cpp nodes share the node; assigning to a valid one would overwrite it.
            const YAML::Node child = frame.isMap ? frame.it->second : static_cast<const YAML::Node &>(*frame.it);
            QString path;
            YAML::Mark mark;
            if (frame.isMap) {
                const YAML::Node key = frame.it->first;
                mark = key.Mark();
                if (!key.IsScalar() && !key.IsNull())
                    return Error{ErrorCode::InvalidInput,
                                 tr("%1, line %2: a key in %3 is a list or a mapping; keys must be plain text.")
                                     .arg(m_fileName)
                                     .arg(line(mark))
                                     .arg(where(frame.path))};
                frame.key = key.IsNull() ? QString() : QString::fromStdString(key.Scalar());
                if (frame.object.contains(frame.key))
                    return Error{ErrorCode::InvalidInput,
                                 tr("%1, line %2: the key \"%3\" appears twice in %4; the Hub refuses such cards. "
                                    "Keep one of them.")
                                     .arg(m_fileName)
                                     .arg(line(mark))
                                     .arg(frame.key, where(frame.path))};
                path = childPath(frame.path, frame.key);
            } else {
                mark = child.Mark();
                path = u"%1[%2]"_s.arg(frame.path).arg(frame.index++);
            }
            ++frame.it;
            const int depth = frame.depth + 1;
            if (Status s = count(path, mark, child); !s)
                return s;
            if (child.IsMap() || child.IsSequence()) {
                if (depth > m_limits.maxDepth)
                    return Error{ErrorCode::InvalidInput,
                                 tr("%1, line %2: %3 nests deeper than %4 levels; no card needs that many, so the "
                                    "file was refused.")
                                     .arg(m_fileName)
                                     .arg(line(mark))
                                     .arg(path)
                                     .arg(m_limits.maxDepth)};
                stack.push_back(open(child, path, depth)); // invalidates `frame`
            } else {
                attach(frame, scalarValue(child));
            }
        }
        return Ok{};
    }

private:
    static Frame open(const YAML::Node &node, const QString &path, int depth)
    {
        Frame f;
        f.node = node;
        const YAML::Node &constNode = f.node;
        f.it = constNode.begin();
        f.end = constNode.end();
        f.isMap = node.IsMap();
        f.depth = depth;
        f.path = path;
        return f;
    }

    Status count(const QString &path, const YAML::Mark &mark, const YAML::Node &node)
    {
        if (++m_nodes > HuggingFaceYaml::kMaxNodes)
            return tooMuch(mark);
        if (m_nodes % kCancelCheckEvery == 0 && m_limits.cancelled())
            return Error{ErrorCode::Cancelled, tr("The import of %1 was cancelled.").arg(m_fileName)};
        m_tree.lines.insert(path, line(mark));
        if (node.IsScalar()) {
            const qsizetype length = qsizetype(node.Scalar().size());
            m_chars += length;
            if (m_chars > HuggingFaceYaml::kMaxExpandedChars)
                return tooMuch(mark);
            if (length > m_limits.maxStringLength &&
                QString::fromStdString(node.Scalar()).size() > m_limits.maxStringLength)
                return Error{ErrorCode::InvalidInput,
                             tr("%1, line %2: %3 is longer than the %4 characters a value may have.")
                                 .arg(m_fileName)
                                 .arg(line(mark))
                                 .arg(path)
                                 .arg(m_limits.maxStringLength)};
        }
        return Ok{};
    }

    Error tooMuch(const YAML::Mark &mark) const
    {
        return Error{ErrorCode::InvalidInput,
                     tr("%1, line %2: the front matter expands to more than %3 values or %4 MiB of text once its "
                        "aliases are followed (an \"alias bomb\", or not a card); the file was refused.")
                         .arg(m_fileName)
                         .arg(line(mark))
                         .arg(HuggingFaceYaml::kMaxNodes)
                         .arg(HuggingFaceYaml::kMaxExpandedChars / (1024 * 1024))};
    }

    int line(const YAML::Mark &mark) const { return mark.is_null() ? m_firstLine : m_firstLine + mark.line; }

    static QString where(const QString &path) { return path.isEmpty() ? tr("the front matter") : path; }

    QString m_fileName;
    int m_firstLine = 1;
    const ImportLimits &m_limits;
    HuggingFaceYamlTree &m_tree;
    int m_nodes = 0;
    qint64 m_chars = 0;
};

} // namespace

QString HuggingFaceYaml::location(const HuggingFaceYamlTree &tree, const QString &fileName, const QString &path)
{
    const auto it = tree.lines.constFind(path);
    return it == tree.lines.cend() ? fileName : tr("%1, line %2").arg(fileName).arg(it.value());
}

Result<HuggingFaceCardText> HuggingFaceYaml::split(const QByteArray &data, const QString &fileName)
{
    const char *const begin = data.constData();
    const char *const end = begin + data.size();
    const char *p = data.startsWith("\xEF\xBB\xBF") ? begin + 3 : begin;
    int line = 1;
    const auto lineEnd = [end](const char *from) {
        const void *nl = std::memchr(from, '\n', size_t(end - from));
        return nl ? static_cast<const char *>(nl) : end;
    };

    // Blank lines before the opening `---` are allowed, as on the Hub.
    const char *eol = lineEnd(p);
    while (eol < end && isBlank(p, eol)) {
        p = eol + 1;
        eol = lineEnd(p);
        ++line;
    }
    if (!isDelimiter(p, eol))
        return Error{ErrorCode::InvalidInput,
                     tr("%1, line %2: no YAML front matter. A Hugging Face card begins with a line \"---\", its "
                        "metadata, and another line \"---\"; add that block or import a BOM instead.")
                         .arg(fileName)
                         .arg(line)};
    const int openLine = line;
    const char *yamlBegin = eol < end ? eol + 1 : end;
    p = yamlBegin;
    ++line;
    while (p < end) {
        eol = lineEnd(p);
        if (isDelimiter(p, eol))
            break;
        if (eol - yamlBegin > kMaxFrontMatterBytes)
            return Error{ErrorCode::InvalidInput,
                         tr("%1: the front matter that starts on line %2 is larger than %3 KiB, far more than any "
                            "card has; the file was refused.")
                             .arg(fileName)
                             .arg(openLine)
                             .arg(kMaxFrontMatterBytes / 1024)};
        p = eol < end ? eol + 1 : end;
        ++line;
    }
    if (p >= end)
        return Error{ErrorCode::InvalidInput, tr("%1, line %2: the front matter is never closed; add a line \"---\" "
                                                 "after the metadata.")
                                                  .arg(fileName)
                                                  .arg(openLine)};
    const char *bodyBegin = eol < end ? eol + 1 : end;
    if (end - bodyBegin > kMaxBodyBytes)
        return Error{ErrorCode::InvalidInput,
                     tr("%1: the Markdown after the front matter is %2 MiB; a card is a short text, so the file was "
                        "refused.")
                         .arg(fileName)
                         .arg((end - bodyBegin) / (1024 * 1024))};
    HuggingFaceCardText text;
    text.frontMatter = QByteArray(yamlBegin, p - yamlBegin);
    text.frontMatterLine = openLine + 1;
    text.body = QString::fromUtf8(bodyBegin, end - bodyBegin);
    return text;
}

Result<HuggingFaceYamlTree> HuggingFaceYaml::parse(const HuggingFaceCardText &text,
                                                   const QString &fileName,
                                                   const ImportLimits &limits)
{
    const std::string yaml(text.frontMatter.constData(), size_t(text.frontMatter.size()));
    const auto fileLine = [&text](const YAML::Mark &mark) {
        return mark.is_null() ? text.frontMatterLine : text.frontMatterLine + mark.line;
    };
    const auto malformed = [&](const YAML::Exception &e) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1, line %2, column %3: the YAML front matter is malformed: %4. Fix the metadata between "
                        "the two \"---\" lines and import the card again.")
                         .arg(fileName)
                         .arg(fileLine(e.mark))
                         .arg(e.mark.is_null() ? 1 : e.mark.column + 1)
                         .arg(QString::fromStdString(e.msg))};
    };

    // Pass 1: events only, so the caps hold before a tree is built.
    CapCheck check(limits);
    try {
        std::istringstream in(yaml);
        YAML::Parser parser(in);
        parser.HandleNextDocument(check);
    } catch (const StopParsing &) {
        const int line = fileLine(check.mark);
        switch (check.cap) {
        case Cap::Cancelled:
            return Error{ErrorCode::Cancelled, tr("The import of %1 was cancelled.").arg(fileName)};
        case Cap::Depth:
            return Error{ErrorCode::InvalidInput, tr("%1, line %2: the front matter nests deeper than %3 levels; no "
                                                     "card needs that many, so the file was refused.")
                                                      .arg(fileName)
                                                      .arg(line)
                                                      .arg(limits.maxDepth)};
        case Cap::StringLength:
            return Error{ErrorCode::InvalidInput,
                         tr("%1, line %2: a value of %3 characters is longer than the %4 a value may have.")
                             .arg(fileName)
                             .arg(line)
                             .arg(check.stringLength)
                             .arg(limits.maxStringLength)};
        case Cap::Nodes:
        case Cap::None:
            return Error{ErrorCode::InvalidInput,
                         tr("%1, line %2: the front matter holds more than %3 values; no card has that many, so the "
                            "file was refused.")
                             .arg(fileName)
                             .arg(line)
                             .arg(kMaxNodes)};
        }
    } catch (const YAML::Exception &e) {
        return malformed(e);
    }

    // Pass 2: the tree, walked iteratively with every alias expansion counted.
    HuggingFaceYamlTree tree;
    try {
        const YAML::Node root = YAML::Load(yaml);
        Walk walk(fileName, text.frontMatterLine, limits, tree);
        if (Status s = walk.run(root); !s)
            return s.error();
    } catch (const YAML::Exception &e) {
        return malformed(e);
    }
    return tree;
}

} // namespace strata
