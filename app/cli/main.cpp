// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "CliApplication.h"

#include <QCoreApplication>

using namespace Qt::Literals::StringLiterals;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    // The same identity as the desktop app, so both find the same default workspace under AppDataLocation.
    QCoreApplication::setOrganizationName(u"Strata"_s);
    QCoreApplication::setApplicationName(u"Strata"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    return strata::CliApplication(app).run();
}
