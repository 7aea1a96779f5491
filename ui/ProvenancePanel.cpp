// SPDX-FileCopyrightText: 2026 Strata contributors
// SPDX-License-Identifier: Apache-2.0
#include "ProvenancePanel.h"

#include "FieldEditor.h"
#include "ImportSummaryDialog.h"
#include "domain/Fields.h"
#include "workspace/Workspace.h"

#include <QHeaderView>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace strata {
namespace {

constexpr int kShortDigest = 8;
constexpr int kVisibleImports = 3;
/// Fields that name an object well enough to stand for it on its collapsed line, in order of preference.
const char *const kSummaryKeys[] = {"name", "type", "ref", "key", "url", "value"};

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QLabel *makeTitle(const QString &objectName, QWidget *parent)
{
    QLabel *label = makeLabel(objectName, parent);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

/// One line for the Value column: long or multi-line text is cut, and shown whole in the tooltip.
QString oneLine(const QString &text)
{
    QString line = text;
    line.replace(u'\n', u' ');
    return line.size() > 200 ? line.left(200) + u'…' : line;
}

QString scalarText(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Double:
        return QString::number(value.toDouble(), 'g', QLocale::FloatingPointShortest);
    case QJsonValue::Bool:
        return value.toBool() ? u"true"_s : u"false"_s;
    case QJsonValue::Null:
        return u"null"_s;
    default:
        return {};
    }
}

/// What a collapsed object or array shows: its naming fields ("website · https://…"), or the values of a list
/// of plain values; empty when neither says anything useful.
QString collapsedText(const QJsonValue &value)
{
    QStringList parts;
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (const char *key : kSummaryKeys) {
            const QJsonValue field = object.value(QLatin1String(key));
            if (field.isString() || field.isDouble())
                parts << scalarText(field);
            if (parts.size() == 2)
                break;
        }
    } else if (value.isArray()) {
        for (const QJsonValue &element : value.toArray()) {
            if (element.isObject() || element.isArray())
                return {};
            parts << scalarText(element);
        }
    }
    return oneLine(parts.join(ProvenancePanel::tr(" · ", "separator between values")));
}

} // namespace

ProvenancePanel::ProvenancePanel(Workspace *workspace, QWidget *parent)
    : QWidget(parent)
    , m_workspace(workspace)
{
    setObjectName(u"provenancePanel"_s);

    m_importsTitle = makeTitle(u"provenanceImportsTitle"_s, this);
    m_imports = new QTreeWidget(this);
    m_imports->setObjectName(u"provenanceImports"_s);
    m_imports->setAccessibleName(tr("Imports that described this record"));
    m_imports->setRootIsDecorated(false);
    m_imports->setAlternatingRowColors(true);
    m_imports->setUniformRowHeights(true);
    m_imports->setColumnCount(ImportColumnCount);
    m_imports->setHeaderLabels({tr("File"), tr("Format"), tr("SHA-256"), tr("Imported"), tr("By")});
    m_imports->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_imports->header()->setStretchLastSection(false);
    m_imports->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_imports->header()->setSectionResizeMode(FileColumn, QHeaderView::Stretch);
    m_externalIds = makeLabel(u"provenanceExternalIds"_s, this);
    m_manualFields = makeLabel(u"provenanceManualFields"_s, this);
    m_error = makeLabel(u"provenanceError"_s, this);
    FieldEditor::styleAsError(m_error);
    m_error->hide();

    m_extrasTitle = makeTitle(u"provenanceExtrasTitle"_s, this);
    m_extras = new QTreeWidget(this);
    m_extras->setObjectName(u"provenanceExtras"_s);
    m_extras->setAccessibleName(tr("Kept from imports"));
    m_extras->setColumnCount(2);
    m_extras->setHeaderLabels({tr("Key"), tr("Value")});
    m_extras->setAlternatingRowColors(true);
    m_extras->setUniformRowHeights(true);
    m_extras->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    // A modelCard is what an analyst came to read: a few lines of it at least, whatever the splitter says.
    m_extras->setMinimumHeight(m_extras->header()->sizeHint().height() + 6 * (fontMetrics().height() + 4));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_error);
    layout->addWidget(m_importsTitle);
    layout->addWidget(m_imports);
    layout->addWidget(m_externalIds);
    layout->addWidget(m_manualFields);
    layout->addSpacing(4);
    layout->addWidget(m_extrasTitle);
    layout->addWidget(m_extras, 1);
    // Takes the space only while the kept structures are hidden (the tree's stretch wins otherwise).
    layout->addStretch();

    if (m_workspace) {
        connect(m_workspace, &Workspace::recordChanged, this, [this](qint64 id) {
            if (id != 0 && id == m_recordId)
                reload();
        });
    }
    setRecord(0);
}

void ProvenancePanel::setRecord(qint64 recordId)
{
    m_recordId = recordId;
    reload();
}

void ProvenancePanel::reload()
{
    m_imports->clear();
    m_extras->clear();
    m_externalIds->clear();
    m_manualFields->clear();
    m_error->hide();
    if (m_recordId == 0 || !m_workspace) {
        m_importsTitle->clear();
        m_extrasTitle->clear();
        return;
    }
    const Result<RecordProvenance> provenance = m_workspace->provenance(m_recordId);
    const Result<QJsonObject> extras = m_workspace->extras(m_recordId);
    if (!provenance || !extras) {
        m_error->setText(!provenance ? provenance.error().message : extras.error().message);
        m_error->show();
    }
    const RecordProvenance p = provenance ? provenance.value() : RecordProvenance{};

    m_importsTitle->setText(p.imports.isEmpty()
                                ? tr("No import described this record: it was entered by hand.")
                                : tr("Described by %n import(s):", "", static_cast<int>(p.imports.size())));
    m_imports->setVisible(!p.imports.isEmpty());
    for (const ImportSource &source : p.imports) {
        auto *item = new QTreeWidgetItem(m_imports);
        item->setText(FileColumn, source.fileName);
        item->setToolTip(FileColumn, source.fileName);
        item->setText(FormatColumn, ImportSummaryDialog::formatLabel(source.format, source.specVersion));
        item->setText(DigestColumn,
                      source.sha256.size() > kShortDigest ? source.sha256.left(kShortDigest) + u'…' : source.sha256);
        item->setToolTip(DigestColumn, tr("SHA-256 of the file: %1").arg(source.sha256));
        item->setData(DigestColumn, Qt::UserRole, source.sha256);
        item->setText(TimeColumn, QLocale().toString(source.importedAt.toLocalTime(), QLocale::ShortFormat));
        item->setToolTip(TimeColumn, source.importedAt.toUTC().toString(Qt::ISODate));
        item->setText(ByColumn, source.importedBy);
    }

    m_externalIds->setVisible(!p.externalRefs.isEmpty());
    m_externalIds->setText(tr("Ids in the documents: %1").arg(p.externalRefs.join(tr(", ", "list separator"))));
    QStringList manual;
    for (const QString &key : p.manualFields)
        manual << fields::label(key);
    m_manualFields->setText(
        manual.isEmpty()
            ? tr("No field was typed by hand.")
            : tr("Typed by hand (a re-import keeps these values): %1").arg(manual.join(tr(", ", "list separator"))));

    // The list is as tall as its rows (up to a few; it scrolls beyond), so the kept structures get the rest.
    const int rows = std::clamp(static_cast<int>(p.imports.size()), 1, kVisibleImports);
    const int rowHeight =
        m_imports->topLevelItemCount() > 0 ? m_imports->sizeHintForRow(0) : m_imports->fontMetrics().height() + 4;
    m_imports->setFixedHeight(m_imports->header()->sizeHint().height() + rows * rowHeight +
                              2 * m_imports->frameWidth());

    const QJsonObject kept = extras ? extras.value() : QJsonObject{};
    m_extrasTitle->setText(kept.isEmpty() ? tr("Imports kept nothing else for this record.")
                                          : tr("Kept whole from imports (read-only):"));
    m_extras->setVisible(!kept.isEmpty());
    QTreeWidgetItem *root = m_extras->invisibleRootItem();
    for (auto it = kept.constBegin(); it != kept.constEnd(); ++it)
        addJson(root, it.key(), it.value());
    m_extras->expandToDepth(0);
}

void ProvenancePanel::addJson(QTreeWidgetItem *parent, const QString &key, const QJsonValue &value, int maxChildren)
{
    auto *item = new QTreeWidgetItem(parent);
    item->setText(0, key);
    item->setToolTip(0, key);
    if (!value.isObject() && !value.isArray()) {
        item->setText(1, oneLine(scalarText(value)));
        item->setToolTip(1, scalarText(value));
        return;
    }
    const QString collapsed = collapsedText(value);
    const int size = static_cast<int>(value.isObject() ? value.toObject().size() : value.toArray().size());
    item->setText(1, !collapsed.isEmpty() ? collapsed
                     : value.isObject()   ? tr("%n key(s)", "", size)
                                          : tr("%n item(s)", "", size));
    if (collapsed.isEmpty() && item->treeWidget())
        item->setForeground(1, item->treeWidget()->palette().placeholderText());
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        int shown = 0;
        for (auto it = object.constBegin(); it != object.constEnd() && shown < maxChildren; ++it, ++shown)
            addJson(item, it.key(), it.value(), maxChildren);
    } else {
        const QJsonArray array = value.toArray();
        for (int i = 0; i < array.size() && i < maxChildren; ++i)
            addJson(item, tr("[%1]", "position in a list").arg(i), array.at(i), maxChildren);
    }
    if (size > maxChildren) {
        auto *more = new QTreeWidgetItem(item);
        more->setText(0, tr("… %n more not shown", "", size - maxChildren));
        more->setFlags(Qt::ItemIsEnabled);
    }
}

} // namespace strata
