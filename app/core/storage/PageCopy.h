// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "domain/Result.h"

#include <QCoreApplication>
#include <QString>

#include <memory>

struct sqlite3;
struct sqlite3_backup;

namespace strata {

class Database;

/// A page-for-page copy of an open workspace made a slice at a time on the thread that owns its connection (the only
/// connection the exclusive lock lets in), so the GUI keeps its event loop turning between slices, shows how far it
/// got and can stop it. Checking, syncing and renaming the copy then run on a worker (Backups). A damaged page is
/// copied as it is, so a check of the copy finds what a check of the workspace would.
class PageCopy
{
    Q_DECLARE_TR_FUNCTIONS(strata::PageCopy)

public:
    /// Starts copying `database` into the new file `file`, which must not exist. The database must outlive the copy.
    static Result<std::unique_ptr<PageCopy>> begin(const Database &database, const QString &file);
    /// An unfinished copy is abandoned and its file removed, so a stopped copy leaves nothing behind.
    ~PageCopy();
    PageCopy(const PageCopy &) = delete;
    PageCopy &operator=(const PageCopy &) = delete;

    /// Copies up to `pages` more pages; true once the copy is complete (its file is then closed and kept). While the
    /// connection is writing, nothing is copied and false is returned: call again later. Changes committed on the
    /// connection between slices are carried into the copy by SQLite.
    Result<bool> step(int pages);
    /// Pages copied so far, and the workspace's page count (0 before the first step).
    int pagesDone() const;
    int pageCount() const;
    QString file() const { return m_file; }
    bool isDone() const { return m_done; }

private:
    PageCopy() = default;
    void close();

    sqlite3 *m_source = nullptr;
    sqlite3 *m_copy = nullptr;
    sqlite3_backup *m_backup = nullptr;
    QString m_file;
    int m_lastCount = 0; ///< the page count the last step saw, kept after the copy is closed
    bool m_done = false;
};

} // namespace strata
