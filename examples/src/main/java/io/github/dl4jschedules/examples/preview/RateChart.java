package io.github.dl4jschedules.examples.preview;

import io.github.dl4jschedules.examples.report.ChartStyle;
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
import java.awt.font.FontRenderContext;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a {@link RateSeries} over the steps {@code 0..N-1} as a PNG line chart with XChart: one line per
 * schedule, its command-line text as the legend (shortened when long), the step on the x axis and the
 * rate on the y axis, linear or logarithmic.
 *
 * <p>The rate of step {@code n} holds for the whole step, so each line is a staircase: a horizontal
 * segment over {@code [n, n+1)} per step (runs of equal rates drawn as one), the last one ending at
 * {@code x = N}. The series must hold consecutive steps ({@link RateSeries#firstSteps}).
 */
final class RateChart {

    /** Legends longer than this are cut, keeping their start, which names the schedule. */
    static final int MAX_LEGEND = 80;

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
        ChartStyle.apply(styler);
        styler.setYAxisLogarithmic(style.logY());
        styler.setChartTitleVisible(style.title() != null);
        styler.setXAxisDecimalPattern("#");
        if (!style.logY()) {
            // XChart ignores a label function on a logarithmic axis: it would label it linearly.
            styler.setyAxisTickLabelsFormattingFunction(RateChart::rateTick);
        }
        List<String> legends = legends(series);
        for (int column = 0; column < legends.size(); column++) {
            double[][] line = staircase(series, column);
            chart.addSeries(legends.get(column), line[0], line[1]).setMarker(SeriesMarkers.NONE);
        }
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(fitsInOneRow(legends, styler, style.width()) ? LegendLayout.Horizontal : LegendLayout.Vertical);
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

    /** The corners of one schedule's staircase, {@code {x, y}}: where each run of equal rates starts, and the end. */
    private static double[][] staircase(RateSeries series, int column) {
        double[] x = new double[2 * series.rows() + 1];
        double[] y = new double[x.length];
        int corners = 0;
        for (int row = 0; row < series.rows(); row++) {
            double value = series.value(column, row);
            if (row > 0) {
                double previous = series.value(column, row - 1);
                if (value == previous) {
                    continue;
                }
                x[corners] = series.step(row);
                y[corners++] = previous;
            }
            x[corners] = series.step(row);
            y[corners++] = value;
        }
        int last = series.rows() - 1;
        x[corners] = series.step(last) + 1.0;
        y[corners++] = series.value(column, last);
        return new double[][] {Arrays.copyOf(x, corners), Arrays.copyOf(y, corners)};
    }

    /** The series names: each schedule's label, cut to {@link #MAX_LEGEND}; a repeat gets {@code #2}, {@code #3}, ... */
    private static List<String> legends(RateSeries series) {
        Set<String> used = new HashSet<>(Set.of(TICK_HINT));
        List<String> legends = new ArrayList<>();
        for (LabelledSchedule schedule : series.schedules()) {
            String label = schedule.label();
            String legend = label.length() > MAX_LEGEND ? label.substring(0, MAX_LEGEND - 3) + "..." : label;
            String unique = legend;
            for (int copy = 2; !used.add(unique); copy++) {
                unique = legend + " #" + copy;
            }
            legends.add(unique);
        }
        return legends;
    }

    /** Whether the legend entries fit side by side under the plot; if not, they are stacked. */
    private static boolean fitsInOneRow(List<String> legends, XYStyler styler, int width) {
        FontRenderContext context = new FontRenderContext(null, true, false);
        double needed = styler.getLegendPadding();
        for (String legend : legends) {
            needed += styler.getLegendSeriesLineLength() + 2.0 * styler.getLegendPadding()
                    + styler.getLegendFont().getStringBounds(legend, context).getWidth();
        }
        return needed < width - 2.0 * styler.getChartPadding();
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
}
