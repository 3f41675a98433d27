package org.mentor.core.indicators;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import org.apiguardian.api.API;
import org.mentor.core.protocol.ProtocolRef;

/**
 * Every requested indicator computed for one request: what was asked (period, data cut-off,
 * knownAsOf), the definitions version, how many cases were evaluated under which protocol
 * versions, and the results (K9).
 *
 * <p>Immutable and thread-safe.
 *
 * @param request what was computed, not null
 * @param definitionVersion the version of Mentor's computation rules, not null
 * @param casesEvaluated how many cases were enrolled as known and evaluated
 * @param protocols cases evaluated per protocol version, by protocol, not null
 * @param results the results, in indicator order, not null
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record IndicatorReport(
    ReportRequest request,
    String definitionVersion,
    int casesEvaluated,
    ImmutableMap<ProtocolRef, Integer> protocols,
    ImmutableMap<Indicator, IndicatorResult> results) {
  public IndicatorReport {
    requireNonNull(request, "request");
    requireNonNull(definitionVersion, "definitionVersion");
    protocols = ImmutableMap.copyOf(requireNonNull(protocols, "protocols"));
    results = ImmutableMap.copyOf(requireNonNull(results, "results"));
    checkArgument(casesEvaluated >= 0, "casesEvaluated is zero or more");
  }

  /**
   * One indicator's result.
   *
   * @param indicator the indicator, not null
   * @return the result
   * @throws IllegalArgumentException if the report did not compute it
   */
  public IndicatorResult result(Indicator indicator) {
    IndicatorResult result = results.get(requireNonNull(indicator, "indicator"));
    checkArgument(result != null, "the report did not compute %s", indicator);
    return result;
  }

  /** The report as CSV ({@link IndicatorCsv}): one row per figure, in long form. */
  public String toCsv() {
    return IndicatorCsv.write(this);
  }
}
