// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/Workspace.h"

#include <QCoreApplication>
#include <QThread>

#include <cstdio>

// Opens the workspace named on the command line, says so on stdout, and holds it until it is killed.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    app.setApplicationName(QStringLiteral("strata-hold-workspace"));
    if (argc < 2)
        return 2;
    auto workspace = strata::Workspace::open(QString::fromLocal8Bit(argv[1]));
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message));
        return 1;
    }
    std::printf("HOLDING\n");
    std::fflush(stdout);
    for (;;)
        QThread::sleep(1);
}
