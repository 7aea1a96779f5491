// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"
#include "ReportCommands.h"
#include "util/ProcessSignals.h"

#include <QCoreApplication>
#include <QGuiApplication>

#include <memory>

using namespace Qt::Literals::StringLiterals;

namespace {

QtMessageHandler g_previousHandler = nullptr;

/// Drops the notice QGuiApplication prints when XDG_RUNTIME_DIR is unset (usual in containers and CI): stderr
/// carries one line per error, and the offscreen platform never uses that folder.
void quietRuntimeDirNotice(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (message.startsWith(u"QStandardPaths: XDG_RUNTIME_DIR not set"_s))
        return;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

int main(int argc, char *argv[])
{
    strata::ignoreFileSizeLimitSignal();
    QStringList arguments;
    for (int i = 0; i < argc; ++i)
        arguments << QString::fromLocal8Bit(argv[i]);
    // `report` draws with QPainter, which needs a QGuiApplication; headless on the offscreen platform, so it runs
    // without a display. Every other command stays on QCoreApplication.
    std::unique_ptr<QCoreApplication> app;
    if (strata::ReportCommands::isReport(arguments)) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        g_previousHandler = qInstallMessageHandler(quietRuntimeDirNotice);
        app = std::make_unique<QGuiApplication>(argc, argv);
    } else {
        app = std::make_unique<QCoreApplication>(argc, argv);
    }
    // The same identity as the desktop app, so both find the same default workspace under AppDataLocation.
    QCoreApplication::setOrganizationName(u"Strata"_s);
    QCoreApplication::setApplicationName(u"Strata"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    return strata::CliApplication(*app).run();
}
