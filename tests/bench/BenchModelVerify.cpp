// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
// Model-signature verification (issue 6): ModelSignature::verify over a generated, signed model folder, against the
// floor of hashing the same files with the same streaming SHA-256; and the cost of unlocking a key file.
#include "BenchSupport.h"
#include "trust/KeyFile.h"
#include "trust/Keys.h"
#include "trust/ModelSignature.h"
#include "trust/ModelStatement.h"
#include "util/Sha256.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <random>

using namespace Qt::Literals::StringLiterals;
using namespace strata;
using namespace strata::bench;

namespace {

constexpr qint64 kSmallFile = 32 * 1024;
constexpr qint64 kShardFile = 16 * 1024 * 1024;
constexpr int kShardEvery = 500;

/// Writes `count` files (every 500th a 16 MiB shard, the others 32 KiB) from a fixed seed; returns their resources.
QList<ModelResource> generateFolder(const QString &folder, int count)
{
    std::mt19937 random(20261128);
    QList<ModelResource> resources;
    QDir().mkpath(folder + u"/shards"_s);
    for (int i = 0; i < count; ++i) {
        const bool shard = i % kShardEvery == 0;
        const QString name = shard ? u"shards/model-%1.safetensors"_s.arg(i, 6, 10, QChar(u'0'))
                                   : u"files/part-%1/blob-%2.bin"_s.arg(i / 1000).arg(i, 6, 10, QChar(u'0'));
        QDir().mkpath(QFileInfo(folder + u'/' + name).absolutePath());
        QByteArray data(shard ? kShardFile : kSmallFile, Qt::Uninitialized);
        auto *words = reinterpret_cast<quint32 *>(data.data());
        for (qsizetype w = 0; w < data.size() / 4; ++w)
            words[w] = static_cast<quint32>(random());
        QFile file(folder + u'/' + name);
        if (!file.open(QIODevice::WriteOnly) || file.write(data) != data.size())
            return {};
        resources.append({name, Sha256::hex(data)});
    }
    return resources;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const Options options =
        parseOptions(app, u"Model-signature verification vs streaming SHA-256 of the same files; key unlock."_s);
    printBanner(u"bench_model_verify"_s, options);
    const WorkDir dir(options.keepDir);
    if (!dir.isValid()) {
        fail(u"cannot create a working directory"_s);
        return 1;
    }
    const QString folder = dir.path() + u"/model"_s;
    ModelStatement statement;
    statement.subjectName = u"model"_s;
    statement.ignorePaths = {u"model.sig"_s};
    statement.resources = generateFolder(folder, options.records);
    if (statement.resources.size() != options.records) {
        fail(u"cannot write the model folder"_s);
        return 1;
    }
    qint64 bytes = 0;
    for (const ModelResource &resource : std::as_const(statement.resources))
        bytes += QFileInfo(folder + u'/' + resource.name).size();
    const PrivateKey key = PrivateKey::generate(KeyType::EcdsaP256).value();
    const Result<QByteArray> bundle =
        ModelStatements::signBundle(ModelStatements::statementJson(statement), ModelStatements::kPayloadType, key);
    QFile sig(folder + u"/model.sig"_s);
    if (!bundle || !sig.open(QIODevice::WriteOnly) || sig.write(bundle.value()) != bundle.value().size()) {
        fail(u"cannot sign the model folder"_s);
        return 1;
    }
    sig.close();
    say(u"model folder: %1 files, %2 MiB, model.sig %3 KiB"_s.arg(grouped(options.records))
            .arg(fixed(static_cast<double>(bytes) / (1024.0 * 1024.0)))
            .arg(fixed(static_cast<double>(bundle.value().size()) / 1024.0)));

    QVector<double> verifyMs, verifyCpu, floorMs, floorCpu;
    for (int run = 0; run < options.runs; ++run) {
        Stopwatch floor;
        for (const ModelResource &resource : std::as_const(statement.resources)) {
            QFile file(folder + u'/' + resource.name);
            if (!file.open(QIODevice::ReadOnly) || Sha256::hex(file).value() != resource.sha256) {
                fail(u"reference hash of %1 is wrong"_s.arg(resource.name));
                return 1;
            }
        }
        floorMs.append(floor.ms());
        floorCpu.append(floor.cpuMs());
        Stopwatch verify;
        const Result<ModelVerification> result = ModelSignature::verify(folder, sig.fileName(), key.publicKey());
        verifyMs.append(verify.ms());
        verifyCpu.append(verify.cpuMs());
        if (!result || !result.value().passed() || result.value().coveredFiles.size() != options.records) {
            fail(u"verification of the untouched folder did not pass: %1"_s.arg(
                result ? result.value().problems.value(0).detail : result.error().message));
            return 1;
        }
    }
    // A wrong result is the only failure: one flipped byte must be found and named, and nothing else.
    const QString victim = statement.resources.last().name;
    QFile file(folder + u'/' + victim);
    if (!file.open(QIODevice::ReadWrite) || !file.seek(file.size() / 2)) {
        fail(u"cannot change %1"_s.arg(victim));
        return 1;
    }
    const char original = file.peek(1).at(0);
    file.write(QByteArray(1, static_cast<char>(original ^ 0x01)));
    file.close();
    const ModelVerification changed = ModelSignature::verify(folder, sig.fileName(), key.publicKey()).value();
    if (changed.problems.size() != 1 || changed.problems.first().file != victim ||
        changed.problems.first().kind != ModelFileProblem::Kind::Changed) {
        fail(u"a flipped byte in %1 was not reported as exactly one changed file"_s.arg(victim));
        return 1;
    }

    const QString keyPath = dir.path() + u"/bench.key"_s;
    QFile::remove(keyPath);
    QVector<double> writeMs, unlockMs;
    for (int run = 0; run < options.runs; ++run) {
        QFile::remove(keyPath);
        Stopwatch writing;
        if (!KeyFile::write(keyPath, PrivateKey::generate(KeyType::Ed25519).value(), "bench passphrase").ok()) {
            fail(u"cannot write the key file"_s);
            return 1;
        }
        writeMs.append(writing.ms());
        Stopwatch unlocking;
        if (!KeyFile::read(keyPath, "bench passphrase").ok()) {
            fail(u"cannot unlock the key file"_s);
            return 1;
        }
        unlockMs.append(unlocking.ms());
    }

    const double ratio = median(verifyMs) / median(floorMs);
    const double mib = static_cast<double>(bytes) / (1024.0 * 1024.0);
    Table table({u"variant"_s, u"median wall ms"_s, u"median CPU ms"_s, u"MiB/s (wall)"_s});
    table.addRow({u"ModelSignature::verify"_s, fixed(median(verifyMs)), fixed(median(verifyCpu)),
                  fixed(mib * 1000.0 / median(verifyMs))});
    table.addRow({u"floor: Sha256::hex of every listed file"_s, fixed(median(floorMs)), fixed(median(floorCpu)),
                  fixed(mib * 1000.0 / median(floorMs))});
    table.addRow({u"KeyFile::write (600,000 PBKDF2 rounds)"_s, fixed(median(writeMs)), QString(), QString()});
    table.addRow({u"KeyFile::read (unlock)"_s, fixed(median(unlockMs)), QString(), QString()});
    table.print();
    say(u"verify / floor = %1 (target ≤ 1.20): %2"_s.arg(fixed(ratio, 2), verdict(ratio <= 1.20)));
    return 0;
}
