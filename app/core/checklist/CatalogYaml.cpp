// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "checklist/CatalogYaml.h"

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <optional>
#include <sstream>
#include <vector>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Characters of text a document may produce once aliases are expanded.
constexpr qint64 kMaxExpandedChars = qint64(64) * 1024 * 1024;

/// Thrown from the event handler to stop yaml-cpp at the first problem; never leaves CatalogYaml::parse.
struct StopParsing
{
};

QJsonValue plainScalar(const std::string &raw)
{
    const QString text = QString::fromStdString(raw);
    if (text == u"true"_s || text == u"True"_s || text == u"TRUE"_s)
        return true;
    if (text == u"false"_s || text == u"False"_s || text == u"FALSE"_s)
        return false;
    static const QRegularExpression integer(u"^[-+]?[0-9]{1,15}$"_s);
    if (integer.match(text).hasMatch())
        return text.toDouble();
    return text;
}

/// A value stored under an anchor, with what it costs each time an alias repeats it.
struct Anchored
{
    QJsonValue value;
    qint64 values = 0;
    qint64 chars = 0;
    int depth = 0; ///< levels of nesting inside the value (0 for a scalar)
};

/// Builds the tree from parser events with an explicit stack; every cap is checked as the events arrive.
class Builder : public YAML::EventHandler
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogReader)

public:
    Builder(const QString &fileName, const CatalogLimits &limits, CatalogTree &tree)
        : m_fileName(fileName)
        , m_limits(limits)
        , m_tree(tree)
    {
    }

    std::optional<Error> error;
    bool done = false;

    void OnDocumentStart(const YAML::Mark &) override {}
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        if (takeKey(mark, std::nullopt))
            return;
        addValue(mark, QJsonValue(QJsonValue::Null), anchor, 1, 0, 0);
    }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto it = m_anchors.constFind(anchor);
        if (it == m_anchors.cend())
            stop(mark, tr("an alias refers to an anchor that is not defined before it"));
        if (takeKey(mark, it->value.isString() ? std::optional<QString>(it->value.toString()) : std::nullopt))
            return;
        addValue(mark, it->value, 0, it->values, it->chars, it->depth);
    }

    void OnScalar(const YAML::Mark &mark,
                  const std::string &tag,
                  YAML::anchor_t anchor,
                  const std::string &value) override
    {
        const QString text = QString::fromStdString(value);
        if (takeKey(mark, text))
            return;
        addValue(mark, tag == "?" ? plainScalar(value) : QJsonValue(text), anchor, 1, text.size(), 0);
    }

    void OnSequenceStart(const YAML::Mark &mark,
                         const std::string &,
                         YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        open(mark, false, anchor);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &mark,
                    const std::string &,
                    YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override
    {
        open(mark, true, anchor);
    }
    void OnMapEnd() override { close(); }

private:
    struct Frame
    {
        bool isMap = false;
        QJsonObject object;
        QJsonArray array;
        QString path;
        QString key;
        bool haveKey = false;
        int index = 0;
        YAML::anchor_t anchor = 0;
        qint64 valuesAtOpen = 0;
        qint64 charsAtOpen = 0;
        int innerDepth = 0; ///< deepest nesting seen inside this frame so far
    };

    [[noreturn]] void stop(const YAML::Mark &mark, const QString &problem)
    {
        error = Error{ErrorCode::InvalidInput, tr("%1, line %2: %3; the catalog was not imported.")
                                                   .arg(m_fileName, QString::number(mark.line + 1), problem)};
        throw StopParsing{};
    }

    /// In a mapping that waits for a key, consumes `key` as that key; false when a value is expected instead.
    bool takeKey(const YAML::Mark &mark, const std::optional<QString> &key)
    {
        if (m_stack.empty() || !m_stack.back().isMap || m_stack.back().haveKey)
            return false;
        Frame &frame = m_stack.back();
        if (!key)
            stop(mark, tr("a key in %1 is empty, a list or a mapping; keys must be plain text").arg(where(frame.path)));
        if (frame.object.contains(*key))
            stop(mark, tr("the key \"%1\" appears twice in %2").arg(*key, where(frame.path)));
        frame.key = *key;
        frame.haveKey = true;
        return true;
    }

    QString childPath() const
    {
        if (m_stack.empty())
            return {};
        const Frame &frame = m_stack.back();
        if (frame.isMap)
            return frame.path.isEmpty() ? frame.key : u"%1.%2"_s.arg(frame.path, frame.key);
        return u"%1[%2]"_s.arg(frame.path, QString::number(frame.index));
    }

    static QString where(const QString &path) { return path.isEmpty() ? tr("the document") : path; }

    void count(const YAML::Mark &mark, qint64 values, qint64 chars)
    {
        m_values += values;
        m_chars += chars;
        if (m_values > m_limits.maxValues || m_chars > kMaxExpandedChars)
            stop(mark, tr("the document expands to more than %1 values or %2 MiB of text once its aliases are "
                          "followed")
                           .arg(m_limits.maxValues)
                           .arg(kMaxExpandedChars / (1024 * 1024)));
    }

    void open(const YAML::Mark &mark, bool isMap, YAML::anchor_t anchor)
    {
        if (!m_stack.empty() && m_stack.back().isMap && !m_stack.back().haveKey)
            takeKey(mark, std::nullopt); // stops: a list or mapping used as a key
        if (static_cast<int>(m_stack.size()) + 1 > m_limits.maxDepth)
            stop(mark,
                 tr("%1 nests deeper than %2 levels").arg(where(childPath()), QString::number(m_limits.maxDepth)));
        count(mark, 1, 0);
        Frame frame;
        frame.isMap = isMap;
        frame.path = childPath();
        frame.anchor = anchor;
        frame.valuesAtOpen = m_values;
        frame.charsAtOpen = m_chars;
        m_tree.lines.insert(frame.path, mark.line + 1);
        m_stack.push_back(std::move(frame));
    }

    void close()
    {
        Frame frame = std::move(m_stack.back());
        m_stack.pop_back();
        const QJsonValue value = frame.isMap ? QJsonValue(frame.object) : QJsonValue(frame.array);
        if (frame.anchor != 0)
            m_anchors.insert(frame.anchor, Anchored{value, m_values - frame.valuesAtOpen + 1,
                                                    m_chars - frame.charsAtOpen, frame.innerDepth + 1});
        if (m_stack.empty()) {
            if (!frame.isMap)
                stop(YAML::Mark(), tr("the document is a list; a catalog is a mapping of keys to values"));
            m_tree.root = frame.object;
            done = true;
            return;
        }
        attach(value, frame.innerDepth + 1);
    }

    /// Adds a finished scalar or an alias's value to the open frame; `values` and `chars` were not counted yet.
    void addValue(
        const YAML::Mark &mark, const QJsonValue &value, YAML::anchor_t anchor, qint64 values, qint64 chars, int depth)
    {
        if (m_stack.empty())
            stop(mark, tr("the document is a single value; a catalog is a mapping of keys to values"));
        if (static_cast<int>(m_stack.size()) + depth > m_limits.maxDepth)
            stop(mark, tr("%1 nests deeper than %2 levels").arg(childPath(), QString::number(m_limits.maxDepth)));
        count(mark, values, chars);
        m_tree.lines.insert(childPath(), mark.line + 1);
        if (anchor != 0)
            m_anchors.insert(anchor, Anchored{value, values, chars, depth});
        attach(value, depth);
    }

    void attach(const QJsonValue &value, int depth)
    {
        Frame &frame = m_stack.back();
        frame.innerDepth = std::max(frame.innerDepth, depth);
        if (frame.isMap) {
            frame.object.insert(frame.key, value);
            frame.haveKey = false;
        } else {
            frame.array.append(value);
            ++frame.index;
        }
    }

    QString m_fileName;
    const CatalogLimits &m_limits;
    CatalogTree &m_tree;
    std::vector<Frame> m_stack;
    QHash<YAML::anchor_t, Anchored> m_anchors;
    qint64 m_values = 0;
    qint64 m_chars = 0;
};

} // namespace

Result<CatalogTree> CatalogYaml::parse(const QByteArray &data, const QString &fileName, const CatalogLimits &limits)
{
    CatalogTree tree;
    Builder builder(fileName, limits, tree);
    try {
        std::istringstream in(std::string(data.constData(), size_t(data.size())));
        YAML::Parser parser(in);
        parser.HandleNextDocument(builder);
    } catch (const StopParsing &) {
        return *builder.error;
    } catch (const YAML::Exception &e) {
        return Error{ErrorCode::InvalidInput,
                     tr("%1, line %2, column %3: the YAML is malformed: %4. Fix the file and import it again.")
                         .arg(fileName, QString::number(e.mark.is_null() ? 1 : e.mark.line + 1),
                              QString::number(e.mark.is_null() ? 1 : e.mark.column + 1),
                              QString::fromStdString(e.msg))};
    } catch (const std::exception &e) {
        // yaml-cpp may throw std::bad_alloc or similar on pathological input: report it, never crash.
        return Error{ErrorCode::InvalidInput,
                     tr("%1: the YAML could not be read (%2).").arg(fileName, QString::fromLocal8Bit(e.what()))};
    }
    if (!builder.done)
        return Error{ErrorCode::InvalidInput,
                     tr("%1: the file is empty or holds no YAML document; a catalog is a mapping of keys to values.")
                         .arg(fileName)};
    return tree;
}

} // namespace strata
