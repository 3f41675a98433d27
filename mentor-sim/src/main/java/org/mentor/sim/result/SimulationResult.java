package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * What a simulated cohort gives: the cascade, transmission at 6 weeks and at final status with exact
 * 95 % intervals, transmission by age, milestone completion, the monthly operational load and the
 * engine's final outcomes, with the run's counts.
 *
 * @param arm the scenario's name
 * @param protocol the protocol id and version the engine applied
 * @param seed the seed
 * @param pairs the pairs simulated
 * @param parameterTable the parameter table version ({@code Parameters.TABLE_VERSION})
 * @param cascade the cascade steps, in order
 * @param transmissionAt6Weeks exposed infants infected by 6 weeks
 * @param transmissionAtFinal exposed infants infected by the end of breastfeeding (or follow-up)
 * @param infectionsByAgeMonth infections among exposed infants by age in months (last entry: that age or more)
 * @param milestones each milestone's completion, by rule id
 * @param load the monthly load
 * @param finalOutcomes exposed infants by the engine's final outcome at the end of the walk
 * @param dataQualityIssues the engine's data-quality issues (soft rules) on the simulated cases at the end of
 *     their walks, by rule id: a check that the simulator records plausible histories
 * @param indicators the core's indicators ({@code org.mentor.core.indicators}) on the simulated cases, per
 *     fiscal year the cohort spans and for the whole cohort, each period evaluated as of its last day
 * @param events events recorded through the registry
 * @param views case views asked of the engine
 * @param resources what the arm used that costs money ({@code org.mentor.sim.economics} prices it)
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record SimulationResult(String arm, String protocol, long seed, int pairs, String parameterTable,
    ImmutableList<Proportion> cascade, Proportion transmissionAt6Weeks, Proportion transmissionAtFinal,
    ImmutableList<Long> infectionsByAgeMonth, ImmutableList<MilestoneCompletion> milestones, MonthlyLoad load,
    ImmutableMap<String, Long> finalOutcomes, ImmutableMap<String, Long> dataQualityIssues, ImmutableList<IndicatorValue> indicators, long events, long views,
    ResourceUse resources) {
  public SimulationResult {
    requireNonNull(arm, "arm");
    requireNonNull(protocol, "protocol");
    requireNonNull(parameterTable, "parameterTable");
    cascade = ImmutableList.copyOf(cascade);
    requireNonNull(transmissionAt6Weeks, "transmissionAt6Weeks");
    requireNonNull(transmissionAtFinal, "transmissionAtFinal");
    infectionsByAgeMonth = ImmutableList.copyOf(infectionsByAgeMonth);
    milestones = ImmutableList.copyOf(milestones);
    requireNonNull(load, "load");
    finalOutcomes = ImmutableMap.copyOf(finalOutcomes);
    dataQualityIssues = ImmutableMap.copyOf(dataQualityIssues);
    indicators = ImmutableList.copyOf(indicators);
    requireNonNull(resources, "resources");
  }

  /** A cascade step by name. */
  public Proportion step(String name) {
    return cascade.stream().filter(p -> p.name().equals(name)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cascade step " + name));
  }

  /**
   * An indicator's value for a period.
   *
   * @param period the period's label, such as {@code FY2026} or {@code whole cohort}
   * @param code the indicator's code, such as {@code PMTCT_EID}
   * @return the value
   */
  public IndicatorValue indicator(String period, String code) {
    return indicators.stream().filter(i -> i.period().equals(period) && i.code().equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no indicator " + code + " for " + period));
  }

  /** A milestone's completion by rule id. */
  public MilestoneCompletion milestone(String ruleId) {
    return milestones.stream().filter(m -> m.ruleId().equals(ruleId)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no milestone " + ruleId));
  }

  /** The cascade and transmission as a plain-text table. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%s — %s, %,d pairs, seed %d, %s%n", arm, protocol, pairs, seed, parameterTable));
    for (Proportion p : cascade) {
      out.append(line(p));
    }
    out.append(line(transmissionAt6Weeks)).append(line(transmissionAtFinal));
    return out.toString();
  }

  private static String line(Proportion p) {
    return String.format(Locale.ROOT, "  %-42s %9d / %-9d %7.2f%%  (95%% CI %.2f–%.2f%%)%n", p.name(), p.numerator(),
        p.denominator(), 100 * p.estimate(), 100 * p.lower(), 100 * p.upper());
  }

  /**
   * Writes the aggregate tables as CSV files into a directory: {@code cascade.csv},
   * {@code milestones.csv}, {@code monthly-load.csv}, {@code infections-by-age.csv},
   * {@code final-outcomes.csv}, {@code indicators.csv}, {@code resource-use.csv}.
   *
   * @param dir the directory, created if missing
   */
  public void writeCsv(Path dir) {
    AggregateCsv.write(dir, ImmutableList.of(this), ImmutableList.of());
  }

  static void writeFile(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        w.write(text);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
