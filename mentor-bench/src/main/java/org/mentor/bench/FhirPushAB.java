package org.mentor.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.InMemoryPushJournal;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.testserver.FhirTestServer;

/**
 * {@link FhirPushBenchmark}'s comparison as a finely interleaved A/B run in one JVM, for shared machines whose load
 * changes from second to second: each round starts a fresh in-process HAPI JPA server (a new empty H2 database) and
 * pushes the cases in units of {@code unit} cases ({@link FhirPush#push(java.util.Collection)}, one journal for
 * the round, under a fresh identifier base), and, unit by unit, posts the same unit's transactions directly (exactly
 * what the push sent for it: the shared writes of mentors new in the unit, then its cases', captured once and re-based
 * to another fresh base; see {@link PushWorkload}) at the same concurrency; which of the two goes first alternates
 * from unit to unit. Each unit pair is timed in wall and process CPU time (server, client, JIT and GC together). The
 * unchanged re-push (every case, after the round) is timed against the sum of the round's push units. Printed: the
 * medians over all unit pairs of direct ÷ push (the push's throughput relative to direct posting) with their quartiles
 * and range, per round the sums, and the bytes the whole JVM allocated per pushed resource on each side (server
 * included; push − direct is the push's own share). A unit of one case at concurrency 1 shows the push's serial cost (its mapping and encoding cannot overlap the
 * server's work); larger units let the push prepare the next case while the server works, as a whole push does. Not a
 * JMH benchmark.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -cp mentor-bench/target/benchmarks.jar org.mentor.bench.FhirPushAB 5 20 40,200 1,2 4
 * }</pre>
 *
 * Arguments: rounds (default 5), cases per round (20), events per case (40,200), concurrency levels (1,2), cases per
 * unit (4; at least the concurrency).
 */
public final class FhirPushAB {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
  /** The JVM's allocation counter, terminated threads included (server, client and the push's workers alike). */
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final int SUMS = 8;

  private FhirPushAB() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int[] sizes = ints(args.length > 2 ? args[2] : "40,200");
    int[] levels = ints(args.length > 3 ? args[3] : "1,2");
    int unit = args.length > 4 ? Integer.parseInt(args[4]) : 4;
    System.out.printf("FHIR push A/B, interleaved by unit of max(%d, concurrency) cases: %d rounds of %d cases; medians over unit pairs%n",
        unit, rounds, cases);
    System.out.printf("%6s %4s %6s %9s %6s | %10s %10s | %9s %9s %7s | %9s %9s | %9s %10s%n", "events", "conc", "pairs",
        "res/round", "shared", "wall d÷p", "CPU d÷p", "direct s", "push s", "sum d÷p", "res/s d", "res/s p", "repush ms",
        "repush÷1st");
    for (int events : sizes) {
      PushWorkload workload = new PushWorkload(cases, events);
      for (int concurrency : levels) {
        run(workload, rounds, concurrency, Math.max(unit, concurrency));
      }
    }
  }

  private static void run(PushWorkload workload, int rounds, int concurrency, int unit) throws Exception {
    PushWorkload.Units capture;
    try (FhirTestServer server = FhirTestServer.builder().start()) {
      capture = workload.captureUnits(server, unit, concurrency);
      for (int warm = 0; warm < 1; warm++) { // the JIT warmed on both paths (the capture warmed the push already)
        round(workload, server, capture, concurrency, new ArrayList<>(), new ArrayList<>(), new long[SUMS]);
      }
    }
    List<Double> wallRatios = new ArrayList<>();
    List<Double> cpuRatios = new ArrayList<>();
    long[][] sums = new long[rounds][];
    for (int r = 0; r < rounds; r++) {
      try (FhirTestServer server = FhirTestServer.builder().start()) {
        System.gc();
        Thread.sleep(1000); // the fresh server's start-up work settles
        sums[r] = new long[SUMS];
        round(workload, server, capture, concurrency, wallRatios, cpuRatios, sums[r]);
      }
    }
    double[] roundRatio = new double[rounds];
    double[] direct = new double[rounds];
    double[] push = new double[rounds];
    double[] repush = new double[rounds];
    double[] repushRatio = new double[rounds];
    double[] allocDirect = new double[rounds];
    double[] allocPush = new double[rounds];
    double[] allocRepush = new double[rounds];
    StringBuilder perRound = new StringBuilder();
    for (int r = 0; r < rounds; r++) {
      direct[r] = sums[r][0] / 1e9;
      push[r] = sums[r][1] / 1e9;
      roundRatio[r] = direct[r] / push[r];
      repush[r] = sums[r][4] / 1e6;
      repushRatio[r] = sums[r][4] / (double) sums[r][1];
      allocDirect[r] = sums[r][5] / (double) capture.resources();
      allocPush[r] = sums[r][6] / (double) capture.resources();
      allocRepush[r] = sums[r][7] / (double) workload.cases;
      perRound.append(String.format(" %.1f/%.1f", direct[r], push[r]));
    }
    int shared = capture.shared().stream().mapToInt(List::size).sum();
    System.out.printf("%6d %4d %6d %9d %6d | %10.3f %10.3f | %9.1f %9.1f %7.3f | %9.0f %9.0f | %9.2f %10.5f%n", workload.events,
        concurrency, wallRatios.size(), capture.resources(), shared, median(wallRatios), median(cpuRatios), median(direct), median(push),
        median(roundRatio), capture.resources() / median(direct), capture.resources() / median(push), median(repush), median(repushRatio));
    System.out.printf("       per round, direct/push wall s:%s; unit-pair wall ratio quartiles %.3f %.3f, CPU %.3f %.3f%n", perRound,
        quantile(wallRatios, 0.25), quantile(wallRatios, 0.75), quantile(cpuRatios, 0.25), quantile(cpuRatios, 0.75));
    System.out.printf("       unit-pair wall ratio min %.3f max %.3f; allocated (whole JVM) per resource: direct %.0f B, push %.0f B, "
        + "push − direct %.0f B; unchanged re-push %.0f B per case%n", quantile(wallRatios, 0), quantile(wallRatios, 1),
        median(allocDirect), median(allocPush), median(allocPush) - median(allocDirect), median(allocRepush));
  }

  /**
   * One round on {@code server}: every unit pushed and posted directly, alternating which goes first; then the
   * unchanged re-push. Sums: [0] direct wall, [1] push wall, [2] direct CPU, [3] push CPU, [4] re-push wall (ns), [5]
   * direct allocated, [6] push allocated, [7] re-push allocated (bytes, whole JVM).
   */
  private static void round(PushWorkload workload, FhirTestServer server, PushWorkload.Units capture, int concurrency,
      List<Double> wallRatios, List<Double> cpuRatios, long[] sums) throws Exception {
    String token = PushWorkload.newToken();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try (CloseableHttpClient http = PushWorkload.bareClient(concurrency);
        FhirPush push = FhirPush.builder(workload.registry, workload.mapping(PushWorkload.newToken()), server.baseUrl())
            .journal(new InMemoryPushJournal()).concurrency(concurrency).build()) {
      for (int u = 0; u < capture.units().size(); u++) {
        List<byte[]> shared = PushWorkload.rebase(capture.shared().get(u), capture.token(), token);
        List<byte[]> own = PushWorkload.rebase(capture.cases().get(u), capture.token(), token);
        long[] d = new long[3];
        long[] p = new long[3];
        for (int k = 0; k < 2; k++) {
          boolean directNow = (k == 0) == (u % 2 == 0);
          long w = System.nanoTime();
          long c = OS.getProcessCpuTime();
          long a = THREADS.getTotalThreadAllocatedBytes();
          if (directNow) {
            PushWorkload.post(http, pool, server.baseUrl(), shared);
            PushWorkload.post(http, pool, server.baseUrl(), own);
            d[0] = System.nanoTime() - w;
            d[1] = OS.getProcessCpuTime() - c;
            d[2] = THREADS.getTotalThreadAllocatedBytes() - a;
          } else {
            PushReport report = push.push(capture.units().get(u));
            p[0] = System.nanoTime() - w;
            p[1] = OS.getProcessCpuTime() - c;
            p[2] = THREADS.getTotalThreadAllocatedBytes() - a;
            if (!report.complete() || report.pushed() != capture.units().get(u).size()) {
              throw new IllegalStateException("push incomplete: " + report);
            }
          }
        }
        wallRatios.add(d[0] / (double) p[0]);
        cpuRatios.add(d[1] / (double) Math.max(1, p[1]));
        sums[0] += d[0];
        sums[1] += p[0];
        sums[2] += d[1];
        sums[3] += p[1];
        sums[5] += d[2];
        sums[6] += p[2];
      }
      long a = THREADS.getTotalThreadAllocatedBytes();
      long w = System.nanoTime();
      PushReport again = push.push();
      sums[4] = System.nanoTime() - w;
      sums[7] = THREADS.getTotalThreadAllocatedBytes() - a;
      if (again.unchanged() != workload.cases || again.sharedResources() != 0) {
        throw new IllegalStateException("the re-push sent something: " + again);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  }

  private static double median(List<Double> values) {
    return median(values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  private static double quantile(List<Double> values, double q) {
    double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
  }
}
