package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.schedule.RecordingOrder.at;
import static org.mentor.core.schedule.RecordingOrder.infant;
import static org.mentor.core.schedule.RecordingOrder.next;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Codes.HivTestResult;
import org.mentor.core.pathway.Codes.InfantTestResult;
import org.mentor.core.pathway.Codes.InfantTestType;
import org.mentor.core.pathway.Corrected;
import org.mentor.core.pathway.Died;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.Facts;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.GeneratedCases;
import org.mentor.core.pathway.InfantHivTested;
import org.mentor.core.pathway.MaternalHivTested;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.ProtocolChanged;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.Subject;
import org.mentor.core.pathway.TransferredOut;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * The provisional plan ({@link Plan#replan} with a day it holds
 * on) and the family rule's kept occurrences ({@link Scheduler#replan}, a bit per occurrence):
 * a case grown one event at a time — twins of whom one dies or transfers out, infant tests whose
 * results return late (or never), a mother diagnosed during follow-up, 3 to 14 or 65 to 90 viral
 * loads (families longer than a {@code long}'s bits), results returned on the days of other
 * events, corrections and voids recorded after a provisional plan, a protocol change — viewed
 * several times after each event: on its day, on the days its pending results return and the day
 * before, going back in time, and under another protocol in between. Every schedule must equal
 * {@link Schedule#compute}.
 */
class ProvisionalPlanPropertiesTest {
  private static final RecordedBy BY = new RecordedBy("clerk", "clinic", "review", Optional.empty());
  private static final int[] COPIES = {20, 40, 400, 999, 1000, 5000, 250_000};

  @Property(tries = 60, seed = "20261125")
  void every_view_after_each_event_equals_the_schedule_computed_from_scratch(@ForAll long seed) {
    ImmutableList<Protocol> protocols = Protocols.builtIn();
    for (Protocol start : protocols) {
      Random random = new Random(seed ^ start.ref().hashCode());
      walk(seed, start, protocols, random, random.nextInt(3) == 0);
    }
  }

  /** Only long families (65 to 90 viral loads): the occurrences past the 64th are never kept by a bit. */
  @Property(tries = 15, seed = "20261127")
  void long_viral_load_families_equal_the_schedule_computed_from_scratch(@ForAll long seed) {
    ImmutableList<Protocol> protocols = Protocols.builtIn();
    for (Protocol start : protocols) {
      walk(seed, start, protocols, new Random(seed ^ start.ref().hashCode()), true);
    }
  }

  /**
   * After each event, every day a result of the case returns on or after the event, then the day
   * after it, then the day before it: a provisional plan made on the day the last result returns
   * (nothing after it to read again) is planned from as is on the next day, when the case is settled.
   */
  @Property(tries = 40, seed = "20261131")
  void each_result_day_then_the_next_and_the_one_before_equal_the_schedule_computed_from_scratch(@ForAll long seed) {
    ImmutableList<Protocol> protocols = Protocols.builtIn();
    for (Protocol protocol : protocols) {
      Random random = new Random(seed ^ protocol.ref().hashCode());
      List<PathwayEvent> events = events(protocol, random, false);
      CaseFile file = CaseFile.enrol(CaseId.of("review-days-" + seed), (Enrolled) events.get(0));
      for (PathwayEvent event : events.subList(1, events.size())) {
        file = file.record(event);
        for (LocalDate day : new TreeSet<>(resultDays(file))) {
          if (day.isBefore(event.occurredOn())) {
            continue;
          }
          for (LocalDate asOf : new LocalDate[] {day, day.plusDays(1), day.minusDays(1), day.plusDays(1)}) {
            CaseState state = Pathway.evaluate(protocol, file.facts(), asOf);
            assertThat(Schedule.of(protocol, file.facts(), state))
                .as("%s after %s on %s as of %s", protocol.ref(), event.kind(), event.occurredOn(), asOf)
                .isEqualTo(Schedule.compute(protocol, file.facts(), state));
          }
        }
      }
    }
  }

  @Provide
  Arbitrary<CaseFile> files() {
    return GeneratedCases.files();
  }

  @Provide
  Arbitrary<CaseFile> lateArrivals() {
    return GeneratedCases.filesWithLateArrivals();
  }

  /**
   * The generated scenarios (corrections, voids, twins, deaths, late results), each version viewed
   * several times as above: the corrections and voids arrive after the provisional plans of the
   * versions before them.
   */
  @Property(tries = 60, seed = "20261129")
  void generated_cases_viewed_again_and_again_equal_the_schedule_computed_from_scratch(
      @ForAll("files") CaseFile file, @ForAll long seed) {
    viewEveryVersion(file, seed);
  }

  /**
   * Events recorded late (after events of their own day or of later days): a newer version whose
   * added event is dated before the day of the provisional plan it is planned from.
   */
  @Property(tries = 60, seed = "20261130")
  void late_arrivals_viewed_again_and_again_equal_the_schedule_computed_from_scratch(
      @ForAll("lateArrivals") CaseFile file, @ForAll long seed) {
    viewEveryVersion(file, seed);
  }

  /** Each version of a generated case, under every built-in protocol, viewed several times as above. */
  private static void viewEveryVersion(CaseFile file, long seed) {
    ImmutableList<Protocol> protocols = Protocols.builtIn();
    Random random = new Random(seed);
    for (Protocol protocol : protocols) {
      GeneratedCases.eachVersion(file, (grown, event) -> views(protocol, protocols, grown, event, random));
    }
  }

  /**
   * Two threads view the same case's versions on different days at once (a due list and a walk):
   * the memo's slot is shared, so each may plan from the other's plan (provisional or not).
   */
  @Property(tries = 10, seed = "20261128")
  void concurrent_views_of_one_case_equal_the_schedule_computed_from_scratch(@ForAll long seed) throws Exception {
    Protocol protocol = Protocols.who2021();
    List<PathwayEvent> events = events(protocol, new Random(seed), false);
    CaseFile file = CaseFile.enrol(CaseId.of("review-conc-" + seed), (Enrolled) events.get(0));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      for (PathwayEvent event : events.subList(1, events.size())) {
        file = file.record(event);
        CaseFile grown = file;
        List<Future<Void>> views = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
          int thread = t;
          views.add(pool.submit((Callable<Void>) () -> {
            Random days = new Random(seed + thread);
            for (int v = 0; v < 6; v++) {
              LocalDate asOf = event.occurredOn().plusDays(days.nextInt(30) - (thread == 0 ? 0 : 5));
              CaseState state = Pathway.evaluate(protocol, grown.facts(), asOf);
              assertThat(Schedule.of(protocol, grown.facts(), state))
                  .as("thread %s after %s as of %s", thread, event.kind(), asOf)
                  .isEqualTo(Schedule.compute(protocol, grown.facts(), state));
            }
            return null;
          }));
        }
        for (Future<Void> view : views) {
          view.get();
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * More cases than the memo has slots ({@link Schedule#MEMO_CASES}), with the very same event
   * instances, grown and viewed round after round: cases share slots, each takes another's place,
   * and a case's next view must never use the plan (provisional or not) another case left there.
   */
  @Example
  void cases_sharing_memo_slots_and_event_instances_equal_the_schedule_computed_from_scratch() {
    Protocol protocol = Protocols.who2021();
    Random random = new Random(20261125);
    List<PathwayEvent> events = events(protocol, random, false);
    int cases = Schedule.MEMO_CASES + Schedule.MEMO_CASES / 4;
    CaseFile[] files = new CaseFile[cases];
    int[] recorded = new int[cases];
    for (int c = 0; c < cases; c++) {
      files[c] = CaseFile.enrol(CaseId.of("shared"), (Enrolled) events.get(0)); // equal ids, other instances
      recorded[c] = 1 + random.nextInt(events.size() - 1);
      for (PathwayEvent event : events.subList(1, recorded[c])) {
        files[c] = files[c].record(event);
      }
    }
    for (int round = 0; round < 3; round++) {
      for (int c = 0; c < cases; c++) {
        if (round > 0 && recorded[c] < events.size()) {
          files[c] = files[c].record(events.get(recorded[c]++));
        }
        PathwayEvent last = events.get(recorded[c] - 1);
        LocalDate asOf = last.occurredOn().plusDays(random.nextInt(4) == 0 ? 0 : random.nextInt(40) - 5);
        CaseState state = Pathway.evaluate(protocol, files[c].facts(), asOf);
        assertThat(Schedule.of(protocol, files[c].facts(), state))
            .as("case %s round %s as of %s", c, round, asOf)
            .isEqualTo(Schedule.compute(protocol, files[c].facts(), state));
      }
    }
  }

  private static void walk(long seed, Protocol start, ImmutableList<Protocol> protocols, Random random, boolean longFamily) {
    List<PathwayEvent> events = events(start, random, longFamily);
    CaseFile file = CaseFile.enrol(CaseId.of("review-" + seed), (Enrolled) events.get(0));
    Protocol protocol = start;
    int[] ids = {10_000};
    List<PathwayEvent> recorded = new ArrayList<>();
    boolean changedProtocol = false;
    for (PathwayEvent event : events.subList(1, events.size())) {
      file = file.record(event);
      recorded.add(event);
      views(protocol, protocols, file, event, random);
      // A correction or a void after the provisional plan of the views above, recorded days later.
      if ((event instanceof ViralLoadResulted || event instanceof InfantHivTested) && random.nextInt(8) == 0) {
        PathwayEvent replacement = replacement(event, random, ids);
        file = file.record(new Corrected(event.id(), replacement));
        views(protocol, protocols, file, replacement, random);
      } else if (random.nextInt(25) == 0 && !recorded.isEmpty()) {
        PathwayEvent target = recorded.get(random.nextInt(recorded.size()));
        if (target instanceof ViralLoadResulted || target instanceof InfantHivTested || target instanceof FeedingRecorded) {
          Instant at = event.recordedAt().plusSeconds(86_400L * (1 + random.nextInt(5)));
          PathwayEvent voided = new Voided(EventId.of("v-" + ++ids[0]), at.atZone(ZoneOffset.UTC).toLocalDate(), at, BY,
              target.id(), "entered in error");
          file = file.record(voided);
          recorded.remove(target);
          views(protocol, protocols, file, event, random);
        }
      }
      if (!changedProtocol && random.nextInt(30) == 0) {
        changedProtocol = true;
        Protocol other = protocols.get((protocols.indexOf(protocol) + 1) % protocols.size());
        PathwayEvent change = new ProtocolChanged(EventId.of("p-" + ++ids[0]), event.occurredOn(),
            event.recordedAt().plusSeconds(60), BY, other.ref());
        file = file.record(change);
        views(protocol, protocols, file, change, random); // asked under the old protocol once more
        protocol = other;
        views(protocol, protocols, file, change, random);
      }
    }
  }

  /**
   * Views a version several times: on the event's day, then on days drawn around it — the day a
   * result of the case returns and the day before, the next day, back in time, much later — now
   * and then under another protocol in between (the memo's plan is for one protocol).
   */
  private static void views(Protocol protocol, ImmutableList<Protocol> protocols, CaseFile file, PathwayEvent event,
      Random random) {
    List<LocalDate> returns = resultDays(file);
    LocalDate asOf = event.occurredOn();
    int views = 1 + random.nextInt(5);
    for (int v = 0; v < views; v++) {
      Protocol viewed = random.nextInt(10) == 0 ? protocols.get(random.nextInt(protocols.size())) : protocol;
      // Now and then another facts instance of the case on the same day: folded again from the same
      // events (equal parts, not the same instances), or as known an hour before the event.
      int other = random.nextInt(12);
      Facts facts = other == 0 ? CaseFile.replay(file.caseId(), file.history()).facts()
          : other == 1 ? file.knownAsOf(event.recordedAt().minusSeconds(3600)).facts() : file.facts();
      if (facts.enrolment().isEmpty()) {
        facts = file.facts();
      }
      CaseState state = Pathway.evaluate(viewed, facts, asOf);
      assertThat(Schedule.of(viewed, facts, state))
          .as("%s after %s on %s as of %s (facts %s)", viewed.ref(), event.kind(), event.occurredOn(), asOf, other)
          .isEqualTo(Schedule.compute(viewed, facts, state));
      int pick = random.nextInt(7);
      if ((pick == 0 || pick == 1) && !returns.isEmpty()) {
        LocalDate day = returns.get(random.nextInt(returns.size()));
        asOf = pick == 0 ? day : day.minusDays(1);
      } else {
        asOf = asOf.plusDays(pick == 2 ? 0 : pick == 3 ? 1 : pick == 4 ? -1 - random.nextInt(10)
            : pick == 5 ? random.nextInt(15) : 30 + random.nextInt(300));
      }
    }
  }

  /** The days results of the case's tests return (hers and its infants'). */
  private static List<LocalDate> resultDays(CaseFile file) {
    List<LocalDate> days = new ArrayList<>();
    for (ViralLoadResulted vl : file.facts().mother().viralLoads()) {
      days.add(vl.resultDate());
    }
    file.facts().infants().values().forEach(infant -> infant.tests().forEach(t -> t.resultDate().ifPresent(days::add)));
    return days;
  }

  /** A corrected copy of a result: another value or another return day (or, for an infant, pending). */
  private static PathwayEvent replacement(PathwayEvent event, Random random, int[] ids) {
    EventId id = EventId.of("c-" + ++ids[0]);
    Instant at = event.recordedAt().plusSeconds(3600L * (1 + random.nextInt(24 * 20)));
    if (event instanceof ViralLoadResulted vl) {
      return new ViralLoadResulted(id, vl.occurredOn(), at, BY, vl.sampleDate().plusDays(random.nextInt(30)),
          ViralLoad.copies(COPIES[random.nextInt(COPIES.length)]));
    }
    InfantHivTested test = (InfantHivTested) event;
    InfantTestResult result = InfantTestResult.values()[random.nextInt(InfantTestResult.values().length)];
    Optional<LocalDate> returned = result == InfantTestResult.PENDING ? Optional.empty()
        : Optional.of(test.occurredOn().plusDays(random.nextInt(30)));
    return new InfantHivTested(id, test.occurredOn(), at, BY, test.infantId(), test.testType(), result, returned);
  }

  /**
   * Enrolment (positive, or negative then a positive test: her diagnosis during follow-up), ART, a
   * delivery of one infant or twins, feeding, the infants' tests with results returned late (now
   * and then never), one twin's death or transfer, and her viral loads, in date order.
   */
  private static List<PathwayEvent> events(Protocol protocol, Random random, boolean longFamily) {
    LocalDate lmp = LocalDate.of(2024, 9, 1).plusDays(random.nextInt(60));
    LocalDate enrolled = lmp.plusDays(60 + random.nextInt(100));
    int[] id = {0};
    boolean negative = random.nextInt(4) == 0;
    List<PathwayEvent> events = new ArrayList<>();
    Enrolled enrolment = new Enrolled(next(id), enrolled, at(enrolled), BY, MotherId.of("m-1"), protocol.ref(),
        negative ? HivStatus.NEGATIVE : HivStatus.POSITIVE, Optional.of(lmp), Optional.empty(), Optional.empty());
    LocalDate diagnosed = enrolled;
    if (negative) {
      diagnosed = enrolled.plusDays(20 + random.nextInt(300));
      events.add(new MaternalHivTested(next(id), diagnosed, at(diagnosed), BY, HivTestResult.POSITIVE));
    }
    LocalDate art = negative ? diagnosed.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(10))
        : enrolled.plusDays(random.nextInt(3) == 0 ? -400 : random.nextInt(20));
    events.add(new ArtStarted(next(id), art, at(art), BY, Regimen.TLD));
    LocalDate delivered = lmp.plusDays(255 + random.nextInt(30));
    boolean twins = random.nextInt(2) == 0;
    int infants = twins ? 2 : 1;
    boolean breastfed = random.nextBoolean();
    RecordingOrder.addDelivery(events, id, BY, delivered, infants, breastfed);
    if (random.nextBoolean()) {
      LocalDate changed = delivered.plusDays(60 + random.nextInt(400));
      events.add(new FeedingRecorded(next(id), changed, at(changed), BY, infant(0),
          breastfed ? FeedingMode.REPLACEMENT_FEEDING : FeedingMode.EXCLUSIVE_BREASTFEEDING));
    }
    for (int k = 0; k < infants; k++) {
      int[] ages = {0, 42, 42 + random.nextInt(30), 270, 540};
      for (int age : ages) {
        if (random.nextInt(4) == 0) {
          continue;
        }
        LocalDate sampled = delivered.plusDays(age);
        int r = random.nextInt(10);
        InfantTestResult result = r < 6 ? InfantTestResult.NEGATIVE : r < 8 ? InfantTestResult.POSITIVE
            : r < 9 ? InfantTestResult.INDETERMINATE : InfantTestResult.PENDING;
        Optional<LocalDate> returned = result == InfantTestResult.PENDING ? Optional.empty()
            : Optional.of(sampled.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(35)));
        events.add(new InfantHivTested(next(id), sampled, at(sampled), BY, infant(k),
            age >= 540 ? InfantTestType.ANTIBODY : InfantTestType.NAT, result, returned));
      }
    }
    if (twins && random.nextInt(3) > 0) {
      LocalDate ended = delivered.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(200));
      Subject twin = Subject.infant(infant(1));
      events.add(random.nextBoolean() ? new Died(next(id), ended, at(ended), BY, twin)
          : new TransferredOut(next(id), ended, at(ended), BY, twin));
    }
    LocalDate sample = (negative ? art : enrolled).plusDays(random.nextInt(30));
    int count = longFamily ? 65 + random.nextInt(26) : 3 + random.nextInt(12);
    for (int v = 0; v < count; v++) {
      LocalDate result = sample.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(25));
      events.add(new ViralLoadResulted(next(id), sample, at(sample), BY, result,
          ViralLoad.copies(COPIES[random.nextInt(COPIES.length)])));
      int gap = random.nextInt(6);
      sample = sample.plusDays(gap == 0 ? 0 : longFamily ? 1 + random.nextInt(25) : gap == 1 ? random.nextInt(20)
          : 30 + random.nextInt(200));
    }
    return RecordingOrder.afterEnrolment(enrolment, events);
  }
}
