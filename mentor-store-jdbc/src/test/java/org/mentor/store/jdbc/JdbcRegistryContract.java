package org.mentor.store.jdbc;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.mentor.core.registry.CaseStore;
import org.mentor.core.registry.RegistryContract;

/** The registry's whole suite (mentor-core's test-jar) on a JDBC store; each new store is a fresh database. */
abstract class JdbcRegistryContract extends RegistryContract {
  private final List<Database.Opened> opened = new ArrayList<>();

  abstract Database database();

  @Override
  protected CaseStore newStore() {
    Database.Opened db = database().open();
    opened.add(db);
    return db.store();
  }

  /**
   * The concurrency test's 10^5 events take minutes on a database (each event is a committed
   * transaction, on two shared cores); 2 × 10^4 keep the suite's CI time reasonable. Volume is
   * measured in mentor-bench's StoreBenchmark instead.
   */
  @Override
  protected int concurrencyEvents() {
    return 20_000;
  }

  @AfterEach
  void closeDatabases() {
    opened.forEach(Database.Opened::close);
  }
}
