package org.mentor.bench;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.sim.result.SimulationResult;
import org.mentor.sim.run.Simulation;
import org.mentor.sim.run.Variates;
import org.mentor.sim.scenario.Scenario;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Simulated pairs per second (issue 11), each figure per operation = one mother-infant pair walked to
 * its final status:
 *
 * <ul>
 *   <li>{@code simulate}: {@link Simulation} with one worker over {@value #PAIRS} pairs of the default
 *       scenario (WHO 2021, mentor support): the engine decides what is due at every contact, the
 *       walk draws attendance and outcomes and records the events through a fresh registry
 *       (indicators off: the walk to final status);
 *   <li>{@code simulateWithIndicators}: the same, with the core's indicators computed on every chunk;
 *   <li>{@code simulateTwoWorkers}: the same as {@code simulate} with two workers over twice the pairs
 *       (the runner's own parallelism on this machine);
 *   <li>{@code replay}: the baseline: the same pairs' events, batch by batch as the walk recorded them
 *       (from {@link Simulation#eventsOf}), recorded through a fresh registry with no view and no
 *       simulation logic;
 *   <li>{@code draws}: the floor: the same pairs' random variates drawn in a bare loop
 *       ({@link Variates#draw}).
 * </ul>
 *
 * Run with JMH's {@code -t 1} and {@code -t 2} for 1 against 2 threads (each thread its own state).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class SimBenchmark {
  /** Pairs per operation batch. */
  public static final int PAIRS = 128;

  Scenario scenario;
  Scenario twice;
  List<ImmutableList<ImmutableList<PathwayEvent>>> recorded;

  /** Builds the scenarios and records the pairs' events once, for the replay. */
  @Setup(Level.Trial)
  public void setUp() {
    scenario = Scenario.builder().name("bench").pairs(PAIRS).seed(ApplyBenchmark.SEED).build();
    twice = scenario.toBuilder().pairs(2 * PAIRS).build();
    recorded = new ArrayList<>();
    for (int i = 0; i < PAIRS; i++) {
      recorded.add(Simulation.eventsOf(scenario, i));
    }
  }

  /** The full simulation, one worker. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public SimulationResult simulate() {
    return Simulation.of(scenario).threads(1).indicators(false).run();
  }

  /** The full simulation with the indicators, one worker. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public SimulationResult simulateWithIndicators() {
    return Simulation.of(scenario).threads(1).run();
  }

  /** The full simulation, two workers, twice the pairs. */
  @Benchmark
  @OperationsPerInvocation(2 * PAIRS)
  public SimulationResult simulateTwoWorkers() {
    return Simulation.of(twice).threads(2).indicators(false).run();
  }

  /** The same events recorded through a fresh registry, batch by batch, without simulation logic. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public int replay() {
    CaseRegistry registry = CaseRegistry.builder().build();
    for (int i = 0; i < PAIRS; i++) {
      CaseId caseId = CaseId.of("pair-" + i);
      ImmutableList<ImmutableList<PathwayEvent>> batches = recorded.get(i);
      registry.enrol(caseId, (Enrolled) batches.get(0).get(0));
      for (int b = 1; b < batches.size(); b++) {
        registry.record(caseId, batches.get(b), -1);
      }
    }
    return registry.size();
  }

  /** The same pairs' random variates, drawn in a bare loop. */
  @Benchmark
  @OperationsPerInvocation(PAIRS)
  public long draws() {
    long sum = 0;
    for (int i = 0; i < PAIRS; i++) {
      sum += Variates.draw(scenario, i);
    }
    return sum;
  }
}
