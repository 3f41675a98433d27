package org.mentor.examples;

import static java.time.LocalDate.of;

import com.google.common.collect.ImmutableList;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;

/**
 * The main job for now: one clinic's day. Four synthetic cases are enrolled and their events
 * recorded as a clinic records them — one lab result arrives late, one pill count is corrected —
 * then each case's state and what needs attention today are printed.
 *
 * <p>Run it with {@code mvn -q -Pdemo -DskipTests -pl mentor-examples -am package}.
 */
public final class ClinicDay {
  /** "Today" for the example: the clock is fixed so the output is reproducible. */
  static final LocalDate TODAY = of(2025, 11, 20);

  private static final RecordedBy CLINIC = new RecordedBy("nurse-07", "clinic-042", "example-emr");
  private static final ProtocolRef WHO = new ProtocolRef("WHO_2021", "1");

  private final CaseRegistry mentor = CaseRegistry.builder()
      .clock(Clock.fixed(TODAY.atTime(9, 0).toInstant(ZoneOffset.ofHours(3)), ZoneId.of("Africa/Nairobi")))
      .build();
  private int nextEvent = 1;

  /** Runs the example, printing to standard output. */
  public static void main(String[] args) {
    new ClinicDay().run(System.out);
  }

  /**
   * Enrols the cases, records their events and prints the day.
   *
   * @param out where to print, not null
   */
  public void run(PrintStream out) {
    CaseId suppressed = CaseId.of("case-001");
    CaseId interrupted = CaseId.of("case-002");
    CaseId lateBooking = CaseId.of("case-003");
    CaseId corrected = CaseId.of("case-004");

    // case-001: diagnosed at ANC1, ART the same day, suppressed, delivered, infant NAT negative at 6 weeks.
    InfantId infant1 = infant(suppressed);
    enrol(suppressed, of(2025, 4, 28), of(2025, 1, 6));
    record(suppressed, new ArtStarted(id(), of(2025, 4, 28), at(of(2025, 4, 28)), CLINIC, Regimen.TLD));
    record(suppressed, vl(of(2025, 7, 28), of(2025, 8, 4), ViralLoad.copies(45)));
    record(suppressed, delivered(of(2025, 10, 10), infant1));
    record(suppressed, new FeedingRecorded(id(), of(2025, 10, 10), at(of(2025, 10, 10)), CLINIC, infant1, FeedingMode.EXCLUSIVE_BREASTFEEDING));
    record(suppressed, new InfantProphylaxisStarted(id(), of(2025, 10, 10), at(of(2025, 10, 10)), CLINIC, infant1, ProphylaxisRegimen.NVP));
    record(suppressed, new InfantHivTested(id(), of(2025, 11, 19), at(of(2025, 11, 19)), CLINIC, infant1, InfantTestType.NAT,
        InfantTestResult.NEGATIVE, Optional.of(of(2025, 11, 19))));

    // case-002: missed her refill appointment of 2025-10-20 and has not been seen since.
    enrol(interrupted, of(2025, 3, 3), of(2024, 12, 1));
    record(interrupted, new ArtStarted(id(), of(2025, 3, 3), at(of(2025, 3, 3)), CLINIC, Regimen.TLD));
    record(interrupted, new AppointmentKept(id(), of(2025, 9, 22), at(of(2025, 9, 22)), CLINIC, of(2025, 9, 22)));
    record(interrupted, new AppointmentSet(id(), of(2025, 9, 22), at(of(2025, 9, 22)), CLINIC, of(2025, 10, 20), AppointmentPurpose.ART_REFILL));

    // case-003: booked at 34 weeks, ART for 18 days at delivery. Her delivery viral load (2 400)
    // reaches the EMR late: recorded after the infant's events, dated on its sample date.
    InfantId infant3 = infant(lateBooking);
    enrol(lateBooking, of(2025, 10, 27), of(2025, 3, 3));
    record(lateBooking, new ArtStarted(id(), of(2025, 10, 27), at(of(2025, 10, 27)), CLINIC, Regimen.TLD));
    record(lateBooking, delivered(of(2025, 11, 14), infant3));
    record(lateBooking, new FeedingRecorded(id(), of(2025, 11, 14), at(of(2025, 11, 14)), CLINIC, infant3, FeedingMode.EXCLUSIVE_BREASTFEEDING));
    record(lateBooking, new InfantProphylaxisStarted(id(), of(2025, 11, 14), at(of(2025, 11, 14)), CLINIC, infant3, ProphylaxisRegimen.AZT_NVP));
    record(lateBooking, vl(of(2025, 11, 14), of(2025, 11, 19), ViralLoad.copies(2_400)));

    // case-004: a pill count mistyped as 3 remaining, corrected the next day to 12 remaining.
    enrol(corrected, of(2025, 6, 2), of(2025, 2, 10));
    record(corrected, new ArtStarted(id(), of(2025, 6, 2), at(of(2025, 6, 2)), CLINIC, Regimen.TLD));
    EventId count = id();
    record(corrected, new PillCounted(count, of(2025, 11, 18), at(of(2025, 11, 18)), CLINIC, 30, 3, 28, 1));
    record(corrected, new Corrected(count,
        new PillCounted(id(), of(2025, 11, 18), at(of(2025, 11, 19)), CLINIC, 30, 12, 28, 1)));

    out.println("Mentor - clinic-042, " + mentor.today() + " (protocol " + WHO + ")");
    for (CaseId caseId : ImmutableList.of(suppressed, interrupted, lateBooking, corrected)) {
      print(out, caseId, mentor.file(caseId).version(), mentor.state(caseId), mentor.attention(caseId));
    }
  }

  private static void print(PrintStream out, CaseId caseId, long version, CaseState state, ImmutableList<Attention> attention) {
    out.println();
    out.printf("%s  phase %s since %s  (version %d)%n", caseId, state.phaseStatus(), state.phase().since(), version);
    out.printf("  mother   ART %-14s VL %-20s adherence %-10s retention %s%n", state.mother().artStatus(),
        state.mother().viralLoadStatus(), state.mother().adherenceBand(), state.mother().retentionStatus());
    for (InfantState infant : state.infants()) {
      out.printf("  infant   %s risk %-4s prophylaxis %s %s until %s  status %s%n", infant.infantId().toString().substring(0, 8),
          infant.risk().riskClass(), infant.prophylaxis().regimen(), infant.prophylaxis().status(),
          infant.prophylaxis().plannedStopOn().map(LocalDate::toString).orElse("maternal suppression"), infant.hivStatus());
    }
    if (attention.isEmpty()) {
      out.println("  today    nothing due");
    }
    for (Attention item : attention) {
      out.printf("  today    %-32s since %s  why: %s%n", item.kind(), item.since(), item.why());
    }
  }

  private void enrol(CaseId caseId, LocalDate anc1, LocalDate lmp) {
    mentor.enrol(caseId, new Enrolled(id(), anc1, at(anc1), CLINIC, MotherId.of("mother-" + caseId), WHO,
        HivStatus.POSITIVE, Optional.of(lmp), Optional.empty(), Optional.empty()));
  }

  private void record(CaseId caseId, PathwayEvent event) {
    mentor.record(caseId, event);
  }

  private Delivered delivered(LocalDate on, InfantId infant) {
    return new Delivered(id(), on, at(on), CLINIC, ImmutableList.of(Birth.live(infant, Birth.Sex.FEMALE, 3000)));
  }

  private ViralLoadResulted vl(LocalDate sample, LocalDate result, ViralLoad value) {
    return new ViralLoadResulted(id(), sample, at(result), CLINIC, result, value);
  }

  private static InfantId infant(CaseId caseId) {
    return new InfantId(UUID.nameUUIDFromBytes(("infant-of-" + caseId).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
  }

  private EventId id() {
    return EventId.of("evt-" + nextEvent++);
  }

  private static Instant at(LocalDate day) {
    return day.atTime(15, 0).toInstant(ZoneOffset.ofHours(3));
  }
}
