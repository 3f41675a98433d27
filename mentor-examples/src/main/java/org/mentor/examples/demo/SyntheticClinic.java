package org.mentor.examples.demo;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.mentor.core.CaseId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.scenario.Scenario;

/**
 * A clinic's caseload made by the simulator: mother-infant pairs who booked over the past
 * {@value #HISTORY_MONTHS} months, each walked by mentor-sim against the real engine and protocol,
 * then cut at today — every event recorded after today is left out, as it has not happened yet. So
 * the clinic holds cases at every stage: pregnant women who booked last week, deliveries, infants
 * due for their 6-week test, infants at their final test, closed cases; with the late visits,
 * missed tests and interruptions in care the simulator draws.
 *
 * <p>The simulator assigns every pair one mentor; the clinic spreads its cases over several mentors
 * ({@code mm-01}, {@code mm-02}, ...) by case number. Case ids are {@code case-0001} upwards. All
 * synthetic.
 *
 * @param cases the number of pairs, one case each
 * @param mentors the number of mentors sharing them
 * @param seed the simulator's seed: the same seed gives the same clinic
 * @param today the day the clinic is cut at
 * @param zone the programme's time zone: an event is in the clinic if it was recorded by the end of today there
 */
public record SyntheticClinic(int cases, int mentors, long seed, LocalDate today, ZoneId zone) {
  /** Bookings are spread over this many months before today: long enough for the first infants' final tests. */
  public static final int HISTORY_MONTHS = 30;

  public SyntheticClinic {
    checkArgument(cases > 0, "cases must be positive");
    checkArgument(mentors > 0 && mentors <= 99, "mentors must be between 1 and 99");
    requireNonNull(today, "today");
    requireNonNull(zone, "zone");
  }

  /** The simulator's scenario: its defaults (sources in docs/simulation.md), the clinic's size, seed and dates. */
  public Scenario scenario() {
    LocalDate start = today.minusMonths(HISTORY_MONTHS);
    return Scenario.builder().name("clinic").pairs(cases).seed(seed).cohortStart(start)
        .enrolmentDays((int) (today.toEpochDay() - start.toEpochDay())).build();
  }

  /** The mentor of the case with this number (1-based). */
  public MentorId mentorOf(int caseNumber) {
    return MentorId.of(String.format(Locale.ROOT, "mm-%02d", 1 + (caseNumber - 1) % mentors));
  }

  /** The id of the case with this number (1-based). */
  public static CaseId caseId(int caseNumber) {
    return CaseId.of(String.format(Locale.ROOT, "case-%04d", caseNumber));
  }

  /**
   * Walks every pair and records what had happened by today into a registry, one atomic batch per
   * case (so a JDBC store writes one transaction per case).
   *
   * @param registry an empty registry whose default protocol is the scenario's (WHO 2021), not null
   * @param progress told after each case, with the cases done and the total, not null
   * @return how many cases and events were recorded
   */
  public Built recordInto(CaseRegistry registry, Progress progress) {
    requireNonNull(registry, "registry");
    requireNonNull(progress, "progress");
    checkArgument(registry.size() == 0, "the registry already holds cases");
    Scenario scenario = scenario();
    Instant endOfToday = today.plusDays(1).atStartOfDay(zone).toInstant();
    long events = 0;
    for (int pair = 0; pair < cases; pair++) {
      int number = pair + 1;
      List<PathwayEvent> known = knownBy(Simulation.eventsOf(scenario, pair), endOfToday, mentorOf(number));
      CaseId caseId = caseId(number);
      registry.enrol(caseId, (Enrolled) known.get(0));
      if (known.size() > 1) {
        registry.record(caseId, known.subList(1, known.size()), -1);
      }
      events += known.size();
      progress.done(number, cases);
    }
    return new Built(cases, events);
  }

  /**
   * The pair's events recorded by the end of today, in recording order: whole batches (a visit's
   * events together), stopping at the first batch recorded later — what a clinic's database would
   * hold today. The simulator's one mentor becomes the clinic's mentor for this case.
   */
  static List<PathwayEvent> knownBy(List<ImmutableList<PathwayEvent>> batches, Instant endOfToday, MentorId mentor) {
    List<PathwayEvent> known = new ArrayList<>();
    for (List<PathwayEvent> batch : batches) {
      if (batch.stream().anyMatch(e -> !e.recordedAt().isBefore(endOfToday))) {
        break;
      }
      for (PathwayEvent event : batch) {
        known.add(event instanceof MentorAssigned assigned
            ? new MentorAssigned(assigned.id(), assigned.occurredOn(), assigned.recordedAt(), assigned.recordedBy(), mentor)
            : event);
      }
    }
    return known;
  }

  /** What {@link #recordInto} recorded. */
  public record Built(int cases, long events) {}

  /** Progress of a long step, for a progress bar. */
  @FunctionalInterface
  public interface Progress {
    /** Ignores progress. */
    Progress NONE = (done, total) -> {};

    /**
     * Called after each unit of work.
     *
     * @param done units done so far
     * @param total units in the step
     */
    void done(long done, long total);
  }
}
