// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "LanguageChoice.h"
#include "MainWindow.h"
#include "MessageBoxPrompter.h"
#include "util/ProcessSignals.h"
#include "workspace/Workspace.h"
#ifdef STRATA_HAVE_TRANSLATIONS
#include "Translations.h"
#endif

#include <QApplication>
#include <QCommandLineParser>
#include <QFileOpenEvent>
#include <QIcon>
#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace {

// macOS hands a double-clicked file to the running application as a QFileOpenEvent instead of an argument.
class FileOpenHandler : public QObject
{
public:
    explicit FileOpenHandler(strata::MainWindow *window)
        : QObject(window)
        , m_window(window)
    {
    }

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() != QEvent::FileOpen)
            return QObject::eventFilter(watched, event);
        const QString file = static_cast<QFileOpenEvent *>(event)->file();
        if (strata::Database::isWorkspaceFile(file))
            m_window->openWorkspace(file, strata::Database::OpenMode::ExistingOnly);
        else
            m_window->importFiles({file});
        return true;
    }

private:
    strata::MainWindow *m_window;
};

} // namespace

int main(int argc, char *argv[])
{
    strata::ignoreFileSizeLimitSignal();
    QApplication app(argc, argv);
    // The CLI sets the same names, so both find the same default workspace under AppDataLocation.
    QCoreApplication::setOrganizationName(u"Strata"_s);
    QCoreApplication::setApplicationName(u"Strata"_s);
    QCoreApplication::setApplicationVersion(QStringLiteral(STRATA_VERSION));
    QGuiApplication::setApplicationDisplayName(u"Strata"_s);
    QGuiApplication::setDesktopFileName(u"io.github.strata.Strata"_s);
    // The installed icon theme's sizes when there is one; the embedded SVG scales to any screen otherwise.
    QApplication::setWindowIcon(
        QIcon::fromTheme(u"io.github.strata.Strata"_s, QIcon(u":/icons/io.github.strata.Strata.svg"_s)));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QApplication::translate("main", "Workbench for the security of LLM supply chains"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption workspaceOption(u"workspace"_s,
                                             QApplication::translate("main", "Open the workspace at PATH."), u"PATH"_s);
    const QCommandLineOption langOption(
        u"lang"_s, QApplication::translate("main", "Use LOCALE (for example zh_CN) instead of the system language."),
        u"LOCALE"_s);
    const QCommandLineOption demoOption(
        u"demo"_s, QApplication::translate("main", "Open a fresh demo workspace in a temporary folder."));
    parser.addOptions({workspaceOption, langOption, demoOption});
    parser.addPositionalArgument(
        u"files"_s,
        QApplication::translate("main",
                                "A workspace (.strata) to open, and BOMs, Hugging Face cards or folders of them to "
                                "import into the workspace."),
        u"[FILE...]"_s);
    parser.process(app);

#ifdef STRATA_HAVE_TRANSLATIONS
    // --lang first, then the language chosen in Preferences, then the system's.
    strata::installTranslations(app, strata::LanguageChoice::startupLocale(parser.value(langOption), QSettings()));
#endif

    strata::MessageBoxPrompter prompter;
    strata::MainWindow window(&prompter);
    window.show();
    app.installEventFilter(new FileOpenHandler(&window));
    // A workspace file given as an argument (a double-click in the file manager) is opened, not imported.
    QString workspaceFile = parser.value(workspaceOption);
    QStringList imports;
    for (const QString &argument : parser.positionalArguments()) {
        if (workspaceFile.isEmpty() && !parser.isSet(demoOption) && strata::Database::isWorkspaceFile(argument))
            workspaceFile = argument;
        else
            imports << argument;
    }
    if (parser.isSet(demoOption))
        window.openDemoWorkspace();
    else if (!workspaceFile.isEmpty())
        window.openWorkspace(workspaceFile, strata::Database::OpenMode::ExistingOnly);
    else
        window.openWorkspace(strata::Workspace::defaultPath(), strata::Database::OpenMode::CreateIfMissing);
    if (!imports.isEmpty())
        window.importFiles(imports);
    return QApplication::exec();
}
