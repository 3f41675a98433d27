package org.mentor.core.pathway;

import static java.time.temporal.ChronoUnit.DAYS;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomDistribution;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;
import org.mentor.core.MentorId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.Codes.AppointmentPurpose;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Codes.CounsellingKind;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Codes.ProphylaxisRegimen;
import org.mentor.core.pathway.Codes.RegimenChangeReason;
import org.mentor.core.pathway.Codes.TracingOutcome;
import org.mentor.core.protocol.ProtocolRef;

/**
 * Generators of realistic synthetic cases for {@link FoldPropertiesTest}: an enrolment (HIV
 * status positive, unknown or negative with a later diagnosis; dated by LMP, EDD or gestational
 * age), ART (sometimes started years before the pregnancy, sometimes before the diagnosis),
 * visits with viral loads, pill counts, counselling and appointments kept late or missed, a
 * delivery (single, twins, a stillbirth, or twins with one stillborn) with the same-day cluster of
 * feeding, prophylaxis start and a birth NAT, later infant tests and deaths, back-dated maternal
 * deaths and transfers, then corrections (chains of corrections of corrections, and competing
 * corrections of one event) and voids (of leaves, of corrections, of a delivery other events name).
 *
 * <p>Cases are built from a {@link Dice} choice sequence: a value of 0, or running out of values,
 * always picks the simplest option, so when jqwik shrinks the sequence the case shrinks too.
 *
 * <p>Each event is a {@link Node} that names the events it must arrive after: the enrolment
 * first; a delivery before events naming its infants; a correction or void after its target; the
 * void of a delivery after every event (and correction) naming its infants. The canonical order
 * (the order of {@link Scenario#nodes()}) respects them; {@link Arrival} draws other orders that do.
 * Every value is synthetic.
 */
final class GenCases {
  static final CaseId CASE = CaseId.of("prop-case");
  static final RecordedBy CLINIC = new RecordedBy("user-1", "facility-1", "mentor-props");
  static final RecordedBy LAB = new RecordedBy("lab-1", "facility-1", "lab-system");
  static final ProtocolRef WHO_REF = new ProtocolRef("WHO_2021", "1");
  private static final LocalDate FIRST_LMP = LocalDate.of(2024, 1, 1);
  private static final MotherId MOTHER = MotherId.of("prop-mother");

  private GenCases() {}

  /** A choice sequence read front to back; 0, and running out, pick the simplest option. */
  static final class Dice {
    private final List<Integer> values;
    private int next;

    Dice(List<Integer> values) {
      this.values = List.copyOf(values);
    }

    /** A value in {@code [0, n)}. */
    int pick(int n) {
      int value = next < values.size() ? values.get(next) : 0;
      next++;
      return n <= 1 ? 0 : value % n;
    }

    /** True with about the given chance in percent (false for 0). */
    boolean maybe(int percent) {
      return pick(100) >= 100 - percent;
    }

    <T> T oneOf(List<T> options) {
      return options.get(pick(options.size()));
    }

    @Override
    public String toString() {
      return "Dice" + values;
    }
  }

  /** An event and the ids of the events that must arrive before it. */
  record Node(PathwayEvent event, ImmutableSet<EventId> after) {
    EventId id() {
      return event.id();
    }

    /** The event's content: the replacement of a correction, else the event. */
    PathwayEvent content() {
      return event instanceof Corrected c ? c.replacement() : event;
    }
  }

  /**
   * A generated case: its nodes in a canonical arrival order, and what the generator knows about
   * it.
   */
  record Scenario(
      ImmutableList<Node> nodes, LocalDate lmp, LocalDate enrolledOn, Optional<LocalDate> deliveredOn, LocalDate lastDate) {

    ImmutableList<PathwayEvent> events() {
      return nodes.stream().map(Node::event).collect(ImmutableList.toImmutableList());
    }

    CaseFile file() {
      return CaseFile.replay(CASE, events());
    }

    Optional<Node> node(EventId id) {
      return nodes.stream().filter(n -> n.id().equals(id)).findFirst();
    }

    /** The root of an event's correction chain. */
    EventId rootOf(EventId id) {
      PathwayEvent event = node(id).orElseThrow().event();
      while (event instanceof Corrected c) {
        event = node(c.corrects()).orElseThrow().event();
      }
      return event.id();
    }

    /** A root and every correction of it, transitively. */
    Set<EventId> chain(EventId root) {
      Set<EventId> chain = new LinkedHashSet<>();
      chain.add(root);
      boolean grew = true;
      while (grew) {
        grew = false;
        for (Node node : nodes) {
          if (node.event() instanceof Corrected c && chain.contains(c.corrects()) && chain.add(node.id())) {
            grew = true;
          }
        }
      }
      return chain;
    }

    /** The same scenario without some nodes (and without dependencies on them). */
    Scenario without(Predicate<Node> removed) {
      Set<EventId> gone = new HashSet<>();
      nodes.stream().filter(removed).forEach(n -> gone.add(n.id()));
      ImmutableList<Node> kept = nodes.stream()
          .filter(n -> !gone.contains(n.id()))
          .map(n -> new Node(n.event(), n.after().stream().filter(id -> !gone.contains(id)).collect(ImmutableSet.toImmutableSet())))
          .collect(ImmutableList.toImmutableList());
      return new Scenario(kept, lmp, enrolledOn, deliveredOn, lastDate);
    }

    /** Whether a node is about an infant (for a correction: its replacement is). */
    static boolean aboutInfant(Node node) {
      return node.content().aboutInfant().isPresent();
    }

    /** The root ids of the delivery chains (normally one). */
    List<EventId> deliveryRoots() {
      return nodes.stream().filter(n -> n.event().kind() == EventKind.DELIVERED).map(Node::id).toList();
    }

    /** Dates worth evaluating on: enrolment, delivery, end of the postnatal period, the middle, the end and later. */
    ImmutableList<LocalDate> evaluationDates() {
      Set<LocalDate> dates = new LinkedHashSet<>();
      dates.add(enrolledOn);
      deliveredOn.ifPresent(d -> {
        dates.add(d);
        dates.add(d.plusDays(42));
        dates.add(d.plusMonths(18).plusDays(28));
      });
      dates.add(lastDate);
      dates.add(lastDate.plusDays(30));
      dates.add(enrolledOn.plusDays(DAYS.between(enrolledOn, lastDate) / 2));
      return ImmutableList.copyOf(dates);
    }
  }

  /** A scenario with one arrival order that respects its dependencies. */
  record Arrival(Scenario scenario, ImmutableList<Integer> priorities) {
    /**
     * The events in arrival order: repeatedly the ready node (every dependency arrived) with the
     * lowest priority, ties by canonical position; all priorities 0 give the canonical order.
     */
    ImmutableList<PathwayEvent> events() {
      List<Node> nodes = scenario.nodes();
      boolean[] placed = new boolean[nodes.size()];
      Set<EventId> arrived = new HashSet<>();
      ImmutableList.Builder<PathwayEvent> order = ImmutableList.builder();
      for (int round = 0; round < nodes.size(); round++) {
        int best = -1;
        for (int i = 0; i < nodes.size(); i++) {
          if (!placed[i] && arrived.containsAll(nodes.get(i).after())
              && (best < 0 || priority(i) < priority(best))) {
            best = i;
          }
        }
        if (best < 0) {
          throw new IllegalStateException("the dependencies have a cycle: " + nodes);
        }
        placed[best] = true;
        arrived.add(nodes.get(best).id());
        order.add(nodes.get(best).event());
      }
      return order.build();
    }

    private int priority(int index) {
      return index < priorities.size() ? priorities.get(index) : 0;
    }
  }

  /** Uniform values (jqwik's default leans to small ones, which would mostly pick the simplest option). */
  static Arbitrary<Integer> uniform(int below) {
    return Arbitraries.integers().between(0, below - 1).withDistribution(RandomDistribution.uniform());
  }

  static Arbitrary<Dice> dice() {
    return uniform(10_000).list().ofMinSize(150).ofMaxSize(300).map(Dice::new);
  }

  static Arbitrary<Scenario> scenarios() {
    return dice().map(GenCases::scenario);
  }

  static Arbitrary<Arrival> arrivals() {
    return scenarios().flatMap(s -> uniform(1_000).list().ofSize(s.nodes().size())
        .map(p -> new Arrival(s, ImmutableList.copyOf(p))));
  }

  /** Builds nodes, giving each event the next id and a dependency on the enrolment. */
  static final class Draft {
    final Dice d;
    final List<Node> nodes = new ArrayList<>();
    private int seq;
    private EventId enrolment;

    Draft(Dice d) {
      this.d = d;
    }

    EventId id() {
      return EventId.of(String.format("ev-%03d", ++seq));
    }

    /** Noon UTC on the day, a few hours later when the dice say so. */
    Instant at(LocalDate day) {
      return day.atTime(12, 0).toInstant(ZoneOffset.UTC).plus(Duration.ofMinutes(d.pick(4) == 3 ? d.pick(600) : 0));
    }

    <E extends PathwayEvent> E add(E event, EventId... after) {
      Set<EventId> deps = new LinkedHashSet<>(List.of(after));
      if (event.kind() == EventKind.ENROLLED && enrolment == null) {
        enrolment = event.id();
      } else {
        deps.add(enrolment);
      }
      nodes.add(new Node(event, ImmutableSet.copyOf(deps)));
      return event;
    }

    LocalDate last() {
      LocalDate last = nodes.get(0).event().occurredOn();
      for (Node node : nodes) {
        PathwayEvent e = node.content();
        last = later(last, e.occurredOn());
        if (e instanceof ViralLoadResulted vl) {
          last = later(last, vl.resultDate());
        }
        if (e instanceof InfantHivTested t && t.resultDate().isPresent()) {
          last = later(last, t.resultDate().get());
        }
        if (e instanceof AppointmentSet a) {
          last = later(last, a.appointmentOn());
        }
      }
      return last;
    }
  }

  static final List<ViralLoad> RESULTS = List.of(ViralLoad.belowLimit(50), ViralLoad.notDetected(), ViralLoad.copies(45),
      ViralLoad.copies(180), ViralLoad.copies(850), ViralLoad.copies(1000), ViralLoad.copies(1001), ViralLoad.copies(2400),
      ViralLoad.copies(15_400));

  /** A realistic case, maybe with corrections and voids. */
  static Scenario scenario(Dice d) {
    Draft x = new Draft(d);
    LocalDate lmp = FIRST_LMP.plusDays(d.pick(731));
    LocalDate enrolledOn = lmp.plusDays(7L * (8 + d.pick(28)) + d.pick(7));
    HivStatus status = switch (d.pick(4)) {
      case 2 -> HivStatus.UNKNOWN;
      case 3 -> HivStatus.NEGATIVE;
      default -> HivStatus.POSITIVE;
    };
    enrol(x, lmp, enrolledOn, status);
    if (d.maybe(40)) {
      x.add(new MentorAssigned(x.id(), enrolledOn, x.at(enrolledOn), CLINIC, MentorId.of("mentor-" + (1 + d.pick(3)))));
    }
    if (d.maybe(30)) {
      x.add(new ConsentRecorded(x.id(), enrolledOn, x.at(enrolledOn), CLINIC, d.maybe(50), d.maybe(50), d.maybe(50), false));
    }

    // Diagnosis and ART.
    Regimen regimen = d.maybe(20) ? Regimen.TLE : Regimen.TLD;
    LocalDate diagnosed = null;
    if (status == HivStatus.POSITIVE) {
      diagnosed = enrolledOn;
      LocalDate art = d.maybe(25) ? enrolledOn.minusDays(30 + d.pick(900)) : enrolledOn.plusDays(d.pick(4) == 3 ? 1 + d.pick(14) : 0);
      x.add(new ArtStarted(x.id(), art, x.at(art), CLINIC, regimen));
    } else {
      if (status == HivStatus.UNKNOWN) {
        boolean positive = !d.maybe(30);
        x.add(new MaternalHivTested(x.id(), enrolledOn, x.at(enrolledOn), CLINIC, positive ? HivTestResult.POSITIVE : HivTestResult.NEGATIVE));
        diagnosed = positive ? enrolledOn : null;
      }
      if (diagnosed == null && d.maybe(50)) {
        diagnosed = enrolledOn.plusDays(30 + d.pick(400));
        x.add(new MaternalHivTested(x.id(), diagnosed, x.at(diagnosed), CLINIC, HivTestResult.POSITIVE));
      }
      if (diagnosed != null) {
        // Sometimes dated before the diagnosis (DQ-003), as clinics do record.
        LocalDate art = d.maybe(10) ? diagnosed.minusDays(1 + d.pick(5)) : diagnosed.plusDays(d.pick(4) == 3 ? 1 + d.pick(14) : 0);
        x.add(new ArtStarted(x.id(), art, x.at(art), CLINIC, regimen));
      }
    }

    int deliveryKind = d.pick(12);
    LocalDate deliveredOn = later(enrolledOn.plusDays(1 + d.pick(20)), lmp.plusDays(238 + d.pick(63)));
    LocalDate end = deliveryKind == 0 ? enrolledOn.plusDays(30 + d.pick(200)) : deliveredOn.plusDays(30 + d.pick(540));

    motherVisits(x, enrolledOn, end);

    if (d.maybe(6)) {
      LocalDate out = enrolledOn.plusDays(1 + d.pick((int) DAYS.between(enrolledOn, end)));
      x.add(new TransferredOut(x.id(), out, x.at(out), CLINIC, Subject.mother()));
      if (d.maybe(50)) {
        LocalDate back = out.plusDays(1 + d.pick(90));
        x.add(new TransferredIn(x.id(), back, x.at(back), CLINIC, Subject.mother()));
      }
    }

    List<InfantId> live = new ArrayList<>();
    EventId delivery = null;
    if (deliveryKind != 0) {
      List<Birth> births = new ArrayList<>();
      InfantId a = infant("A");
      InfantId b = infant("B");
      if (deliveryKind <= 7) {
        births.add(liveBirth(d, a));
      } else if (deliveryKind <= 9) {
        births.add(liveBirth(d, a));
        births.add(liveBirth(d, b));
      } else if (deliveryKind == 10) {
        births.add(new Birth(a, Birth.Sex.UNDETERMINED, Optional.empty(), Birth.Outcome.STILLBIRTH));
      } else {
        births.add(liveBirth(d, a));
        births.add(new Birth(b, Birth.Sex.MALE, Optional.of(900 + d.pick(1000)), Birth.Outcome.STILLBIRTH));
      }
      delivery = x.add(new Delivered(x.id(), deliveredOn, x.at(deliveredOn), CLINIC, ImmutableList.copyOf(births))).id();
      births.stream().filter(Birth::isLive).forEach(birth -> live.add(birth.infantId()));
      boolean replacementFed = d.maybe(15);
      for (InfantId infant : live) {
        infantEvents(x, delivery, infant, deliveredOn, replacementFed);
      }
    }

    if (d.maybe(5)) {
      // An explicit move to another protocol version (the fold keeps the latest in fold order).
      LocalDate moved = enrolledOn.plusDays(1 + d.pick((int) DAYS.between(enrolledOn, end)));
      x.add(new ProtocolChanged(x.id(), moved, x.at(moved), CLINIC, new ProtocolRef("WHO_2021", "2")));
    }
    if (d.maybe(10)) {
      // A death recorded late and dated back among the visits (DQ-006 and DQ-002 for what follows it).
      LocalDate died = enrolledOn.plusDays(1 + d.pick((int) DAYS.between(enrolledOn, end)));
      x.add(new Died(x.id(), died, x.at(end.plusDays(10)), CLINIC, Subject.mother()));
    }

    corrections(x, lmp);
    voids(x, delivery);
    return new Scenario(ImmutableList.copyOf(x.nodes), lmp, enrolledOn,
        deliveryKind == 0 ? Optional.empty() : Optional.of(deliveredOn), x.last());
  }

  private static void enrol(Draft x, LocalDate lmp, LocalDate enrolledOn, HivStatus status) {
    Dice d = x.d;
    Optional<LocalDate> lmpField = Optional.of(lmp);
    Optional<LocalDate> edd = Optional.empty();
    Optional<Integer> ga = Optional.empty();
    switch (d.pick(4)) {
      case 1 -> {
        lmpField = Optional.empty();
        edd = Optional.of(lmp.plusDays(280));
      }
      case 2 -> {
        lmpField = Optional.of(lmp.plusDays(d.pick(11)));
        edd = Optional.of(lmp.plusDays(280));
      }
      case 3 -> {
        lmpField = Optional.empty();
        ga = Optional.of((int) DAYS.between(lmp, enrolledOn));
      }
      default -> { }
    }
    x.add(new Enrolled(x.id(), enrolledOn, x.at(enrolledOn), CLINIC, MOTHER, WHO_REF, status, lmpField, edd, ga));
  }

  private static Birth liveBirth(Dice d, InfantId infant) {
    Optional<Integer> weight = d.maybe(10) ? Optional.empty() : Optional.of(1500 + d.pick(3000));
    return new Birth(infant, d.maybe(50) ? Birth.Sex.MALE : Birth.Sex.FEMALE, weight, Birth.Outcome.LIVE_BIRTH);
  }

  static InfantId infant(String name) {
    return new InfantId(UUID.nameUUIDFromBytes((CASE + "/infant-" + name).getBytes(StandardCharsets.UTF_8)));
  }

  /** Visits from enrolment to the end: appointments set and kept (sometimes late), returns after an interruption. */
  private static void motherVisits(Draft x, LocalDate from, LocalDate end) {
    Dice d = x.d;
    LocalDate visit = from;
    LocalDate appointment = null;
    int dispensed = 0;
    int visits = d.pick(10);
    for (int i = 0; i < visits; i++) {
      LocalDate next = appointment != null
          ? appointment.plusDays(d.pick(5) == 4 ? d.pick(60) : 0)
          : visit.plusDays(14 + d.pick(60));
      if (next.isAfter(end)) {
        break;
      }
      visit = next;
      if (appointment != null) {
        if (DAYS.between(appointment, visit) >= 28 && d.maybe(50)) {
          x.add(new ReturnedToCare(x.id(), visit, x.at(visit), CLINIC));
        } else {
          x.add(new AppointmentKept(x.id(), visit, x.at(visit), CLINIC, appointment));
        }
      }
      switch (d.pick(8)) {
        case 1 -> {
          LocalDate resultOn = visit.plusDays(d.pick(21));
          x.add(new ViralLoadResulted(x.id(), visit, x.at(resultOn), LAB, resultOn, d.oneOf(RESULTS)));
        }
        case 2 -> {
          if (dispensed > 0) {
            int days = 28 + d.pick(8);
            int remaining = Math.max(0, Math.min(dispensed, dispensed - days + d.pick(11) - 5));
            x.add(new PillCounted(x.id(), visit, x.at(visit), CLINIC, dispensed, remaining, days, 1));
          }
          dispensed = 30 * (1 + d.pick(3));
          x.add(new ArvsDispensed(x.id(), visit, x.at(visit), CLINIC, dispensed, dispensed));
        }
        case 3 -> x.add(new AdherenceCounselled(x.id(), visit, x.at(visit), CLINIC,
            d.maybe(50) ? CounsellingKind.ENHANCED : CounsellingKind.ROUTINE));
        case 4 -> x.add(new MentorVisited(x.id(), visit, x.at(visit), CLINIC, d.oneOf(List.of(ContactMode.values()))));
        case 5 -> x.add(new TracingAttempted(x.id(), visit, x.at(visit), CLINIC, ContactMode.PHONE,
            d.oneOf(List.of(TracingOutcome.values()))));
        case 6 -> x.add(new RegimenChanged(x.id(), visit, x.at(visit), CLINIC, Regimen.TLD, RegimenChangeReason.OPTIMISATION));
        case 7 -> {
          LocalDate sample = visit.minusDays(d.pick(3));
          x.add(new MaternalHivTested(x.id(), sample, x.at(sample), CLINIC, d.oneOf(List.of(HivTestResult.values()))));
        }
        default -> { }
      }
      appointment = d.maybe(60) ? visit.plusDays(28 + d.pick(63)) : null;
      if (appointment != null) {
        x.add(new AppointmentSet(x.id(), visit, x.at(visit), CLINIC, appointment, AppointmentPurpose.ART_REFILL));
      }
    }
  }

  /** The same-day cluster at birth, then the infant's follow-up. */
  private static void infantEvents(Draft x, EventId delivery, InfantId infant, LocalDate born, boolean replacementFed) {
    Dice d = x.d;
    x.add(new FeedingRecorded(x.id(), born, x.at(born), CLINIC, infant,
        replacementFed ? FeedingMode.REPLACEMENT_FEEDING : FeedingMode.EXCLUSIVE_BREASTFEEDING), delivery);
    LocalDate prophylaxis = born.plusDays(d.maybe(15) ? 1 + d.pick(7) : 0);
    x.add(new InfantProphylaxisStarted(x.id(), prophylaxis, x.at(prophylaxis), CLINIC, infant,
        d.maybe(20) ? ProphylaxisRegimen.AZT_NVP : ProphylaxisRegimen.NVP), delivery);
    if (d.maybe(50)) {
      // Birth NAT on the delivery day: pending (its result comes as a correction) or returned later.
      if (d.maybe(40)) {
        x.add(new InfantHivTested(x.id(), born, x.at(born), CLINIC, infant, InfantTestType.NAT, InfantTestResult.PENDING,
            Optional.empty()), delivery);
      } else {
        LocalDate resultOn = born.plusDays(d.pick(21));
        x.add(new InfantHivTested(x.id(), born, x.at(resultOn), LAB, infant, InfantTestType.NAT, InfantTestResult.NEGATIVE,
            Optional.of(resultOn)), delivery);
      }
    }
    boolean positive = false;
    if (d.maybe(60)) {
      LocalDate sample = born.plusDays(42 + d.pick(14));
      LocalDate resultOn = sample.plusDays(d.pick(21));
      positive = d.maybe(8);
      x.add(new InfantHivTested(x.id(), sample, x.at(resultOn), LAB, infant, InfantTestType.NAT,
          positive ? InfantTestResult.POSITIVE : InfantTestResult.NEGATIVE, Optional.of(resultOn)), delivery);
      if (positive) {
        x.add(new InfantArtStarted(x.id(), resultOn, x.at(resultOn), CLINIC, infant), delivery);
        LocalDate confirmResult = resultOn.plusDays(7 + d.pick(14));
        x.add(new InfantHivTested(x.id(), resultOn, x.at(confirmResult), LAB, infant, InfantTestType.NAT,
            d.maybe(80) ? InfantTestResult.POSITIVE : InfantTestResult.NEGATIVE, Optional.of(confirmResult)), delivery);
      }
    }
    if (d.maybe(30)) {
      LocalDate ctx = born.plusDays(42 + d.pick(14));
      x.add(new CotrimoxazoleStarted(x.id(), ctx, x.at(ctx), CLINIC, infant), delivery);
    }
    if (d.maybe(30)) {
      LocalDate stop = prophylaxis.plusDays(42);
      x.add(new InfantProphylaxisStopped(x.id(), stop, x.at(stop), CLINIC, infant), delivery);
    }
    if (!positive && d.maybe(8)) {
      // ART with no positive result: the table does not expect it (DQ-004).
      LocalDate art = born.plusDays(30 + d.pick(30));
      x.add(new InfantArtStarted(x.id(), art, x.at(art), CLINIC, infant), delivery);
    }
    if (d.maybe(15)) {
      LocalDate stopped = born.plusMonths(6 + d.pick(9));
      x.add(new FeedingRecorded(x.id(), stopped, x.at(stopped), CLINIC, infant, FeedingMode.BREASTFEEDING_STOPPED), delivery);
      LocalDate finalTest = later(born.plusMonths(18), stopped.plusMonths(3)).plusDays(d.pick(20));
      x.add(new InfantHivTested(x.id(), finalTest, x.at(finalTest), LAB, infant, InfantTestType.ANTIBODY,
          InfantTestResult.NEGATIVE, Optional.of(finalTest)), delivery);
    }
    if (d.maybe(6)) {
      // The infant alone transferred out, sometimes back in.
      LocalDate out = born.plusDays(14 + d.pick(200));
      x.add(new TransferredOut(x.id(), out, x.at(out), CLINIC, Subject.infant(infant)), delivery);
      if (d.maybe(50)) {
        LocalDate back = out.plusDays(1 + d.pick(60));
        x.add(new TransferredIn(x.id(), back, x.at(back), CLINIC, Subject.infant(infant)), delivery);
      }
    }
    if (d.maybe(8)) {
      LocalDate died = born.plusDays(d.pick(400));
      x.add(new Died(x.id(), died, x.at(died.plusDays(d.pick(30))), CLINIC, Subject.infant(infant)), delivery);
      if (d.maybe(50)) {
        LocalDate after = died.plusDays(1 + d.pick(20));
        x.add(new FeedingRecorded(x.id(), after, x.at(after), CLINIC, infant, FeedingMode.MIXED_FEEDING), delivery);
      }
    }
  }

  private static final Set<EventKind> CORRECTABLE = Set.of(EventKind.VIRAL_LOAD_RESULTED, EventKind.PILL_COUNTED,
      EventKind.INFANT_HIV_TESTED, EventKind.APPOINTMENT_SET, EventKind.ART_STARTED, EventKind.DELIVERED, EventKind.DIED,
      EventKind.MENTOR_VISITED, EventKind.ENROLLED);

  /** Corrections, sometimes of corrections, sometimes competing for one event; pending results arrive as corrections. */
  private static void corrections(Draft x, LocalDate lmp) {
    Dice d = x.d;
    for (Node node : List.copyOf(x.nodes)) {
      if (node.event() instanceof InfantHivTested test && test.result() == InfantTestResult.PENDING && d.maybe(70)) {
        LocalDate resultOn = test.sampleDate().plusDays(7 + d.pick(21));
        correct(x, node, new InfantHivTested(x.id(), test.sampleDate(), x.at(resultOn), LAB, test.infantId(), test.testType(),
            d.maybe(90) ? InfantTestResult.NEGATIVE : InfantTestResult.POSITIVE, Optional.of(resultOn)));
      }
    }
    int count = d.pick(5);
    for (int i = 0; i < count; i++) {
      List<Node> targets = x.nodes.stream().filter(n -> CORRECTABLE.contains(n.content().kind())).toList();
      Node target = d.oneOf(targets);
      Node correction = correct(x, target, replacement(x, target.content(), lmp));
      while (correction != null && d.maybe(40)) {
        // A correction of the correction.
        correction = correct(x, correction, replacement(x, correction.content(), lmp));
      }
    }
  }

  private static Node correct(Draft x, Node target, PathwayEvent replacement) {
    x.add(new Corrected(target.id(), replacement), target.id());
    return x.nodes.get(x.nodes.size() - 1);
  }

  /**
   * A corrected version of an event with a new id, recorded later (or, now and then, at the same
   * instant or earlier than the correction it corrects: devices' clocks differ). Corrections keep
   * infant dates on or after the birth and infant ids as they were, so no arrival order refuses them.
   */
  private static PathwayEvent replacement(Draft x, PathwayEvent old, LocalDate lmp) {
    Dice d = x.d;
    EventId id = x.id();
    Instant at = switch (d.pick(10)) {
      case 8 -> old.recordedAt();
      case 9 -> old.recordedAt().minus(Duration.ofHours(1 + d.pick(48)));
      default -> old.recordedAt().plus(Duration.ofHours(1 + d.pick(24 * 40)));
    };
    RecordedBy by = d.maybe(50) ? LAB : CLINIC;
    return switch (old.kind()) {
      case VIRAL_LOAD_RESULTED -> {
        ViralLoadResulted vl = (ViralLoadResulted) old;
        LocalDate sample = vl.sampleDate().plusDays(d.pick(7) - 3);
        LocalDate result = later(sample, vl.resultDate()).plusDays(d.pick(5));
        yield new ViralLoadResulted(id, sample, at, by, result, d.oneOf(RESULTS));
      }
      case PILL_COUNTED -> {
        PillCounted count = (PillCounted) old;
        yield new PillCounted(id, count.occurredOn(), at, by, count.pillsDispensed(), d.pick(count.pillsDispensed() + 1),
            count.daysSinceDispensing(), count.dailyDoses());
      }
      case INFANT_HIV_TESTED -> {
        InfantHivTested test = (InfantHivTested) old;
        InfantTestResult result = d.oneOf(List.of(InfantTestResult.NEGATIVE, InfantTestResult.POSITIVE,
            InfantTestResult.INDETERMINATE, InfantTestResult.PENDING));
        Optional<LocalDate> resultOn = result == InfantTestResult.PENDING ? Optional.empty()
            : Optional.of(test.sampleDate().plusDays(d.pick(28)));
        yield new InfantHivTested(id, test.sampleDate(), at, by, test.infantId(), test.testType(), result, resultOn);
      }
      case APPOINTMENT_SET -> {
        AppointmentSet set = (AppointmentSet) old;
        yield new AppointmentSet(id, set.occurredOn(), at, by, later(set.occurredOn(), set.appointmentOn().plusDays(d.pick(15) - 7)),
            set.purpose());
      }
      case ART_STARTED -> {
        ArtStarted art = (ArtStarted) old;
        yield new ArtStarted(id, art.occurredOn().plusDays(d.pick(21) - 10), at, by, d.maybe(50) ? Regimen.TLE : art.regimen());
      }
      case DELIVERED -> {
        // Same infants and outcomes; the weights and sexes corrected; maybe the date one or two days earlier.
        Delivered delivered = (Delivered) old;
        LocalDate on = delivered.occurredOn().minusDays(d.pick(3));
        ImmutableList<Birth> births = delivered.births().stream()
            .map(b -> new Birth(b.infantId(), d.maybe(50) ? Birth.Sex.UNDETERMINED : b.sex(),
                b.isLive() ? Optional.of(1000 + d.pick(4000)) : b.birthWeightGrams(), b.outcome()))
            .collect(ImmutableList.toImmutableList());
        yield new Delivered(id, later(on, lmp.plusDays(1)), at, by, births);
      }
      case DIED -> {
        Died died = (Died) old;
        yield new Died(id, died.occurredOn().plusDays(d.pick(11)), at, by, died.subject());
      }
      case MENTOR_VISITED -> new MentorVisited(id, old.occurredOn().plusDays(d.pick(3)), at, by, d.oneOf(List.of(ContactMode.values())));
      case ENROLLED -> {
        Enrolled e = (Enrolled) old;
        yield new Enrolled(id, e.occurredOn(), at, by, e.motherId(), e.protocol(), e.hivStatus(), e.lmp(), e.edd(),
            e.gestationalAgeDays());
      }
      default -> throw new IllegalArgumentException("not correctable here: " + old.kind());
    };
  }

  /** Voids of leaves and of corrections; now and then of the delivery other events name. */
  private static void voids(Draft x, EventId delivery) {
    Dice d = x.d;
    int count = d.pick(4);
    for (int i = 0; i < count; i++) {
      List<Node> targets = x.nodes.stream().filter(n -> n.event().kind() != EventKind.VOIDED
          && n.content().kind() != EventKind.ENROLLED && n.content().kind() != EventKind.DELIVERED).toList();
      if (targets.isEmpty()) {
        return;
      }
      voidOf(x, d.oneOf(targets), Set.of());
    }
    if (delivery != null && d.maybe(15)) {
      List<Node> chain = x.nodes.stream().filter(n -> n.content().kind() == EventKind.DELIVERED).toList();
      Set<EventId> dependents = new LinkedHashSet<>();
      x.nodes.stream().filter(Scenario::aboutInfant).forEach(n -> dependents.add(n.id()));
      voidOf(x, d.oneOf(chain), dependents);
    }
  }

  private static void voidOf(Draft x, Node target, Set<EventId> alsoAfter) {
    Instant at = target.event().recordedAt().plus(Duration.ofDays(1 + x.d.pick(60)));
    Set<EventId> after = new LinkedHashSet<>(alsoAfter);
    after.add(target.id());
    x.add(new Voided(x.id(), at.atZone(ZoneOffset.UTC).toLocalDate(), at, CLINIC, target.id(), "entered in error"),
        after.toArray(EventId[]::new));
  }

  /**
   * A case whose last clinical contact (maternal.md R4) is on {@code lastContact}, where an
   * appointment is set for {@code appointment}; after it only events that are no clinical contact
   * (mentor visits, tracing that does not reach her, consent, the infant's events).
   */
  record MissedAppointment(Scenario scenario, LocalDate lastContact, LocalDate appointment) {}

  static Arbitrary<MissedAppointment> missedAppointments() {
    return dice().map(GenCases::missedAppointment);
  }

  static MissedAppointment missedAppointment(Dice d) {
    Draft x = new Draft(d);
    LocalDate lmp = FIRST_LMP.plusDays(d.pick(731));
    LocalDate enrolledOn = lmp.plusDays(7L * (8 + d.pick(20)) + d.pick(7));
    enrol(x, lmp, enrolledOn, HivStatus.POSITIVE);
    LocalDate art = d.maybe(30) ? enrolledOn.minusDays(30 + d.pick(900)) : enrolledOn;
    x.add(new ArtStarted(x.id(), art, x.at(art), CLINIC, Regimen.TLD));
    LocalDate deliveredOn = lmp.plusDays(259 + d.pick(28));
    EventId delivery = null;
    LocalDate visit = enrolledOn;
    LocalDate appointment = null;
    int visits = d.pick(8);
    for (int i = 0; i < visits; i++) {
      // Kept on the day or up to 20 days late: never 28 days, so she is in care at the last visit.
      visit = appointment != null ? appointment.plusDays(d.pick(4) == 3 ? 1 + d.pick(20) : 0) : visit.plusDays(14 + d.pick(40));
      if (delivery == null && !deliveredOn.isAfter(visit) && d.maybe(60)) {
        delivery = x.add(new Delivered(x.id(), deliveredOn, x.at(deliveredOn), CLINIC,
            ImmutableList.of(Birth.live(infant("A"), Birth.Sex.FEMALE, 3000)))).id();
        x.add(new FeedingRecorded(x.id(), deliveredOn, x.at(deliveredOn), CLINIC, infant("A"),
            FeedingMode.EXCLUSIVE_BREASTFEEDING), delivery);
        x.add(new InfantProphylaxisStarted(x.id(), deliveredOn, x.at(deliveredOn), CLINIC, infant("A"), ProphylaxisRegimen.NVP),
            delivery);
      }
      if (appointment != null) {
        x.add(new AppointmentKept(x.id(), visit, x.at(visit), CLINIC, appointment));
      }
      switch (appointment == null ? 1 + d.pick(3) : d.pick(4)) {
        case 1 -> x.add(new ViralLoadResulted(x.id(), visit, x.at(visit.plusDays(7)), LAB, visit.plusDays(d.pick(30)),
            d.oneOf(RESULTS)));
        case 2 -> x.add(new ArvsDispensed(x.id(), visit, x.at(visit), CLINIC, 90, 90));
        case 3 -> x.add(new AdherenceCounselled(x.id(), visit, x.at(visit), CLINIC, CounsellingKind.ROUTINE));
        default -> { }
      }
      appointment = i < visits - 1 && d.maybe(70) ? visit.plusDays(28 + d.pick(56)) : null;
      if (appointment != null) {
        x.add(new AppointmentSet(x.id(), visit, x.at(visit), CLINIC, appointment, AppointmentPurpose.ART_REFILL));
      }
    }
    LocalDate lastContact = delivery != null && deliveredOn.isAfter(visit) ? deliveredOn : visit;
    LocalDate missed = lastContact.plusDays(7 + d.pick(84));
    x.add(new AppointmentSet(x.id(), lastContact, x.at(lastContact), CLINIC, missed, AppointmentPurpose.ART_REFILL));
    // What follows is no clinical contact: it must not move retention.
    int others = d.pick(6);
    List<TracingOutcome> notReached = List.of(TracingOutcome.NOT_REACHED, TracingOutcome.NOT_LOCATED, TracingOutcome.MOVED_AWAY,
        TracingOutcome.HOSPITALISED, TracingOutcome.REFUSED_TO_RETURN);
    for (int i = 0; i < others; i++) {
      LocalDate on = lastContact.plusDays(1 + d.pick((int) DAYS.between(lastContact, missed) + 60));
      switch (d.pick(5)) {
        case 1 -> x.add(new TracingAttempted(x.id(), on, x.at(on), CLINIC, d.oneOf(List.of(ContactMode.values())), d.oneOf(notReached)));
        case 2 -> x.add(new ConsentRecorded(x.id(), on, x.at(on), CLINIC, true, d.maybe(50), d.maybe(50), false));
        case 3 -> x.add(new MentorAssigned(x.id(), on, x.at(on), CLINIC, MentorId.of("mentor-2")));
        case 4 -> {
          if (delivery != null && !on.isBefore(deliveredOn)) {
            x.add(new InfantHivTested(x.id(), on, x.at(on), LAB, infant("A"), InfantTestType.NAT, InfantTestResult.NEGATIVE,
                Optional.of(on)), delivery);
          }
        }
        default -> x.add(new MentorVisited(x.id(), on, x.at(on), CLINIC, d.oneOf(List.of(ContactMode.values()))));
      }
    }
    Scenario scenario = new Scenario(ImmutableList.copyOf(x.nodes), lmp, enrolledOn,
        delivery == null ? Optional.empty() : Optional.of(deliveredOn), x.last());
    return new MissedAppointment(scenario, lastContact, missed);
  }

  static LocalDate later(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }
}
