package org.mentor.examples.demo;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.escape.Escaper;
import com.google.common.html.HtmlEscapers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;
import org.mentor.core.MentorId;
import org.mentor.core.indicators.IndicatorReport;
import org.mentor.core.indicators.IndicatorResult;
import org.mentor.core.registry.DueItem;
import org.mentor.core.registry.DueList;
import org.mentor.core.registry.DueText;
import org.mentor.examples.demo.ClinicSnapshot.Step;
import org.mentor.examples.demo.ClinicSnapshot.Workload;

/**
 * The demo's report: one HTML page ({@value #PAGE}) with two charts drawn by XChart beside it
 * ({@value #CASCADE_PNG}, {@value #WORKLOAD_PNG}): the clinic's stages and cascade, the monthly
 * workload, last quarter's indicators, every mentor's full due list, and what the FHIR server was
 * found to hold. A self-contained folder: open the page in any browser, no network needed.
 *
 * @param title the page's title
 * @param about lines saying what was run (the clinic, the seed, the command)
 * @param snapshot the clinic on the day
 * @param due each mentor's due list, by mentor
 * @param who how a due item names the person it is about
 * @param text how a due item's action is worded
 * @param indicators last quarter's indicators
 * @param server what the server was found to hold, if the server part ran
 */
public record DemoReport(String title, ImmutableList<String> about, ClinicSnapshot snapshot,
    ImmutableSortedMap<MentorId, DueList> due, Function<DueItem, String> who, DueText text, IndicatorReport indicators,
    Optional<ServerCheck> server) {
  /** The page's file name. */
  public static final String PAGE = "report.html";
  /** The cascade chart's file name. */
  public static final String CASCADE_PNG = "cascade.png";
  /** The workload chart's file name. */
  public static final String WORKLOAD_PNG = "workload.png";
  private static final Escaper HTML = HtmlEscapers.htmlEscaper();

  public DemoReport {
    requireNonNull(title, "title");
    about = ImmutableList.copyOf(about);
    requireNonNull(snapshot, "snapshot");
    due = ImmutableSortedMap.copyOf(due);
    requireNonNull(who, "who");
    requireNonNull(text, "text");
    requireNonNull(indicators, "indicators");
    requireNonNull(server, "server");
  }

  /**
   * Writes the page and its charts into a folder.
   *
   * @param dir the folder, created if needed
   * @return the files written, the page first
   * @throws IOException if a file cannot be written
   */
  public ImmutableList<Path> write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Path cascade = dir.resolve(CASCADE_PNG);
    Path workload = dir.resolve(WORKLOAD_PNG);
    BitmapEncoder.saveBitmap(cascadeChart(), cascade.toString(), BitmapEncoder.BitmapFormat.PNG);
    BitmapEncoder.saveBitmap(workloadChart(), workload.toString(), BitmapEncoder.BitmapFormat.PNG);
    Path page = dir.resolve(PAGE);
    Files.writeString(page, html(), StandardCharsets.UTF_8);
    return ImmutableList.of(page, cascade, workload);
  }

  /** The cascade as bars, one per step, each labelled with its count. */
  CategoryChart cascadeChart() {
    CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
        .title("Care cascade on " + snapshot.asOf()).yAxisTitle("count").build();
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setXAxisLabelRotation(35);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setYAxisMin(0.0);
    List<String> names = new ArrayList<>();
    List<Integer> counts = new ArrayList<>();
    for (Step step : snapshot.cascade()) {
      names.add(step.name());
      counts.add(step.count());
    }
    chart.addSeries("cases", names, counts);
    return chart;
  }

  /** Milestones falling due per month, stacked by what became of them. */
  CategoryChart workloadChart() {
    CategoryChart chart = new CategoryChartBuilder().width(960).height(540)
        .title("Monthly workload: milestones falling due, as of " + snapshot.asOf()).yAxisTitle("milestones").build();
    chart.getStyler().setStacked(true);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setXAxisLabelRotation(35);
    List<String> months = snapshot.workload().keySet().stream().map(YearMonth::toString).toList();
    for (Workload w : Workload.values()) {
      List<Integer> counts = snapshot.workload().values().stream().map(m -> m.get(w)).toList();
      chart.addSeries(w.label(), months, counts);
    }
    return chart;
  }

  /** The page. */
  String html() {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(e(title))
        .append("</title>\n<style>\n")
        .append("body{font-family:system-ui,sans-serif;margin:2em auto;max-width:1100px;padding:0 1em;color:#222}\n")
        .append("table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .5em;")
        .append("text-align:left;vertical-align:top;font-size:.9em}th{background:#f0f0f0}td.n{text-align:right}\n")
        .append(".synthetic{background:#fff3cd;border:1px solid #e0c060;padding:.5em 1em}img{max-width:100%}\n")
        .append(".ok{color:#1a7f37}.bad{color:#b00020;font-weight:bold}\n")
        .append("</style>\n</head>\n<body>\n<h1>").append(e(title)).append("</h1>\n")
        .append("<p class=\"synthetic\">Every person and value on this page is synthetic, made by Mentor's simulator.</p>\n");
    h.append("<ul>\n");
    about.forEach(line -> h.append("<li>").append(e(line)).append("</li>\n"));
    h.append("</ul>\n");

    h.append("<h2>Cases by stage</h2>\n<table><tr><th>Stage</th><th>Cases</th></tr>\n");
    snapshot.phases().forEach((phase, n) -> h.append("<tr><td>").append(e(phase.name().toLowerCase(Locale.ROOT).replace('_', ' ')))
        .append("</td><td class=\"n\">").append(n).append("</td></tr>\n"));
    h.append("</table>\n");

    h.append("<h2>Care cascade</h2>\n<img src=\"").append(CASCADE_PNG).append("\" alt=\"the cascade as bars\">\n");
    h.append("<table><tr><th>Step</th><th>Count</th><th>Share</th></tr>\n");
    for (Step step : snapshot.cascade()) {
      h.append("<tr><td>").append(e(step.name())).append("</td><td class=\"n\">").append(step.count()).append("</td><td>")
          .append(e(share(step))).append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Monthly workload</h2>\n<img src=\"").append(WORKLOAD_PNG)
        .append("\" alt=\"milestones falling due per month, stacked by what became of them\">\n");
    h.append("<table><tr><th>Month</th>");
    for (Workload w : Workload.values()) {
      h.append("<th>").append(e(w.label())).append("</th>");
    }
    h.append("</tr>\n");
    snapshot.workload().forEach((month, counts) -> {
      h.append("<tr><td>").append(month).append("</td>");
      for (Workload w : Workload.values()) {
        h.append("<td class=\"n\">").append(counts.get(w)).append("</td>");
      }
      h.append("</tr>\n");
    });
    h.append("</table>\n");

    h.append("<h2>Indicators, ").append(e(indicators.request().period().toString())).append("</h2>\n")
        .append("<table><tr><th>Indicator</th><th>Title</th><th>Figure</th><th>%</th><th>By category</th><th>Not computed</th></tr>\n");
    for (IndicatorResult r : indicators.results().values()) {
      h.append("<tr><td>").append(e(r.indicator().code())).append("</td><td>").append(e(r.indicator().title()))
          .append("</td><td class=\"n\">").append(r.numerator()).append(r.denominator().map(d -> "/" + d).orElse(""))
          .append("</td><td class=\"n\">").append(r.proportion().map(DemoReport::percent).orElse("-")).append("</td><td>")
          .append(e(join(r.strata()))).append("</td><td>").append(e(join(r.notComputed()))).append("</td></tr>\n");
    }
    h.append("</table>\n");

    h.append("<h2>Due lists on ").append(snapshot.asOf()).append("</h2>\n");
    due.forEach((mentor, list) -> {
      h.append("<h3>").append(e(mentor.value())).append(": ").append(list.items().size()).append(" items</h3>\n")
          .append("<table><tr><th>Tier</th><th>Who</th><th>What</th><th>Due since</th><th>Days late</th><th>Why</th></tr>\n");
      for (DueItem item : list.items()) {
        h.append("<tr><td>").append(item.tier()).append("</td><td>").append(e(who.apply(item))).append("</td><td>")
            .append(e(text.render(item))).append("</td><td>").append(item.since()).append("</td><td class=\"n\">")
            .append(item.daysLate()).append("</td><td>").append(e(item.why())).append("</td></tr>\n");
      }
      h.append("</table>\n");
    });

    server.ifPresent(check -> {
      h.append("<h2>FHIR server: what it holds</h2>\n<p class=\"").append(check.agrees() ? "ok" : "bad").append("\">")
          .append(check.agrees() ? "Verified: the server holds exactly what the mapping produced, once each, every resource labelled R and HIV."
              : "The server does not hold exactly what the mapping produced: see the rows marked.")
          .append("</p>\n<table><tr><th>Type</th><th>Mapped</th><th>On server</th><th>Read back</th><th>Duplicates</th>")
          .append("<th>Labelled R + HIV</th></tr>\n");
      for (ServerCheck.TypeCheck t : check.byType().values()) {
        h.append("<tr").append(t.agrees() ? "" : " class=\"bad\"").append("><td>").append(e(t.type())).append("</td><td class=\"n\">")
            .append(t.mapped()).append("</td><td class=\"n\">").append(t.counted()).append("</td><td class=\"n\">")
            .append(t.readBack()).append("</td><td class=\"n\">").append(t.duplicates()).append("</td><td class=\"n\">")
            .append(t.labelled()).append("</td></tr>\n");
      }
      h.append("</table>\n");
    });
    h.append("</body>\n</html>\n");
    return h.toString();
  }

  /** A step's share of the step it is drawn from: {@code 87% of mothers living with HIV}, or empty. */
  public static String share(Step step) {
    return step.share().map(s -> percent(s) + " of " + step.of().orElseThrow().name()).orElse("");
  }

  static String percent(double share) {
    return String.format(Locale.ROOT, "%.0f%%", 100 * share);
  }

  private static String join(Map<?, Integer> counts) {
    return counts.isEmpty() ? "-" : counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
  }

  private static String e(String text) {
    return HTML.escape(text);
  }
}
