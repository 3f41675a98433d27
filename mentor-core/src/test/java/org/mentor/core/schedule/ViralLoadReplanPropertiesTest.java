package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mentor.core.schedule.RecordingOrder.at;
import static org.mentor.core.schedule.RecordingOrder.infant;
import static org.mentor.core.schedule.RecordingOrder.next;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.mentor.core.CaseId;
import org.mentor.core.MotherId;
import org.mentor.core.pathway.ArtStarted;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Codes.FeedingMode;
import org.mentor.core.pathway.Codes.HivStatus;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.FeedingRecorded;
import org.mentor.core.pathway.Pathway;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.Regimen;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.protocol.Protocols;

/**
 * A mother living with HIV whose viral loads are sampled again and again (suppressed and elevated,
 * some on one day, results returned later), around a delivery and a change of feeding: the rules
 * counted from each sample (WHO 2021's VL_FOLLOW_UP, VL_BREASTFEEDING, VL_ROUTINE and the other
 * protocols' like them) are planned again from the older plan's family after each result, keeping
 * or skipping the dates an added sample leaves alone ({@link Scheduler#replan}). Every schedule,
 * on the sample's day, before the result and after it, must equal the one computed from scratch.
 */
class ViralLoadReplanPropertiesTest {
  private static final RecordedBy BY = new RecordedBy("clerk", "clinic", "test", Optional.empty());
  private static final int[] COPIES = {20, 40, 400, 999, 1000, 5000, 250_000};

  @Property(tries = 150, seed = "20261125")
  void a_schedule_after_each_viral_load_equals_the_schedule_computed_from_scratch(@ForAll long seed) {
    for (Protocol protocol : Protocols.builtIn()) {
      Random random = new Random(seed);
      List<PathwayEvent> events = motherWithViralLoads(protocol, random);
      CaseFile file = CaseFile.enrol(CaseId.of("vl-" + seed), (Enrolled) events.get(0));
      for (PathwayEvent event : events.subList(1, events.size())) {
        file = file.record(event);
        int pick = random.nextInt(4);
        int days = pick == 0 ? 0 : pick == 1 ? random.nextInt(20) : pick == 2 ? 20 + random.nextInt(400) : -random.nextInt(30);
        LocalDate asOf = event.occurredOn().plusDays(days);
        CaseState state = Pathway.evaluate(protocol, file.facts(), asOf);
        assertThat(Schedule.of(protocol, file.facts(), state))
            .as("%s after %s on %s as of %s", protocol.ref(), event.kind(), event.occurredOn(), asOf)
            .isEqualTo(Schedule.compute(protocol, file.facts(), state));
      }
    }
  }

  /**
   * Viewed as a walk views a case while results are pending: after each event, on its day (a plan
   * for that day only is kept, {@link Plan#replannedAt}), then on days before its result returns,
   * on the day it does and after, and now and then on an earlier day, each compared with the
   * schedule computed from scratch; the next event is then planned from the plan these views left.
   */
  @Property(tries = 150, seed = "20261126")
  void a_schedule_on_the_days_around_a_pending_result_equals_the_schedule_computed_from_scratch(@ForAll long seed) {
    for (Protocol protocol : Protocols.builtIn()) {
      Random random = new Random(seed);
      List<PathwayEvent> events = motherWithViralLoads(protocol, random);
      CaseFile file = CaseFile.enrol(CaseId.of("pending-" + seed), (Enrolled) events.get(0));
      for (PathwayEvent event : events.subList(1, events.size())) {
        file = file.record(event);
        LocalDate asOf = event.occurredOn();
        int views = 1 + random.nextInt(4);
        for (int v = 0; v < views; v++) {
          CaseState state = Pathway.evaluate(protocol, file.facts(), asOf);
          assertThat(Schedule.of(protocol, file.facts(), state))
              .as("%s after %s on %s as of %s", protocol.ref(), event.kind(), event.occurredOn(), asOf)
              .isEqualTo(Schedule.compute(protocol, file.facts(), state));
          int pick = random.nextInt(5);
          asOf = asOf.plusDays(pick == 0 ? 0 : pick == 1 ? -1 - random.nextInt(10) : pick == 2 ? 1 : random.nextInt(15));
        }
      }
    }
  }

  /** Enrolment, ART, a delivery of one or two infants, a feeding change, and 3 to 14 viral loads, in date order. */
  private static List<PathwayEvent> motherWithViralLoads(Protocol protocol, Random random) {
    LocalDate lmp = LocalDate.of(2024, 9, 1).plusDays(random.nextInt(60));
    LocalDate enrolled = lmp.plusDays(60 + random.nextInt(100));
    List<PathwayEvent> events = new ArrayList<>();
    int[] id = {0};
    events.add(new Enrolled(next(id), enrolled, at(enrolled), BY, MotherId.of("m-1"), protocol.ref(), HivStatus.POSITIVE,
        Optional.of(lmp), Optional.empty(), Optional.empty()));
    LocalDate art = enrolled.plusDays(random.nextInt(3) == 0 ? -400 : random.nextInt(20));
    events.add(new ArtStarted(next(id), art, at(art), BY, Regimen.TLD));
    LocalDate delivered = lmp.plusDays(255 + random.nextInt(30));
    int infants = random.nextInt(5) == 0 ? 2 : 1;
    boolean breastfed = random.nextBoolean();
    RecordingOrder.addDelivery(events, id, BY, delivered, infants, breastfed);
    if (random.nextBoolean()) { // weaned (or started breastfeeding) later
      LocalDate changed = delivered.plusDays(60 + random.nextInt(400));
      events.add(new FeedingRecorded(next(id), changed, at(changed), BY, infant(0),
          breastfed ? FeedingMode.REPLACEMENT_FEEDING : FeedingMode.EXCLUSIVE_BREASTFEEDING));
    }
    LocalDate sample = enrolled.plusDays(random.nextInt(30));
    int count = 3 + random.nextInt(12);
    for (int v = 0; v < count; v++) {
      int copies = COPIES[random.nextInt(COPIES.length)];
      LocalDate result = sample.plusDays(random.nextInt(3) == 0 ? 0 : random.nextInt(25));
      events.add(new ViralLoadResulted(next(id), sample, at(sample), BY, result, ViralLoad.copies(copies)));
      int gap = random.nextInt(6);
      sample = sample.plusDays(gap == 0 ? 0 : gap == 1 ? random.nextInt(20) : 30 + random.nextInt(200));
    }
    return RecordingOrder.afterEnrolment((Enrolled) events.get(0), events.subList(1, events.size()));
  }
}
