package io.github.dl4jschedules.examples.preview;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.XYSeries.XYSeriesRenderStyle;
import org.knowm.xchart.style.Styler.LegendLayout;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.markers.SeriesMarkers;

import java.awt.Color;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Draws a {@link RateSeries} over the steps {@code 0..N-1} as a PNG line chart with XChart: one line per
 * schedule, its command-line text as the legend (shortened when long), the step on the x axis and the
 * rate on the y axis, linear or logarithmic.
 *
 * <p>The rate of step {@code n} holds for the whole step, so each line is a staircase: a horizontal
 * segment over {@code [n, n+1)} per step, the last one ending at {@code x = N}. The series must
 * hold consecutive steps ({@link RateSeries#firstSteps}).
 */
final class RateChart {

    /** Legends longer than this are cut, keeping their start, which names the schedule. */
    static final int MAX_LEGEND = 60;

    private static final String TICK_HINT = "\u0000tick-hint";

    private static final MathContext TICK_PRECISION = new MathContext(6);

    /**
     * How a chart looks.
     *
     * @param width  pixels
     * @param height pixels
     * @param title  shown above the plot, or {@code null} for none
     * @param logY   a logarithmic rate axis; every rate must then be > 0
     */
    record Style(int width, int height, String title, boolean logY) {
    }

    static {
        // Charts are drawn off screen; without this, AWT may look for a display on some systems.
        System.setProperty("java.awt.headless", "true");
    }

    private RateChart() {
    }

    /**
     * Writes the chart to {@code file} as PNG.
     *
     * @throws IllegalArgumentException with {@code logY}, when a rate is not > 0
     */
    static void write(RateSeries series, Style style, Path file) {
        if (style.logY()) {
            requirePositive(series);
        }
        XYChart chart = new XYChartBuilder().width(style.width()).height(style.height())
                .title(style.title() == null ? "" : style.title())
                .xAxisTitle(xAxisTitle(series.axis())).yAxisTitle("learning rate").build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        styler.setYAxisLogarithmic(style.logY());
        styler.setChartTitleVisible(style.title() != null);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Horizontal);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
        if (!style.logY()) {
            // XChart ignores a label function on a logarithmic axis: it would label it linearly.
            styler.setyAxisTickLabelsFormattingFunction(RateChart::rateTick);
        }
        double[] x = new double[2 * series.rows()];
        for (int row = 0; row < series.rows(); row++) {
            x[2 * row] = series.step(row);
            x[2 * row + 1] = series.step(row) + 1.0;
        }
        Set<String> legends = new HashSet<>(Set.of(TICK_HINT));
        for (int column = 0; column < series.schedules().size(); column++) {
            double[] y = new double[2 * series.rows()];
            for (int row = 0; row < series.rows(); row++) {
                y[2 * row] = series.value(column, row);
                y[2 * row + 1] = series.value(column, row);
            }
            chart.addSeries(uniqueLegend(series.schedules().get(column).label(), legends), x, y)
                    .setMarker(SeriesMarkers.NONE);
        }
        // XChart labels equally spaced x values at every k-th value (0, 6, 12, ...); one invisible
        // point off the grid makes it choose round ticks (0, 10, 20, ...) instead.
        XYSeries tickHint = chart.addSeries(TICK_HINT, new double[] {0.5}, new double[] {series.value(0, 0)});
        tickHint.setShowInLegend(false);
        tickHint.setMarker(SeriesMarkers.NONE);
        tickHint.setLineColor(new Color(0, 0, 0, 0));
        OutputFile.write("--chart", file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
    }

    private static void requirePositive(RateSeries series) {
        for (int column = 0; column < series.schedules().size(); column++) {
            for (int row = 0; row < series.rows(); row++) {
                if (!(series.value(column, row) > 0)) {
                    throw new IllegalArgumentException("--log-y needs rates > 0, but " + series.schedules().get(column).label()
                            + " is " + series.value(column, row) + " at " + series.axis().stepName() + " " + series.step(row));
                }
            }
        }
    }

    /** A rate axis label: six significant digits at most, an exponent below 0.0001 ({@code 1E-5}). */
    static String rateTick(double value) {
        BigDecimal rounded = new BigDecimal(value).round(TICK_PRECISION).stripTrailingZeros();
        return value != 0 && Math.abs(value) < 1e-4 ? rounded.toString() : rounded.toPlainString();
    }

    private static String xAxisTitle(StepAxis axis) {
        return axis.iterationsPerEpoch() > 1
                ? axis.stepName() + " (" + axis.iterationsPerEpoch() + " per epoch)"
                : axis.stepName();
    }

    /** XChart needs distinct series names: a repeated legend gets {@code #2}, {@code #3}, ... */
    private static String uniqueLegend(String label, Set<String> used) {
        String legend = label.length() > MAX_LEGEND ? label.substring(0, MAX_LEGEND - 3) + "..." : label;
        String unique = legend;
        for (int copy = 2; !used.add(unique); copy++) {
            unique = legend + " #" + copy;
        }
        return unique;
    }
}
