package org.mentor.core.indicators;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.mentor.core.protocol.ProtocolRef;

/**
 * A report as CSV in long form, one figure per row, so a spreadsheet or R can pivot it. Every row
 * names the indicator, its definition set and Mentor's definitions version, the period, the data
 * cut-off, the knownAsOf instant and the protocol versions of the counted cases (K9):
 *
 * <pre>
 * indicator,definition_set,definition_version,period,period_start,period_end,evaluated_on,known_as_of,protocols,measure,dimension,category,value
 * PMTCT_STAT,PEPFAR MER 2.6.1,1,FY2026 Q1,2025-10-01,2025-12-31,2026-01-30,2026-01-30T15:00:00Z,WHO_2021@1=10,numerator,,,9
 * PMTCT_STAT,...,denominator,,,10
 * PMTCT_STAT,...,stratum,status_at_anc1,KNOWN_POSITIVE,3
 * PMTCT_STAT,...,not_computed,,HIV_STATUS_NOT_ASCERTAINED_AT_ANC1,1
 * </pre>
 *
 * Measures: {@code numerator}, {@code denominator} (absent for counts), {@code stratum} (numerator
 * count of one category) and {@code not_computed} (units per {@link Gap}). It holds counts only,
 * never a case id.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class IndicatorCsv {
  /** The header row. */
  public static final List<String> HEADER = List.of("indicator", "definition_set", "definition_version", "period",
      "period_start", "period_end", "evaluated_on", "known_as_of", "protocols", "measure", "dimension", "category", "value");

  private IndicatorCsv() {}

  /**
   * Writes a report.
   *
   * @param report the report, not null
   * @return the CSV document, header first
   */
  public static String write(IndicatorReport report) {
    Csv csv = new Csv().row(HEADER);
    for (IndicatorResult result : report.results().values()) {
      List<String> common = List.of(result.indicator().code(), result.indicator().definitionSet().title(),
          result.definitionVersion(), result.period().label(), result.period().start().toString(),
          result.period().end().toString(), result.evaluatedOn().toString(),
          result.knownAsOf().map(Object::toString).orElse(""), protocols(result.protocols()));
      csv.row(with(common, "numerator", "", "", result.numerator()));
      result.denominator().ifPresent(d -> csv.row(with(common, "denominator", "", "", d)));
      result.strata().forEach((category, n) -> csv.row(with(common, "stratum", category.dimension().code(), category.name(), n)));
      result.notComputed().forEach((gap, n) -> csv.row(with(common, "not_computed", "", gap.name(), n)));
    }
    return csv.toString();
  }

  private static String protocols(Map<ProtocolRef, Integer> protocols) {
    return protocols.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
  }

  private static List<String> with(List<String> common, String measure, String dimension, String category, int value) {
    List<String> row = new ArrayList<>(common);
    row.add(measure);
    row.add(dimension);
    row.add(category);
    row.add(Integer.toString(value));
    return row;
  }
}
