package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.AdherenceCounselled;
import org.mentor.core.pathway.AppointmentKept;
import org.mentor.core.pathway.AppointmentSet;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.Attention;
import org.mentor.core.pathway.Birth;
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
import org.mentor.core.pathway.CotrimoxazoleStarted;
import org.mentor.core.pathway.Delivered;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.Fold;
import org.mentor.core.pathway.InfantArtStarted;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.InfantProphylaxisStarted;
import org.mentor.core.pathway.InfantProphylaxisStopped;
import org.mentor.core.pathway.InfantState;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.MaternalState;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.Phase;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ReturnedToCare;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TracingAttempted;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.MilestoneRule;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.schedule.Milestone;
import org.mentor.core.schedule.Schedule;
import org.mentor.core.schedule.MilestoneState;
import org.mentor.sim.result.InfantOutcome;
import org.mentor.sim.result.LoadKind;
import org.mentor.sim.result.PairOutcome;
import org.mentor.sim.scenario.Scenario;

/**
 * Walks one pair through time against the real engine. At every clinic contact the walk asks the
 * registry for the case as of that day and does what the engine says is due — viral loads, HIV
 * retests, infant prophylaxis, NATs and antibody tests, cotrimoxazole, infant ART, ART start,
 * enhanced counselling — then books the next visit at the earliest coming due date (or the visit
 * interval). Whether and when the mother comes is drawn; every resulting event is recorded through
 * the registry, so the protocol's windows decide what is on time, late or missed.
 *
 * <p>One walker per registry; not thread-safe.
 */
final class PairWalk {
  private static final RecordedBy CLINIC = new RecordedBy("simulator", "sim-facility", "mentor-sim");
  private static final MentorId MENTOR = MentorId.of("sim-mentor");
  private static final long SECONDS_PER_DAY = 86_400;
  /** Noon, in seconds from midnight: when {@link #at} records events. */
  private static final long NOON = 12 * 3_600;
  private static final int KINDS = EventKind.values().length;

  /** What satisfies a milestone, as the simulator acts on it. */
  enum Action {
    VIRAL_LOAD,
    MATERNAL_TEST,
    PROPHYLAXIS_START,
    PROPHYLAXIS_STOP,
    INFANT_TEST,
    CTX_START,
    INFANT_ART,
    NONE
  }

  private final Scenario s;
  /** The scenario's flag, read at every visit (the scenario looks it up by name). */
  private final boolean mentorSupport;
  /**
   * Recording instants by day, direct-mapped over eleven years and shared by every walker: each
   * pair's events fall on some forty new days, so a table per walker mostly missed, and every miss
   * was an instant made only for the events' shared table to swap it for its own. Racy, as the
   * events' table is: a slot holds an older or a newer day's instant (immutable, final fields), and
   * either is only a hit or a miss.
   */
  private static final Instant[] NOONS = new Instant[1 << 12];
  private final CaseRegistry registry;
  private final ProtocolRef ref;
  /** The registry's instance of the scenario's protocol (the schedule's memo knows protocols by identity). */
  private final Protocol protocol;
  private final Map<String, Action> actions = new HashMap<>();
  private final Tally tally;
  private final @Nullable Consumer<List<PathwayEvent>> batches;
  /** The fold-order sort's keys, kept between batches: every batch made a new array. */
  private long[] sortKeys = new long[16];
  /**
   * The batch a contact or flush fills and records, kept between batches: the registry reads a batch
   * while recording it and keeps none, and a new list per contact was a visible share of a walk's
   * garbage of its own.
   */
  private final List<PathwayEvent> batch = new ArrayList<>(16);

  PairWalk(Scenario scenario, CaseRegistry registry, Tally tally, @Nullable Consumer<List<PathwayEvent>> batches) {
    this.s = scenario;
    this.mentorSupport = scenario.mentorSupport();
    this.registry = registry;
    this.tally = tally;
    this.batches = batches;
    Protocol protocol = scenario.protocol();
    this.ref = protocol.ref();
    this.protocol = registry.protocol(ref).orElseThrow();
    for (MilestoneRule rule : protocol.milestones()) {
      actions.putIfAbsent(rule.id(), action(rule.satisfiedBy().event()));
    }
  }

  private static Action action(String event) {
    return switch (event) {
      case "VIRAL_LOAD_RESULTED" -> Action.VIRAL_LOAD;
      case "MATERNAL_HIV_TESTED" -> Action.MATERNAL_TEST;
      case "INFANT_PROPHYLAXIS_STARTED" -> Action.PROPHYLAXIS_START;
      case "INFANT_PROPHYLAXIS_STOPPED" -> Action.PROPHYLAXIS_STOP;
      case "INFANT_HIV_TESTED" -> Action.INFANT_TEST;
      case "COTRIMOXAZOLE_STARTED" -> Action.CTX_START;
      case "INFANT_ART_STARTED" -> Action.INFANT_ART;
      default -> Action.NONE;
    };
  }

  PairOutcome walk(long index) {
    return new Pair(index).run();
  }

  /**
   * What the walk reads of the case on a day: the state and the schedule, as a registry view has
   * them, without the view's attention list (each milestone's explanation as text) and assignment,
   * which the walk does not read. What the state asks the walk to do is {@link #asksArtStart} and
   * {@link #asksEnhancedCounselling}.
   */
  private record Seen(LocalDate asOf, long version, CaseState state, Schedule schedule) {}

  /** One pair's walk: the truth, what has been recorded, and the clinic's booking. */
  private final class Pair {
    final PairPlan plan;
    final MotherCourse mother;
    final InfantInfection[] infection;
    final CaseId caseId;
    /** The case id and a dash: each event's id is this and its number in the pair. */
    final String idPrefix;
    final InfantId[] infantIds;
    final SplittableRandom attendance;
    final SplittableRandom artStart;
    final SplittableRandom viralLoad;
    /** Events the engine needs before it says what is due (deaths, weaning, a late delivery). */
    final List<PathwayEvent> pending = new ArrayList<>();
    /** Mentor visits and tracing: recorded with the next batch, as they change nothing that is due. */
    final List<PathwayEvent> mentorPending = new ArrayList<>();
    final int[] firstNatAge;
    final boolean[] deathRecorded;
    final boolean[] stopRecorded;
    /** Cotrimoxazole and ART starts per infant, for the resource count. */
    final @Nullable LocalDate[] ctxStart;
    final @Nullable LocalDate[] infantArtStart;
    final LocalDate end;
    int seq;
    int visits;
    int events;
    boolean registered;
    boolean deliveryHandled;
    boolean motherDeathHandled;
    @Nullable LocalDate appointment;
    @Nullable LocalDate attendOn;
    LocalDate nextMentorVisit;
    @Nullable Seen last;

    Pair(long index) {
      this.plan = new PairPlan(s, index);
      this.mother = new MotherCourse(plan, s);
      this.infection = new InfantInfection[plan.infants];
      this.infantIds = new InfantId[plan.infants];
      for (int k = 0; k < plan.infants; k++) {
        infection[k] = new InfantInfection(s, plan, mother, k);
        infantIds[k] = new InfantId(new UUID(0x5157L << 48 | index, k + 1));
      }
      this.caseId = CaseId.of("pair-" + index);
      this.idPrefix = caseId.value() + "-";
      this.attendance = Streams.of(s.seed(), index, Process.ATTENDANCE, 0);
      this.artStart = Streams.of(s.seed(), index, Process.ART_START, 0);
      this.viralLoad = Streams.of(s.seed(), index, Process.VIRAL_LOAD, 0);
      this.firstNatAge = new int[plan.infants];
      java.util.Arrays.fill(firstNatAge, -1);
      this.deathRecorded = new boolean[plan.infants];
      this.stopRecorded = new boolean[plan.infants];
      this.ctxStart = new LocalDate[plan.infants];
      this.infantArtStart = new LocalDate[plan.infants];
      this.nextMentorVisit = plan.booking.plusDays(s.mentor().homeVisitDays());
      this.end = endOfWalk();
    }

    /** The horizon, or earlier for a woman negative at booking who never acquires HIV during follow-up. */
    private LocalDate endOfWalk() {
      if (plan.status == PairPlan.Status.NEGATIVE
          && (plan.incidentInfection == null || !plan.incidentInfection.isBefore(plan.horizon))) {
        LocalDate weaned = plan.weaned.plusMonths(3);
        LocalDate eighteen = plan.delivery.plusMonths(18);
        LocalDate end = weaned.isAfter(eighteen) ? weaned : eighteen;
        return end.isBefore(plan.horizon) ? end : plan.horizon;
      }
      return plan.horizon;
    }

    PairOutcome run() {
      booking();
      LocalDate now = plan.booking;
      while (last == null || last.state().phaseStatus() != Phase.CLOSED) {
        // The next thing that happens: her death, the delivery, her next contact, or the end.
        LocalDate contact = null;
        boolean returning = false;
        boolean kept = false;
        PairPlan.Loss lostNow = plan.lostOn(now);
        if (lostNow != null) {
          contact = lostNow.back();
          returning = true;
        } else if (attendOn != null) {
          PairPlan.Loss loss = plan.lossStarting(now, attendOn);
          if (loss == null) {
            contact = attendOn;
            kept = true;
          } else {
            traceMissed(loss);
            contact = loss.back();
            returning = true;
          }
        }
        LocalDate death = !motherDeathHandled ? plan.maternalDeath : null;
        LocalDate delivery = !deliveryHandled ? plan.delivery : null;
        LocalDate next = min(min(min(contact, death), delivery), end);
        if (death != null && next.equals(death)) {
          motherDeathHandled = true;
          if (plan.lostOn(next) == null) {
            pending.add(new Died(id(), next, at(next), CLINIC, Subject.mother()));
          }
          if (!deliveryHandled) {
            return finish(next); // no birth: the pregnancy ends with her
          }
          now = next;
        } else if (delivery != null && next.equals(delivery)) {
          deliveryHandled = true;
          now = next;
          if (plan.lostOn(next) == null) {
            deliveryVisit(next);
          }
        } else if (contact != null && next.equals(contact) && next.isBefore(end)) {
          now = next;
          visit(next, returning, kept);
        } else {
          return finish(end);
        }
      }
      return finish(last.asOf());
    }

    private @Nullable LocalDate min(@Nullable LocalDate a, @Nullable LocalDate b) {
      return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    // --- contacts -----------------------------------------------------------------------------

    private void booking() {
      LocalDate b = plan.booking;
      List<PathwayEvent> batch = new ArrayList<>(5);
      HivStatus status = plan.status == PairPlan.Status.ON_ART ? HivStatus.POSITIVE
          : plan.status == PairPlan.Status.DIAGNOSED ? HivStatus.UNKNOWN : HivStatus.NEGATIVE;
      batch.add(new Enrolled(id(), b, at(b), CLINIC, MotherId.of("mother-" + plan.index), ref, status,
          Optional.of(plan.lmp), Optional.empty(), Optional.empty()));
      if (plan.status == PairPlan.Status.ON_ART) {
        batch.add(new ArtStarted(id(), plan.artBeforePregnancy, at(b), CLINIC, Regimen.TLD));
      } else if (plan.status == PairPlan.Status.DIAGNOSED) {
        batch.add(new MaternalHivTested(id(), b, at(b), CLINIC, HivTestResult.POSITIVE)); // ART start: the engine asks
      }
      if (mentorSupport) {
        batch.add(new MentorAssigned(id(), b, at(b), CLINIC, MENTOR));
      }
      registry.enrol(caseId, (Enrolled) batch.get(0));
      emit(batch.subList(0, 1));
      record(batch.subList(1, batch.size()));
      visits++;
      tally.count(LoadKind.CLINIC_VISITS, b);
      contact(b, false, false, true);
    }

    /** A facility delivery: the flush records it (with anything pending), then the birth-day items. */
    private void deliveryVisit(LocalDate d) {
      flush(d);
      visits++;
      tally.count(LoadKind.CLINIC_VISITS, d);
      contact(d, false, false, false);
    }

    private void visit(LocalDate t, boolean returning, boolean kept) {
      flush(t);
      visits++;
      tally.count(LoadKind.CLINIC_VISITS, t);
      contact(t, returning, kept, false);
    }

    /** A clinic contact on a day: ask the engine, do what is due, book the next visit. */
    private void contact(LocalDate t, boolean returning, boolean kept, boolean booking) {
      Seen view = view(t);
      if (view.state().phaseStatus() == Phase.CLOSED) {
        return;
      }
      List<PathwayEvent> batch = take(mentorPending, t);
      boolean motherAlive = plan.motherAliveOn(t);
      if (returning && motherAlive) {
        batch.add(new ReturnedToCare(id(), t, at(t), CLINIC));
      }
      if (kept && motherAlive && appointment != null) {
        batch.add(new AppointmentKept(id(), t, at(t), CLINIC, appointment));
      }
      LocalDate next = act(view, t, batch);
      if (motherAlive) { // after her death the infants are still brought, without her appointments
        batch.add(new AppointmentSet(id(), t, at(t), CLINIC, next, booking || t.isBefore(plan.delivery)
            ? AppointmentPurpose.ANTENATAL : AppointmentPurpose.POSTNATAL));
      }
      book(next);
      record(batch);
    }

    /**
     * Does what the engine says is due on a day and returns the next visit to book: the earliest
     * coming due date the engine shows, a result recall, or the interval. One pass over the schedule
     * for both: a second pass for the booking read every milestone again.
     */
    private LocalDate act(Seen view, LocalDate t, List<PathwayEvent> batch) {
      LocalDate next = t.plusDays(t.isBefore(plan.delivery) ? s.services().antenatalVisitDays() : s.services().postnatalVisitDays());
      boolean vlTaken = false;
      boolean tested = false;
      int natTaken = 0; // bit k: infant k's NAT sample taken at this contact
      int antibodyTaken = 0; // bit k: infant k's antibody test done at this contact
      LocalDate recall = null;
      boolean motherAlive = plan.motherAliveOn(t);
      List<Milestone> milestones = view.schedule().milestones();
      for (int i = 0; i < milestones.size(); i++) { // by index: the iterator was garbage at every view
        Milestone m = milestones.get(i);
        MilestoneState milestoneState = m.state();
        if (milestoneState == MilestoneState.UPCOMING) { // coming: the booking may be brought forward to it
          if (m.due().isAfter(t) && m.due().isBefore(next) && actions.getOrDefault(m.ruleId(), Action.NONE) != Action.NONE) {
            next = m.due();
          }
          continue;
        }
        if (!milestoneState.isActionable()) {
          continue;
        }
        Action action = actions.getOrDefault(m.ruleId(), Action.NONE);
        if (m.infantId().isEmpty()) {
          if (!motherAlive) {
            continue;
          }
          if (action == Action.VIRAL_LOAD && !vlTaken && mother.infectedOn(t)) {
            vlTaken = true;
            VlBand band = mother.bandOn(t);
            LocalDate result = t.plusDays(s.services().vlTurnaroundDays());
            batch.add(new ViralLoadResulted(id(), t, at(result), CLINIC, result, copies(band)));
            tally.count(LoadKind.VIRAL_LOADS, t);
            if (band == VlBand.ABOVE_1000) {
              recall = min(recall, result);
            }
          } else if (action == Action.MATERNAL_TEST && !tested) {
            tested = true;
            boolean positive = mother.infectedOn(t);
            batch.add(new MaternalHivTested(id(), t, at(t), CLINIC, positive ? HivTestResult.POSITIVE : HivTestResult.NEGATIVE));
            if (positive) {
              tryArtStart(t, batch);
            }
          }
          continue;
        }
        int k = infant(m.infantId().get());
        if (k < 0 || !plan.infantAliveOn(k, t)) {
          continue;
        }
        InfantId infant = infantIds[k];
        switch (action) {
          case PROPHYLAXIS_START -> {
            InfantState state = infantState(view.state(), infant);
            ProphylaxisRegimen regimen = state == null ? ProphylaxisRegimen.NVP : state.prophylaxis().regimen();
            batch.add(new InfantProphylaxisStarted(id(), t, at(t), CLINIC, infant, regimen));
          }
          case PROPHYLAXIS_STOP -> batch.add(new InfantProphylaxisStopped(id(), t, at(t), CLINIC, infant));
          case CTX_START -> {
            batch.add(new CotrimoxazoleStarted(id(), t, at(t), CLINIC, infant));
            ctxStart[k] = ctxStart[k] == null ? t : ctxStart[k];
          }
          case INFANT_ART -> {
            batch.add(new InfantArtStarted(id(), t, at(t), CLINIC, infant));
            infantArtStart[k] = infantArtStart[k] == null ? t : infantArtStart[k];
          }
          case INFANT_TEST -> {
            boolean isNat = !"ANTIBODY".equals(m.expectedTest().orElse("NAT"));
            int bit = 1 << k;
            if (((isNat ? natTaken : antibodyTaken) & bit) != 0) {
              continue;
            }
            boolean positive;
            LocalDate result;
            if (isNat) {
              natTaken |= bit;
              positive = infection[k].natPositive(t, s.services().natDetectableAfterDays());
              result = t.plusDays(s.services().natTurnaroundDays());
              tally.count(LoadKind.NAT_TESTS, t);
              if (firstNatAge[k] < 0) {
                firstNatAge[k] = (int) (t.toEpochDay() - plan.delivery.toEpochDay());
              }
            } else {
              antibodyTaken |= bit;
              positive = infection[k].antibodyPositive(t, s.services().antibodyDetectableAfterDays());
              result = t;
              tally.count(LoadKind.ANTIBODY_TESTS, t);
            }
            batch.add(new InfantHivTested(id(), t, at(result), CLINIC, infant,
                isNat ? InfantTestType.NAT : InfantTestType.ANTIBODY,
                positive ? InfantTestResult.POSITIVE : InfantTestResult.NEGATIVE, Optional.of(result)));
            if (positive && result.isAfter(t)) {
              recall = min(recall, result);
            }
          }
          case VIRAL_LOAD, MATERNAL_TEST, NONE -> {
            // maternal actions are handled above; unknown kinds are not simulated
          }
        }
      }
      if (motherAlive) {
        // In the attention list's order (START_ART before ENHANCED_ADHERENCE_COUNSELLING), as the walk always read it.
        MaternalState her = view.state().mother();
        if (asksArtStart(her) && mother.artStart() == null) {
          tryArtStart(t, batch);
        }
        if (asksEnhancedCounselling(her)) {
          batch.add(new AdherenceCounselled(id(), t, at(t), CLINIC, CounsellingKind.ENHANCED));
        }
      }
      if (recall != null && recall.isAfter(t) && recall.isBefore(next)) {
        next = recall;
      }
      return next;
    }

    private void tryArtStart(LocalDate t, List<PathwayEvent> batch) {
      if (mother.artStart() == null && artStart.nextDouble() < s.booking().artStartPerVisit()) {
        mother.startArt(t);
        batch.add(new ArtStarted(id(), t, at(t), CLINIC, Regimen.TLD));
      }
    }

    /** Books a visit and draws when she comes: on the day, 1–27 days late, or 28–55 days late. */
    private void book(LocalDate on) {
      appointment = on;
      double u = attendance.nextDouble();
      double v = attendance.nextDouble();
      double onTime = mentorSupport ? s.mentor().onTime() : s.attendance().onTime();
      if (u < onTime) {
        attendOn = on;
      } else if ((u - onTime) / (1 - onTime) < s.attendance().lateWithin28DaysShare()) {
        attendOn = on.plusDays(1 + (long) (v * 27));
      } else {
        attendOn = on.plusDays(28 + (long) (v * 28));
      }
      if (!mentorSupport) {
        return;
      }
      LocalDate traced = on.plusDays(7);
      if (attendOn.isAfter(traced) && plan.lossStartingFrom(on, attendOn) == null && plan.motherAliveOn(traced)) {
        // Late but not lost: the mentor's tracing call a week after the missed visit reaches her (maternal.md R6).
        mentorPending.add(new TracingAttempted(id(), traced, at(traced), CLINIC, ContactMode.PHONE,
            TracingOutcome.REACHED_WILL_RETURN));
        tally.count(LoadKind.MENTOR_CONTACTS, traced);
      }
    }

    /** She was lost before her booked visit: with a mentor, one tracing attempt a week after it. */
    private void traceMissed(PairPlan.Loss loss) {
      LocalDate booked = appointment;
      attendOn = null;
      if (!mentorSupport || booked == null) {
        return;
      }
      LocalDate traced = booked.plusDays(7);
      if (traced.isBefore(end) && plan.motherAliveOn(traced) && traced.isAfter(loss.onset())) {
        boolean reached = loss.back() != null && !loss.back().isAfter(traced.plusDays(28));
        mentorPending.add(new TracingAttempted(id(), traced, at(traced), CLINIC, ContactMode.PHONE,
            reached ? TracingOutcome.REACHED_WILL_RETURN : TracingOutcome.NOT_REACHED));
        tally.count(LoadKind.MENTOR_CONTACTS, traced);
      }
    }

    // --- recording ----------------------------------------------------------------------------

    /**
     * Records what happened up to a day that the engine needs before it says what is due: weaning,
     * infant deaths, a delivery registered late; with them, any mentor visits and tracing so far (in
     * date order, so the case is appended in order). While she is lost nothing reaches the clinic;
     * at the end everything known is recorded.
     */
    private void flush(LocalDate t) {
      flush(t, false);
    }

    private void flush(LocalDate t, boolean atEnd) {
      boolean inCare = plan.lostOn(t) == null;
      if (mentorSupport) {
        while (!nextMentorVisit.isAfter(t)) {
          LocalDate v = nextMentorVisit;
          if (plan.lostOn(v) == null && plan.motherAliveOn(v)) {
            mentorPending.add(new MentorVisited(id(), v, at(v), CLINIC, ContactMode.HOME));
            tally.count(LoadKind.MENTOR_CONTACTS, v);
          }
          nextMentorVisit = v.plusDays(s.mentor().homeVisitDays());
        }
      }
      if (inCare && !registered && deliveryHandled && !plan.delivery.isAfter(t) && plan.motherAliveOn(plan.delivery)) {
        addDelivery(pending); // registered late, at her return
      }
      if (registered && inCare) {
        for (int k = 0; k < plan.infants; k++) {
          LocalDate death = plan.infantDeaths[k];
          if (!stopRecorded[k] && plan.breastfed && !plan.weaned.isAfter(t)
              && (death == null || plan.weaned.isBefore(death))) {
            stopRecorded[k] = true;
            pending.add(new FeedingRecorded(id(), plan.weaned, at(plan.weaned), CLINIC, infantIds[k],
                FeedingMode.BREASTFEEDING_STOPPED));
          }
          if (!deathRecorded[k] && death != null && !death.isAfter(t)) {
            deathRecorded[k] = true;
            pending.add(new Died(id(), death, at(death), CLINIC, Subject.infant(infantIds[k])));
          }
        }
      }
      if ((inCare || atEnd) && (hasUpTo(pending, t) || (atEnd && hasUpTo(mentorPending, t)))) {
        List<PathwayEvent> batch = take(pending, t);
        takeInto(batch, mentorPending, t);
        record(batch);
      }
    }

    private boolean hasUpTo(List<PathwayEvent> list, LocalDate t) {
      for (int i = 0; i < list.size(); i++) {
        if (!list.get(i).occurredOn().isAfter(t)) {
          return true;
        }
      }
      return false;
    }

    /**
     * Removes the events dated on or before a day, keeping the rest in order, and returns them as the
     * walker's batch (emptied first: the previous batch is recorded by now).
     */
    private List<PathwayEvent> take(List<PathwayEvent> list, LocalDate t) {
      List<PathwayEvent> taken = batch;
      taken.clear();
      takeInto(taken, list, t);
      return taken;
    }

    /** Moves the events dated on or before a day to the end of {@code taken}, keeping the rest in order. */
    private void takeInto(List<PathwayEvent> taken, List<PathwayEvent> list, LocalDate t) {
      int kept = 0;
      for (int i = 0; i < list.size(); i++) {
        PathwayEvent e = list.get(i);
        if (e.occurredOn().isAfter(t)) {
          list.set(kept++, e);
        } else {
          taken.add(e);
        }
      }
      while (list.size() > kept) { // from the end: no sublist view to make
        list.remove(list.size() - 1);
      }
    }

    private void addDelivery(List<PathwayEvent> batch) {
      LocalDate d = plan.delivery;
      ImmutableList.Builder<Birth> births = ImmutableList.builder();
      for (int k = 0; k < plan.infants; k++) {
        births.add(Birth.live(infantIds[k], k == 0 ? Birth.Sex.FEMALE : Birth.Sex.MALE, plan.infants == 1 ? 3100 : 2400));
      }
      batch.add(new Delivered(id(), d, at(d), CLINIC, births.build()));
      for (int k = 0; k < plan.infants; k++) {
        batch.add(new FeedingRecorded(id(), d, at(d), CLINIC, infantIds[k],
            plan.breastfed ? FeedingMode.EXCLUSIVE_BREASTFEEDING : FeedingMode.REPLACEMENT_FEEDING));
      }
      registered = true;
    }

    private void record(List<PathwayEvent> batch) {
      if (batch.isEmpty()) {
        return;
      }
      // In fold order, as a clinic's system would send a visit: each event then extends the case's
      // facts in place; in date order alone, a day's events would arrive in the order the walk
      // drew them, and every one that sorts before the last would re-fold the case.
      sortKeys = sortInFoldOrder(batch, sortKeys);
      registry.record(caseId, batch, -1);
      events += batch.size();
      emit(batch);
    }

    private void emit(List<PathwayEvent> batch) {
      if (batches != null) {
        batches.accept(List.copyOf(batch));
      }
    }

    private Seen view(LocalDate t) {
      tally.views++;
      // The case's own file answers as the registry's state and facts would: each simulated mother
      // has one case (no sibling cases' events to merge in), always on the scenario's protocol. One
      // lookup then gives the state, the facts and the version.
      CaseFile file = registry.file(caseId);
      CaseState state = file.evaluate(protocol, t);
      last = new Seen(t, file.version(), state, Schedule.of(protocol, file.facts(), state));
      return last;
    }

    // --- the end ------------------------------------------------------------------------------

    private PairOutcome finish(LocalDate e) {
      flush(e, true);
      Seen view = last != null && last.asOf().equals(e) && last.version() == registry.file(caseId).version()
          ? last : view(e);
      int onTime = 0;
      int late = 0;
      int missed = 0;
      List<Milestone> milestones = view.schedule().milestones();
      for (int i = 0; i < milestones.size(); i++) {
        Milestone m = milestones.get(i);
        switch (m.state()) {
          case DONE -> {
            boolean inTime = m.satisfiedOn().isEmpty() || !m.satisfiedOn().get().isAfter(m.due());
            tally.milestone(m.ruleId(), inTime ? 0 : 1);
            onTime += inTime ? 1 : 0;
            late += inTime ? 0 : 1;
            tally.count(LoadKind.DUE_ITEMS, m.due());
          }
          case MISSED -> {
            tally.milestone(m.ruleId(), 2);
            missed++;
            tally.count(LoadKind.DUE_ITEMS, m.due());
          }
          case DUE, LATE, OVERDUE -> {
            tally.milestone(m.ruleId(), 3);
            missed++;
            tally.count(LoadKind.DUE_ITEMS, m.due());
          }
          case CANCELLED -> tally.milestone(m.ruleId(), 4);
          case UPCOMING -> {
            // not yet due when the walk ended
          }
        }
      }
      tally.events += events;
      tally.resources.add(plan, mother, mentorSupport, e, view.state(), infantIds, ctxStart, infantArtStart);
      for (org.mentor.core.DataQualityIssue issue : view.state().issues()) {
        tally.issues.merge(issue.rule().id(), 1L, Long::sum);
      }
      ImmutableList.Builder<InfantOutcome> infants = ImmutableList.builder();
      LocalDate d = plan.delivery;
      boolean bornAlive = plan.motherAliveOn(d);
      for (int k = 0; k < plan.infants && bornAlive; k++) {
        infection[k].advanceTo(LocalDate.MAX);
        LocalDate infectedOn = infection[k].infectedOn();
        LocalDate incident = plan.incidentInfection;
        boolean exposed = mother.infectedOn(d) || (incident != null && incident.isBefore(plan.weaned));
        String outcome = !registered ? "NOT_REGISTERED" : outcomeName(infantState(view.state(), infantIds[k]));
        infants.add(new InfantOutcome(k, exposed, registered, infectedOn != null,
            infectedOn == null ? -1 : (int) (infectedOn.toEpochDay() - d.toEpochDay()), infection[k].period(), firstNatAge[k],
            outcome, plan.infantDeaths[k] != null && !plan.infantDeaths[k].isAfter(e)));
      }
      ImmutableList<InfantOutcome> list = infants.build();
      if (list.isEmpty()) {
        list = ImmutableList.of(new InfantOutcome(0, false, false, false, -1, "", -1, "NO_LIVE_BIRTH", false));
      }
      boolean positive = bornAlive && mother.infectedOn(d);
      boolean everLost = !plan.losses.isEmpty() && plan.losses.get(0).onset().isBefore(e);
      PairOutcome outcome = new PairOutcome(plan.index, s.name(), plan.status.name(), plan.booking, d, positive,
          positive && mother.onArtOn(d), positive ? mother.bandOn(d).name() : "NONE", everLost,
          plan.maternalDeath != null && !plan.maternalDeath.isAfter(e), list, onTime, late, missed, visits, events, e);
      tally.add(outcome);
      return outcome;
    }

    // --- helpers ------------------------------------------------------------------------------

    /** The final outcome's category, or "NONE" while there is none (or the infant has no state). */
    private static String outcomeName(@Nullable InfantState infant) {
      if (infant == null || infant.outcome().isEmpty()) {
        return "NONE";
      }
      return infant.outcome().get().category().name();
    }

    private int infant(InfantId id) {
      for (int k = 0; k < infantIds.length; k++) {
        if (infantIds[k].equals(id)) {
          return k;
        }
      }
      return -1;
    }

    private ViralLoad copies(VlBand band) {
      double u = viralLoad.nextDouble();
      return switch (band) {
        case BELOW_50 -> ViralLoad.copies(20 + (int) (u * 29));
        case FROM_50_TO_1000 -> ViralLoad.copies((int) Math.round(Math.exp(Math.log(60) + u * (Math.log(900) - Math.log(60)))));
        case ABOVE_1000 -> ViralLoad.copies((int) Math.round(Math.exp(Math.log(1500) + u * (Math.log(200_000) - Math.log(1500)))));
      };
    }

    private EventId id() {
      return EventId.of(idPrefix, ++seq); // packed without making the text: some seventy ids a pair
    }
  }

  /**
   * Whether her state asks to start ART: the status that raises {@link Attention}'s START_ART item.
   * The walk acts on two of the attention list's kinds at every contact; listing them all
   * ({@link Attention#kinds}) visited every infant, alert and issue for these two answers.
   */
  static boolean asksArtStart(MaternalState mother) {
    return switch (mother.artStatus()) {
      case ART_START_DUE, ART_START_LATE -> true;
      case NOT_KNOWN_POSITIVE, ON_ART -> false;
    };
  }

  /** Whether her state asks for enhanced adherence counselling: the statuses that raise {@link Attention}'s item. */
  static boolean asksEnhancedCounselling(MaternalState mother) {
    return switch (mother.viralLoadStatus()) {
      case LOW_LEVEL_VIRAEMIA, UNSUPPRESSED, ENHANCED_COUNSELLING -> true;
      case NO_RESULT, SUPPRESSED, REPEAT_DUE, SWITCH_INDICATED -> false;
    };
  }

  /**
   * Sorts a batch into {@link Fold#ORDER} (day, kind's intra-day rank, id): an insertion sort on the
   * day and rank as one number, read once per event, leaving only ties (twins' tests, say) to the
   * comparator. A batch is a handful of events, and the comparator's chain of key extractors, called
   * on every comparison, was a visible share of a walk (this sorts a walk's batches in about half the time).
   */
  static void sortInFoldOrder(List<PathwayEvent> batch) {
    sortInFoldOrder(batch, new long[0]);
  }

  /** {@link #sortInFoldOrder(List)} with room for the keys; returns that room, grown if it had to be. */
  static long[] sortInFoldOrder(List<PathwayEvent> batch, long[] scratch) {
    int n = batch.size();
    if (n < 2) {
      return scratch;
    }
    long[] keys = scratch.length >= n ? scratch : new long[Math.max(n, 2 * scratch.length)];
    for (int i = 0; i < n; i++) {
      keys[i] = dayAndRank(batch.get(i));
    }
    for (int i = 1; i < n; i++) {
      PathwayEvent event = batch.get(i);
      long key = keys[i];
      int j = i - 1;
      while (j >= 0 && (keys[j] > key || (keys[j] == key && Fold.ORDER.compare(batch.get(j), event) > 0))) {
        batch.set(j + 1, batch.get(j));
        keys[j + 1] = keys[j];
        j--;
      }
      batch.set(j + 1, event);
      keys[j + 1] = key;
    }
    return keys;
  }

  /** {@link Fold#ORDER}'s first two keys as one number: the day, then the kind's rank within it. */
  private static long dayAndRank(PathwayEvent event) {
    return event.occurredOn().toEpochDay() * KINDS + event.kind().ordinal();
  }

  /**
   * An infant's state in a case state, or null if the infant was not born alive in it: {@link
   * CaseState#infant} without its stream, as the walk asks at every prophylaxis start and at its end.
   */
  static @Nullable InfantState infantState(CaseState state, InfantId infantId) {
    for (InfantState infant : state.infants()) {
      if (infant.infantId().equals(infantId)) {
        return infant;
      }
    }
    return null;
  }

  /**
   * Events are recorded at noon UTC on the day they became known: no clock, so every run is identical.
   * One instance per day while it stays in the table: a pair records some seventy events.
   */
  private static Instant at(LocalDate day) {
    long epochDay = day.toEpochDay();
    long second = epochDay * SECONDS_PER_DAY + NOON; // day.atTime(12, 0).toInstant(UTC)
    int slot = (int) (epochDay & (NOONS.length - 1));
    Instant noon = NOONS[slot];
    if (noon == null || noon.getEpochSecond() != second) {
      noon = Instant.ofEpochSecond(second);
      NOONS[slot] = noon;
    }
    return noon;
  }
}
