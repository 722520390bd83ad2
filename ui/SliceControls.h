#pragma once
// The slice view's controls: which two dimensions are displayed (x and y), a slider and spin
// box per other dimension, labelled with its dimension_names entry, the plot's navigation (Home,
// box zoom, square pixels), plus on a row of their own colour map (reversed or not), scaling, range
// (auto with percentile clipping, held or not, or manual min/max) and which part of a complex value
// to show; string arrays, shown as a table, get only the dimension controls.

#include "AxisCoordinate.h"
#include "ValueConverter.h"
#include "ValueScaling.h"
#include "metadata/NodeMetadata.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGridLayout;
class QHBoxLayout;
class QLineEdit;
class QSlider;
class QSpinBox;
class QToolButton;

namespace zs {

// How an array's values are coloured: what SliceView remembers per array.
struct SliceAppearance
{
    QString colorMap;
    bool autoRange = true;
    double min = 0; // the manual range, used when autoRange is off
    double max = 1;
    bool reverse = false; // the colour map flipped end for end
    ValueScaling scaling = ValueScaling::Linear;
    bool hold = false; // the automatic range kept (in min/max) instead of recomputed per slice
};

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
    void setColorMapName(const QString &name); // as the user would: appearanceChanged follows
    bool autoRange() const;
    double manualMin() const;
    double manualMax() const;
    void setManualRange(double lower, double upper); // switches auto off
    void showAutoRange(double lower, double upper);  // fills min/max, so switching to manual starts there
    ComplexPart complexPart() const;
    // SliceControlsLook.cpp: the colour map reversed, the scaling, the held range, navigation.
    bool reversed() const;
    ValueScaling scaling() const;
    void setScaling(ValueScaling scaling); // as the user would: appearanceChanged follows
    // While on (with auto), min/max keep the automatic range they showed when it was turned on.
    bool holdRange() const;
    void setHoldRange(bool on);
    bool boxZoom() const;      // a left drag zooms to its rectangle instead of panning
    bool squarePixels() const; // one cell as wide as it is tall on screen (images)
    SliceAppearance appearance() const;
    // Puts `look` in the controls without emitting appearanceChanged (an unknown map keeps the current one).
    void setAppearance(const SliceAppearance &look);

    // The "Decode (CF)" toggle: shown when the conventions apply something, `on` at first.
    void setDecodeAvailable(bool available, bool on = true);
    bool decode() const; // false when unavailable
    void setDecode(bool on);
    // Each dimension's coordinate (empty ones for none): sliders show the value at their position
    // and take a value (a date for time) typed to jump to the nearest index.
    void setCoordinates(const std::vector<AxisCoordinate> &coordinates);
    // The text beside dimension `dim`'s slider (empty for a displayed dimension or none).
    QString sliderValueText(int dim) const;
    // What typing `text` into dimension `dim`'s value field does: false (and the reason in the
    // field's tooltip) when it names no position.
    bool jumpTo(int dim, const QString &text);
    // Puts `widget` at the end of the top row (before its stretch): the view's own switches.
    void addToControlRow(QWidget *widget); // SliceControlsRow.cpp

Q_SIGNALS:
    void sliceChanged();      // other elements are needed: displayed dims or a fixed index moved
    void appearanceChanged(); // same data, drawn differently
    void decodeToggled();     // same data, decoded or raw: values, axes and read-out change
    void homeRequested();     // show the whole slice again
    void navigationChanged(); // box zoom or square pixels toggled

private:
    void rebuildSliders();
    void onDimsChosen();
    void showSliderValue(int dim);
    const AxisCoordinate *coordinateOf(int dim) const; // null without one, or with decoding off
    // SliceControlsLook.cpp
    void addLookControls(QHBoxLayout *look); // reverse and scaling, beside the colour map
    QWidget *navigationButtons();            // Home, Box zoom, Square pixels
    void setToolTips();

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
    std::vector<QLineEdit *> m_sliderValues;                 // the coordinate value beside each slider
    std::vector<AxisCoordinate> m_coordinates;
    QCheckBox *m_decode;
    QCheckBox *m_reverse = nullptr;
    QComboBox *m_scaling = nullptr;
    QCheckBox *m_hold = nullptr;
    QToolButton *m_home = nullptr;
    QToolButton *m_boxZoom = nullptr;
    QToolButton *m_squarePixels = nullptr;
    QString m_mapBeforePhase; // the map to go back to when the phase (drawn in twilight) is left
};

} // namespace zs
