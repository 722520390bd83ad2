// The coordinate side of SliceControls, apart from SliceControls.cpp: the "Decode (CF)" toggle
// and each slider's coordinate value, which also takes a value (a date) typed to jump to.

#include "SliceControls.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QSignalBlocker>

namespace zs {

void SliceControls::setDecodeAvailable(bool available, bool on)
{
    const QSignalBlocker b(m_decode);
    m_decode->setVisible(available);
    m_decode->setChecked(available && on);
}

bool SliceControls::decode() const
{
    return !m_decode->isHidden() && m_decode->isChecked();
}

void SliceControls::setDecode(bool on)
{
    m_decode->setChecked(on);
}

void SliceControls::setCoordinates(const std::vector<AxisCoordinate> &coordinates)
{
    m_coordinates = coordinates;
    m_coordinates.resize(m_meta.shape.size());
    for (int d = 0; d < int(m_sliderValues.size()); ++d)
        showSliderValue(d);
}

const AxisCoordinate *SliceControls::coordinateOf(int dim) const
{
    if (!decode() || dim < 0 || std::size_t(dim) >= m_coordinates.size()) return nullptr;
    const AxisCoordinate &c = m_coordinates[std::size_t(dim)];
    return c.present() ? &c : nullptr;
}

void SliceControls::showSliderValue(int dim)
{
    if (dim < 0 || std::size_t(dim) >= m_sliderValues.size() || !m_sliderValues[std::size_t(dim)]) return;
    QLineEdit *edit = m_sliderValues[std::size_t(dim)];
    const AxisCoordinate *c = coordinateOf(dim);
    edit->setVisible(c != nullptr);
    edit->setText(c ? coordinateTextAt(*c, fixedIndex()[std::size_t(dim)]) : QString());
    edit->setToolTip(c && c->time ? tr("Type a date (2002-06-03 or 2002-06-03T12:00) to jump to it")
                                  : tr("Type a value to jump to the nearest position"));
    edit->setModified(false);
}

QString SliceControls::sliderValueText(int dim) const
{
    if (dim < 0 || std::size_t(dim) >= m_sliderValues.size() || !m_sliderValues[std::size_t(dim)]) return {};
    return m_sliderValues[std::size_t(dim)]->text();
}

bool SliceControls::jumpTo(int dim, const QString &text)
{
    const AxisCoordinate *c = coordinateOf(dim);
    if (!c || !m_sliderValues[std::size_t(dim)]) return false;
    auto index = indexForText(*c, text);
    if (!index) {
        m_sliderValues[std::size_t(dim)]->setToolTip(index.error().toString());
        m_sliderValues[std::size_t(dim)]->setStyleSheet(QStringLiteral("color: #a00"));
        return false;
    }
    m_sliderValues[std::size_t(dim)]->setStyleSheet({});
    setFixedIndex(dim, *index);
    showSliderValue(dim); // the value actually there, when the typed one fell between
    return true;
}

} // namespace zs
