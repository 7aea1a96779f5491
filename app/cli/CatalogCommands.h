// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#pragma once

#include "CommandLine.h"
#include "domain/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QLocale>
#include <QString>

#include <memory>

namespace strata {

class Output;
class Workspace;
struct Catalog;
struct CatalogItem;

/// The checklist catalog commands (catalog list, show, import): which requirements an assessment can use.
class CatalogCommands
{
    Q_DECLARE_TR_FUNCTIONS(strata::CatalogCommands)

public:
    CatalogCommands(const GlobalOptions &options, const Output &out);

    static QList<CommandSpec> specs();
    /// Runs one of the commands in specs(); returns the process exit code.
    int run(const QString &command, const CommandArguments &arguments);

private:
    /// The language catalog texts are shown in: --lang, else the system's.
    QLocale locale() const;

    int list();
    int show(const CommandArguments &arguments);
    int import(const CommandArguments &arguments);
    void printCatalog(const Catalog &catalog, const QList<CatalogItem> &items) const;
    void printItem(const Catalog &catalog, const CatalogItem &item) const;

    const GlobalOptions &m_options;
    const Output &m_out;
};

} // namespace strata
