package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.mentor.core.testing.CaseBuilder.aCase;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mentor.core.CaseId;

class ScratchSpeedTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void speed(Database database) throws Exception {
    try (Database.Opened db = database.open()) {
      JdbcCaseStore store = db.store();
      for (int c = 0; c < 100; c++) {
        store.append(CaseId.of("k" + c), 0, aCase("k" + c).enrolledAtAnc(of(2025, 4, 28)).events());
      }
      long t0 = System.nanoTime();
      for (int i = 0; i < 2000; i++) {
        int c = i % 100;
        store.append(CaseId.of("k" + c), 1 + i / 100, List.of(StoreContract.visit("s" + i, i % 200)));
      }
      long t1 = System.nanoTime();
      System.out.println(database + " single thread: " + (t1 - t0) / 2000 / 1000 + " us/append");
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<?>> fs = new ArrayList<>();
      long t2 = System.nanoTime();
      for (int t = 0; t < 2; t++) {
        int thread = t;
        fs.add(pool.submit(() -> {
          for (int i = 0; i < 1000; i++) {
            int c = thread * 50 + i % 50;
            store.append(CaseId.of("k" + c), 21 + i / 50, List.of(StoreContract.visit("p" + thread + "-" + i, i % 200)));
          }
          return null;
        }));
      }
      for (Future<?> f : fs) f.get();
      long t3 = System.nanoTime();
      System.out.println(database + " two threads: " + (t3 - t2) / 2000 / 1000 + " us/append");
      pool.shutdown();
    }
  }
}
