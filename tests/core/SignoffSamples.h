// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "checklist/CatalogReader.h"
#include "evidence/EvidenceStore.h"
#include "trust/Keys.h"
#include "workspace/Workspace.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

/// A release ready to be signed off: a model trained on a dataset, a two-item catalog answered pass, evidence on the
/// first item, and two reviewers (a security lead and an analyst) whose keys the workspace knows.
namespace strata::samples {

struct SignoffWorkspace
{
    std::unique_ptr<QTemporaryDir> dir;
    std::unique_ptr<Workspace> ws;
    qint64 model = 0;
    qint64 dataset = 0;
    qint64 other = 0; ///< a record outside the release
    qint64 releaseId = 0;
    qint64 assessmentId = 0;
    Evidence evidence;
    PrivateKey leadKey;
    PrivateKey analystKey;
    Identity lead;
    Identity analyst;

    QString blobPath() const { return EvidenceStore(ws->evidenceFolder()).blobPath(evidence.sha256); }
};

inline QByteArray miniCatalog()
{
    using namespace Qt::Literals::StringLiterals;
    const auto item = [](const QString &id, const QString &stage, const QString &kind) {
        return QJsonObject{{u"id"_s, id},
                           {u"stage"_s, stage},
                           {u"kinds"_s, QJsonArray{kind}},
                           {u"layers"_s, QJsonArray{u"model"_s}},
                           {u"properties"_s, QJsonArray{u"integrity"_s}},
                           {u"title"_s, QJsonObject{{u"en"_s, u"Check %1"_s.arg(id)}}},
                           {u"requirement"_s, QJsonObject{{u"en"_s, u"Requirement %1"_s.arg(id)}}}};
    };
    const QJsonObject catalog{
        {u"format"_s, u"strata-catalog"_s},
        {u"format_version"_s, 1},
        {u"id"_s, u"mini"_s},
        {u"version"_s, u"1"_s},
        {u"languages"_s, QJsonArray{u"en"_s}},
        {u"title"_s, QJsonObject{{u"en"_s, u"Mini"_s}}},
        {u"frameworks"_s, QJsonArray{}},
        {u"items"_s, QJsonArray{item(u"M-1"_s, u"sourcing"_s, u"model"_s), item(u"M-2"_s, u"data"_s, u"dataset"_s)}}};
    return QJsonDocument(catalog).toJson();
}

inline Identity makeIdentity(Workspace &ws, const PrivateKey &key, const QString &name, IdentityRole role)
{
    Identity identity;
    identity.name = name;
    identity.role = role;
    identity.publicKey = key.publicKey().pem();
    const Result<Identity> added = ws.addIdentity(identity);
    if (!added)
        qWarning("%s", qPrintable(added.error().message));
    return added ? added.value() : Identity();
}

/// Builds the sample; false (with a warning saying why) when a step failed.
inline bool makeSignoffWorkspace(SignoffWorkspace &s)
{
    using namespace Qt::Literals::StringLiterals;
    const auto check = [](const auto &result, const char *step) {
        if (!result.ok())
            qWarning("%s: %s", step, qPrintable(result.error().message));
        return result.ok();
    };
    s.dir = std::make_unique<QTemporaryDir>();
    auto opened = Workspace::open(s.dir->filePath(u"w.strata"_s));
    if (!check(opened, "open"))
        return false;
    s.ws = std::move(opened).value();
    s.ws->setActor(u"alice"_s);
    Workspace &ws = *s.ws;
    Result<Catalog> catalog = CatalogReader::read(miniCatalog(), u"mini.json"_s);
    if (!check(catalog, "catalog") || !check(ws.importCatalog(catalog.value()), "import catalog"))
        return false;
    Record model;
    model.kind = RecordKind::Model;
    model.name = u"Chat"_s;
    model.version = u"2"_s;
    Record dataset;
    dataset.kind = RecordKind::Dataset;
    dataset.name = u"Corpus"_s;
    Record other;
    other.kind = RecordKind::Model;
    other.name = u"Unrelated"_s;
    Result<qint64> m = ws.createRecord(model);
    Result<qint64> d = ws.createRecord(dataset);
    Result<qint64> o = ws.createRecord(other);
    if (!check(m, "model") || !check(d, "dataset") || !check(o, "other"))
        return false;
    s.model = m.value();
    s.dataset = d.value();
    s.other = o.value();
    if (!check(ws.link(s.model, RelationType::TrainedOn, s.dataset), "link"))
        return false;
    Artifact weights;
    weights.recordId = s.model;
    weights.fileName = u"model.safetensors"_s;
    weights.size = 10;
    weights.digest = QString(64, u'a');
    if (!check(ws.addArtifact(weights), "artifact"))
        return false;
    Result<Release> release = ws.createRelease(u"chat"_s, u"2.0"_s, s.model);
    if (!check(release, "release"))
        return false;
    s.releaseId = release.value().id;
    Result<Assessment> assessment = ws.createAssessment(AssessmentScope{s.releaseId, 0}, u"mini"_s);
    if (!check(assessment, "assessment"))
        return false;
    s.assessmentId = assessment.value().id;
    QFile file(s.dir->filePath(u"datasheet.txt"_s));
    if (!file.open(QIODevice::WriteOnly) || file.write("the datasheet") != 13)
        return false;
    file.close();
    Result<EvidenceAddResult> added = ws.addEvidence({file.fileName(), u"Datasheet"_s, {}, {}, {}});
    if (!check(added, "evidence"))
        return false;
    s.evidence = added.value().evidence;
    if (!check(ws.setItemStatus(s.assessmentId, {u"M-1"_s, ItemStatus::Pass, u"Weights seen."_s, {s.evidence.id}}),
               "M-1") ||
        !check(ws.setItemStatus(s.assessmentId, {u"M-2"_s, ItemStatus::Pass, u"Licence read."_s, {}}), "M-2"))
        return false;
    Result<PrivateKey> leadKey = PrivateKey::generate(KeyType::Ed25519);
    Result<PrivateKey> analystKey = PrivateKey::generate(KeyType::Ed25519);
    if (!check(leadKey, "lead key") || !check(analystKey, "analyst key"))
        return false;
    s.leadKey = leadKey.value();
    s.analystKey = analystKey.value();
    s.lead = makeIdentity(ws, s.leadKey, u"Dana Lead"_s, IdentityRole::SecurityLead);
    s.analyst = makeIdentity(ws, s.analystKey, u"Ari Analyst"_s, IdentityRole::Analyst);
    return s.lead.id > 0 && s.analyst.id > 0;
}

} // namespace strata::samples
