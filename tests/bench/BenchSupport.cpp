// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "BenchSupport.h"

#include "storage/Database.h"
#include "util/LibraryVersions.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QLocale>
#include <QSysInfo>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <sqlite3.h>

using namespace Qt::Literals::StringLiterals;

namespace strata::bench {

Options parseOptions(const QCoreApplication &app, const QString &description)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(description);
    parser.addHelpOption();
    const QCommandLineOption records(u"records"_s, u"Records in the generated workspace (default 100000)."_s, u"N"_s,
                                     u"100000"_s);
    const QCommandLineOption runs(u"runs"_s, u"Measured runs; the median is reported (default 3, minimum 3)."_s, u"R"_s,
                                  u"3"_s);
    const QCommandLineOption keep(u"keep"_s,
                                  u"Write the workspaces to DIR and keep them (default: a temporary "
                                  "directory that is removed)."_s,
                                  u"DIR"_s);
    parser.addOptions({records, runs, keep});
    parser.process(app);

    Options options;
    bool ok = false;
    options.records = parser.value(records).toInt(&ok);
    if (!ok || options.records < 100) {
        std::fprintf(stderr, "--records must be a whole number of at least 100.\n");
        std::exit(2);
    }
    options.runs = parser.value(runs).toInt(&ok);
    if (!ok || options.runs < 3) {
        std::fprintf(stderr, "--runs must be at least 3 (medians of fewer runs are not reported).\n");
        std::exit(2);
    }
    options.keepDir = parser.value(keep);
    return options;
}

void printBanner(const QString &benchmark, const Options &options)
{
    const LibraryVersions versions = LibraryVersions::current();
#ifdef NDEBUG
    const QString build = u"release (NDEBUG)"_s;
#else
    const QString build = u"NOT RELEASE: assertions on, figures are not comparable"_s;
#endif
    say(u"== %1 =="_s.arg(benchmark));
    say(u"date %1 | %2 | %3 logical CPUs | build %4"_s
            .arg(QDateTime::currentDateTime().toString(Qt::ISODate), QSysInfo::prettyProductName())
            .arg(QThread::idealThreadCount())
            .arg(build));
    say(u"Qt %1 | SQLite %2 | records %3 | runs %4 (medians reported) | files in %5"_s
            .arg(versions.qt, versions.sqlite, grouped(options.records))
            .arg(options.runs)
            .arg(options.keepDir.isEmpty() ? u"a temporary directory"_s : options.keepDir));
    say(u"The machine may be shared: compare the ratios to the same-run reference, not absolute times."_s);
    say();
}

WorkDir::WorkDir(const QString &keepDir)
{
    if (keepDir.isEmpty()) {
        m_temp = std::make_unique<QTemporaryDir>();
        if (m_temp->isValid())
            m_path = m_temp->path();
        return;
    }
    if (QDir().mkpath(keepDir))
        m_path = QDir(keepDir).absolutePath();
}

QString WorkDir::freshFile(const QString &name) const
{
    const QString path = QDir(m_path).filePath(name);
    for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s, u".lock"_s})
        QFile::remove(path + suffix);
    return path;
}

void WorkDir::discard(const QString &filePath) const
{
    if (m_temp) {
        for (const QString &suffix : {u""_s, u"-wal"_s, u"-shm"_s, u"-journal"_s, u".lock"_s})
            QFile::remove(filePath + suffix);
    }
}

double median(QVector<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const qsizetype n = values.size();
    return n % 2 == 1 ? values.at(n / 2) : (values.at(n / 2 - 1) + values.at(n / 2)) / 2;
}

double percentile(QVector<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<qsizetype>(std::ceil(p / 100.0 * static_cast<double>(values.size())));
    return values.at(std::clamp<qsizetype>(rank - 1, 0, values.size() - 1));
}

double maximum(const QVector<double> &values)
{
    return values.isEmpty() ? 0 : *std::max_element(values.cbegin(), values.cend());
}

QString fixed(double value, int decimals)
{
    return QString::number(value, 'f', decimals);
}

QString grouped(double value)
{
    return QLocale(QLocale::English).toString(static_cast<qint64>(std::llround(value)));
}

QString verdict(bool met)
{
    return met ? u"PASS"_s : u"MISS"_s;
}

Table::Table(QStringList headers)
    : m_headers(std::move(headers))
{
}

void Table::addRow(QStringList cells)
{
    while (cells.size() < m_headers.size())
        cells << QString();
    m_rows << cells;
}

void Table::print() const
{
    QVector<qsizetype> widths(m_headers.size());
    for (qsizetype c = 0; c < m_headers.size(); ++c) {
        widths[c] = m_headers.at(c).size();
        for (const QStringList &row : m_rows)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    const auto line = [&widths](const QStringList &cells) {
        QStringList padded;
        for (qsizetype c = 0; c < widths.size(); ++c) {
            const int width = static_cast<int>(widths.at(c));
            padded << (c == 0 ? cells.at(c).leftJustified(width) : cells.at(c).rightJustified(width));
        }
        return padded.join(u"  "_s);
    };
    say(line(m_headers));
    QStringList rule;
    for (qsizetype width : widths)
        rule << QString(width, u'-');
    say(rule.join(u"  "_s));
    for (const QStringList &row : m_rows)
        say(line(row));
}

void say(const QString &line)
{
    std::fprintf(stdout, "%s\n", line.toLocal8Bit().constData());
    std::fflush(stdout);
}

void fail(const QString &line)
{
    std::fflush(stdout);
    std::fprintf(stderr, "WRONG RESULT: %s\n", line.toLocal8Bit().constData());
    std::fflush(stderr);
}

RawDb::~RawDb()
{
    close();
}

bool RawDb::create(const QString &path)
{
    {
        Result<std::unique_ptr<Database>> created = Database::open(path);
        if (!created) {
            fail(u"Database::open: %1"_s.arg(created.error().message));
            return false;
        }
    }
    return open(path);
}

bool RawDb::open(const QString &path)
{
    close();
    if (sqlite3_open_v2(QFile::encodeName(path).constData(), &m_db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
        fail(u"sqlite3_open_v2(%1): %2"_s.arg(path, lastError()));
        close();
        return false;
    }
    // The pragmas Database::configure() sets, in the same order relative to the first access.
    return exec("PRAGMA locking_mode = EXCLUSIVE") && exec("PRAGMA journal_mode = WAL") &&
           exec("PRAGMA synchronous = FULL") && exec("PRAGMA foreign_keys = ON") && exec("PRAGMA trusted_schema = OFF");
}

void RawDb::close()
{
    if (m_db)
        sqlite3_close_v2(m_db);
    m_db = nullptr;
}

bool RawDb::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) != SQLITE_OK) {
        fail(u"%1: %2"_s.arg(QString::fromUtf8(sql), QString::fromUtf8(message)));
        sqlite3_free(message);
        return false;
    }
    return true;
}

qint64 RawDb::scalar(const QString &sql, const QString &bound)
{
    RawStatement stmt(*this, sql);
    const QByteArray text = bound.toUtf8();
    if (!bound.isNull())
        stmt.bindStatic(1, text);
    if (!stmt.isValid() || !stmt.step())
        return -1;
    return sqlite3_column_int64(stmt.get(), 0);
}

QStringList RawDb::queryPlan(const QString &sql)
{
    QStringList lines;
    RawStatement stmt(*this, u"EXPLAIN QUERY PLAN "_s + sql);
    for (int i = 1; stmt.isValid() && i <= sqlite3_bind_parameter_count(stmt.get()); ++i)
        stmt.bindNull(i);
    while (stmt.step()) {
        const auto *detail = reinterpret_cast<const char *>(sqlite3_column_text(stmt.get(), 3));
        const int parent = sqlite3_column_int(stmt.get(), 1);
        lines << u"%1 %2"_s.arg(parent == 0 ? u"*"_s : u"  -"_s, QString::fromUtf8(detail));
    }
    return lines;
}

QString RawDb::lastError() const
{
    return m_db ? QString::fromUtf8(sqlite3_errmsg(m_db)) : u"out of memory"_s;
}

RawStatement::RawStatement(const RawDb &db, const QString &sql)
{
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db.handle(), utf8.constData(), static_cast<int>(utf8.size()), &m_stmt, nullptr) !=
        SQLITE_OK) {
        fail(u"preparing %1: %2"_s.arg(sql, db.lastError()));
        m_stmt = nullptr;
    }
}

RawStatement::~RawStatement()
{
    sqlite3_finalize(m_stmt);
}

void RawStatement::bindStatic(int index, const QByteArray &utf8)
{
    sqlite3_bind_text(m_stmt, index, utf8.constData(), static_cast<int>(utf8.size()), SQLITE_STATIC);
}

void RawStatement::bindInt(int index, qint64 value)
{
    sqlite3_bind_int64(m_stmt, index, value);
}

void RawStatement::bindNull(int index)
{
    sqlite3_bind_null(m_stmt, index);
}

int RawStatement::drain()
{
    int rows = 0;
    while (step())
        ++rows;
    return m_done ? rows : -1;
}

bool RawStatement::step()
{
    if (!m_stmt)
        return false;
    const int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    m_done = rc == SQLITE_DONE;
    if (!m_done)
        fail(u"sqlite3_step: %1"_s.arg(QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_stmt)))));
    return false;
}

void RawStatement::reset()
{
    sqlite3_reset(m_stmt);
    m_done = false;
}

} // namespace strata::bench
