package org.mentor.examples.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.mentor.core.indicators.IndicatorReport;
import org.mentor.core.indicators.IndicatorResult;
import org.mentor.core.indicators.Indicators;
import org.mentor.core.indicators.ReportRequest;
import org.mentor.core.indicators.ReportingPeriod;
import org.mentor.core.registry.CaseRegistry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code mentor report}: the PMTCT indicators for a period (docs/indicators.md). */
@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"The PMTCT indicators for a reporting period (docs/indicators.md): numerator, denominator, "
        + "disaggregations and what could not be computed, each case evaluated as of the data cut-off.",
        "With --known-as-of, events recorded after that instant are ignored, so a submitted report is reproduced "
            + "exactly after late entries arrive."})
final class ReportCommand implements Callable<Integer> {
  private static final Pattern QUARTER = Pattern.compile("(?:FY)?(\\d{4}) ?Q([1-4])", Pattern.CASE_INSENSITIVE);
  private static final Pattern YEAR = Pattern.compile("FY(\\d{4})", Pattern.CASE_INSENSITIVE);

  @Mixin
  EventsOptions cases;

  @Option(names = "--period", required = true, paramLabel = "PERIOD",
      description = "A PEPFAR fiscal quarter 2026Q1 or FY2026Q1 (FY2026 runs 2025-10-01 to 2026-09-30, so Q1 is "
          + "October to December 2025), a fiscal year FY2026, or dates START/END (both included).")
  String period;

  @Option(names = "--cut-off", paramLabel = "DATE", description = "The data cut-off: cases are evaluated as of this date "
      + "(default: the day of --known-as-of in the zone, else today).")
  LocalDate cutOff;

  @Option(names = "--known-as-of", paramLabel = "INSTANT",
      description = "Only events recorded at or before this instant, such as 2026-01-30T12:00:00Z.")
  Instant knownAsOf;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", description = "table (the default) or csv.")
  Format format;

  @Spec
  CommandSpec spec;

  enum Format { table, csv }

  @Override
  public Integer call() {
    ReportingPeriod reporting = period(period);
    LocalDate cut = cutOff != null ? cutOff : knownAsOf != null ? LocalDate.ofInstant(knownAsOf, cases.zone()) : cases.today();
    if (cut.isBefore(reporting.start())) {
      throw new BadUsage("--cut-off: the data cut-off " + cut + " is before the period's start " + reporting.start());
    }
    ReportRequest request = knownAsOf == null ? ReportRequest.current(reporting, cut) : ReportRequest.knownAt(reporting, cut, knownAsOf);
    IndicatorReport report;
    try (EventsOptions.Cases opened = cases.open()) {
      report = Indicators.report(opened.registry(), request);
    }
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.csv) {
      out.print(report.toCsv());
    } else {
      print(out, report);
    }
    out.flush();
    return MentorCli.OK;
  }

  static void print(PrintWriter out, IndicatorReport report) {
    ReportRequest request = report.request();
    out.printf("Indicators %s, data cut-off %s%s, definitions version %s, %d cases (%s)%n", request.period(),
        request.evaluatedOn(), request.knownAsOf().map(i -> ", known at " + i).orElse(""), report.definitionVersion(),
        report.casesEvaluated(), report.protocols().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
            .collect(Collectors.joining(", ")));
    out.println();
    Table table = new Table("INDICATOR", "FIGURE", "%", "BY CATEGORY", "NOT COMPUTED");
    for (IndicatorResult result : report.results().values()) {
      String figure = result.numerator() + result.denominator().map(d -> "/" + d).orElse("");
      String share = result.proportion().map(p -> String.format(Locale.ROOT, "%.0f%%", 100 * p)).orElse("-");
      String strata = result.strata().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      String gaps = result.notComputed().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
      table.row(result.indicator().code(), figure, share, strata.isEmpty() ? "-" : strata, gaps.isEmpty() ? "-" : gaps);
    }
    table.print(out);
  }

  /** Reads a reporting period: 2026Q1, FY2026Q1, FY2026 Q1, FY2026, or START/END. */
  static ReportingPeriod period(String text) {
    String t = text.strip();
    Matcher quarter = QUARTER.matcher(t);
    if (quarter.matches()) {
      return ReportingPeriod.fiscalQuarter(Integer.parseInt(quarter.group(1)), Integer.parseInt(quarter.group(2)));
    }
    Matcher year = YEAR.matcher(t);
    if (year.matches()) {
      return ReportingPeriod.fiscalYear(Integer.parseInt(year.group(1)));
    }
    int slash = t.indexOf('/');
    if (slash > 0) {
      try {
        LocalDate start = LocalDate.parse(t.substring(0, slash));
        LocalDate end = LocalDate.parse(t.substring(slash + 1));
        if (!end.isBefore(start)) {
          return ReportingPeriod.of(start, end);
        }
      } catch (DateTimeParseException e) {
        // falls through to the usage error
      }
    }
    throw new BadUsage("--period: '" + text + "' is not a period: give 2026Q1, FY2026Q1, FY2026 or START/END dates");
  }
}
