// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "GraphViewData.h"
#include "domain/Result.h"
#include "graph/GraphExport.h"

#include <QObject>

#include <memory>

namespace strata {

/// Saves the view on screen as SVG, PNG (drawn exactly as the page draws it) or DOT, on a worker thread (Qt draws
/// text off the GUI thread since 5.0) and atomically: a failed export leaves any old file as it was.
class GraphExporter : public QObject
{
    Q_OBJECT

public:
    /// Longest side of an exported PNG, in pixels.
    static constexpr int kMaxPngSide = 16000;

    using QObject::QObject;

    /// The bytes of the file (pure; on any thread that may render text).
    static Result<QByteArray> render(const GraphViewData &data, GraphFormat format);
    /// Renders and writes `path`; finished() reports the outcome.
    void save(std::shared_ptr<const GraphViewData> data, GraphFormat format, const QString &path);
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    /// Empty `error` on success.
    void finished(const QString &path, const QString &error);

private:
    bool m_running = false;
};

} // namespace strata
