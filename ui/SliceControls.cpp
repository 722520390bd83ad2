#include "SliceControls.h"

#include "ColorMaps.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>

namespace zs {

SliceControls::SliceControls(QWidget *parent)
    : QWidget(parent), m_xCombo(new QComboBox), m_yCombo(new QComboBox), m_colorMap(new QComboBox),
      m_complexPart(new QComboBox), m_auto(new QCheckBox(tr("Auto (2–98 %)"))), m_min(new QDoubleSpinBox),
      m_max(new QDoubleSpinBox), m_sliderGrid(new QGridLayout), m_sliderBox(new QWidget),
      m_decode(new QCheckBox(tr("Decode (CF)")))
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    for (QComboBox *c : {m_xCombo, m_yCombo})
        c->setMinimumContentsLength(12);
    row->addWidget(new QLabel(tr("x:")));
    row->addWidget(m_xCombo);
    row->addWidget(new QLabel(tr("y:")));
    row->addWidget(m_yCombo);
    row->addSpacing(12);
    row->addWidget(navigationButtons());
    // How values are drawn, on a row of its own: nothing to set for a table of strings, which hides it.
    m_appearance = new QWidget;
    auto *look = new QHBoxLayout(m_appearance);
    look->setContentsMargins(0, 0, 0, 0);
    look->addWidget(new QLabel(tr("Colours:")));
    m_colorMap->addItems(colorMapNames());
    look->addWidget(m_colorMap);
    addLookControls(look);
    look->addWidget(m_auto);
    for (QDoubleSpinBox *s : {m_min, m_max}) {
        s->setRange(-1e300, 1e300);
        s->setDecimals(6);
        s->setKeyboardTracking(false);
        s->setEnabled(false);
        s->setMaximumWidth(130); // the ±1e300 range would otherwise size them for 300 digits
    }
    look->addWidget(new QLabel(tr("min")));
    look->addWidget(m_min);
    look->addWidget(new QLabel(tr("max")));
    look->addWidget(m_max);
    look->addWidget(m_hold);
    m_complexPart->setVisible(false);
    m_complexPart->addItems({tr("magnitude"), tr("phase"), tr("real"), tr("imaginary")});
    look->addWidget(m_complexPart);
    look->addStretch();
    m_decode->setToolTip(tr("Unpacked and masked values, coordinates and dates as the CF conventions "
                            "say; off shows the stored values and indices"));
    m_decode->setVisible(false);
    row->addWidget(m_decode);
    row->addStretch();
    m_auto->setChecked(true);

    m_sliderGrid->setContentsMargins(0, 0, 0, 0);
    m_sliderBox->setLayout(m_sliderGrid);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(row);
    layout->addWidget(m_appearance);
    layout->addWidget(m_sliderBox);

    connect(m_xCombo, &QComboBox::activated, this, &SliceControls::onDimsChosen);
    connect(m_yCombo, &QComboBox::activated, this, &SliceControls::onDimsChosen);
    connect(m_colorMap, &QComboBox::currentIndexChanged, this, &SliceControls::appearanceChanged);
    connect(m_complexPart, &QComboBox::currentIndexChanged, this, &SliceControls::appearanceChanged);
    connect(m_auto, &QCheckBox::toggled, this, [this](bool on) {
        m_min->setEnabled(!on);
        m_max->setEnabled(!on);
        Q_EMIT appearanceChanged();
    });
    connect(m_decode, &QCheckBox::toggled, this, [this] {
        for (int d = 0; d < int(m_sliderValues.size()); ++d)
            showSliderValue(d);
        Q_EMIT decodeToggled();
    });
    connect(m_min, &QDoubleSpinBox::valueChanged, this, &SliceControls::appearanceChanged);
    connect(m_max, &QDoubleSpinBox::valueChanged, this, &SliceControls::appearanceChanged);
    setToolTips();
}

QString SliceControls::dimensionLabel(int dim) const
{
    if (dim >= 0 && dim < m_meta.dimensionNames.size() && !m_meta.dimensionNames[dim].isEmpty())
        return m_meta.dimensionNames[dim];
    return QStringLiteral("dim %1").arg(dim);
}

void SliceControls::setArray(const ArrayMetadata &meta)
{
    m_meta = meta;
    const int n = int(meta.shape.size());
    m_xDim = n >= 1 ? n - 1 : -1; // like an image: the last dimension across, the one before down
    m_yDim = n >= 2 ? n - 2 : -1;
    const QSignalBlocker bx(m_xCombo), by(m_yCombo), bc(m_complexPart);
    m_xCombo->clear();
    m_yCombo->clear();
    for (int d = 0; d < n; ++d) {
        const QString label =
            QStringLiteral("%1 (%2)").arg(dimensionLabel(d)).arg(meta.shape[std::size_t(d)]);
        m_xCombo->addItem(label, d);
        m_yCombo->addItem(label, d);
    }
    // Any dimension drawn as a line, the others fixed by sliders.
    if (n >= 2) m_yCombo->addItem(tr("none (line plot)"), -1);
    m_xCombo->setCurrentIndex(m_xDim);
    m_yCombo->setCurrentIndex(m_yDim);
    m_xCombo->setEnabled(n >= 2);
    m_yCombo->setEnabled(n >= 2);
    m_complexPart->setVisible(meta.dtype.kind == DataType::Kind::Complex);
    m_appearance->setVisible(!meta.dtype.isVariableLength());
    m_home->parentWidget()->setVisible(!meta.dtype.isVariableLength()); // a table has no zoom
    m_complexPart->setCurrentIndex(0);
    m_coordinates.assign(std::size_t(n), AxisCoordinate{});
    rebuildSliders();
}

void SliceControls::setDisplayedDims(int xDim, int yDim)
{
    m_xCombo->setCurrentIndex(xDim);
    m_yCombo->setCurrentIndex(m_yCombo->findData(yDim));
    onDimsChosen();
}

void SliceControls::onDimsChosen()
{
    int x = m_xCombo->currentIndex();
    int y = m_yCombo->currentData().toInt(); // -1: a line along x
    if (x == y) {                            // the combo not just changed gives way: the pair swaps
        const int n = std::max(1, m_xCombo->count());
        if (x != m_xDim)
            y = m_xDim;
        else
            x = m_yDim >= 0 ? m_yDim : (y + 1) % n; // from a line: x takes another dimension
        if (x == y) y = (x + 1) % n;
        const QSignalBlocker bx(m_xCombo), by(m_yCombo);
        m_yCombo->setCurrentIndex(m_yCombo->findData(y));
        m_xCombo->setCurrentIndex(x);
    }
    m_xDim = x;
    m_yDim = m_meta.shape.size() >= 2 ? y : -1;
    rebuildSliders();
    Q_EMIT sliceChanged();
}

void SliceControls::rebuildSliders()
{
    const std::vector<std::uint64_t> old = fixedIndex();
    while (QLayoutItem *item = m_sliderGrid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    m_sliders.assign(m_meta.shape.size(), {nullptr, nullptr});
    m_sliderValues.assign(m_meta.shape.size(), nullptr);
    int row = 0;
    for (int d = 0; d < int(m_meta.shape.size()); ++d) {
        if (d == m_xDim || d == m_yDim) continue;
        const int maxIndex = int(
            std::min<std::uint64_t>(std::max<std::uint64_t>(m_meta.shape[std::size_t(d)], 1) - 1, INT_MAX));
        auto *slider = new QSlider(Qt::Horizontal);
        auto *spin = new QSpinBox;
        slider->setRange(0, maxIndex);
        spin->setRange(0, maxIndex);
        spin->setKeyboardTracking(false);
        const int value = std::size_t(d) < old.size()
                              ? int(std::min<std::uint64_t>(old[std::size_t(d)], std::uint64_t(maxIndex)))
                              : 0;
        slider->setValue(value);
        spin->setValue(value);
        slider->setToolTip(
            tr("The %1 index of the slice shown; drag to step through it").arg(dimensionLabel(d)));
        spin->setToolTip(tr("The %1 index of the slice shown; type one to go there").arg(dimensionLabel(d)));
        // The slider emits while dragging; the spin box follows it and is the one that triggers a read.
        connect(slider, &QSlider::valueChanged, spin, &QSpinBox::setValue);
        connect(spin, &QSpinBox::valueChanged, slider, &QSlider::setValue);
        connect(spin, &QSpinBox::valueChanged, this, [this, d] { showSliderValue(d); });
        connect(spin, &QSpinBox::valueChanged, this, &SliceControls::sliceChanged);
        // The coordinate value at the position; typing a value (a date for time) jumps there.
        auto *edit = new QLineEdit;
        edit->setObjectName(QStringLiteral("sliderValue%1").arg(d));
        edit->setMinimumWidth(150);
        connect(edit, &QLineEdit::editingFinished, this, [this, d, edit] {
            if (edit->isModified()) jumpTo(d, edit->text());
        });
        m_sliderGrid->addWidget(new QLabel(dimensionLabel(d)), row, 0);
        m_sliderGrid->addWidget(slider, row, 1);
        m_sliderGrid->addWidget(spin, row, 2);
        m_sliderGrid->addWidget(edit, row, 3);
        m_sliders[std::size_t(d)] = {slider, spin};
        m_sliderValues[std::size_t(d)] = edit;
        showSliderValue(d);
        ++row;
    }
    m_sliderBox->setVisible(row > 0);
}

std::vector<std::uint64_t> SliceControls::fixedIndex() const
{
    std::vector<std::uint64_t> out(m_meta.shape.size(), 0);
    for (std::size_t d = 0; d < m_sliders.size() && d < out.size(); ++d) {
        if (m_sliders[d].second) out[d] = std::uint64_t(m_sliders[d].second->value());
    }
    return out;
}

void SliceControls::setFixedIndex(int dim, std::uint64_t index)
{
    if (dim >= 0 && std::size_t(dim) < m_sliders.size() && m_sliders[std::size_t(dim)].second)
        m_sliders[std::size_t(dim)].second->setValue(int(index));
}

QString SliceControls::colorMapName() const
{
    return m_colorMap->currentText();
}
void SliceControls::setColorMapName(const QString &name)
{
    const int at = m_colorMap->findText(name);
    if (at >= 0) m_colorMap->setCurrentIndex(at);
}

bool SliceControls::autoRange() const
{
    return m_auto->isChecked();
}
double SliceControls::manualMin() const
{
    return m_min->value();
}
double SliceControls::manualMax() const
{
    return m_max->value();
}
ComplexPart SliceControls::complexPart() const
{
    return ComplexPart(std::max(0, m_complexPart->currentIndex()));
}

void SliceControls::setManualRange(double lower, double upper)
{
    const QSignalBlocker b1(m_min), b2(m_max), b3(m_auto);
    m_min->setValue(lower);
    m_max->setValue(upper);
    m_auto->setChecked(false);
    m_min->setEnabled(true);
    m_max->setEnabled(true);
    Q_EMIT appearanceChanged();
}

SliceAppearance SliceControls::appearance() const
{
    return SliceAppearance{m_colorMap->currentText(), m_auto->isChecked(), m_min->value(),     m_max->value(),
                           m_reverse->isChecked(),    scaling(),           m_hold->isChecked()};
}

void SliceControls::setAppearance(const SliceAppearance &look)
{
    const QSignalBlocker b0(m_colorMap), b1(m_min), b2(m_max), b3(m_auto), b4(m_reverse), b5(m_scaling),
        b6(m_hold);
    const int map = m_colorMap->findText(look.colorMap);
    if (map >= 0) m_colorMap->setCurrentIndex(map);
    m_auto->setChecked(look.autoRange);
    m_min->setValue(look.min);
    m_max->setValue(look.max);
    m_min->setEnabled(!look.autoRange);
    m_max->setEnabled(!look.autoRange);
    m_reverse->setChecked(look.reverse);
    m_scaling->setCurrentIndex(int(look.scaling));
    m_hold->setChecked(look.hold);
    m_hold->setEnabled(look.autoRange);
    m_mapBeforePhase.clear(); // setArray starts on the magnitude
}

void SliceControls::showAutoRange(double lower, double upper)
{
    if (!m_auto->isChecked()) return;
    const QSignalBlocker b1(m_min), b2(m_max);
    m_min->setValue(lower);
    m_max->setValue(upper);
}

} // namespace zs
