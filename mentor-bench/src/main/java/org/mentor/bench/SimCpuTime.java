package org.mentor.bench;

import com.google.common.collect.ImmutableList;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseState;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.Protocol;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.schedule.Schedule;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.run.Variates;
import org.mentor.sim.scenario.Scenario;

/**
 * {@link SimBenchmark}'s comparisons in process CPU time rather than wall time, for shared machines
 * where other work takes the cores: the rounds interleave the simulation, the registry replay of the
 * same batches (with and without a case view after each batch, the view the walk asks for), the bare
 * draws and the simulation on two workers, and the median CPU per pair of each is printed with the
 * ratios. CPU time includes the JVM's own threads (JIT, GC). The process CPU clock ticks in
 * milliseconds, so each measurement repeats its workload until it has used at least
 * {@value #MIN_CPU_MS} ms of CPU. Not a JMH benchmark.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp mentor-bench/target/benchmarks.jar org.mentor.bench.SimCpuTime 256 15
 * }</pre>
 */
public final class SimCpuTime {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private SimCpuTime() {}

  public static void main(String[] args) {
    int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 256;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    Scenario scenario = Scenario.builder().name("bench").pairs(pairs).seed(ApplyBenchmark.SEED).build();
    List<ImmutableList<ImmutableList<PathwayEvent>>> recorded = new ArrayList<>();
    for (int i = 0; i < pairs; i++) {
      recorded.add(Simulation.eventsOf(scenario, i));
    }
    String[] names = {"simulate (1 worker)", "simulate with indicators", "replay", "replay + view per batch", "draws",
        "simulate (2 workers)", "replay + state, schedule"};
    long[][] cpu = new long[names.length][rounds];
    long[][] wall = new long[names.length][rounds];
    for (int warm = 0; warm < 3; warm++) {
      round(scenario, recorded, new long[names.length][1], new long[names.length][1], 0);
    }
    for (int r = 0; r < rounds; r++) {
      round(scenario, recorded, cpu, wall, r);
    }
    double replay = median(cpu[2]);
    System.out.printf("%d pairs, %d rounds; %.1f events and %.1f batches per pair; process CPU and wall time per pair "
        + "(medians)%n", pairs, rounds, recorded.stream().mapToInt(b -> b.stream().mapToInt(List::size).sum()).average()
        .orElse(0), recorded.stream().mapToInt(List::size).average().orElse(0));
    for (int b = 0; b < names.length; b++) {
      double c = median(cpu[b]) / pairs / 1000;
      System.out.printf("  %-28s %9.1f us CPU (%8.0f pairs per CPU-second) %9.1f us wall  x%.2f of replay%n", names[b], c,
          1e6 / c, median(wall[b]) / pairs / 1000, median(cpu[b]) / replay);
    }
  }

  private static void round(Scenario scenario, List<ImmutableList<ImmutableList<PathwayEvent>>> recorded, long[][] cpu,
      long[][] wall, int r) {
    measure(cpu, wall, 0, r, () -> Simulation.of(scenario).threads(1).indicators(false).run().pairs());
    measure(cpu, wall, 1, r, () -> Simulation.of(scenario).threads(1).run().pairs());
    measure(cpu, wall, 2, r, () -> replay(recorded, Read.NOTHING));
    measure(cpu, wall, 3, r, () -> replay(recorded, Read.VIEW));
    measure(cpu, wall, 4, r, () -> {
      long sum = 0;
      for (int i = 0; i < recorded.size(); i++) {
        sum += Variates.draw(scenario, i);
      }
      return sum;
    });
    measure(cpu, wall, 5, r, () -> Simulation.of(scenario).threads(2).indicators(false).run().pairs());
    measure(cpu, wall, 6, r, () -> replay(recorded, Read.STATE_AND_SCHEDULE));
  }

  /** What the replay reads after each batch. */
  private enum Read {
    NOTHING,
    /** {@code CaseRegistry.view}: state, schedule, attention and assignment. */
    VIEW,
    /** State and schedule, as the simulation's walk reads them. */
    STATE_AND_SCHEDULE
  }

  /** Each measurement repeats its workload until it has used this much process CPU. */
  private static final long MIN_CPU_MS = 400;
  private static long sink;

  /** CPU and wall time of one pass of the workload: the mean over as many passes as {@link #MIN_CPU_MS} takes. */
  private static void measure(long[][] cpu, long[][] wall, int b, int r, java.util.function.LongSupplier work) {
    long c0 = OS.getProcessCpuTime();
    long t0 = System.nanoTime();
    int passes = 0;
    do {
      sink += work.getAsLong();
      passes++;
    } while (OS.getProcessCpuTime() - c0 < MIN_CPU_MS * 1_000_000);
    wall[b][r] = (System.nanoTime() - t0) / passes;
    cpu[b][r] = (OS.getProcessCpuTime() - c0) / passes;
  }

  private static long replay(List<ImmutableList<ImmutableList<PathwayEvent>>> recorded, Read read) {
    CaseRegistry registry = CaseRegistry.builder().build();
    Protocol protocol = registry.defaultProtocol();
    long seen = 0;
    for (int i = 0; i < recorded.size(); i++) {
      CaseId caseId = CaseId.of("pair-" + i);
      ImmutableList<ImmutableList<PathwayEvent>> batches = recorded.get(i);
      registry.enrol(caseId, (Enrolled) batches.get(0).get(0));
      for (int b = 1; b < batches.size(); b++) {
        registry.record(caseId, batches.get(b), -1);
        if (read != Read.NOTHING) {
          LocalDate day = batches.get(b).stream().map(PathwayEvent::occurredOn).max(Comparator.naturalOrder()).orElseThrow()
              .plusDays(1);
          if (read == Read.VIEW) {
            seen += registry.view(caseId, day, null).attention().size();
          } else {
            CaseState state = registry.state(caseId, day);
            seen += Schedule.of(protocol, registry.facts(caseId, null), state).milestones().size();
          }
        }
      }
    }
    return registry.size() + seen;
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
