package org.mentor.sim.run;

import com.google.common.collect.ImmutableList;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.schedule.Schedule;
import org.mentor.sim.scenario.Scenario;

/**
 * Issue 11's ratios in the CPU time and bytes of the one thread doing the work: the walk to final
 * status (as {@code Runner}'s chunks do it: a registry and a walker every 64 pairs, indicators off)
 * against the replay of the same pairs' batches through a registry, alone, with the state after
 * each batch, with the state and the schedule after each batch (what the walk reads), with that
 * read twice (the second read is a view's floor: nothing changed since the first), and the bare
 * draws. Interleaved rounds, medians of the second half. Thread CPU leaves out the JVM's JIT
 * and GC threads that {@code SimCpuTime}'s process CPU counts, and other work on a shared machine
 * disturbs it less; run it at a high priority ({@code nice -n -15}) where others build.
 *
 * <p>It lives in the simulator's package to drive the package-private walk directly, on the
 * calling thread; it is a measuring tool, not a JMH benchmark.
 *
 * <pre>{@code
 * nice -n -15 java -Xms1g -Xmx1g -XX:+UseSerialGC -cp mentor-bench/target/benchmarks.jar \
 *     org.mentor.sim.run.WalkThreadCpu 1000 9
 * }</pre>
 */
public final class WalkThreadCpu {
  private static final com.sun.management.ThreadMXBean THREAD =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final String[] NAMES = {
      "walk", "replay", "replay + state", "replay + state + schedule", "replay + both, read twice", "draws"};
  /** Keeps the work observable so the JIT cannot drop it. */
  private static long sink;

  private WalkThreadCpu() {}

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 9;
    Scenario scenario = Scenario.builder().name("bench").pairs(pairs).seed(20240108L).build();
    List<ImmutableList<ImmutableList<PathwayEvent>>> recorded = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      recorded.add(Simulation.eventsOf(scenario, i));
    }
    long batches = 0;
    long events = 0;
    for (ImmutableList<ImmutableList<PathwayEvent>> pair : recorded) {
      batches += pair.size() - 1; // the first is the enrolment, which no read follows
      for (ImmutableList<PathwayEvent> batch : pair) {
        events += batch.size();
      }
    }
    long views = 0;
    double[][] cpu = new double[NAMES.length][rounds];
    double[][] bytes = new double[NAMES.length][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int w = 0; w < NAMES.length; w++) {
        long c0 = THREAD.getCurrentThreadCpuTime();
        long b0 = THREAD.getCurrentThreadAllocatedBytes();
        if (w == 0) {
          views = walk(scenario, pairs);
        } else if (w == NAMES.length - 1) {
          for (int i = 0; i < pairs; i++) {
            sink += Variates.draw(scenario, i);
          }
        } else {
          replay(scenario, recorded, w - 1);
        }
        cpu[w][r] = (THREAD.getCurrentThreadCpuTime() - c0) / 1e3 / pairs;
        bytes[w][r] = (THREAD.getCurrentThreadAllocatedBytes() - b0) / (double) pairs;
      }
    }
    double replay = median(cpu[1]);
    System.out.printf("%d pairs, %d rounds; thread CPU and bytes per pair (medians of the last %d rounds)%n", pairs, rounds,
        rounds - rounds / 2);
    System.out.printf("  per pair: %.1f events, %.1f batches read after, %.1f views in the walk%n", events / (double) pairs,
        batches / (double) pairs, views / (double) pairs);
    for (int w = 0; w < NAMES.length; w++) {
      double perPair = median(cpu[w]);
      System.out.printf("  %-26s %7.1f us (%7.0f pairs per CPU-second)  x%5.2f of replay  %8.0f B%n", NAMES[w], perPair,
          1e6 / perPair, perPair / replay, median(bytes[w]));
    }
    System.out.println("  (checksum " + sink + ")");
  }

  private static double median(double[] values) {
    double[] tail = Arrays.copyOfRange(values, values.length / 2, values.length);
    Arrays.sort(tail);
    return tail[tail.length / 2];
  }

  /** Walks the pairs; returns the views the walks read. */
  private static long walk(Scenario scenario, int pairs) {
    PairWalk walk = null;
    Tally tally = null;
    long views = 0;
    for (int i = 0; i < pairs; i++) {
      if (i % 64 == 0) {
        views += tally == null ? 0 : tally.views;
        tally = new Tally(scenario);
        walk = new PairWalk(scenario, Runner.registry(scenario), tally, null);
      }
      sink += walk.walk(i).events();
    }
    return views + (tally == null ? 0 : tally.views);
  }

  /**
   * Records each pair's batches; {@code read} 0: nothing else, 1: the state after each, 2: state and
   * schedule, 3: state and schedule twice (the second read's cost is the floor of a view: nothing
   * to replay or replan, only the values a view hands back).
   */
  private static void replay(Scenario scenario, List<ImmutableList<ImmutableList<PathwayEvent>>> recorded, int read) {
    CaseRegistry registry = null;
    Protocol protocol = null;
    for (int i = 0; i < recorded.size(); i++) {
      if (i % 64 == 0) {
        registry = Runner.registry(scenario);
        protocol = registry.protocol(scenario.protocol().ref()).orElseThrow();
      }
      CaseId caseId = CaseId.of("pair-" + i);
      ImmutableList<ImmutableList<PathwayEvent>> batches = recorded.get(i);
      registry.enrol(caseId, (Enrolled) batches.get(0).get(0));
      for (int b = 1; b < batches.size(); b++) {
        registry.record(caseId, batches.get(b), -1);
        if (read > 0) {
          LocalDate day = batches.get(b).get(0).occurredOn();
          for (PathwayEvent event : batches.get(b)) {
            day = event.occurredOn().isAfter(day) ? event.occurredOn() : day;
          }
          CaseState state = registry.state(caseId, day);
          sink += state.infants().size();
          if (read > 1) {
            sink += Schedule.of(protocol, registry.facts(caseId, null), state).milestones().size();
          }
          if (read > 2) { // the same view again, nothing changed: what a view costs when all is kept
            CaseState again = registry.state(caseId, day);
            sink += Schedule.of(protocol, registry.facts(caseId, null), again).milestones().size();
          }
        }
      }
    }
  }
}
