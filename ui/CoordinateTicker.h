#pragma once
// Axis ticks in a coordinate's values for an axis that stays in array index space (the view reads,
// zooms and reads out by index). A regularly spaced coordinate gets round coordinate values placed
// where they fall between the cells, so the image sits exactly on its coordinates (cell edges at
// half steps); an irregular or time coordinate labels whole index positions with their values
// (dates for time).

#include "AxisCoordinate.h"
#include "QCustomPlotInclude.h"

namespace zs {

class CoordinateTicker final : public QCPAxisTicker
{
public:
    explicit CoordinateTicker(AxisCoordinate coordinate);

    const AxisCoordinate &coordinate() const { return m_coordinate; }
    bool isRegular() const { return m_regular.has_value(); }

    void generate(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                  QVector<double> &ticks, QVector<double> *subTicks, QVector<QString> *tickLabels) override;

private:
    void generateRegular(const QCPRange &range, const QLocale &locale, QChar formatChar, int precision,
                         QVector<double> &ticks, QVector<QString> *tickLabels);
    void generateAtIndices(const QCPRange &range, QVector<double> &ticks, QVector<QString> *tickLabels);

    AxisCoordinate m_coordinate;
    std::optional<RegularSpacing> m_regular; // not for time: dates label whole cells
};

} // namespace zs
