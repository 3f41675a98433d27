package org.mentor.core.indicators;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableMap;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Facts;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;

/**
 * Computes PMTCT indicators from a {@link CaseRegistry}: every case is read as known at the
 * request's instant ({@link CaseFile#knownAsOf}) and evaluated as of the data cut-off with the
 * registry's own evaluation ({@link CaseRegistry#state}), the same one the due list uses, so an
 * indicator never disagrees with what a mentor sees.
 *
 * <pre>{@code
 * ReportingPeriod q1 = ReportingPeriod.fiscalQuarter(2026, 1);
 * IndicatorReport submitted = Indicators.report(registry,
 *     ReportRequest.knownAt(q1, LocalDate.of(2026, 1, 30), Instant.parse("2026-01-30T15:00:00Z")));
 * submitted.result(Indicator.PMTCT_STAT).numerator();
 * IndicatorReport now = Indicators.report(registry, ReportRequest.current(q1, LocalDate.of(2026, 1, 30)));
 * ReportDiff moved = Indicators.diff(registry, submitted, now);   // which cases moved, and why
 * }</pre>
 *
 * <p>Thread-safe: the registry may be written to while a report runs. A report with
 * {@code knownAsOf} is a consistent cut (events recorded later are ignored); a current report
 * reads each case as it stands when reached, so give it an instant when writers are active.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class Indicators {
  /**
   * The version of Mentor's computation rules (docs/indicators.md). A change to what any indicator
   * counts is a new version, so a reproduced report names the rules it was computed with.
   */
  public static final String DEFINITION_VERSION = "1";

  private Indicators() {}

  /**
   * Computes every indicator.
   *
   * @param registry the registry, not null
   * @param request the period, data cut-off and knownAsOf, not null
   * @return the report
   */
  public static IndicatorReport report(CaseRegistry registry, ReportRequest request) {
    return report(registry, request, EnumSet.allOf(Indicator.class));
  }

  /**
   * Computes some indicators.
   *
   * @param registry the registry, not null
   * @param request the period, data cut-off and knownAsOf, not null
   * @param indicators which indicators, not null
   * @return the report
   */
  public static IndicatorReport report(CaseRegistry registry, ReportRequest request, Set<Indicator> indicators) {
    requireNonNull(registry, "registry");
    requireNonNull(request, "request");
    requireNonNull(indicators, "indicators");
    Instant knownAsOf = request.knownAsOf().orElse(null);
    Map<Indicator, List<Contribution>> byIndicator = new EnumMap<>(Indicator.class);
    indicators.forEach(i -> byIndicator.put(i, new ArrayList<>()));
    Map<ProtocolRef, Integer> protocols = new TreeMap<>(Comparator.comparing(ProtocolRef::toString));
    ReportingPeriod birthCohort = Rules.birthCohort(request.period());
    int evaluated = 0;
    List<CaseId> ids = new ArrayList<>(registry.caseIds());
    ids.sort(Comparator.naturalOrder());
    for (CaseId caseId : ids) {
      CaseSnapshot snapshot = snapshot(registry, caseId, request, knownAsOf);
      if (snapshot == null) {
        continue;
      }
      evaluated++;
      protocols.merge(snapshot.protocol(), 1, Integer::sum);
      for (Map.Entry<Indicator, List<Contribution>> entry : byIndicator.entrySet()) {
        entry.getValue().addAll(Rules.contributions(entry.getKey(), snapshot, request.period(), birthCohort));
      }
    }
    ImmutableMap.Builder<Indicator, IndicatorResult> results = ImmutableMap.builder();
    byIndicator.forEach((indicator, contributions) -> results.put(indicator, IndicatorResult.of(indicator, request, contributions)));
    return new IndicatorReport(request, DEFINITION_VERSION, evaluated, ImmutableMap.copyOf(protocols), results.build());
  }

  /**
   * Explains how two reports of the same period differ: which units moved, and the events
   * recorded between the two reports' instants that moved them.
   *
   * @param registry the registry both were computed from, not null
   * @param before the earlier report (such as the one submitted), not null
   * @param after the later report (such as the current figure), not null
   * @return the differences
   * @throws IllegalArgumentException if the reports are of different periods
   */
  public static ReportDiff diff(CaseRegistry registry, IndicatorReport before, IndicatorReport after) {
    return ReportDiff.between(registry, before, after);
  }

  /** The case as the rules read it, or null if it was not enrolled as known at the instant, or by the cut-off. */
  private static @Nullable CaseSnapshot snapshot(CaseRegistry registry, CaseId caseId, ReportRequest request,
      @Nullable Instant knownAsOf) {
    CaseFile file = registry.file(caseId);
    CaseFile known = knownAsOf == null ? file : file.knownAsOf(knownAsOf);
    if (known.facts().enrolment().isEmpty() || known.facts().enrolment().get().occurredOn().isAfter(request.evaluatedOn())) {
      return null;
    }
    Facts facts = registry.facts(caseId, knownAsOf);
    return new CaseSnapshot(registry, caseId, facts, request.evaluatedOn(), knownAsOf);
  }
}
