// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ReportCommands.h"

#include "CommandLine.h"
#include "Output.h"
#include "ReportCollector.h"
#include "ReportRenderer.h"
#include "WorkspaceSignoffSource.h"
#include "checklist/ChecklistExport.h"
#include "util/AtomicFile.h"
#include "workspace/Workspace.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cstdio>

#ifdef Q_OS_WIN
#include <io.h>
#else
#include <unistd.h>
#endif

using namespace Qt::Literals::StringLiterals;

namespace strata {

namespace {

const QString kReport = u"report"_s;

bool stderrIsTerminal()
{
#ifdef Q_OS_WIN
    return _isatty(_fileno(stderr)) != 0;
#else
    return ::isatty(STDERR_FILENO) != 0;
#endif
}

} // namespace

ReportCommands::ReportCommands(const GlobalOptions &options, const Output &out)
    : m_options(options)
    , m_out(out)
{
}

QList<CommandSpec> ReportCommands::specs()
{
    return {{kReport,
             tr("--release NAME|--assessment ID|--supplier ID -o FILE.pdf [--lang zh_CN] [--paper a4|letter] [--pdfa] "
                "[--date ISO-8601]"),
             tr("Write a PDF assessment report"),
             tr("The report holds a cover with readiness and decision, an executive summary, a risk heat map and\n"
                "progress by stage, the lineage graph, the inventory with licenses, suppliers and digests, every\n"
                "checklist answer with notes and evidence, findings and accepted risks, the evidence index, the\n"
                "sign-offs and an appendix on checking the report with strata-cli.\n"
                "--release NAME      a release (NAME or NAME@VERSION) and its newest assessment\n"
                "--assessment ID     one assessment and its scope\n"
                "--supplier ID       a supplier with what it provides, and its newest assessment\n"
                "--lang zh_CN        write the report in Simplified Chinese\n"
                "--paper a4|letter   paper size (default: a4)\n"
                "--pdfa              PDF/A-1b, for archiving\n"
                "--date ISO-8601     the report date; with it, the same workspace and options give the same bytes\n"
                "With -o FILE.csv or -o FILE.json, the checklist results alone are written as a table or JSON:\n"
                "every item with status, notes, reviewer, time, evidence digests and the findings raised on it."),
             {{u"release"_s, tr("NAME"), tr("the release to report on"), false, false},
              {u"assessment"_s, tr("ID"), tr("the assessment to report on"), false, false},
              {u"supplier"_s, tr("ID"), tr("the supplier to report on"), false, false},
              {u"output"_s, tr("FILE.pdf"), tr("the PDF file to write (.csv or .json: the checklist results)"), false,
               true, u'o'},
              {u"paper"_s, tr("a4|letter"), tr("paper size (default: a4)"), false, false},
              {u"pdfa"_s, QString(), tr("write PDF/A-1b for archiving"), false, false},
              {u"date"_s, tr("ISO-8601"), tr("the report date (default: now)"), false, false}},
             {},
             0}};
}

bool ReportCommands::isReport(const QStringList &arguments)
{
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == u"--workspace"_s || argument == u"--lang"_s) {
            ++i;
            continue;
        }
        if (argument.startsWith(u'-'))
            continue;
        return argument == kReport;
    }
    return false;
}

int ReportCommands::run(const QString &command, const CommandArguments &arguments)
{
    if (command != kReport)
        return m_out.usageError(tr("Unknown command \"%1\".").arg(command));
    const QString usage = u"strata-cli report %1"_s.arg(specs().constFirst().synopsis);
    if (!arguments.positional.isEmpty())
        return m_out.usageError(tr("\"report\" takes no arguments besides its options; usage: %1").arg(usage));
    QList<ReportScope> scopes;
    if (arguments.has(u"release"_s))
        scopes.append({ReportScope::Kind::Release, arguments.value(u"release"_s)});
    if (arguments.has(u"assessment"_s))
        scopes.append({ReportScope::Kind::Assessment, arguments.value(u"assessment"_s)});
    if (arguments.has(u"supplier"_s))
        scopes.append({ReportScope::Kind::Supplier, arguments.value(u"supplier"_s)});
    if (scopes.size() != 1)
        return m_out.usageError(
            tr("\"report\" needs exactly one of --release, --assessment and --supplier; usage: %1").arg(usage));
    if (scopes.constFirst().reference.trimmed().isEmpty())
        return m_out.usageError(tr("The scope of the report is empty; usage: %1").arg(usage));

    ReportOptions options;
    const QString language = m_options.language.isEmpty() ? QLocale().name() : m_options.language;
    options.language = language.startsWith(u"zh"_s) ? u"zh_CN"_s : u"en"_s;
    const QString paper = arguments.value(u"paper"_s).toLower();
    if (paper == u"letter"_s)
        options.paper = ReportPaper::Letter;
    else if (!paper.isEmpty() && paper != u"a4"_s)
        return m_out.usageError(tr("--paper takes a4 or letter, not \"%1\".").arg(arguments.value(u"paper"_s)));
    options.pdfA = arguments.has(u"pdfa"_s);
    if (arguments.has(u"date"_s)) {
        const std::optional<QDateTime> date = CommandLine::parseDateTime(arguments.value(u"date"_s));
        if (!date) {
            return m_out.usageError(tr("--date needs an ISO 8601 date or time, such as 2026-03-01 or "
                                       "2026-03-01T09:30:00Z; got \"%1\".")
                                        .arg(arguments.value(u"date"_s)));
        }
        options.date = *date;
    }
    const QString output = arguments.value(u"output"_s);
    if (output.isEmpty())
        return m_out.usageError(tr("-o needs the name of the PDF file to write."));
    if (const Status folder = CommandLine::checkOutputFolder(output); !folder)
        return m_out.fail(folder.error());

    Result<std::unique_ptr<Workspace>> workspace = CommandLine::openExisting(m_options);
    if (!workspace)
        return m_out.fail(workspace.error());
    Result<ReportData> data =
        ReportCollector::collect(*workspace.value(), scopes.constFirst(), options, WorkspaceSignoffSource());
    if (!data)
        return m_out.fail(data.error());
    const QString suffix = QFileInfo(output).suffix().toLower();
    if (suffix == u"csv"_s || suffix == u"json"_s)
        return writeChecklist(data.value(), output, suffix);

    const bool showProgress = stderrIsTerminal();
    const ReportProgress progress = [showProgress](int done, int total, const QString &step) {
        if (showProgress) {
            const QString line = tr("strata-cli: drawing the report… %1 (%2 of %3)").arg(step).arg(done).arg(total);
            std::fputs(u"\r%1\x1b[K"_s.arg(Output::sanitized(line)).toUtf8().constData(), stderr);
            std::fflush(stderr);
        }
        return true;
    };
    Result<QByteArray> pdf = ReportRenderer::render(data.value(), options, progress);
    if (showProgress) {
        std::fputs("\r\x1b[K", stderr);
        std::fflush(stderr);
    }
    if (!pdf)
        return m_out.fail(pdf.error());
    if (const Status saved = AtomicFile::write(output, pdf.value()); !saved)
        return m_out.fail(saved.error());

    const ReportData &report = data.value();
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"file"_s, QFileInfo(output).absoluteFilePath()},
                                    {u"scope"_s, report.scopeLabel},
                                    {u"assessment"_s, report.assessment ? report.assessment->id : 0},
                                    {u"bytes"_s, pdf.value().size()},
                                    {u"language"_s, options.language},
                                    {u"pdfa"_s, options.pdfA}});
        return 0;
    }
    m_out.print(tr("Wrote the report on %1 to %2 (%3 bytes).")
                    .arg(report.scopeDescription, QDir::toNativeSeparators(output))
                    .arg(pdf.value().size()));
    return 0;
}

int ReportCommands::writeChecklist(const ReportData &report, const QString &output, const QString &format)
{
    if (!report.assessment) {
        return m_out.fail({ErrorCode::NotFound, tr("%1 has no assessment, so there are no checklist results to write; "
                                                   "start one with \"strata-cli assess new\".")
                                                    .arg(report.scopeDescription)});
    }
    const QByteArray bytes = format == u"csv"_s
                                 ? ChecklistExport::toCsv(*report.assessment, report.findings, QLocale(report.language))
                                 : QJsonDocument(ChecklistExport::toJson(*report.assessment, report.findings))
                                       .toJson(QJsonDocument::Indented);
    if (const Status saved = AtomicFile::write(output, bytes); !saved)
        return m_out.fail(saved.error());
    if (m_out.isJson()) {
        m_out.printJson(QJsonObject{{u"file"_s, QFileInfo(output).absoluteFilePath()},
                                    {u"scope"_s, report.scopeLabel},
                                    {u"assessment"_s, report.assessment->id},
                                    {u"format"_s, format},
                                    {u"items"_s, report.assessment->items.size()},
                                    {u"bytes"_s, bytes.size()}});
        return 0;
    }
    m_out.print(tr("Wrote the checklist results of %1 (%n item(s)) to %2.", "", int(report.assessment->items.size()))
                    .arg(report.scopeDescription, QDir::toNativeSeparators(output)));
    return 0;
}

} // namespace strata
