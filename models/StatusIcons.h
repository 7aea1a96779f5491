// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QIcon>

namespace strata::status_icons {

/// How good or bad a state is; every flag pairs its colour with an icon shape and text, never colour alone.
enum class Severity { Good, Warning, Bad };

/// A text colour readable on light and dark backgrounds.
QColor color(Severity severity);
/// A drawn icon whose shape differs per severity (check mark, triangle, circle with a bar); needs a
/// QGuiApplication.
QIcon icon(Severity severity);

} // namespace strata::status_icons
