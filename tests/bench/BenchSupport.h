// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <QElapsedTimer>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QVector>

#include <ctime>
#include <memory>

struct sqlite3;
struct sqlite3_stmt;
class QCoreApplication;

namespace strata::bench {

/// Command-line options every benchmark takes, so the small ctest size and the full hand run share one binary.
struct Options
{
    int records = 100000;
    int runs = 3;
    QString keepDir; ///< empty: everything goes to a temporary directory that is removed at exit
};

/// Parses --records N, --runs R and --keep DIR; exits with a message on bad input, like QCommandLineParser.
Options parseOptions(const QCoreApplication &app, const QString &description);

/// Prints what the figures depend on: date, CPU count, build type, Qt and SQLite versions, sizes.
void printBanner(const QString &benchmark, const Options &options);

/// Where a benchmark writes its files: a temporary directory, or the --keep directory when given.
class WorkDir
{
public:
    explicit WorkDir(const QString &keepDir);
    bool isValid() const { return !m_path.isEmpty(); }
    QString path() const { return m_path; }
    /// Path of a file in the directory; an existing file (and its -wal/-shm/.lock companions) is removed first.
    QString freshFile(const QString &name) const;
    /// Removes a workspace file and its companions unless the directory is kept.
    void discard(const QString &filePath) const;

private:
    std::unique_ptr<QTemporaryDir> m_temp;
    QString m_path;
};

/// Wall-clock and process CPU milliseconds since construction or the last restart(). On a shared machine the CPU
/// time shows how much of a wall time was spent waiting for a core.
class Stopwatch
{
public:
    Stopwatch() { restart(); }
    void restart()
    {
        m_cpu = std::clock();
        m_timer.start();
    }
    double ms() const { return static_cast<double>(m_timer.nsecsElapsed()) / 1.0e6; }
    double cpuMs() const { return static_cast<double>(std::clock() - m_cpu) * 1000.0 / CLOCKS_PER_SEC; }

private:
    QElapsedTimer m_timer;
    std::clock_t m_cpu = 0;
};

double median(QVector<double> values);
/// Nearest-rank percentile (p in 0..100) of the values; 0 for an empty list.
double percentile(QVector<double> values, double p);
double maximum(const QVector<double> &values);

/// "12.3" style formatting for milliseconds and rates in the tables.
QString fixed(double value, int decimals = 1);
QString grouped(double value); ///< 123,456
QString verdict(bool met);     ///< PASS or MISS

/// A plain-text table: first column left-aligned, the others right-aligned.
class Table
{
public:
    explicit Table(QStringList headers);
    void addRow(QStringList cells);
    void print() const;

private:
    QStringList m_headers;
    QList<QStringList> m_rows;
};

/// Prints a line to stdout (flushed, so ctest logs keep the order with stderr).
void say(const QString &line = {});
/// Prints a wrong-result message to stderr; the caller then exits non-zero.
void fail(const QString &line);

/// A raw SQLite connection: the reference the repository layer is measured against.
class RawDb
{
public:
    RawDb() = default;
    ~RawDb();
    RawDb(const RawDb &) = delete;
    RawDb &operator=(const RawDb &) = delete;

    /// Opens the file read-write and applies the pragmas the Workspace uses.
    bool open(const QString &path);
    /// Makes a fresh workspace file with Strata's schema (Database::open, not timed), then opens it raw.
    bool create(const QString &path);
    void close();
    sqlite3 *handle() const { return m_db; }
    /// Runs SQL that returns no rows; false (and a message on stderr) on error.
    bool exec(const char *sql);
    /// The first column of the first row as an integer; -1 on error.
    qint64 scalar(const QString &sql, const QString &bound = {});
    /// EXPLAIN QUERY PLAN of a statement, one line per plan step.
    QStringList queryPlan(const QString &sql);
    QString lastError() const;

private:
    sqlite3 *m_db = nullptr;
};

/// A prepared statement that finalizes itself.
class RawStatement
{
public:
    RawStatement(const RawDb &db, const QString &sql);
    ~RawStatement();
    RawStatement(const RawStatement &) = delete;
    RawStatement &operator=(const RawStatement &) = delete;

    bool isValid() const { return m_stmt != nullptr; }
    sqlite3_stmt *get() const { return m_stmt; }
    /// Binds UTF-8 text that outlives the step (SQLITE_STATIC).
    void bindStatic(int index, const QByteArray &utf8);
    void bindInt(int index, qint64 value);
    void bindNull(int index);
    /// Steps to the end; returns the number of rows, or -1 on error.
    int drain();
    /// One step; true while there is a row.
    bool step();
    bool done() const { return m_done; }
    void reset();

private:
    sqlite3_stmt *m_stmt = nullptr;
    bool m_done = false;
};

} // namespace strata::bench
