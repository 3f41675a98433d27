package org.mentor.examples.cli;

import static java.time.LocalDate.of;
import static org.mentor.core.testing.CaseBuilder.aCase;

import com.google.common.collect.ImmutableList;
import java.io.StringWriter;
import java.time.Instant;
import org.mentor.core.json.CaseEvent;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.testing.CaseBuilder;

/**
 * The CLI's synthetic clinic: six cases built from {@link CaseBuilder} scenarios, written as the
 * NDJSON case-event file the CLI reads. {@code mentor-examples/samples/clinic.ndjson} is this
 * fixture (CliSampleTest keeps it so); docs/cli.md runs against it. Every value is synthetic.
 */
final class CliFixture {
  /** The due list's day in the docs and tests: after the late entries of 2026-02-10. */
  static final String AS_OF = "2026-02-16";
  /** When case-106's ANC1 test and ART start were entered, late. */
  static final Instant LATE_ENTRY = Instant.parse("2026-02-10T07:00:00Z");

  private CliFixture() {}

  /** The cases, in the order their events were recorded. */
  static ImmutableList<CaseEvent> events() {
    ImmutableList.Builder<CaseEvent> all = ImmutableList.builder();
    // case-101 (mm-1): suppressed, delivered 2025-10-10, breastfed, NVP; the infant's 6-week NAT never done.
    add(all, aCase("case-101").lmp(of(2025, 1, 6)).enrolledAtAnc(of(2025, 4, 28)).startedArt(of(2025, 4, 28))
        .mentor(of(2025, 4, 28), "mm-1").viralLoad(of(2025, 7, 28), of(2025, 8, 4), ViralLoad.copies(45))
        .delivered(of(2025, 10, 10)).breastfed().prophylaxisStarted(of(2025, 10, 10)));
    // case-102 (mm-1): kept 2025-09-22, her refill of 2025-10-20 missed; not seen since. Agreed to phone calls.
    add(all, aCase("case-102").lmp(of(2024, 12, 1)).enrolledAtAnc(of(2025, 3, 3)).startedArt(of(2025, 3, 3))
        .mentor(of(2025, 3, 3), "mm-1").consent(of(2025, 3, 3), false, true, false)
        .viralLoad(of(2025, 6, 2), of(2025, 6, 9), ViralLoad.copies(30))
        .kept(of(2025, 9, 22), of(2025, 9, 22)).appointment(of(2025, 9, 22), of(2025, 10, 20)));
    // case-103 (mm-2): viral load 2 400 sampled 2025-12-01, returned 2025-12-08.
    add(all, aCase("case-103").lmp(of(2025, 5, 5)).enrolledAtAnc(of(2025, 7, 14)).startedArt(of(2025, 7, 14))
        .mentor(of(2025, 7, 14), "mm-2").viralLoad(of(2025, 12, 1), of(2025, 12, 8), ViralLoad.copies(2_400)));
    // case-104: ANC1 in FY2026 Q1, tested positive there, ART the same day; no mentor yet.
    add(all, aCase("case-104").lmp(of(2025, 7, 21)).enrolledAtAnc(of(2025, 10, 14), HivStatus.UNKNOWN)
        .hivTest(of(2025, 10, 14), HivTestResult.POSITIVE).startedArt(of(2025, 10, 14)));
    // case-105: ANC1 in FY2026 Q1, tested negative.
    add(all, aCase("case-105").lmp(of(2025, 8, 11)).enrolledAtAnc(of(2025, 11, 5), HivStatus.UNKNOWN)
        .hivTest(of(2025, 11, 5), HivTestResult.NEGATIVE));
    // case-106: ANC1 2025-11-19 in FY2026 Q1; her positive test and ART start were entered late, on 2026-02-10.
    CaseBuilder late = aCase("case-106").lmp(of(2025, 8, 25)).enrolledAtAnc(of(2025, 11, 19), HivStatus.UNKNOWN);
    late.recordedAt(LATE_ENTRY).hivTest(of(2025, 11, 19), HivTestResult.POSITIVE).startedArt(of(2025, 11, 19));
    add(all, late);
    return all.build();
  }

  /** The fixture as the CLI's file: one case event per line. */
  static String ndjson() {
    StringWriter out = new StringWriter();
    EventJson.standard().writeCaseEventNdjson(events(), out);
    return out.toString();
  }

  private static void add(ImmutableList.Builder<CaseEvent> all, CaseBuilder builder) {
    for (PathwayEvent event : builder.events()) {
      all.add(new CaseEvent(builder.caseId(), event));
    }
  }
}
