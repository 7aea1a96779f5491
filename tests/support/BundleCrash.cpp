// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "bundle/BundleFormat.h"
#include "bundle/BundleWriter.h"
#include "util/Sha256.h"

#include <QCoreApplication>
#include <QFile>

#include <csignal>
#include <cstdio>

// Writes a bundle to argv[1] with the evidence file argv[2], and kills itself with SIGKILL halfway through the
// evidence, as a crash or `kill -9` would: no destructor, no QSaveFile cleanup runs. For promise Z4's tests.
int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    if (argc < 3)
        return 2;
    const QString source = QString::fromLocal8Bit(argv[2]);
    QFile file(source);
    if (!file.open(QIODevice::ReadOnly))
        return 2;
    const auto digest = strata::Sha256::hex(file);
    if (!digest)
        return 2;
    strata::BundleWriter writer(QString::fromLocal8Bit(argv[1]), strata::bundleformat::isAllowedName);
    writer.addData(QStringLiteral("manifest.json"), "{}");
    writer.addFile(strata::bundleformat::evidenceName(digest.value()), source, digest.value());
    const strata::Status written = writer.write([](qint64 done, qint64 total) {
        if (done * 2 >= total)
            std::raise(SIGKILL);
    });
    std::fprintf(stderr, "the writer finished (%s) instead of dying\n", written ? "ok" : "error");
    return 1;
}
