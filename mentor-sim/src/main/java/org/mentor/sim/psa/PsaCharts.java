package org.mentor.sim.psa;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The sensitivity analyses' charts, drawn with XChart: the tornado of the benefit-cost ratio
 * (horizontal bars from the base ratio to the ratio at each input's low and high end) and the
 * distribution of an output over the draws. Needs no display ({@code java.awt.headless}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class PsaCharts {
  /** The file formats. */
  public enum Format {
    PNG,
    SVG
  }

  private static final int WIDTH = 960;
  private static final Color LOW = new Color(0x1f, 0x77, 0xb4);
  private static final Color HIGH = new Color(0xff, 0x7f, 0x0e);

  private PsaCharts() {}

  /**
   * The tornado: the {@code top} inputs with the widest swing (inputs that do not move the output are
   * left out), widest at the top.
   *
   * @param tornado the one-way analysis, not null
   * @param top how many bars, one or more
   * @return the chart
   */
  public static XYChart tornado(Tornado tornado, int top) {
    requireNonNull(tornado, "tornado");
    checkArgument(top > 0, "top must be positive");
    List<Tornado.Bar> bars = tornado.bars().stream().filter(b -> b.swing() > 0).limit(top).toList();
    int n = bars.size();
    XYChart chart = new XYChartBuilder().width(WIDTH).height(140 + 44 * n)
        .title(String.format(Locale.ROOT, "%s: one input at a time (base %s)", capitalised(tornado.output().title()),
            PsaResult.number(tornado.base())))
        .xAxisTitle(tornado.output().title()).yAxisTitle("").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(n + 1.0);
    chart.getStyler().setYAxisTicksVisible(false);
    chart.getStyler().setPlotGridHorizontalLinesVisible(false);
    // bar i (widest first) sits at y = n − i, its input named just above it
    for (int i = 0; i < n; i++) {
      Tornado.Bar b = bars.get(i);
      double left = Math.min(tornado.base(), Math.min(b.atLow(), b.atHigh()));
      double right = Math.max(tornado.base(), Math.max(b.atLow(), b.atHigh()));
      chart.addAnnotation(new AnnotationText(b.input().name(), (left + right) / 2, n - i + 0.42, false));
    }
    boolean[] legend = {true, true};
    for (int i = 0; i < n; i++) {
      Tornado.Bar b = bars.get(i);
      double y = n - i;
      bar(chart, "input at its low end", i, tornado.base(), b.atLow(), y, LOW, legend, 0);
      bar(chart, "input at its high end", i, tornado.base(), b.atHigh(), y, HIGH, legend, 1);
    }
    XYSeries baseLine = chart.addSeries("base", new double[] {tornado.base(), tornado.base()}, new double[] {0.3, n + 0.7});
    baseLine.setMarker(SeriesMarkers.NONE);
    baseLine.setLineColor(Color.DARK_GRAY);
    baseLine.setLineStyle(SeriesLines.DASH_DASH);
    return chart;
  }

  private static void bar(XYChart chart, String name, int i, double from, double to, double y, Color color, boolean[] legend,
      int which) {
    XYSeries s = chart.addSeries(legend[which] ? name : name + " " + i, new double[] {from, to}, new double[] {y, y});
    s.setMarker(SeriesMarkers.NONE);
    s.setLineColor(color);
    s.setLineStyle(new BasicStroke(16f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
    s.setShowInLegend(legend[which]);
    legend[which] = false;
  }

  /**
   * The distribution of an output over the draws, as a histogram.
   *
   * @param result the analysis, not null
   * @param output the output, not null
   * @param bins the number of bins, one or more
   * @return the chart
   */
  public static CategoryChart distribution(PsaResult result, Output output, int bins) {
    requireNonNull(result, "result");
    requireNonNull(output, "output");
    checkArgument(bins > 0, "bins must be positive");
    List<Double> values = new ArrayList<>();
    result.draws().forEach(d -> {
      double v = d.outputs().get(output);
      if (Double.isFinite(v)) {
        values.add(v);
      }
    });
    Summary s = result.summary(output);
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(480)
        .title(String.format(Locale.ROOT, "%s over %d draws: median %s (95 %% interval %s – %s)", capitalised(output.title()),
            s.draws(),
            PsaResult.number(s.median()), PsaResult.number(s.lower()), PsaResult.number(s.upper())))
        .xAxisTitle(output.title()).yAxisTitle("draws").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisDecimalPattern("#0.0");
    chart.getStyler().setYAxisDecimalPattern("#0");
    chart.getStyler().setXAxisLabelRotation(45);
    if (values.isEmpty()) {
      chart.addSeries("draws", List.of(0.0), List.of(0));
      return chart;
    }
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
    Histogram h = new Histogram(values, bins, min, max > min ? max : min + 1);
    chart.addSeries("draws", h.getxAxisData(), h.getyAxisData());
    return chart;
  }

  /**
   * Writes a tornado (the 12 widest bars).
   *
   * @param tornado the analysis, not null
   * @param base the file's path without extension, not null
   * @param format PNG or SVG
   * @return the file written
   */
  public static Path write(Tornado tornado, Path base, Format format) {
    return save(tornado(tornado, 12), base, format);
  }

  /**
   * Writes the distribution of an output (20 bins).
   *
   * @param result the analysis, not null
   * @param output the output, not null
   * @param base the file's path without extension, not null
   * @param format PNG or SVG
   * @return the file written
   */
  public static Path write(PsaResult result, Output output, Path base, Format format) {
    return save(distribution(result, output, 20), base, format);
  }

  private static String capitalised(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static Path save(Chart<?, ?> chart, Path base, Format format) {
    requireNonNull(base, "base");
    requireNonNull(format, "format");
    try {
      Files.createDirectories(base.toAbsolutePath().getParent());
      if (format == Format.PNG) {
        BitmapEncoder.saveBitmap(chart, base.toString(), BitmapEncoder.BitmapFormat.PNG);
        return Path.of(base + ".png");
      }
      VectorGraphicsEncoder.saveVectorGraphic(chart, base.toString(), VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
      return Path.of(base + ".svg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
