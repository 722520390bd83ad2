#include "ExportDialog.h"

#include "export/GroupExporter.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>
#include <cmath>

namespace zs {

ExportDialog::ExportDialog(std::shared_ptr<Store> store, QString path, bool isArray, QWidget *parent)
    : QDialog(parent), m_store(std::move(store)), m_path(std::move(path)), m_target(new QLineEdit),
      m_format(new QComboBox), m_selection(new QLineEdit), m_chunks(new QLineEdit), m_shards(new QLineEdit),
      m_codec(new QComboBox), m_resume(new QCheckBox(tr("Resume an interrupted export into this folder"))),
      m_coordinates(
          new QCheckBox(tr("Include the coordinate variables its dimensions and `coordinates` name"))),
      m_progress(new QProgressBar), m_rate(new QLabel), m_status(new QLabel),
      m_start(new QPushButton(tr("Export"))), m_cancel(new QPushButton(tr("Cancel Export"))),
      m_openResult(new QPushButton(tr("Open result"))),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close))
{
    setWindowTitle(tr("Export %1").arg(m_path.isEmpty() ? QStringLiteral("/") : m_path));
    auto *browse = new QPushButton(tr("Browse…"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Export to"), m_target->text());
        if (!dir.isEmpty()) m_target->setText(dir);
    });
    auto *targetRow = new QHBoxLayout;
    targetRow->addWidget(m_target, 1);
    targetRow->addWidget(browse);
    m_format->addItem(tr("Same as the source"), 0);
    m_format->addItem(tr("Zarr v2"), 2);
    m_format->addItem(tr("Zarr v3"), 3);
    for (ExportCodec c : {ExportCodec::Source, ExportCodec::BloscLz4, ExportCodec::BloscZstd,
                          ExportCodec::Zstd, ExportCodec::Gzip, ExportCodec::None})
        m_codec->addItem(c == ExportCodec::Source ? tr("Same as the source") : exportCodecName(c), int(c));
    m_selection->setPlaceholderText(tr("everything, or NumPy syntax: 0:100,::2,5"));
    m_chunks->setPlaceholderText(tr("the source's, or sizes: 100,100"));
    m_selection->setEnabled(isArray);
    m_chunks->setEnabled(isArray);
    m_shards->setPlaceholderText(tr("none, or shard sizes (Zarr v3): 1000,1000"));
    m_shards->setEnabled(isArray);
    // A group's export has its coordinates already; an array's needs them to be read as xarray does.
    m_coordinates->setChecked(isArray);
    m_coordinates->setEnabled(isArray);
    m_coordinates->setToolTip(tr("The export becomes a group holding the array and its coordinate "
                                 "arrays (the same selection along each dimension), attributes as they are"));

    auto *form = new QFormLayout;
    form->addRow(tr("Target folder:"), targetRow);
    form->addRow(tr("Format:"), m_format);
    form->addRow(tr("Selection:"), m_selection);
    form->addRow(tr("Chunks:"), m_chunks);
    form->addRow(tr("Shards:"), m_shards);
    form->addRow(tr("Codec:"), m_codec);
    form->addRow(QString(), m_coordinates);
    form->addRow(QString(), m_resume);
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *actions = new QHBoxLayout;
    actions->addWidget(m_start);
    actions->addWidget(m_cancel);
    actions->addWidget(m_openResult);
    actions->addStretch(1);
    actions->addWidget(m_buttons);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_progress);
    layout->addWidget(m_rate);
    layout->addWidget(m_status);
    layout->addLayout(actions);
    connect(m_start, &QPushButton::clicked, this, &ExportDialog::startExport);
    connect(m_cancel, &QPushButton::clicked, this, &ExportDialog::cancelExport);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_openResult->setEnabled(false);
    m_openResult->setToolTip(tr("Opens the exported folder once an export has finished"));
    connect(m_openResult, &QPushButton::clicked, this, [this] {
        if (m_resultUrl.isValid()) QDesktopServices::openUrl(m_resultUrl);
    });
    m_target->setText(defaultTarget());
    setRunning(false);
}

QString ExportDialog::defaultTargetName(const QString &storeLocation, const QString &path)
{
    QString location = storeLocation.trimmed();
    while (location.endsWith(u'/') || location.endsWith(u'\\'))
        location.chop(1);
    QString name;
    if (location.contains(QStringLiteral("://"))) {
        const QUrl url(location);
        name = url.path().section(u'/', -1, -1, QString::SectionSkipEmpty);
        if (name.isEmpty()) name = url.host();
    } else {
        name = QFileInfo(location).fileName();
    }
    for (const char *suffix : {".zip", ".zarr"}) {
        if (name.endsWith(QLatin1String(suffix), Qt::CaseInsensitive)) name.chop(int(qstrlen(suffix)));
    }
    if (name.isEmpty()) name = QStringLiteral("store");
    const QString node = path.isEmpty() ? QStringLiteral("root") : QString(path).replace(u'/', u'_');
    return QStringLiteral("%1-%2.zarr").arg(name, node);
}

// In the folder the last export went to, else home; a name already taken gets "-2", "-3", ...
QString ExportDialog::defaultTarget() const
{
    QString folder = QSettings().value(lastFolderKey()).toString();
    if (folder.isEmpty() || !QFileInfo(folder).isDir()) folder = QDir::homePath();
    const QString name = defaultTargetName(m_store ? m_store->location() : QString(), m_path);
    QString target = QDir(folder).filePath(name);
    for (int n = 2; QFileInfo::exists(target) && n < 100; ++n)
        target = QDir(folder).filePath(QStringLiteral("%1-%2.zarr").arg(name.chopped(5)).arg(n));
    return QDir::toNativeSeparators(target);
}

QString ExportDialog::nonEmptyTargetMessage() const
{
    const QString dir = targetDirectory();
    const QFileInfo info(dir);
    if (m_resume->isChecked() || !info.isDir() ||
        QDir(dir).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
        return {};
    return tr("The folder %1 is not empty. To finish an export that was interrupted there, tick "
              "“%2”; otherwise choose an empty or new folder.")
        .arg(QDir::toNativeSeparators(dir), m_resume->text());
}

ExportDialog::~ExportDialog() = default; // the exporter waits for a batch being written

void ExportDialog::presetChunks(const Shape &chunks)
{
    QStringList parts;
    for (auto c : chunks)
        parts << QString::number(c);
    m_chunks->setText(parts.join(u','));
}

void ExportDialog::setTargetDirectory(const QString &dir)
{
    m_target->setText(dir);
}

QString ExportDialog::targetDirectory() const
{
    return m_target->text().trimmed();
}

Result<Shape> ExportDialog::sizesOf(const QLineEdit *edit, const QString &field)
{
    const QString text = edit->isEnabled() ? edit->text().trimmed() : QString();
    if (text.isEmpty()) return Shape();
    const auto sizes = parseSizeList(text);
    if (!sizes) return makeError(tr("sizes must be positive integers separated by commas"), field);
    return *sizes;
}

Result<ExportOptions> ExportDialog::options() const
{
    ExportOptions o;
    if (targetDirectory().isEmpty()) return makeError(tr("choose a target folder"), tr("Target folder"));
    o.zarrFormat = m_format->currentData().toInt();
    o.codec = ExportCodec(m_codec->currentData().toInt());
    o.resume = m_resume->isChecked();
    o.includeCoordinates = m_coordinates->isEnabled() && m_coordinates->isChecked();
    if (m_selection->isEnabled()) o.selection = m_selection->text().trimmed();
    ZS_TRY(o.chunks, sizesOf(m_chunks, tr("Chunks")));
    ZS_TRY(o.shards, sizesOf(m_shards, tr("Shards")));
    if (!o.shards.empty() && o.zarrFormat == 2) return makeError(tr("shards need Zarr v3"), tr("Shards"));
    return o;
}

void ExportDialog::startExport()
{
    if (m_exporter) return;
    auto o = options();
    if (!o) {
        m_status->setText(o.error().toString());
        return;
    }
    if (const QString refused = nonEmptyTargetMessage(); !refused.isEmpty()) {
        m_status->setText(refused); // before the exporter's own check, which speaks the CLI's --resume
        return;
    }
    const QString folder = QFileInfo(QDir::cleanPath(targetDirectory())).absolutePath();
    QSettings().setValue(lastFolderKey(), folder);
    m_resultUrl.clear();
    m_openResult->setEnabled(false);
    m_exporter = std::make_unique<GroupExporter>(m_store, m_path, targetDirectory(), *o);
    connect(m_exporter.get(), &GroupExporter::progress, this, &ExportDialog::onProgress);
    connect(m_exporter.get(), &GroupExporter::notesAvailable, this,
            [this](const QStringList &notes) { m_status->setText(notes.join(u'\n')); });
    connect(m_exporter.get(), &GroupExporter::finished, this, [this] { onEnded({}); });
    connect(m_exporter.get(), &GroupExporter::failed, this,
            [this](const Error &e) { onEnded(e.toString()); });
    m_status->clear();
    m_rate->clear();
    m_progress->setRange(0, 0); // busy until the plan is known
    m_clock.start();
    setRunning(true);
    m_exporter->start();
}

void ExportDialog::cancelExport()
{
    if (m_exporter) m_exporter->cancel();
}

QString ExportDialog::rateText(quint64 done, quint64 total, quint64 bytes, double seconds)
{
    const double rate = seconds > 0 ? bytes / seconds : 0;
    QString left = QStringLiteral("–");
    if (done > 0 && done < total) {
        const qint64 s = std::llround(seconds * double(total - done) / double(done));
        left = QStringLiteral("%1:%2").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    } else if (done == total) {
        left = QStringLiteral("0:00");
    }
    return tr("%1 of %2 chunks, %3 MB/s, %4 left").arg(done).arg(total).arg(rate / 1e6, 0, 'f', 1).arg(left);
}

void ExportDialog::onProgress(quint64 done, quint64 total, quint64 bytes)
{
    // QProgressBar counts in int: scale large totals down.
    const quint64 scale = std::max<quint64>(1, total / 1000000 + 1);
    m_progress->setRange(0, int(std::max<quint64>(1, total / scale)));
    m_progress->setValue(int(done / scale));
    m_rate->setText(rateText(done, total, bytes, m_clock.nsecsElapsed() / 1e9));
}

void ExportDialog::onEnded(const QString &failure)
{
    const ExportStats s = m_exporter->stats();
    m_exporter.release()->deleteLater(); // inside its own signal
    setRunning(false);
    if (failure.isEmpty()) {
        m_progress->setRange(0, 1);
        m_progress->setValue(1);
        m_status->setText(tr("Done: %1 chunks written, %2 all-fill chunks skipped, %3 already there.")
                              .arg(s.chunksWritten)
                              .arg(s.chunksFill)
                              .arg(s.chunksExisting));
        m_resultUrl = QUrl::fromLocalFile(QFileInfo(targetDirectory()).absoluteFilePath());
        m_openResult->setEnabled(true);
        m_openResult->setToolTip(tr("Open %1").arg(QDir::toNativeSeparators(m_resultUrl.toLocalFile())));
        Q_EMIT exportFinished();
    } else {
        if (m_progress->maximum() == 0) m_progress->setRange(0, 1);
        m_status->setText(tr("Export stopped: %1").arg(failure));
        if (failure.contains(u"cancelled"))
            m_resume->setChecked(true); // the next Export finishes what is there
        Q_EMIT exportFailed(failure);
    }
}

void ExportDialog::setRunning(bool running)
{
    m_start->setEnabled(!running);
    m_cancel->setEnabled(running);
    for (QWidget *w : {static_cast<QWidget *>(m_target), static_cast<QWidget *>(m_format),
                       static_cast<QWidget *>(m_codec), static_cast<QWidget *>(m_resume)})
        w->setEnabled(!running);
    m_coordinates->setEnabled(!running && m_selection->isEnabled()); // arrays only
}

} // namespace zs
