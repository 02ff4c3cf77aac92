package io.github.dl4jschedules.examples.report;

import org.knowm.xchart.style.XYStyler;

import java.awt.Color;

/** The look every chart of the examples shares: white plot, light grid, one colour palette. */
public final class ChartStyle {

    /** Matplotlib's "tab10" colours: distinct from each other, also for most colour-blind readers. */
    public static final Color[] PALETTE = {
        new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private ChartStyle() {
    }

    /** White chart and plot backgrounds, a light grey grid, the palette for series without a colour. */
    public static void apply(XYStyler styler) {
        styler.setSeriesColors(PALETTE);
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setPlotGridLinesColor(new Color(225, 225, 225));
    }
}
