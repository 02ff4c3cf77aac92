package io.github.dl4jschedules.examples.report;

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

import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A PNG line chart in the style of the {@code preview} command's rate charts: white background, light
 * grid, Matplotlib's "tab10" colours in order, legend under the plot. Adds what results need: a band
 * (two thin lines in the colour of its line, e.g. the minimum and maximum over seeds), a marked point,
 * and logarithmic axes.
 *
 * <p>Points that cannot be drawn are left out: non-finite values, and values {@code <= 0} on a
 * logarithmic axis (a diverged loss, a rate of 0 at the end of a cosine).
 */
public final class LineChart {

    private static final BasicStroke LINE_STROKE = new BasicStroke(1.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke FAINT_STROKE = new BasicStroke(0.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke BAND_STROKE = new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND,
            10f, new float[] {3f, 3f}, 0f);

    static {
        // Charts are drawn off screen; without this, AWT may look for a display on some systems.
        System.setProperty("java.awt.headless", "true");
    }

    private final XYChart chart;
    private int lines;
    private int unnamed;

    /**
     * An empty chart.
     *
     * @param title  shown above the plot
     * @param xTitle x axis title
     * @param yTitle y axis title
     */
    public LineChart(String title, String xTitle, String yTitle, int width, int height) {
        chart = new XYChartBuilder().width(width).height(height).title(title)
                .xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        XYStyler styler = chart.getStyler();
        styler.setDefaultSeriesRenderStyle(XYSeriesRenderStyle.Line);
        ChartStyle.apply(styler);
        styler.setLegendPosition(LegendPosition.OutsideS);
        styler.setLegendLayout(LegendLayout.Vertical);
        styler.setMarkerSize(7);
        styler.setXAxisDecimalPattern("#.##########");
        styler.setYAxisDecimalPattern("0.##########");
        styler.setXAxisTickMarkSpacingHint(120);
    }

    /** A logarithmic x axis. */
    public LineChart logX() {
        chart.getStyler().setXAxisLogarithmic(true);
        return this;
    }

    /** A logarithmic y axis. */
    public LineChart logY() {
        chart.getStyler().setYAxisLogarithmic(true);
        return this;
    }

    /**
     * Adds a line in the next palette colour, shown in the legend.
     *
     * @return the line's colour, for its band
     */
    public Color line(String name, double[] x, double[] y) {
        Color colour = ChartStyle.PALETTE[lines++ % ChartStyle.PALETTE.length];
        add(name, x, y, colour, true).setLineStyle(LINE_STROKE);
        return colour;
    }

    /** A thin line in a colour of one's own, not in the legend (e.g. the raw values behind a smoothed line). */
    public void faint(double[] x, double[] y, Color colour) {
        add(hiddenName(), x, y, colour, false).setLineStyle(FAINT_STROKE);
    }

    /** A band around a line: its {@code low} and {@code high} edges as thin dashed lines of {@code colour}. */
    public void band(double[] x, double[] low, double[] high, Color colour) {
        Color edge = new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), 150);
        add(hiddenName(), x, low, edge, false).setLineStyle(BAND_STROKE);
        add(hiddenName(), x, high, edge, false).setLineStyle(BAND_STROKE);
    }

    /** A single marked point, shown in the legend as {@code name}. */
    public void point(String name, double x, double y, Color colour) {
        XYSeries series = chart.addSeries(name, new double[] {x}, new double[] {y});
        series.setMarker(SeriesMarkers.DIAMOND);
        series.setMarkerColor(colour);
        series.setLineColor(colour);
    }

    /** Writes the chart as PNG, atomically ({@link AtomicFiles}). */
    public void write(Path file) {
        AtomicFiles.write(file, out -> BitmapEncoder.saveBitmap(chart, out, BitmapFormat.PNG));
    }

    private XYSeries add(String name, double[] x, double[] y, Color colour, boolean legend) {
        if (x.length != y.length) {
            throw new IllegalArgumentException(name + ": " + x.length + " x values but " + y.length + " y values");
        }
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        boolean logY = chart.getStyler().isYAxisLogarithmic();
        int kept = 0;
        double[] keptX = new double[x.length];
        double[] keptY = new double[y.length];
        for (int i = 0; i < x.length; i++) {
            if (drawable(x[i], logX) && drawable(y[i], logY)) {
                keptX[kept] = x[i];
                keptY[kept] = y[i];
                kept++;
            }
        }
        if (kept == 0) {
            // XChart rejects an empty series; one invisible point keeps the legend entry.
            keptX = new double[] {logX ? 1 : 0};
            keptY = new double[] {logY ? 1 : 0};
            kept = 1;
            colour = new Color(0, 0, 0, 0);
        }
        XYSeries series = chart.addSeries(name, Arrays.copyOf(keptX, kept), Arrays.copyOf(keptY, kept));
        series.setMarker(SeriesMarkers.NONE);
        series.setLineColor(colour);
        series.setShowInLegend(legend);
        return series;
    }

    private static boolean drawable(double value, boolean logarithmic) {
        return Double.isFinite(value) && (!logarithmic || value > 0);
    }

    private String hiddenName() {
        return "\u0000hidden-" + unnamed++;
    }
}
