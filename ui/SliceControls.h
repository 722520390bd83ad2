#pragma once
// The slice view's controls: which two dimensions are displayed (x and y), a slider and spin
// box per other dimension, labelled with its dimension_names entry, plus colour map, range
// (auto with percentile clipping, or manual min/max) and which part of a complex value to show;
// string arrays, shown as a table, get only the dimension controls.

#include "ValueConverter.h"
#include "metadata/NodeMetadata.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QSlider;
class QSpinBox;

namespace zs {

class SliceControls final : public QWidget
{
    Q_OBJECT
public:
    explicit SliceControls(QWidget *parent = nullptr);

    void setArray(const ArrayMetadata &meta);

    int xDim() const { return m_xDim; }
    int yDim() const { return m_yDim; }            // -1 for a 1-D display
    std::vector<std::uint64_t> fixedIndex() const; // per array dimension
    void setFixedIndex(int dim, std::uint64_t index);
    void setDisplayedDims(int xDim, int yDim);
    QString dimensionLabel(int dim) const;

    QString colorMapName() const;
    bool autoRange() const;
    double manualMin() const;
    double manualMax() const;
    void setManualRange(double lower, double upper); // switches auto off
    void showAutoRange(double lower, double upper);  // fills min/max, so switching to manual starts there
    ComplexPart complexPart() const;

Q_SIGNALS:
    void sliceChanged();      // other elements are needed: displayed dims or a fixed index moved
    void appearanceChanged(); // same data, drawn differently

private:
    void rebuildSliders();
    void onDimsChosen();

    ArrayMetadata m_meta;
    int m_xDim = -1;
    int m_yDim = -1;
    QComboBox *m_xCombo;
    QComboBox *m_yCombo;
    QWidget *m_appearance; // colour map, range and complex part: hidden for string tables
    QComboBox *m_colorMap;
    QComboBox *m_complexPart;
    QCheckBox *m_auto;
    QDoubleSpinBox *m_min;
    QDoubleSpinBox *m_max;
    QGridLayout *m_sliderGrid;
    QWidget *m_sliderBox;
    std::vector<std::pair<QSlider *, QSpinBox *>> m_sliders; // per array dimension; null for displayed ones
};

} // namespace zs
