package org.edgewise.io.imageio.charts;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.Locale;

import org.knowm.xchart.style.AxesChartStyler;

/**
 * The one look of Edgewise's chart files: white background, light grid, the colour-blind-safe Okabe–Ito palette,
 * sans-serif text sized for reading at 100 % and in a printed report.
 */
final class ChartStyle {

    /** Okabe–Ito: distinguishable with the common colour-vision deficiencies and in grey print. */
    static final Color[] PALETTE = { new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73),
        new Color(0xCC79A7), new Color(0xE69F00), new Color(0x56B4E9), new Color(0x000000), new Color(0xF0E442) };
    /** Viridis, perceptually uniform, for densities: low → high. */
    static final Color[] DENSITY = { new Color(0x440154), new Color(0x3B528B), new Color(0x21918C),
        new Color(0x5EC962), new Color(0xFDE725) };

    static final Color GRID = new Color(0xE3E3E3);
    static final Color FRAME = new Color(0xB0B0B0);
    static final Color TEXT = new Color(0x222222);
    /** Opacity of a confidence band drawn under its line. */
    static final int BAND_ALPHA = 64;
    static final float LINE_WIDTH = 1.8f;
    static final int MARKER_SIZE = 6;
    /** Space inside a notes panel around its text. */
    static final int PANEL_PADDING = 8;

    private ChartStyle() {
    }

    /** Applies the look to any axes chart (line, bar, heat map); the legend's place is each chart's. */
    static void apply(AxesChartStyler styler) {
        styler.setChartBackgroundColor(Color.WHITE);
        styler.setPlotBackgroundColor(Color.WHITE);
        styler.setChartFontColor(TEXT);
        styler.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        styler.setChartTitleBoxVisible(false);
        styler.setChartTitlePadding(10);
        styler.setChartPadding(14);
        styler.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        styler.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAxisTickLabelsColor(TEXT);
        styler.setAxisTickMarksColor(FRAME);
        styler.setAxisTitlePadding(8);
        styler.setAxisTickPadding(5);
        styler.setPlotBorderVisible(true);
        styler.setPlotBorderColor(FRAME);
        styler.setPlotGridLinesVisible(true);
        styler.setPlotGridLinesColor(GRID);
        styler.setPlotGridLinesStroke(new BasicStroke(1f));
        styler.setPlotTicksMarksVisible(false);
        styler.setPlotMargin(0);
        styler.setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setLegendBackgroundColor(new Color(255, 255, 255, 225));
        styler.setLegendBorderColor(FRAME);
        styler.setLegendPadding(8);
        styler.setAnnotationTextPanelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        styler.setAnnotationTextPanelBackgroundColor(new Color(255, 255, 255, 230));
        styler.setAnnotationTextPanelBorderColor(FRAME);
        styler.setAnnotationTextPanelFontColor(TEXT);
        styler.setAnnotationTextPanelPadding(PANEL_PADDING);
        styler.setSeriesColors(PALETTE);
        styler.setMarkerSize(MARKER_SIZE);
        styler.setToolTipsEnabled(false);
        styler.setAntiAlias(true);
        styler.setLocale(Locale.ROOT); // 0.5, never 0,5
    }

    /** @return {@code colour} with the band's opacity */
    static Color band(Color colour) {
        return new Color(colour.getRed(), colour.getGreen(), colour.getBlue(), BAND_ALPHA);
    }

    /** @return the palette colour of the {@code index}-th series */
    static Color colour(int index) {
        return PALETTE[index % PALETTE.length];
    }
}
