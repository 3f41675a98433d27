package org.mentor.core.indicators;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.testing.CaseBuilder;

/** A registry of hand-built synthetic cases, loaded event by event as a clinic records them. */
final class Cohort {
  /** The programme's "today" for these tests; reports pass their own data cut-off. */
  static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

  final CaseRegistry registry = CaseRegistry.builder()
      .clock(Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.UTC), ZoneId.of("UTC"))).build();

  /** Enrols each case and records its events in the order the builder added them. */
  Cohort with(CaseBuilder... cases) {
    for (CaseBuilder built : cases) {
      var events = built.events();
      registry.enrol(built.caseId(), (Enrolled) events.get(0));
      for (PathwayEvent event : events.subList(1, events.size())) {
        registry.record(built.caseId(), event);
      }
    }
    return this;
  }

  IndicatorReport report(ReportRequest request) {
    return Indicators.report(registry, request);
  }
}
