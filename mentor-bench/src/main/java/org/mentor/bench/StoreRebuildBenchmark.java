package org.mentor.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseRegistry;
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
import org.openjdk.jmh.annotations.Timeout;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Rebuilding from the JDBC case store: {@code cases} synthetic cases of 40 events each (10^5: 4
 * million events), kept under {@code target/bench-data} so that each fork does not write them
 * again (the first fork on a machine writes them with plain JDBC, as the store lays them out).
 * Single shots without warm-up: the first is a cold start, as an EMR's is; the next two run in
 * the same JVM, warmed by the first.
 *
 * <ul>
 *   <li>{@link #registry}: {@code CaseRegistry.builder().store(store).build()}, what an EMR pays at
 *       start-up: every case streamed from the store and replayed into the registry.
 *   <li>{@link #stream}: {@link JdbcCaseStore#forEach} alone, every case read and its events parsed,
 *       in a 256 MB heap (the stored rows take gigabytes): the stream's memory is bounded.
 *   <li>{@link #bareSelect}: the floor for {@link #stream}: one plain JDBC query over the same rows
 *       in the same order, each payload parsed with {@link EventJson}, in the same heap.
 * </ul>
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 0)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Timeout(time = 60, timeUnit = TimeUnit.MINUTES) // the first iteration on a machine includes writing 4 million events
@State(Scope.Benchmark)
public class StoreRebuildBenchmark {
  /** Events per case. */
  static final int CASE_EVENTS = 40;

  /** The database. */
  @Param({"H2", "POSTGRESQL"})
  public BenchDatabase database;

  /** The number of cases stored. */
  @Param({"100000"})
  public int cases;

  private JdbcConnectionPool pool;
  private JdbcCaseStore store;

  /** Opens the kept database, writing the cases if it does not hold them yet. */
  @Setup(Level.Trial)
  public void open() throws SQLException {
    pool = database.openKept("rebuild" + cases);
    store = JdbcCaseStore.create(pool);
    if (storedCases() != cases) {
      write();
    }
  }

  /** Closes the pool. */
  @TearDown(Level.Trial)
  public void close() {
    pool.dispose();
  }

  private long storedCases() throws SQLException {
    try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM mentor_case")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Writes the cases with plain JDBC in transactions of 500 cases: the rows the store's appends would make. */
  private void write() throws SQLException {
    EventJson json = EventJson.standard();
    boolean postgres = database == BenchDatabase.POSTGRESQL;
    try (Connection connection = pool.getConnection()) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("DELETE FROM mentor_event");
        statement.execute("DELETE FROM mentor_case");
      }
      connection.setAutoCommit(false);
      // Feed positions as the store's appends would leave them: the writing transaction's id on
      // PostgreSQL, the counter's next value on H2 (set to the last one at the end).
      try (PreparedStatement caseRow = connection.prepareStatement("INSERT INTO mentor_case"
              + " (case_id, protocol_id, protocol_version, version, change_position) VALUES (?, ?, ?, ?, "
              + (postgres ? "pg_current_xact_id()::text::bigint" : "?") + ")");
          PreparedStatement eventRow = connection.prepareStatement("INSERT INTO mentor_event (case_id, seq, event_id,"
              + " event_type, schema_version, occurred_on, recorded_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, "
              + (postgres ? "CAST(? AS json)" : "?") + ")")) {
        for (int seed = 0; seed < cases; seed++) {
          SyntheticCase synthetic = SyntheticCase.generate(seed, CASE_EVENTS);
          List<PathwayEvent> events = synthetic.events();
          Enrolled enrolled = (Enrolled) events.get(0);
          caseRow.setString(1, synthetic.caseId().value());
          caseRow.setString(2, enrolled.protocol().id());
          caseRow.setString(3, enrolled.protocol().version());
          caseRow.setLong(4, events.size());
          if (!postgres) {
            caseRow.setLong(5, seed + 1L);
          }
          caseRow.addBatch();
          for (int i = 0; i < events.size(); i++) {
            PathwayEvent event = events.get(i);
            eventRow.setString(1, synthetic.caseId().value());
            eventRow.setLong(2, i + 1L);
            eventRow.setString(3, event.id().value());
            eventRow.setString(4, json.typeName(event.kind()));
            eventRow.setInt(5, json.schemaVersion(event.kind()));
            eventRow.setObject(6, event.occurredOn());
            eventRow.setObject(7, OffsetDateTime.ofInstant(event.recordedAt(), ZoneOffset.UTC));
            eventRow.setString(8, json.write(event));
            eventRow.addBatch();
          }
          if ((seed + 1) % 500 == 0 || seed + 1 == cases) {
            caseRow.executeBatch();
            eventRow.executeBatch();
            connection.commit();
          }
        }
      }
      connection.setAutoCommit(true);
      if (!postgres) {
        try (PreparedStatement counter = connection.prepareStatement("UPDATE mentor_feed SET last_position = ?")) {
          counter.setLong(1, cases);
          counter.executeUpdate();
        }
      }
      if (postgres) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("VACUUM ANALYZE mentor_case");
          statement.execute("VACUUM ANALYZE mentor_event");
        }
      }
    }
  }

  /** The registry rebuilt from the store, as at an EMR's start-up (in a heap that holds the registry). */
  @Benchmark
  @Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g"}) // about 15 KB a case (HeapPerCase): 1.5 GB
  public int registry() {
    return CaseRegistry.builder().store(store).build().size();
  }

  /** Every case streamed from the store and its events parsed, in a 256 MB heap. */
  @Benchmark
  public void stream(Blackhole blackhole) {
    store.forEach(blackhole::consume);
  }

  /** The floor: the same rows in the same order with one plain query, each payload parsed. */
  @Benchmark
  public void bareSelect(Blackhole blackhole) throws SQLException {
    EventJson json = EventJson.standard();
    try (Connection connection = pool.getConnection()) {
      connection.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction, with a fetch size
      try (PreparedStatement select = connection.prepareStatement("SELECT c.case_id, e.payload FROM mentor_case c"
          + " JOIN mentor_event e ON e.case_id = c.case_id ORDER BY c.case_id, e.seq")) {
        select.setFetchSize(10_000);
        try (ResultSet rs = select.executeQuery()) {
          while (rs.next()) {
            blackhole.consume(rs.getString(1));
            blackhole.consume(json.read(rs.getString(2)));
          }
        }
      }
      connection.commit();
      connection.setAutoCommit(true);
    }
  }
}
