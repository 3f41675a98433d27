package org.mentor.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.http.impl.client.CloseableHttpClient;
import org.mentor.fhir.push.FhirPush;
import org.mentor.fhir.push.PushReport;
import org.mentor.fhir.testserver.FhirTestServer;

/**
 * {@link FhirPushBenchmark}'s comparison as an interleaved A/B run in one JVM, for shared machines where the load
 * changes between JMH forks: each round runs a first push ({@link FhirPush#push()}, then the unchanged re-push) and the
 * direct posting of the same transactions (captured from a push, re-based to a fresh identifier base; see
 * {@link PushWorkload}) at the same concurrency, each on a fresh in-process HAPI JPA server (a new empty H2 database),
 * alternating which goes first. Wall time and process CPU time (server, client, JIT and GC together: the same work
 * on both sides but for the push's own) are taken per run; the medians and their ratios are printed. Not a JMH
 * benchmark.
 *
 * <pre>{@code
 * java -Xms1g -Xmx1g -XX:+UseSerialGC -cp mentor-bench/target/benchmarks.jar org.mentor.bench.FhirPushAB 9 20 40,200 1,2
 * }</pre>
 *
 * Arguments: rounds (default 9), cases per push (20), events per case (40,200), concurrency levels (1,2).
 */
public final class FhirPushAB {
  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private FhirPushAB() {}

  public static void main(String[] args) throws Exception {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 9;
    int cases = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int[] sizes = ints(args.length > 2 ? args[2] : "40,200");
    int[] levels = ints(args.length > 3 ? args[3] : "1,2");
    System.out.printf("FHIR push A/B: %d rounds, %d cases per push; medians of wall and process CPU time per push%n", rounds, cases);
    System.out.printf("%6s %4s %9s %7s | %9s %9s %7s | %9s %9s %7s | %6s %6s | %8s %10s%n", "events", "conc", "resources",
        "shared", "direct ms", "push ms", "ratio", "dir CPUms", "push CPU", "ratio", "res/s d", "res/s p", "repush ms", "repush/1st");
    for (int events : sizes) {
      PushWorkload workload = new PushWorkload(cases, events);
      for (int concurrency : levels) {
        run(workload, rounds, concurrency);
      }
    }
  }

  private static void run(PushWorkload workload, int rounds, int concurrency) throws Exception {
    PushWorkload.Capture capture;
    try (FhirTestServer server = FhirTestServer.builder().start()) {
      capture = workload.capture(server, concurrency);
      for (int warm = 0; warm < 2; warm++) { // warm the JIT on both paths (on this server: the DB size does not matter here)
        direct(workload, server, capture, concurrency);
        try (FhirPush push = workload.push(server, PushWorkload.newToken(), concurrency)) {
          push.push();
        }
      }
    }
    long[][] wall = new long[3][rounds];
    long[][] cpu = new long[3][rounds];
    for (int r = 0; r < rounds; r++) {
      boolean directFirst = r % 2 == 0;
      for (int k = 0; k < 2; k++) {
        if ((k == 0) == directFirst) {
          try (FhirTestServer server = FhirTestServer.builder().start()) {
            settle();
            long w = System.nanoTime();
            long c = OS.getProcessCpuTime();
            direct(workload, server, capture, concurrency);
            cpu[0][r] = OS.getProcessCpuTime() - c;
            wall[0][r] = System.nanoTime() - w;
          }
        } else {
          try (FhirTestServer server = FhirTestServer.builder().start();
              FhirPush push = workload.push(server, PushWorkload.newToken(), concurrency)) {
            settle();
            long w = System.nanoTime();
            long c = OS.getProcessCpuTime();
            PushReport first = push.push();
            cpu[1][r] = OS.getProcessCpuTime() - c;
            wall[1][r] = System.nanoTime() - w;
            check(first.complete() && first.pushed() == workload.cases && first.resources() == capture.resources(), first);
            w = System.nanoTime();
            c = OS.getProcessCpuTime();
            PushReport again = push.push();
            cpu[2][r] = OS.getProcessCpuTime() - c;
            wall[2][r] = System.nanoTime() - w;
            check(again.unchanged() == workload.cases && again.sharedResources() == 0, again);
          }
        }
      }
    }
    double d = median(wall[0]) / 1e6;
    double p = median(wall[1]) / 1e6;
    double dc = median(cpu[0]) / 1e6;
    double pc = median(cpu[1]) / 1e6;
    double re = median(wall[2]) / 1e6;
    System.out.printf("%6d %4d %9d %7d | %9.0f %9.0f %7.3f | %9.0f %9.0f %7.3f | %6.0f %6.0f | %8.2f %10.5f%n", workload.events,
        concurrency, capture.resources(), capture.shared().size(), d, p, d / p, dc, pc, dc / pc, capture.resources() / d * 1000,
        capture.resources() / p * 1000, re, re / p);
    System.out.printf("       per round, direct/push ms, wall:%s; CPU:%s%n", pairs(wall[0], wall[1]), pairs(cpu[0], cpu[1]));
  }

  private static void direct(PushWorkload workload, FhirTestServer server, PushWorkload.Capture capture, int concurrency) throws Exception {
    String token = PushWorkload.newToken();
    List<byte[]> shared = PushWorkload.rebase(capture.shared(), capture.token(), token);
    List<byte[]> own = PushWorkload.rebase(capture.cases(), capture.token(), token);
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try (CloseableHttpClient http = PushWorkload.bareClient(concurrency)) {
      PushWorkload.post(http, pool, server.baseUrl(), shared);
      PushWorkload.post(http, pool, server.baseUrl(), own);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void check(boolean ok, PushReport report) {
    if (!ok) {
      throw new IllegalStateException("unexpected push: " + report);
    }
  }

  /** Lets the fresh server's start-up work (schedulers, JIT of its start) finish before a timed run. */
  private static void settle() throws InterruptedException {
    System.gc();
    Thread.sleep(500);
  }

  private static String pairs(long[] a, long[] b) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < a.length; i++) {
      s.append(String.format(" %d/%d", a[i] / 1_000_000, b[i] / 1_000_000));
    }
    return s.toString();
  }

  private static int[] ints(String csv) {
    return Arrays.stream(csv.split(",")).mapToInt(Integer::parseInt).toArray();
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
  }
}
