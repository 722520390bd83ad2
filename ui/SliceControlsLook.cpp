// The looking and navigating side of SliceControls, apart from SliceControls.cpp: the colour
// map's Reverse toggle, the scaling (linear, log, symmetric about 0), Hold range, the Home, Box
// zoom and Square pixels buttons, and a tooltip on every control. Choosing the phase of a complex
// array switches to the cyclic map (an angle of -π is one of π), and leaving it switches back.

#include "ColorMaps.h"
#include "SliceControls.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QSignalBlocker>
#include <QToolButton>
#include <algorithm>

namespace zs {

void SliceControls::addLookControls(QHBoxLayout *look)
{
    m_reverse = new QCheckBox(tr("Reverse"));
    m_reverse->setObjectName(QStringLiteral("reverse"));
    m_scaling = new QComboBox;
    m_scaling->setObjectName(QStringLiteral("scaling"));
    m_scaling->addItems(valueScalingNames());
    m_hold = new QCheckBox(tr("Hold range"));
    m_hold->setObjectName(QStringLiteral("holdRange"));
    look->addWidget(m_reverse);
    look->addWidget(m_scaling);
    connect(m_reverse, &QCheckBox::toggled, this, &SliceControls::appearanceChanged);
    connect(m_scaling, &QComboBox::currentIndexChanged, this, &SliceControls::appearanceChanged);
    connect(m_hold, &QCheckBox::toggled, this, &SliceControls::appearanceChanged);
    connect(m_auto, &QCheckBox::toggled, m_hold, &QCheckBox::setEnabled); // nothing to hold when manual
    // Connected before the part's appearanceChanged (the constructor connects that later), so the
    // redraw it triggers already has the map for the part.
    connect(m_complexPart, &QComboBox::currentIndexChanged, this, [this](int part) {
        const QSignalBlocker b(m_colorMap);
        if (ComplexPart(part) == ComplexPart::Phase) {
            m_mapBeforePhase = m_colorMap->currentText();
            m_colorMap->setCurrentIndex(m_colorMap->findText(cyclicColorMap()));
        } else if (!m_mapBeforePhase.isEmpty()) {
            // Unless the user chose another map for the phase meanwhile: that choice stays.
            if (m_colorMap->currentText() == cyclicColorMap())
                m_colorMap->setCurrentIndex(m_colorMap->findText(m_mapBeforePhase));
            m_mapBeforePhase.clear();
        }
    });
}

QWidget *SliceControls::navigationButtons()
{
    auto *box = new QWidget;
    auto *row = new QHBoxLayout(box);
    row->setContentsMargins(0, 0, 0, 0);
    m_home = new QToolButton;
    m_home->setObjectName(QStringLiteral("home"));
    m_home->setText(tr("Home"));
    m_boxZoom = new QToolButton;
    m_boxZoom->setObjectName(QStringLiteral("boxZoom"));
    m_boxZoom->setText(tr("Box zoom"));
    m_squarePixels = new QToolButton;
    m_squarePixels->setObjectName(QStringLiteral("squarePixels"));
    m_squarePixels->setText(tr("Square pixels"));
    for (QToolButton *b : {m_boxZoom, m_squarePixels}) {
        b->setCheckable(true);
        connect(b, &QToolButton::toggled, this, &SliceControls::navigationChanged);
    }
    connect(m_home, &QToolButton::clicked, this, &SliceControls::homeRequested);
    for (QToolButton *b : {m_home, m_boxZoom, m_squarePixels})
        row->addWidget(b);
    return box;
}

void SliceControls::setToolTips()
{
    m_xCombo->setToolTip(tr("The dimension drawn across (the x axis)"));
    m_yCombo->setToolTip(tr("The dimension drawn down (the y axis); the others get sliders"));
    m_colorMap->setToolTip(tr("The colours values are drawn in; missing cells have a colour of their own"));
    m_reverse->setToolTip(tr("Flip the colour map end for end"));
    m_scaling->setToolTip(tr("Linear; log (values ≤ 0 drawn as missing); or symmetric about 0, for "
                             "anomalies on a diverging map such as coolwarm"));
    m_auto->setToolTip(tr("Colour range from the 2nd to the 98th percentile of the slice shown, so a few "
                          "outliers do not wash it out; off uses min and max"));
    m_min->setToolTip(tr("The value at the low end of the colour map (with Auto off)"));
    m_max->setToolTip(tr("The value at the high end of the colour map (with Auto off)"));
    m_hold->setToolTip(tr("Keep the automatic range as it is now while stepping through slices, so "
                          "their colours compare"));
    m_complexPart->setToolTip(tr("Which part of the complex values to draw; the phase is drawn on a "
                                 "cyclic colour map"));
    m_home->setToolTip(tr("Show the whole slice again (also Home, or a double-click on the plot)"));
    m_boxZoom->setToolTip(tr("Drag a rectangle to zoom to it (or hold Ctrl while dragging)"));
    m_squarePixels->setToolTip(tr("Draw each cell as wide as it is tall"));
}

bool SliceControls::reversed() const
{
    return m_reverse->isChecked();
}

ValueScaling SliceControls::scaling() const
{
    return ValueScaling(std::max(0, m_scaling->currentIndex()));
}

void SliceControls::setScaling(ValueScaling scaling)
{
    m_scaling->setCurrentIndex(int(scaling));
}

bool SliceControls::holdRange() const
{
    return m_hold->isChecked();
}

void SliceControls::setHoldRange(bool on)
{
    m_hold->setChecked(on);
}

bool SliceControls::boxZoom() const
{
    return m_boxZoom->isChecked();
}

bool SliceControls::squarePixels() const
{
    return m_squarePixels->isChecked();
}

} // namespace zs
