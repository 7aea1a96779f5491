// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "InteropCommands.h"

#include "CommandLine.h"
#include "ImportOutput.h"
#include "Output.h"
#include "RecordJson.h"
#include "interop/CsvWriter.h"
#include "interop/CycloneDxWriter.h"
#include "interop/DocumentReader.h"
#include "interop/GraphMlWriter.h"
#include "interop/Spdx3Writer.h"
#include "util/AtomicFile.h"
#include "workspace/ExportScope.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

#include <cstdio>
#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

/// Files at least this large get a progress line while they are read.
constexpr qint64 kProgressBytes = qint64(5) * 1024 * 1024;
constexpr qint64 kProgressIntervalMs = 200;

const QString kCycloneDx = u"cyclonedx"_s;
const QString kSpdx = u"spdx"_s;
const QString kGraphMl = u"graphml"_s;
const QString kCsv = u"csv"_s;

QStringList exportFormats()
{
    return {kCycloneDx, kSpdx, kGraphMl, kCsv};
}

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return ::isatty(STDERR_FILENO) != 0;
#endif
}

/// One self-overwriting line on a terminal's stderr, redrawn at most a few times a second.
class ProgressLine
{
public:
    explicit ProgressLine(QString file)
        : m_file(std::move(file))
    {
    }
    ~ProgressLine() { clear(); }
    ProgressLine(const ProgressLine &) = delete;
    ProgressLine &operator=(const ProgressLine &) = delete;

    void update(int permille)
    {
        if (m_shown && m_timer.elapsed() < kProgressIntervalMs)
            return;
        m_timer.start();
        m_shown = true;
        const QString text =
            InteropCommands::tr("strata-cli: reading %1… %2%").arg(m_file, QString::number(permille / 10));
        std::fputs(u"\r%1\x1b[K"_s.arg(Output::sanitized(text)).toUtf8().constData(), stderr);
        std::fflush(stderr);
    }

    void clear()
    {
        if (!m_shown)
            return;
        m_shown = false;
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
    }

private:
    QString m_file;
    QElapsedTimer m_timer;
    bool m_shown = false;
};

/// A core message about `file`, made to name the file as the user wrote its path: folders may hold many README.md.
QString namingTheFile(const QString &message, const QString &shown, const QString &fileName)
{
    if (message.contains(shown))
        return message;
    if (message.startsWith(fileName))
        return shown + message.mid(fileName.size());
    return InteropCommands::tr("%1: %2").arg(shown, message);
}

int outgoingRelations(const ExportSet &set)
{
    int count = 0;
    for (const RecordSnapshot &snapshot : set.records) {
        for (const RelatedRecord &related : snapshot.relations)
            count += related.outgoing ? 1 : 0;
    }
    return count;
}

} // namespace

InteropCommands::InteropCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> InteropCommands::specs()
{
    QList<CommandSpec> specs;
    specs.append(
        {u"import"_s,
         tr("FILE... [--prefer-import]"),
         tr("Import CycloneDX BOMs, SPDX 3 documents and Hugging Face cards"),
         tr("Each FILE is a CycloneDX JSON BOM, an SPDX 3.0 JSON-LD document or a Hugging Face card (a\n"
            "README.md that starts with YAML front matter); the format is read from the content, not the name.\n"
            "A folder imports every README.md and *.json file under it, in name order.\n"
            "Each file is imported whole or not at all: a file that cannot be read or fails validation\n"
            "changes nothing and is reported on stderr, and the other files are still imported.\n"
            "Records are matched by purl, then by kind, name and version, then by the ids that earlier\n"
            "imports recorded, so importing the same file again changes nothing. Values typed by hand are\n"
            "kept unless --prefer-import is given.\n"
            "The exit code is 1 when any file failed. With --json, prints one object per file."),
         {{u"prefer-import"_s, QString(), tr("let the files overwrite values typed by hand"), false, false}},
         {tr("FILE")},
         1,
         true});

    specs.append(
        {u"export"_s,
         tr("--format cyclonedx|spdx|graphml|csv [--scope ID] -o FILE [--date ISO-8601]"),
         tr("Export the inventory as CycloneDX, SPDX, GraphML or CSV"),
         tr("Formats:\n"
            "  cyclonedx  CycloneDX 1.6 JSON ML-BOM\n"
            "  spdx       SPDX 3.0.1 JSON-LD with the AI and Dataset profiles\n"
            "  graphml    GraphML for yEd and Gephi: records as nodes, relations as edges\n"
            "  csv        one CSV table per record kind\n"
            "--scope exports one record (an id or a unique name) and everything upstream of it: what it derives\n"
            "from, was trained and evaluated on, depends on, is hosted on and provided by. Without --scope the\n"
            "whole workspace is exported.\n"
            "csv writes one file per kind in the export, named by putting the kind before the extension:\n"
            "-o inventory.csv writes %1, %2 and so on; without an extension, .csv is added.\n"
            "--date fixes the time written into the document, so the same workspace and date give the same\n"
            "bytes; without it the current time is written.\n"
            "Each file is replaced atomically: on any error the previous file stays as it was. The folder\n"
            "must exist.")
             .arg(CsvWriter::pathForKind(u"inventory.csv"_s, recordKindKey(RecordKind::Model)),
                  CsvWriter::pathForKind(u"inventory.csv"_s, recordKindKey(RecordKind::Dataset))),
         {{u"format"_s, tr("FORMAT"), tr("cyclonedx, spdx, graphml or csv"), false, true},
          {u"scope"_s, tr("ID"), tr("a record to export with everything upstream of it"), false, false},
          {u"output"_s, tr("FILE"), tr("the file to write"), false, true, u'o'},
          {u"date"_s, tr("ISO-8601"), tr("the time to write into the document (default: now)"), false, false}},
         {},
         0});
    return specs;
}

int InteropCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command == u"import"_s)
        return importFiles(arguments);
    if (command == u"export"_s)
        return exportSet(arguments);
    return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
}

ImportReport InteropCommands::importFile(Workspace &workspace, const QString &path, bool preferImport) const
{
    const QString shown = QDir::toNativeSeparators(path);
    const QString fileName = QFileInfo(path).fileName();
    ImportLimits limits;
    ProgressLine progress(shown);
    if (!m_out.isJson() && stderrIsTerminal() && QFileInfo(path).size() > kProgressBytes)
        limits.progress = [&progress](int permille) { progress.update(permille); };

    const Result<ImportDocument> document = DocumentReader::readFile(path, limits);
    progress.clear();
    if (!document)
        return {shown, {}, namingTheFile(document.error().message, shown, fileName)};
    ImportOptions options;
    options.preferImport = preferImport;
    const Result<ImportSummary> summary = workspace.applyImport(document.value(), options);
    if (!summary)
        return {shown, {}, namingTheFile(summary.error().message, shown, fileName)};
    return {shown, summary.value(), QString()};
}

int InteropCommands::importFiles(const CommandArguments &arguments)
{
    auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    Workspace &workspace = *opened.value();
    // Once, rather than the same refusal for every file.
    if (workspace.isReadOnly())
        return m_out.fail({ErrorCode::ReadOnly, workspace.readOnlyReason()});
    const bool preferImport = arguments.has(u"prefer-import"_s);

    QJsonArray results;
    bool anyFailed = false;
    const auto report = [&](const ImportReport &done) {
        if (done.failed()) {
            anyFailed = true;
            m_out.fail({ErrorCode::InvalidInput, done.error});
        } else if (!m_out.isJson()) {
            ImportOutput::print(m_out, done);
            m_out.flush(); // printed after its COMMIT returned: this line is the acknowledgement
        }
        results.append(ImportOutput::json(done));
    };

    // Path by path, so the output keeps the order the user gave; each file is its own all-or-nothing unit.
    for (const QString &given : arguments.positional) {
        const QString shown = QDir::toNativeSeparators(given);
        QStringList missing;
        const QStringList files = DocumentReader::expandPaths({given}, &missing);
        if (!missing.isEmpty()) {
            report({shown, {}, tr("%1 does not exist; check the path.").arg(shown)});
            continue;
        }
        if (files.isEmpty()) {
            report({shown, {}, tr("The folder %1 holds no README.md or *.json file to import.").arg(shown)});
            continue;
        }
        for (const QString &file : files)
            report(importFile(workspace, file, preferImport));
    }

    if (m_out.isJson())
        m_out.printJson(results);
    return anyFailed ? 1 : 0;
}

Status InteropCommands::writeAll(const QList<std::pair<QString, QByteArray>> &files)
{
    QStringList created;
    for (const auto &file : files) {
        const bool existed = QFileInfo::exists(file.first);
        const Status written = AtomicFile::write(file.first, file.second);
        if (!written) {
            // A CSV export is one unit too: do not leave some of the tables behind.
            for (const QString &path : std::as_const(created))
                QFile::remove(path);
            return written;
        }
        if (!existed)
            created.append(file.first);
    }
    return Ok{};
}

int InteropCommands::exportSet(const CommandArguments &arguments)
{
    const QString format = arguments.value(u"format"_s);
    if (!exportFormats().contains(format)) {
        return m_out.usageError(
            tr("Unknown export format \"%1\"; use one of: %2.").arg(format, exportFormats().join(u", "_s)));
    }
    QDateTime timestamp;
    if (arguments.has(u"date"_s)) {
        const std::optional<QDateTime> date = CommandLine::parseDateTime(arguments.value(u"date"_s));
        if (!date) {
            return m_out.usageError(tr("--date needs an ISO 8601 date or time, such as 2026-03-01 or "
                                       "2026-03-01T09:30:00Z; got \"%1\".")
                                        .arg(arguments.value(u"date"_s)));
        }
        timestamp = *date;
    }
    const QString output = arguments.value(u"output"_s);
    if (output.isEmpty())
        return m_out.usageError(tr("-o needs the name of the file to write."));

    // Checked before anything is written, so a mistyped folder leaves nothing behind and is not created.
    if (const Status folder = CommandLine::checkOutputFolder(output); !folder)
        return m_out.fail(folder.error());
    const auto opened = CommandLine::openExisting(m_options);
    if (!opened)
        return m_out.fail(opened.error());
    const Workspace &workspace = *opened.value();
    qint64 scopeId = 0;
    if (arguments.has(u"scope"_s)) {
        const Result<qint64> id = workspace.resolve(arguments.value(u"scope"_s));
        if (!id)
            return m_out.fail(id.error());
        scopeId = id.value();
    }
    const Result<ExportSet> built = ExportScope::build(workspace, scopeId, timestamp);
    if (!built)
        return m_out.fail(built.error());
    const ExportSet &set = built.value();

    QList<std::pair<QString, QByteArray>> files;
    if (format == kCsv) {
        const Result<QMap<QString, QByteArray>> tables = CsvWriter::write(set);
        if (!tables)
            return m_out.fail(tables.error());
        for (const RecordKind kind : allRecordKinds()) {
            const QString key = recordKindKey(kind);
            if (tables.value().contains(key))
                files.append({CsvWriter::pathForKind(output, key), tables.value().value(key)});
        }
    } else {
        const Result<QByteArray> bytes = format == kCycloneDx ? CycloneDxWriter::write(set)
                                         : format == kSpdx    ? Spdx3Writer::write(set)
                                                              : GraphMlWriter::write(set);
        if (!bytes)
            return m_out.fail(bytes.error());
        files.append({output, bytes.value()});
    }

    for (const auto &file : std::as_const(files)) {
        if (QFileInfo(file.first) == QFileInfo(workspace.path())) {
            return m_out.fail({ErrorCode::Conflict, tr("%1 is the workspace itself; choose another file with -o.")
                                                        .arg(QDir::toNativeSeparators(file.first))});
        }
    }
    if (const Status written = writeAll(files); !written)
        return m_out.fail(written.error());

    const int records = static_cast<int>(set.records.size());
    const int relations = outgoingRelations(set);
    QStringList written;
    for (const auto &file : std::as_const(files))
        written.append(QDir::toNativeSeparators(QFileInfo(file.first).absoluteFilePath()));
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"action"_s, u"exported"_s},
                                    {u"format"_s, format},
                                    {u"files"_s, QJsonArray::fromStringList(written)},
                                    {u"records"_s, records},
                                    {u"relations"_s, relations},
                                    {u"scope"_s, scopeId > 0 ? QJsonValue(scopeId) : QJsonValue(QJsonValue::Null)}});
        return 0;
    }
    const QString counts = tr("%n record(s)", "", records);
    const QString relationCount = tr("%n relation(s)", "", relations);
    if (written.isEmpty()) {
        m_out.print(tr("The export holds no records, so no CSV file was written."));
    } else if (format != kCsv) {
        m_out.print(Output::sanitized(tr("Wrote %1 and %2 to %3.").arg(counts, relationCount, written.constFirst())));
    } else {
        m_out.print(
            tr("Wrote %1 and %2 to %n file(s):", "", static_cast<int>(written.size())).arg(counts, relationCount));
        for (const QString &path : std::as_const(written))
            m_out.print(u"  %1"_s.arg(Output::sanitized(path)));
    }
    return 0;
}

} // namespace strata
