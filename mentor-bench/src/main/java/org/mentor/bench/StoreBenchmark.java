package org.mentor.bench;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mentor.core.CaseId;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.store.jdbc.JdbcCaseStore;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Recording into the JDBC case store, against a bare JDBC insert of the same rows in the same run.
 *
 * <ul>
 *   <li>{@link #append}: {@link JdbcCaseStore#append} of {@code batch} events of a synthetic case
 *       (1: one event per append, the case's events in order; 40: a whole 40-event case in one
 *       append), each append its own transaction, the case row kept with it.
 *   <li>{@link #bareInsert}: the baseline, the same event rows (the same JSON, written with {@link
 *       EventJson} in the call, the same columns and keys) inserted into a table shaped like {@code
 *       mentor_event} without the store: one auto-committed insert for a single event, a JDBC
 *       batch in one transaction for 40. No case row, no version check, no feed position.
 * </ul>
 *
 * Both take a connection from the same pool per call. Throughput is appends per second; events per
 * second is that times {@code batch}. The tables are emptied before each iteration, so both write
 * into tables of the same sizes.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class StoreBenchmark {
  /** Events per synthetic case. */
  static final int CASE_EVENTS = 40;

  /** Cases generated: more events than an iteration can write at either batch size. */
  static final int CASES = 10_000;

  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public BenchDatabase database;

  /** Events per append: 1 (single) or 40 (batched). */
  @Param({"1", "40"})
  public int batch;

  private final EventJson json = EventJson.standard();
  private List<SyntheticCase> cases;
  private BenchDatabase.Fresh fresh;
  private JdbcConnectionPool pool;
  private JdbcCaseStore store;
  private String insertRow;
  private int next;

  /** Generates the cases, opens a fresh database, creates the store's tables and the baseline's. */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    cases = new ArrayList<>(CASES);
    for (int seed = 0; seed < CASES; seed++) {
      cases.add(SyntheticCase.generate(seed, CASE_EVENTS));
    }
    fresh = database.openFresh();
    pool = fresh.pool();
    store = JdbcCaseStore.create(pool);
    boolean postgres = database == BenchDatabase.POSTGRESQL;
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE bench_event (case_id varchar(128) NOT NULL, seq bigint NOT NULL,"
          + " event_id varchar(128) NOT NULL, event_type varchar(64) NOT NULL, schema_version integer NOT NULL,"
          + " occurred_on date NOT NULL, recorded_at timestamp with time zone NOT NULL, payload "
          + (postgres ? "json" : "varchar") + " NOT NULL, PRIMARY KEY (case_id, seq), UNIQUE (event_id))");
    }
    insertRow = "INSERT INTO bench_event (case_id, seq, event_id, event_type, schema_version, occurred_on, recorded_at,"
        + " payload) VALUES (?, ?, ?, ?, ?, ?, ?, " + (postgres ? "CAST(? AS json)" : "?") + ")";
  }

  /** Empties the tables. */
  @Setup(Level.Iteration)
  public void empty() throws SQLException {
    next = 0;
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
      for (String table : List.of("mentor_event", "mentor_case", "bench_event")) {
        statement.execute("DELETE FROM " + table);
      }
    }
  }

  /** Closes the pool and removes the database (H2's file grows to gigabytes over a run). */
  @TearDown(Level.Trial)
  public void close() {
    fresh.close();
  }

  /** The store: one append of {@code batch} events. */
  @Benchmark
  public long append() {
    int op = next++;
    if (batch == CASE_EVENTS) {
      SyntheticCase synthetic = synthetic(op);
      return store.append(synthetic.caseId(), 0, synthetic.events());
    }
    SyntheticCase synthetic = synthetic(op / CASE_EVENTS);
    int index = op % CASE_EVENTS;
    return store.append(synthetic.caseId(), index, List.of(synthetic.events().get(index)));
  }

  /** The baseline: the same rows inserted with bare JDBC. */
  @Benchmark
  public int bareInsert() throws SQLException {
    int op = next++;
    try (Connection connection = pool.getConnection(); PreparedStatement insert = connection.prepareStatement(insertRow)) {
      if (batch == CASE_EVENTS) {
        SyntheticCase synthetic = synthetic(op);
        connection.setAutoCommit(false);
        ImmutableList<PathwayEvent> events = synthetic.events();
        for (int i = 0; i < events.size(); i++) {
          bind(insert, synthetic.caseId(), i + 1, events.get(i));
          insert.addBatch();
        }
        int rows = insert.executeBatch().length;
        connection.commit();
        connection.setAutoCommit(true);
        return rows;
      }
      SyntheticCase synthetic = synthetic(op / CASE_EVENTS);
      int index = op % CASE_EVENTS;
      bind(insert, synthetic.caseId(), index + 1, synthetic.events().get(index));
      return insert.executeUpdate();
    }
  }

  private SyntheticCase synthetic(int index) {
    if (index >= CASES) {
      throw new IllegalStateException("an iteration wrote more than " + CASES + " cases: raise StoreBenchmark.CASES");
    }
    return cases.get(index);
  }

  private void bind(PreparedStatement insert, CaseId caseId, long seq, PathwayEvent event) throws SQLException {
    insert.setString(1, caseId.value());
    insert.setLong(2, seq);
    insert.setString(3, event.id().value());
    insert.setString(4, json.typeName(event.kind()));
    insert.setInt(5, json.schemaVersion(event.kind()));
    insert.setObject(6, event.occurredOn());
    insert.setObject(7, OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC));
    insert.setString(8, json.write(event));
  }
}
