// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>

namespace strata::status_icons {

/// How good or bad a state is; every flag pairs its colour with an icon shape and text, never colour alone.
enum class Severity { Good, Warning, Bad };

/// A text colour readable on the application palette's background: darker shades on a light palette, lighter
/// ones on a dark palette.
QColor color(Severity severity);
/// The same for a given palette (a widget's own, or a test's).
QColor color(Severity severity, const QPalette &palette);
/// Whether `palette` is a dark one (light text on a dark base), so colours can be chosen to stay readable.
bool isDark(const QPalette &palette);
/// A drawn icon whose shape differs per severity (check mark, triangle, circle with a bar); needs a
/// QGuiApplication.
QIcon icon(Severity severity);

} // namespace strata::status_icons
