package org.mentor.bench;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.MentorId;
import org.mentor.core.pathway.Codes.ContactMode;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.MentorAssigned;
import org.mentor.core.pathway.MentorVisited;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.CaseView;
import org.mentor.core.registry.DueList;
import org.mentor.core.registry.DueQuery;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One mentor's due list for a week across a cohort of {@code cases} cases of 40 events, one
 * mentor per 100 cases (so the list's size does not grow with the cohort):
 * <ul>
 *   <li>{@link #indexed}: {@code CaseRegistry.dueList}, through the due index;
 *   <li>{@link #evaluateEveryCase}: the same answer by evaluating every case (what a registry with no
 *       index would do);
 *   <li>{@link #scanNextDue}: the floor of a naive design, scanning an {@code int[]} of each case's
 *       next due day and mentor;
 *   <li>{@link #record}, {@link #recordAndIndex}: the index's upkeep, as the extra cost of the due
 *       list that follows a recorded event (which re-indexes that case) over the due list alone;
 *   <li>{@link #recordAndReindex}: the upkeep alone, as the extra cost over {@link #record} of a
 *       due list for a mentor with no cases (which re-indexes the changed case, then finds nothing).
 * </ul>
 * {@link #record} and {@link #recordAndReindex} visit every case in turn, so each case grows by
 * about (operations ÷ cases) visits over a trial (one or two at 10^5 cases, a few hundred at 10^3);
 * {@link #recordAndIndex} visits mentor m-0's hundred cases, which grow by thousands of visits in a
 * trial (its time is the due list's).
 * Cohorts are generated from seeds 0…cases-1 ({@link SyntheticCase}), so every run builds the same.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx12g"})
public class RegistryBenchmark {
  @Param({"1000", "10000", "100000"})
  int cases;

  private CaseRegistry registry;
  private List<CaseId> ids;
  private DueQuery query;
  private DueQuery nobody;
  private int[] nextDue;
  private int[] mentorOf;
  private int day;
  private int next;
  private long visit;

  @Setup(Level.Trial)
  public void cohort() {
    registry = CaseRegistry.builder().build();
    ids = new ArrayList<>(cases);
    int mentors = Math.max(1, cases / 100);
    nextDue = new int[cases];
    mentorOf = new int[cases];
    LocalDate latest = LocalDate.MIN;
    for (int seed = 0; seed < cases; seed++) {
      SyntheticCase synthetic = SyntheticCase.generate(seed, 40);
      MentorId mentor = MentorId.of("m-" + (seed % mentors));
      List<PathwayEvent> events = new ArrayList<>(synthetic.events().size());
      for (PathwayEvent event : synthetic.events()) {
        events.add(event instanceof MentorAssigned a
            ? new MentorAssigned(a.id(), a.occurredOn(), a.recordedAt(), a.recordedBy(), mentor) : event);
      }
      registry.enrol(synthetic.caseId(), (Enrolled) events.get(0));
      registry.record(synthetic.caseId(), events.subList(1, events.size()), -1);
      ids.add(synthetic.caseId());
      mentorOf[seed] = seed % mentors;
      latest = synthetic.lastDay().isAfter(latest) ? synthetic.lastDay() : latest;
    }
    LocalDate weekEnd = latest.plusDays(14);
    day = (int) weekEnd.toEpochDay();
    query = DueQuery.mentor(MentorId.of("m-0"), weekEnd);
    nobody = DueQuery.mentor(MentorId.of("nobody"), weekEnd);
    for (int i = 0; i < cases; i++) {
      // the naive design's per-case summary: the earliest due date of anything actionable
      CaseView view = registry.view(ids.get(i), weekEnd, null);
      nextDue[i] = view.attention().isEmpty() ? Integer.MAX_VALUE : (int) view.attention().get(0).since().toEpochDay();
    }
    registry.dueList(query); // builds the index
  }

  @Benchmark
  public DueList indexed() {
    return registry.dueList(query);
  }

  @Benchmark
  public int evaluateEveryCase(Blackhole bh) {
    int found = 0;
    for (CaseId id : ids) {
      CaseView view = registry.view(id, query.asOf(), null);
      if (query.scope().includes(view.assignment())) {
        found += view.attention().size();
        bh.consume(view);
      }
    }
    return found;
  }

  @Benchmark
  public int scanNextDue() {
    int found = 0;
    for (int i = 0; i < nextDue.length; i++) {
      if (mentorOf[i] == 0 && nextDue[i] <= day) {
        found++;
      }
    }
    return found;
  }

  /** Records a mentor visit in the next case (dated on the week's end: in order). */
  @Benchmark
  public long record() {
    return recordVisit(1);
  }

  /** The same, then the mentor's due list, which re-indexes the changed case first. */
  @Benchmark
  public DueList recordAndIndex() {
    recordVisit(Math.max(1, cases / 100));
    return registry.dueList(query);
  }

  /** The same, then the due list of a mentor with no cases: the changed case is re-indexed, nothing evaluated. */
  @Benchmark
  public DueList recordAndReindex() {
    recordVisit(1);
    return registry.dueList(nobody);
  }

  /** Records a visit in the case {@code step} after the last one visited (step = mentors: m-0's cases only). */
  private long recordVisit(int step) {
    next = (next + step) % cases; // cases of mentor m-0 are 0, mentors, 2 × mentors, ...
    CaseId id = ids.get(next);
    // Ten digits, so each visit's id sorts after the last one's: in order on the day, as the javadoc says
    // ("visit-10" < "visit-9" as text made every tenth visit a late event, re-folding the case).
    return registry.record(id, new MentorVisited(EventId.of("visit-" + (1_000_000_000L + visit++)), query.asOf(),
        java.time.Instant.EPOCH, SyntheticCase.CLINIC, ContactMode.HOME));
  }
}
