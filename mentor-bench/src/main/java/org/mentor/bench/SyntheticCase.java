package org.mentor.bench;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.ArvsDispensed;
import org.mentor.core.pathway.Birth;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.CounsellingKind;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.pathway.ConsentRecorded;
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.CotrimoxazoleStopped;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantProphylaxisStopped;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ReturnedToCare;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.ProtocolRef;

/**
 * A reproducible synthetic case for the benchmarks: a seed and a size give the same events on every
 * machine (a {@link SplittableRandom}, no clock). The case follows one woman living with HIV from
 * her first antenatal visit through delivery and her infant's follow-up to its final status:
 *
 * <ul>
 *   <li>enrolment at 12–20 weeks (70% known positive, else a positive test that day), consent, a
 *       mentor, ART (TLD) started, ARVs dispensed and the next appointment set, all at ANC1;
 *   <li>monthly visits: the appointment kept (85% on the day, 10% 1–5 days late; 5% missed, then a
 *       phone trace and a return to care), a pill count, 30 days of ARVs, the next appointment,
 *       sometimes routine counselling, a mentor's home visit in half the months;
 *   <li>viral loads 3 months after ART start, at the first visit from 34 weeks and every 6 months
 *       after, results back 7–21 days later (85% suppressed, 10% low-level viraemia, 5% unsuppressed,
 *       which is followed by three enhanced counselling sessions and a repeat at 3 months);
 *   <li>delivery at 37–41 weeks of one live infant, NVP prophylaxis and feeding recorded that day,
 *       a NAT at birth (half the cases), at 6 weeks and at 9 months, all negative; cotrimoxazole and the
 *       end of prophylaxis at 6 weeks; mixed feeding from 6 months; breastfeeding stopped at 12–20
 *       months; a final antibody test at 18 months or 3 months after weaning, then cotrimoxazole
 *       stopped.
 * </ul>
 *
 * The case of {@code size} events is the first {@code size} of the whole plan in fold order
 * ({@link Fold#ORDER}), so a bigger case extends a smaller one of the same seed, and recording its
 * events in that order takes the incremental path of {@link CaseFile#record}. Every value is
 * synthetic.
 */
final class SyntheticCase {
  /** The recorder of every synthetic event. */
  static final RecordedBy CLINIC = new RecordedBy("bench-user", "bench-facility", "mentor-bench");

  /** The earliest last menstrual period; each seed moves it forward by up to 120 days. */
  private static final LocalDate FIRST_LMP = LocalDate.of(2024, 1, 8);

  /** Monthly visits are planned for this many years after enrolment: far more events than any benchmark uses. */
  private static final int PLANNED_YEARS = 6;

  private final CaseId caseId;
  private final ImmutableList<PathwayEvent> events;

  private SyntheticCase(CaseId caseId, ImmutableList<PathwayEvent> events) {
    this.caseId = caseId;
    this.events = events;
  }

  /**
   * Generates a case.
   *
   * @param seed the seed; the same seed and size give equal events
   * @param size the number of events, 1 or more
   * @return the case
   * @throws IllegalArgumentException if the plan for this seed has fewer events than {@code size}
   */
  static SyntheticCase generate(long seed, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size is 1 or more: " + size);
    }
    Plan plan = new Plan(seed);
    List<PathwayEvent> all = plan.build();
    all.sort(Fold.ORDER);
    if (all.size() < size) {
      throw new IllegalArgumentException("seed " + seed + " plans only " + all.size() + " events, not " + size);
    }
    return new SyntheticCase(plan.caseId, ImmutableList.copyOf(all.subList(0, size)));
  }

  /** The case id. */
  CaseId caseId() {
    return caseId;
  }

  /** The events in fold order, which is also the order they are recorded in. */
  ImmutableList<PathwayEvent> events() {
    return events;
  }

  /** The date of the last event. */
  LocalDate lastDay() {
    return events.get(events.size() - 1).occurredOn();
  }

  /** The case file the events make when recorded one by one. */
  CaseFile file() {
    return CaseFile.replay(caseId, events);
  }

  /** The facts: the fold of the events. */
  Facts facts() {
    return Fold.fold(caseId, events);
  }

  /**
   * Routine monthly visits after the last event, four events each: 30 days of ARVs, a pill count,
   * the appointment kept, the next appointment. The same kinds whatever the case's size, so the
   * cost of applying them can be compared across sizes; each sorts after every event of the case
   * and after the ones before it.
   *
   * @param visits the number of visits, 1 or more
   * @return {@code 4 × visits} events in fold order
   */
  ImmutableList<PathwayEvent> routineVisitsAfter(int visits) {
    ImmutableList.Builder<PathwayEvent> next = ImmutableList.builder();
    LocalDate dispensedOn = lastDay();
    for (int visit = 1; visit <= visits; visit++) {
      LocalDate day = lastDay().plusDays(28L * visit);
      String prefix = caseId + "-next" + visit + "-";
      // In the intra-day rank of EventKind, so each is in order.
      next.add(new ArvsDispensed(EventId.of(prefix + "a"), day, noon(day), CLINIC, 30, 30));
      int days = (int) (day.toEpochDay() - dispensedOn.toEpochDay());
      next.add(new PillCounted(EventId.of(prefix + "b"), day, noon(day), CLINIC, 30, Math.max(0, 30 - days + 1), days, 1));
      next.add(new AppointmentKept(EventId.of(prefix + "c"), day, noon(day), CLINIC, day));
      next.add(new AppointmentSet(EventId.of(prefix + "d"), day, noon(day), CLINIC, day.plusDays(28),
          AppointmentPurpose.ART_REFILL));
      dispensedOn = day;
    }
    return next.build();
  }

  private static Instant noon(LocalDate day) {
    return day.atTime(12, 0).toInstant(ZoneOffset.UTC);
  }

  /** The whole plan of one seed, in the order it is drawn (not yet fold order). */
  private static final class Plan {
    private final SplittableRandom random;
    private final CaseId caseId;
    private final MotherId motherId;
    private final InfantId infantId;
    private final List<PathwayEvent> events = new ArrayList<>();
    private int next = 1;

    Plan(long seed) {
      this.random = new SplittableRandom(seed);
      this.caseId = CaseId.of("bench-" + seed);
      this.motherId = MotherId.of("bench-mother-" + seed);
      this.infantId = new InfantId(new java.util.UUID(seed, 1));
    }

    List<PathwayEvent> build() {
      LocalDate lmp = FIRST_LMP.plusDays(random.nextInt(0, 121));
      LocalDate anc1 = lmp.plusDays(random.nextInt(84, 141)); // 12 to 20 weeks
      boolean knownPositive = chance(70);
      add(new Enrolled(id(), anc1, noon(anc1), CLINIC, motherId, new ProtocolRef("WHO_2021", "1"),
          knownPositive ? HivStatus.POSITIVE : HivStatus.UNKNOWN, Optional.of(lmp), Optional.empty(), Optional.empty()));
      if (!knownPositive) {
        add(new MaternalHivTested(id(), anc1, noon(anc1), CLINIC, HivTestResult.POSITIVE));
      }
      add(new ConsentRecorded(id(), anc1, noon(anc1), CLINIC, random.nextBoolean(), true, random.nextBoolean(), false));
      add(new MentorAssigned(id(), anc1, noon(anc1), CLINIC, MentorId.of("bench-mentor-" + random.nextInt(1, 40))));
      add(new ArtStarted(id(), anc1, noon(anc1), CLINIC, Regimen.TLD));
      add(new ArvsDispensed(id(), anc1, noon(anc1), CLINIC, 30, 30));
      LocalDate appointment = anc1.plusDays(28);
      add(new AppointmentSet(id(), anc1, noon(anc1), CLINIC, appointment, AppointmentPurpose.ANTENATAL));

      LocalDate birth = lmp.plusDays(random.nextInt(259, 288)); // 37 to 41 weeks
      infant(birth);

      LocalDate vlDue = anc1.plusMonths(3);
      LocalDate thirdTrimesterVl = lmp.plusWeeks(34);
      LocalDate dispensedOn = anc1;
      int enhancedSessionsDue = 0;
      LocalDate end = anc1.plusYears(PLANNED_YEARS);
      while (appointment.isBefore(end)) {
        LocalDate visit;
        int draw = random.nextInt(100);
        if (draw < 5) {
          LocalDate traced = appointment.plusDays(random.nextInt(3, 8));
          add(new TracingAttempted(id(), traced, noon(traced), CLINIC, ContactMode.PHONE, TracingOutcome.REACHED_WILL_RETURN));
          visit = traced.plusDays(random.nextInt(1, 8));
          add(new ReturnedToCare(id(), visit, noon(visit), CLINIC));
        } else {
          visit = draw < 15 ? appointment.plusDays(random.nextInt(1, 6)) : appointment;
          add(new AppointmentKept(id(), visit, noon(visit), CLINIC, appointment));
        }
        int days = (int) (visit.toEpochDay() - dispensedOn.toEpochDay());
        int missedDoses = random.nextInt(0, 3);
        add(new PillCounted(id(), visit, noon(visit), CLINIC, 30, Math.max(0, 30 - days + missedDoses), days, 1));
        if (!visit.isBefore(vlDue)) {
          LocalDate result = visit.plusDays(random.nextInt(7, 22));
          int vl = random.nextInt(100);
          ViralLoad load = vl < 85 ? (chance(50) ? ViralLoad.notDetected() : ViralLoad.belowLimit(50))
              : vl < 95 ? ViralLoad.copies(random.nextInt(50, 1000)) : ViralLoad.copies(random.nextInt(1000, 50_000));
          add(new ViralLoadResulted(id(), visit, noon(result), CLINIC, result, load));
          if (vl >= 95) {
            enhancedSessionsDue = 3;
            vlDue = visit.plusMonths(3);
          } else if (visit.isBefore(thirdTrimesterVl) && visit.plusMonths(6).isAfter(thirdTrimesterVl)) {
            vlDue = thirdTrimesterVl;
          } else {
            vlDue = visit.plusMonths(6);
          }
        }
        if (enhancedSessionsDue > 0) {
          add(new AdherenceCounselled(id(), visit, noon(visit), CLINIC, CounsellingKind.ENHANCED));
          enhancedSessionsDue--;
        } else if (chance(20)) {
          add(new AdherenceCounselled(id(), visit, noon(visit), CLINIC, CounsellingKind.ROUTINE));
        }
        add(new ArvsDispensed(id(), visit, noon(visit), CLINIC, 30, 30));
        dispensedOn = visit;
        appointment = visit.plusDays(28);
        add(new AppointmentSet(id(), visit, noon(visit), CLINIC, appointment,
            visit.isBefore(birth) ? AppointmentPurpose.ANTENATAL : AppointmentPurpose.ART_REFILL));
        if (chance(50)) {
          LocalDate home = visit.plusDays(random.nextInt(7, 15));
          add(new MentorVisited(id(), home, noon(home), CLINIC, ContactMode.HOME));
        }
      }
      return events;
    }

    private void infant(LocalDate birth) {
      add(new Delivered(id(), birth, noon(birth), CLINIC, ImmutableList.of(Birth.live(infantId,
          random.nextBoolean() ? Birth.Sex.FEMALE : Birth.Sex.MALE, random.nextInt(2500, 3801)))));
      add(new InfantProphylaxisStarted(id(), birth, noon(birth), CLINIC, infantId, ProphylaxisRegimen.NVP));
      add(new FeedingRecorded(id(), birth, noon(birth), CLINIC, infantId, FeedingMode.EXCLUSIVE_BREASTFEEDING));
      if (chance(50)) {
        nat(birth, InfantTestType.NAT);
      }
      LocalDate sixWeeks = birth.plusWeeks(6);
      nat(sixWeeks, InfantTestType.NAT);
      add(new InfantProphylaxisStopped(id(), sixWeeks, noon(sixWeeks), CLINIC, infantId));
      add(new CotrimoxazoleStarted(id(), sixWeeks, noon(sixWeeks), CLINIC, infantId));
      LocalDate sixMonths = birth.plusMonths(6);
      add(new FeedingRecorded(id(), sixMonths, noon(sixMonths), CLINIC, infantId, FeedingMode.MIXED_FEEDING));
      nat(birth.plusMonths(9), InfantTestType.NAT);
      LocalDate weaned = birth.plusMonths(random.nextInt(12, 21));
      add(new FeedingRecorded(id(), weaned, noon(weaned), CLINIC, infantId, FeedingMode.BREASTFEEDING_STOPPED));
      LocalDate finalTest = weaned.plusMonths(3).isAfter(birth.plusMonths(18)) ? weaned.plusMonths(3) : birth.plusMonths(18);
      LocalDate returned = nat(finalTest, InfantTestType.ANTIBODY);
      add(new CotrimoxazoleStopped(id(), returned, noon(returned), CLINIC, infantId));
    }

    /** A negative test sampled on a day; returns the day the result came back. */
    private LocalDate nat(LocalDate sample, InfantTestType type) {
      LocalDate result = type == InfantTestType.ANTIBODY ? sample : sample.plusDays(random.nextInt(14, 22));
      add(new InfantHivTested(id(), sample, noon(result), CLINIC, infantId, type, InfantTestResult.NEGATIVE,
          Optional.of(result)));
      return result;
    }

    private boolean chance(int percent) {
      return random.nextInt(100) < percent;
    }

    private EventId id() {
      return EventId.of(String.format("%s-e%04d", caseId, next++));
    }

    private void add(PathwayEvent event) {
      events.add(requireNonNull(event, "event"));
    }
  }
}
