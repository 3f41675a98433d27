package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler;

/**
 * The simulation's charts, drawn with XChart: the cascade (bars, one series per arm), transmission
 * over infant age (cumulative, one line per arm) and the monthly load (one chart per arm), each as
 * PNG or SVG. Needs no display ({@code java.awt.headless}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Charts {
  /** The file formats. */
  public enum Format {
    PNG,
    SVG
  }

  private static final int WIDTH = 960;
  private static final int HEIGHT = 540;

  private Charts() {}

  /**
   * Writes the charts of one arm: {@code cascade}, {@code transmission} and {@code monthly-load}.
   *
   * @param result the result, not null
   * @param dir the directory, created if missing
   * @param format PNG or SVG
   * @return the files written
   */
  public static ImmutableList<Path> write(SimulationResult result, Path dir, Format format) {
    return write(ImmutableList.of(requireNonNull(result, "result")), dir, format);
  }

  /**
   * Writes the charts of two arms: one cascade and one transmission chart with both arms, and one
   * monthly-load chart per arm ({@code monthly-load-a}, {@code monthly-load-b}).
   *
   * @param comparison the comparison, not null
   * @param dir the directory, created if missing
   * @param format PNG or SVG
   * @return the files written
   */
  public static ImmutableList<Path> write(ArmComparison comparison, Path dir, Format format) {
    return write(ImmutableList.of(comparison.a(), comparison.b()), dir, format);
  }

  private static ImmutableList<Path> write(List<SimulationResult> arms, Path dir, Format format) {
    requireNonNull(dir, "dir");
    requireNonNull(format, "format");
    List<Path> written = new ArrayList<>();
    written.add(save(cascade(arms), dir.resolve("cascade"), format));
    written.add(save(transmission(arms), dir.resolve("transmission"), format));
    for (int i = 0; i < arms.size(); i++) {
      String name = arms.size() == 1 ? "monthly-load" : "monthly-load-" + (char) ('a' + i);
      written.add(save(load(arms.get(i)), dir.resolve(name), format));
    }
    return ImmutableList.copyOf(written);
  }

  /** The cascade as bars: each step's percentage, one series per arm. */
  public static CategoryChart cascade(List<SimulationResult> arms) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title("PMTCT cascade")
        .yAxisTitle("%").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setXAxisLabelRotation(30);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(100.0);
    for (SimulationResult r : arms) {
      List<String> steps = new ArrayList<>();
      List<Double> values = new ArrayList<>();
      for (Proportion p : r.cascade()) {
        steps.add(p.name());
        values.add(100 * p.estimate());
      }
      chart.addSeries(r.arm(), steps, values);
    }
    return chart;
  }

  /** Cumulative transmission by infant age in months, per exposed infant. */
  public static XYChart transmission(List<SimulationResult> arms) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Vertical transmission by infant age")
        .xAxisTitle("age (months)").yAxisTitle("% of exposed infants infected").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
    for (SimulationResult r : arms) {
      int n = r.infectionsByAgeMonth().size();
      double[] x = new double[n];
      double[] y = new double[n];
      long exposed = r.transmissionAtFinal().denominator();
      long cumulative = 0;
      for (int age = 0; age < n; age++) {
        cumulative += r.infectionsByAgeMonth().get(age);
        x[age] = age;
        y[age] = exposed == 0 ? 0 : 100.0 * cumulative / exposed;
      }
      chart.addSeries(r.arm(), x, y);
    }
    return chart;
  }

  /** The monthly load of one arm, one line per kind. */
  public static XYChart load(SimulationResult r) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title("Monthly load — " + r.arm()).xAxisTitle("months from " + r.load().firstMonth()).yAxisTitle("count").build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
    chart.getStyler().setMarkerSize(0);
    int n = r.load().months();
    double[] x = new double[n];
    for (int m = 0; m < n; m++) {
      x[m] = m;
    }
    for (LoadKind kind : LoadKind.values()) {
      double[] y = new double[n];
      for (int m = 0; m < n; m++) {
        y[m] = r.load().get(kind, m);
      }
      chart.addSeries(kind.name().toLowerCase(Locale.ROOT).replace('_', ' '), x, y);
    }
    return chart;
  }

  private static Path save(Chart<?, ?> chart, Path base, Format format) {
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
