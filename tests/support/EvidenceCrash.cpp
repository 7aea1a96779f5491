// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "workspace/Workspace.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>

// Adds the file named on the command line to the workspace as evidence, and dies the moment the file is durable in
// the evidence store, before its row is written: a crash (or a power cut) at the worst point, for the tests.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    auto workspace = strata::Workspace::open(QString::fromLocal8Bit(argv[1]));
    if (!workspace) {
        std::fprintf(stderr, "%s\n", qPrintable(workspace.error().message));
        return 1;
    }
    strata::EvidenceInput input;
    input.path = QString::fromLocal8Bit(argv[2]);
    strata::EvidenceAddOptions options;
    options.blobStored = [](const QString &) { std::_Exit(3); }; // no destructor, no rollback, no cleanup runs
    const auto added = workspace.value()->addEvidence(input, options);
    if (!added)
        std::fprintf(stderr, "%s\n", qPrintable(added.error().message));
    return added ? 0 : 1;
}
