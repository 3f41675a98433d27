package org.mentor.bench;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.registry.DueQuery;

/**
 * Retained heap per case in a registry (events, facts, the due index), against the same events held
 * as primitive arrays (kind, day, recording instant and id hash per event: 21 bytes an event), in one
 * run. Not a JMH benchmark: heap after a full GC is what is measured.
 *
 * <pre>{@code
 * java -Xmx16g -cp mentor-bench/target/benchmarks.jar org.mentor.bench.HeapPerCase 10000 100000
 * }</pre>
 */
public final class HeapPerCase {
  private HeapPerCase() {}

  public static void main(String[] args) {
    for (String arg : args.length == 0 ? new String[] {"10000"} : args) {
      int cases = Integer.parseInt(arg);
      long base = usedAfterGc();
      CaseRegistry registry = CaseRegistry.builder().build();
      LocalDate latest = LocalDate.MIN;
      for (int seed = 0; seed < cases; seed++) {
        SyntheticCase synthetic = SyntheticCase.generate(seed, 40);
        List<PathwayEvent> events = synthetic.events();
        registry.enrol(synthetic.caseId(), (Enrolled) events.get(0));
        registry.record(synthetic.caseId(), events.subList(1, events.size()), -1);
        latest = synthetic.lastDay().isAfter(latest) ? synthetic.lastDay() : latest;
      }
      long withoutIndex = usedAfterGc() - base;
      registry.dueList(DueQuery.everyone(latest)); // builds the index (and evaluates every case once)
      long withRegistry = usedAfterGc() - base;

      long base2 = usedAfterGc();
      Primitive primitive = new Primitive(cases * 40);
      for (int seed = 0; seed < cases; seed++) {
        for (PathwayEvent event : SyntheticCase.generate(seed, 40).events()) {
          primitive.add(event);
        }
      }
      long withArrays = usedAfterGc() - base2;
      System.out.printf("cases=%d registry=%d B/case (before the first due list %d) primitive=%d B/case ratio=%.1f (%d)%n",
          cases, withRegistry / cases, withoutIndex / cases, withArrays / cases, (double) withRegistry / withArrays,
          registry.size() + primitive.size());
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }

  /** The events as columns of primitives. */
  private static final class Primitive {
    final byte[] kind;
    final int[] day;
    final long[] recordedAt;
    final long[] idHash;
    int size;

    Primitive(int capacity) {
      kind = new byte[capacity];
      day = new int[capacity];
      recordedAt = new long[capacity];
      idHash = new long[capacity];
    }

    void add(PathwayEvent event) {
      kind[size] = (byte) event.kind().ordinal();
      day[size] = (int) event.occurredOn().toEpochDay();
      recordedAt[size] = event.recordedAt().getEpochSecond();
      idHash[size] = event.id().value().hashCode();
      size++;
    }

    int size() {
      return size;
    }
  }
}
