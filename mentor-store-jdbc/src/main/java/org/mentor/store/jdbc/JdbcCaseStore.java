package org.mentor.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.Rule;
import org.mentor.core.VersionConflictException;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.pathway.Enrolled;
import org.mentor.core.pathway.EventKind;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.protocol.ProtocolRef;
import org.mentor.core.registry.CaseStore;
import org.mentor.core.registry.ChangedCases;
import org.mentor.core.registry.StoreCursor;
import org.mentor.core.registry.StoredCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CaseStore} in a SQL database: PostgreSQL 13+ in production, H2 2.x in file mode as the
 * embedded default. Plain JDBC over the {@link DataSource} the EMR provides (no pool or framework
 * imposed); the schema is created and upgraded by the Flyway migrations shipped in this jar, with
 * their own history table ({@code mentor_schema_history}) so they live beside the EMR's tables.
 *
 * <pre>{@code
 * JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:file:/var/lib/emr/mentor", "sa", "");
 * CaseRegistry registry = CaseRegistry.builder().store(JdbcCaseStore.create(dataSource)).build();
 * }</pre>
 *
 * <p>Each event is a row of {@code mentor_event} holding its public JSON form ({@link EventJson})
 * with its type's schema version; reading an older version upcasts it through {@link EventJson}'s
 * upcasters. Guarantees (docs/storage.md):
 *
 * <ul>
 *   <li>An append is one transaction: all its events or none, and the case's version moves with
 *       them. A stale expected version is refused with {@link VersionConflictException} by the
 *       version check and, as a backstop, by the primary key (case id, sequence).
 *   <li>An event id is stored once, by a unique constraint, not only by the registry's check: an
 *       append that repeats a stored id is refused, as a version conflict when the case has moved
 *       on (a retry whose first attempt committed: the registry reloads the case, finds the event
 *       and records nothing) and as {@code EVT-001} otherwise; nothing is written.
 *   <li>{@link #changedSince} follows commit order: a reader never skips a change that commits
 *       after one it has read.
 *   <li>{@link #purge} erases a case for data-protection law and leaves an audit row that says when
 *       and by whom, not which case.
 * </ul>
 *
 * <p>Thread-safe. Logs counts and schema versions only; exception messages hold no case id, event
 * id or value (the driver's message, which can echo values, is dropped: {@link
 * JdbcStoreException}).
 */
public final class JdbcCaseStore implements CaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCaseStore.class);

  /** Cases read per query when streaming every case: bounds the memory {@link #forEach} needs. */
  static final int PAGE_CASES = 256;

  /** Attempts at an append refused for a reason that was gone when the store looked (a write since rolled back). */
  private static final int APPEND_ATTEMPTS = 3;

  /** The kinds that can change a case's protocol (kept in {@code mentor_case} for operators). */
  private static final Set<EventKind> PROTOCOL_KINDS =
      EnumSet.of(EventKind.ENROLLED, EventKind.PROTOCOL_CHANGED, EventKind.CORRECTED, EventKind.VOIDED);

  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final Dialect dialect;
  private final EventJson json;
  private final Clock clock;
  private final String insertCase;
  private final String updateCase;
  private final String insertEvent;
  private final String changedSince;
  private final String pgAppendNew;
  private final String pgAppendExisting;

  private JdbcCaseStore(Builder builder, Dialect dialect) {
    this.dataSource = builder.dataSource;
    this.dialect = dialect;
    this.json = builder.json == null ? EventJson.standard() : builder.json;
    this.clock = builder.clock == null ? Clock.systemUTC() : builder.clock;
    this.insertCase = "INSERT INTO mentor_case (case_id, protocol_id, protocol_version, version, change_position)"
        + " VALUES (?, ?, ?, ?, " + dialect.positionOnWrite() + ")";
    this.updateCase = "UPDATE mentor_case SET version = ?, change_position = " + dialect.positionOnWrite()
        + " WHERE case_id = ? AND version = ?";
    this.insertEvent = "INSERT INTO mentor_event"
        + " (case_id, seq, event_id, event_type, schema_version, occurred_on, recorded_at, payload)"
        + " VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.payloadParameter() + ")";
    String pgEvents = "INSERT INTO mentor_event"
        + " (case_id, seq, event_id, event_type, schema_version, occurred_on, recorded_at, payload)"
        + " SELECT c.case_id, e.seq, e.event_id, e.event_type, e.schema_version::integer, e.occurred_on::date,"
        + " e.recorded_at::timestamptz, e.payload::json"
        + " FROM c, unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
        + " AS e (seq, event_id, event_type, schema_version, occurred_on, recorded_at, payload)";
    this.pgAppendNew = "WITH c AS (INSERT INTO mentor_case (case_id, protocol_id, protocol_version, version, change_position)"
        + " VALUES (?, ?, ?, ?, pg_current_xact_id()::text::bigint) RETURNING case_id) " + pgEvents;
    this.pgAppendExisting = "WITH c AS (UPDATE mentor_case SET version = ?, change_position = pg_current_xact_id()::text::bigint"
        + " WHERE case_id = ? AND version = ? RETURNING case_id) " + pgEvents;
    this.changedSince = "SELECT case_id, change_position, case_no FROM mentor_case"
        + " WHERE change_position >= ? AND (change_position > ? OR case_no > ?)" + dialect.horizon()
        + " ORDER BY change_position, case_no LIMIT ?";
  }

  /**
   * A store on a database, its schema migrated to this version of the library.
   *
   * @param dataSource the EMR's data source for a PostgreSQL 13+ or H2 2.x database, not null
   * @return the store
   * @throws IllegalArgumentException if the database is neither PostgreSQL 13+ nor H2
   * @throws JdbcStoreException if the database cannot be reached
   * @throws org.flywaydb.core.api.FlywayException if a migration fails
   */
  public static JdbcCaseStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A builder for a store on a database.
   *
   * @param dataSource the EMR's data source, not null
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  // --- append -------------------------------------------------------------------------------

  @Override
  public long append(CaseId caseId, long expectedVersion, List<PathwayEvent> events) {
    requireNonNull(caseId, "caseId");
    requireNonNull(events, "events");
    checkArgument(!events.isEmpty(), "nothing to append");
    checkArgument(expectedVersion >= 0, "expectedVersion must not be negative");
    List<PathwayEvent> batch = List.copyOf(events);
    refuseRepeatedIds(batch);
    List<EventRow> rows = new ArrayList<>(batch.size());
    for (PathwayEvent event : batch) {
      rows.add(EventRow.of(json, event));
    }
    for (int attempt = 1; ; attempt++) {
      if (tryAppend(caseId, expectedVersion, batch, rows)) {
        return expectedVersion + batch.size();
      }
      explainRefusal(caseId, expectedVersion, batch);
      checkState(attempt < APPEND_ATTEMPTS, "an append was refused %s times for no reason found", attempt);
    }
  }

  private static void refuseRepeatedIds(List<PathwayEvent> batch) {
    Set<EventId> ids = new HashSet<>();
    for (PathwayEvent event : batch) {
      if (!ids.add(event.id())) {
        throw new InvalidEventException("event.id", event.id(), Rule.EVENT_ID_REUSED);
      }
    }
  }

  /** Writes the batch in one transaction; false if the version check or a constraint refused it (nothing written). */
  private boolean tryAppend(CaseId caseId, long expected, List<PathwayEvent> batch, List<EventRow> rows) {
    boolean protocolMayMove = expected > 0 && batch.stream().anyMatch(e -> PROTOCOL_KINDS.contains(e.kind()));
    return dialect == Dialect.POSTGRESQL && !protocolMayMove
        ? appendInOneStatement(caseId, expected, batch, rows)
        : appendInTransaction(caseId, expected, batch, rows, protocolMayMove);
  }

  /**
   * PostgreSQL's usual path: the case row's insert or version-checked update and the events' insert
   * as one statement (a data-modifying WITH), auto-committed: one round trip, as a bare insert
   * takes. No row is inserted when the version check matches no case.
   */
  private boolean appendInOneStatement(CaseId caseId, long expected, List<PathwayEvent> batch, List<EventRow> rows) {
    Connection connection = null;
    boolean autoCommit = true;
    try {
      connection = dataSource.getConnection();
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      try (PreparedStatement append = connection.prepareStatement(expected == 0 ? pgAppendNew : pgAppendExisting)) {
        int i = 1;
        if (expected == 0) {
          Optional<ProtocolRef> protocol = protocolOf(caseId, List.of(), batch);
          append.setString(i++, caseId.value());
          append.setString(i++, protocol.map(ProtocolRef::id).orElse(null));
          append.setString(i++, protocol.map(ProtocolRef::version).orElse(null));
          append.setLong(i++, batch.size());
        } else {
          append.setLong(i++, expected + batch.size());
          append.setString(i++, caseId.value());
          append.setLong(i++, expected);
        }
        int n = rows.size();
        Long[] seqs = new Long[n];
        String[][] columns = new String[6][n];
        for (int r = 0; r < n; r++) {
          EventRow row = rows.get(r);
          seqs[r] = expected + r + 1;
          columns[0][r] = row.eventId();
          columns[1][r] = row.type();
          columns[2][r] = Integer.toString(row.schemaVersion());
          columns[3][r] = row.occurredOn().toString();
          columns[4][r] = row.recordedAt().toInstant().toString();
          columns[5][r] = row.payload();
        }
        append.setArray(i++, connection.createArrayOf("bigint", seqs));
        for (String[] column : columns) {
          append.setArray(i++, connection.createArrayOf("text", column));
        }
        return append.executeUpdate() == n;
      }
    } catch (SQLException e) {
      if (isConstraintRefusal(e)) {
        return false;
      }
      throw new JdbcStoreException("append: the statement failed; if it reached the database it was rolled back,"
          + " and retrying the same append is safe", e);
    } finally {
      close(connection, autoCommit);
    }
  }

  /** The other paths: H2, and PostgreSQL when the case's protocol column may move. */
  private boolean appendInTransaction(CaseId caseId, long expected, List<PathwayEvent> batch, List<EventRow> rows,
      boolean protocolMayMove) {
    Connection connection = null;
    boolean autoCommit = true;
    boolean committing = false;
    try {
      connection = dataSource.getConnection();
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      long version = expected + batch.size();
      // H2: first, so the counter's lock, held to the commit, orders positions as commits.
      long position = dialect.positionsAtCommit() ? dialect.takePosition(connection) : 0;
      if (expected == 0) {
        Optional<ProtocolRef> protocol = protocolOf(caseId, List.of(), batch);
        try (PreparedStatement insert = connection.prepareStatement(insertCase)) {
          insert.setString(1, caseId.value());
          insert.setString(2, protocol.map(ProtocolRef::id).orElse(null));
          insert.setString(3, protocol.map(ProtocolRef::version).orElse(null));
          insert.setLong(4, version);
          if (dialect.positionsAtCommit()) {
            insert.setLong(5, position);
          }
          insert.executeUpdate();
        }
      } else {
        try (PreparedStatement update = connection.prepareStatement(updateCase)) {
          update.setLong(1, version);
          int i = 2;
          if (dialect.positionsAtCommit()) {
            update.setLong(i++, position);
          }
          update.setString(i++, caseId.value());
          update.setLong(i, expected);
          if (update.executeUpdate() != 1) {
            connection.rollback();
            return false;
          }
        }
        if (protocolMayMove) {
          Optional<ProtocolRef> protocol = protocolOf(caseId, readEvents(connection, caseId).orElseThrow(), batch);
          if (protocol.isPresent()) {
            updateProtocol(connection, caseId, protocol.get());
          }
        }
      }
      insertEvents(connection, caseId, expected, rows);
      committing = true;
      connection.commit();
      return true;
    } catch (SQLException e) {
      rollback(connection);
      if (!committing && isConstraintRefusal(e)) {
        return false;
      }
      throw new JdbcStoreException(committing
          ? "append: the commit failed and its outcome is unknown; retrying the same append is safe"
          : "append: nothing was written", e);
    } catch (RuntimeException | Error e) {
      rollback(connection);
      throw e;
    } finally {
      close(connection, autoCommit);
    }
  }

  private void insertEvents(Connection connection, CaseId caseId, long expected, List<EventRow> rows) throws SQLException {
    try (PreparedStatement insert = connection.prepareStatement(insertEvent)) {
      long seq = expected;
      for (EventRow row : rows) {
        insert.setString(1, caseId.value());
        insert.setLong(2, ++seq);
        insert.setString(3, row.eventId());
        insert.setString(4, row.type());
        insert.setInt(5, row.schemaVersion());
        insert.setObject(6, row.occurredOn());
        insert.setObject(7, row.recordedAt());
        insert.setString(8, row.payload());
        if (rows.size() == 1) {
          insert.executeUpdate();
        } else {
          insert.addBatch();
        }
      }
      if (rows.size() > 1) {
        insert.executeBatch();
      }
    }
  }

  private static void updateProtocol(Connection connection, CaseId caseId, ProtocolRef protocol) throws SQLException {
    try (PreparedStatement update = connection.prepareStatement(
        "UPDATE mentor_case SET protocol_id = ?, protocol_version = ? WHERE case_id = ?")) {
      update.setString(1, protocol.id());
      update.setString(2, protocol.version());
      update.setString(3, caseId.value());
      update.executeUpdate();
    }
  }

  /**
   * The case's protocol after the batch, for the operators' column: the enrolment's on the usual
   * path, the fold's when a protocol change, correction or void may have moved it.
   */
  private static Optional<ProtocolRef> protocolOf(CaseId caseId, List<PathwayEvent> stored, List<PathwayEvent> batch) {
    boolean plainEnrolment = stored.isEmpty() && batch.get(0) instanceof Enrolled
        && batch.stream().skip(1).noneMatch(e -> PROTOCOL_KINDS.contains(e.kind()));
    if (plainEnrolment) {
      return Optional.of(((Enrolled) batch.get(0)).protocol());
    }
    List<PathwayEvent> all = new ArrayList<>(stored.size() + batch.size());
    all.addAll(stored);
    all.addAll(batch);
    try {
      return CaseFile.replay(caseId, all).facts().protocol();
    } catch (InvalidEventException e) {
      return Optional.empty(); // the registry validates; a store given other events keeps the column as it was
    }
  }

  private static boolean isConstraintRefusal(SQLException e) {
    for (SQLException next = e; next != null; next = next.getNextException()) {
      if (UNIQUE_VIOLATION.equals(next.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /**
   * Why an append was refused (nothing was written): a stale version ({@link
   * VersionConflictException}, also for a retry of an append that did commit: the registry then
   * reloads the case and finds its events there) or an event id stored elsewhere ({@code EVT-001}).
   * Returns normally if neither holds any more (a refusing write has since rolled back).
   */
  private void explainRefusal(CaseId caseId, long expected, List<PathwayEvent> batch) {
    withConnection("append", connection -> {
      try (PreparedStatement version = connection.prepareStatement(
          "SELECT version FROM mentor_case WHERE case_id = ?")) {
        version.setString(1, caseId.value());
        try (ResultSet rs = version.executeQuery()) {
          long actual = rs.next() ? rs.getLong(1) : 0;
          if (actual != expected) {
            throw new VersionConflictException(caseId, expected, actual);
          }
        }
      }
      try (PreparedStatement find = connection.prepareStatement("SELECT 1 FROM mentor_event WHERE event_id = ?")) {
        for (PathwayEvent event : batch) {
          find.setString(1, event.id().value());
          try (ResultSet rs = find.executeQuery()) {
            if (rs.next()) {
              throw new InvalidEventException("event.id", event.id(), Rule.EVENT_ID_REUSED);
            }
          }
        }
      }
      return null;
    });
  }

  // --- reads --------------------------------------------------------------------------------

  @Override
  public Optional<StoredCase> load(CaseId caseId) {
    requireNonNull(caseId, "caseId");
    return withConnection("load", connection -> readEvents(connection, caseId).map(events -> new StoredCase(caseId, events)));
  }

  private Optional<ImmutableList<PathwayEvent>> readEvents(Connection connection, CaseId caseId) throws SQLException {
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT seq, payload FROM mentor_event WHERE case_id = ? ORDER BY seq")) {
      select.setString(1, caseId.value());
      try (ResultSet rs = select.executeQuery()) {
        ImmutableList.Builder<PathwayEvent> events = ImmutableList.builder();
        boolean any = false;
        while (rs.next()) {
          events.add(read(rs.getString(2), rs.getLong(1)));
          any = true;
        }
        return any ? Optional.of(events.build()) : Optional.empty();
      }
    }
  }

  /** Reads a stored payload, upcasting an older schema version; a refusal names the row's sequence. */
  private PathwayEvent read(String payload, long seq) {
    try {
      return json.read(payload);
    } catch (InvalidEventException e) {
      InvalidEventException refused = new InvalidEventException(
          "mentor_event[seq " + seq + "]." + e.field(), e.rejectedValue().orElse(null), e.rule(), e.redacted());
      refused.initCause(e);
      throw refused;
    }
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads {@value #PAGE_CASES} cases per query in case-id order, and releases the connection
   * before calling the action, so memory is bounded by a page whatever the number of cases, and the action may use
   * the store. Each case is read whole in one statement; a case changed while the stream runs is
   * given as it was when its page was read.
   */
  @Override
  public void forEach(Consumer<StoredCase> action) {
    requireNonNull(action, "action");
    @Nullable String after = null;
    while (true) {
      @Nullable String from = after;
      Page page = withConnection("forEach", connection -> readPage(connection, from));
      if (page.cases().isEmpty()) {
        return;
      }
      for (PageCase stored : page.cases()) {
        ImmutableList.Builder<PathwayEvent> events = ImmutableList.builderWithExpectedSize(stored.payloads().size());
        for (int i = 0; i < stored.payloads().size(); i++) {
          events.add(read(stored.payloads().get(i), i + 1L));
        }
        action.accept(new StoredCase(stored.caseId(), events.build()));
      }
      after = page.last();
    }
  }

  private record PageCase(CaseId caseId, List<String> payloads) {}

  /** A page of cases in case-id order, after the case id given (none for the first page). */
  private record Page(List<PageCase> cases, @Nullable String last) {}

  private static Page readPage(Connection connection, @Nullable String after) throws SQLException {
    String last;
    try (PreparedStatement bound = connection.prepareStatement("SELECT MAX(case_id) FROM (SELECT case_id FROM mentor_case"
        + (after == null ? "" : " WHERE case_id > ?") + " ORDER BY case_id LIMIT ?) page")) {
      int i = 1;
      if (after != null) {
        bound.setString(i++, after);
      }
      bound.setInt(i, PAGE_CASES);
      try (ResultSet rs = bound.executeQuery()) {
        rs.next();
        last = rs.getString(1);
        if (last == null) {
          return new Page(List.of(), after);
        }
      }
    }
    List<PageCase> cases = new ArrayList<>(PAGE_CASES);
    try (PreparedStatement select = connection.prepareStatement(
        "SELECT c.case_id, e.payload FROM mentor_case c JOIN mentor_event e ON e.case_id = c.case_id"
            + " WHERE " + (after == null ? "" : "c.case_id > ? AND ") + "c.case_id <= ? ORDER BY c.case_id, e.seq")) {
      int i = 1;
      if (after != null) {
        select.setString(i++, after);
      }
      select.setString(i, last);
      try (ResultSet rs = select.executeQuery()) {
        String current = null;
        List<String> payloads = null;
        while (rs.next()) {
          String caseId = rs.getString(1);
          if (!caseId.equals(current)) {
            current = caseId;
            payloads = new ArrayList<>();
            cases.add(new PageCase(CaseId.of(caseId), payloads));
          }
          payloads.add(rs.getString(2));
        }
      }
    }
    return new Page(cases, last);
  }

  /**
   * {@inheritDoc}
   *
   * <p>On PostgreSQL the feed stops short of the oldest transaction still running anywhere in the
   * database cluster, so a long-running or idle-in-transaction session delays (never loses) what
   * readers see; docs/storage.md explains the choice.
   *
   * @throws IllegalArgumentException if the cursor was not made by a JDBC case store
   */
  @Override
  public ChangedCases changedSince(StoreCursor after, int limit) {
    requireNonNull(after, "after");
    checkArgument(limit > 0, "limit must be positive");
    FeedCursor from = FeedCursor.of(after);
    return withConnection("changedSince", connection -> {
      try (PreparedStatement select = connection.prepareStatement(changedSince)) {
        select.setLong(1, from.position());
        select.setLong(2, from.position());
        select.setLong(3, from.caseNo());
        select.setInt(4, limit);
        try (ResultSet rs = select.executeQuery()) {
          ImmutableList.Builder<CaseId> cases = ImmutableList.builder();
          FeedCursor last = from;
          while (rs.next()) {
            cases.add(CaseId.of(rs.getString(1)));
            last = new FeedCursor(rs.getLong(2), rs.getLong(3));
          }
          return new ChangedCases(cases.build(), last.equals(from) ? after : last.encode());
        }
      }
    });
  }

  // --- purge --------------------------------------------------------------------------------

  /**
   * Erases a case for data-protection law (South Africa's POPIA, Kenya's Data Protection Act) or
   * because it was misfiled: its events and its row go, in one transaction, and a row of {@code
   * mentor_purge} records that a purge happened, when (this store's clock) and by whom, not which
   * case. A registry holding the case keeps it in memory until rebuilt (docs/storage.md); the
   * database's own copies (PostgreSQL's dead rows until vacuum, backups, H2's free space until
   * compaction) are the operator's to clear.
   *
   * @param caseId the case, not null
   * @param purgedBy who ordered the purge (a user id, 1 to 128 characters), not null
   * @return whether the case was stored (nothing is written if not)
   * @throws IllegalArgumentException if {@code purgedBy} is blank or longer than 128 characters
   */
  public boolean purge(CaseId caseId, String purgedBy) {
    requireNonNull(caseId, "caseId");
    requireNonNull(purgedBy, "purgedBy");
    checkArgument(!purgedBy.isBlank() && purgedBy.length() <= 128, "purgedBy has 1 to 128 characters");
    boolean purged = inTransaction("purge", connection -> {
      try (PreparedStatement lock = connection.prepareStatement(
          "SELECT case_no FROM mentor_case WHERE case_id = ? FOR UPDATE")) {
        lock.setString(1, caseId.value());
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
        }
      }
      for (String delete : List.of("DELETE FROM mentor_event WHERE case_id = ?", "DELETE FROM mentor_case WHERE case_id = ?")) {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
          statement.setString(1, caseId.value());
          statement.executeUpdate();
        }
      }
      try (PreparedStatement audit = connection.prepareStatement(
          "INSERT INTO mentor_purge (purged_at, purged_by) VALUES (?, ?)")) {
        audit.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.setString(2, purgedBy);
        audit.executeUpdate();
      }
      return true;
    });
    if (purged) {
      LOG.info("purged a case; the audit row records when and by whom");
    }
    return purged;
  }

  // --- connections --------------------------------------------------------------------------

  @FunctionalInterface
  private interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Runs reads in auto-commit mode, each statement its own snapshot, whatever mode the pool hands out. */
  private <T> T withConnection(String operation, SqlWork<T> work) {
    Connection connection = null;
    boolean autoCommit = true;
    try {
      connection = dataSource.getConnection();
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(true);
      return work.run(connection);
    } catch (SQLException e) {
      throw new JdbcStoreException(operation + " failed", e);
    } finally {
      close(connection, autoCommit);
    }
  }

  private <T> T inTransaction(String operation, SqlWork<T> work) {
    Connection connection = null;
    boolean autoCommit = true;
    try {
      connection = dataSource.getConnection();
      autoCommit = connection.getAutoCommit();
      connection.setAutoCommit(false);
      T result = work.run(connection);
      connection.commit();
      return result;
    } catch (SQLException e) {
      rollback(connection);
      throw new JdbcStoreException(operation + " failed; nothing was written", e);
    } catch (RuntimeException | Error e) {
      rollback(connection);
      throw e;
    } finally {
      close(connection, autoCommit);
    }
  }

  private static void rollback(@Nullable Connection connection) {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("rollback failed (SQLState {}); the database rolls back when the connection closes", e.getSQLState());
    }
  }

  /** Closes a connection, giving it back in the auto-commit mode it came in, as pools expect. */
  private static void close(@Nullable Connection connection, boolean autoCommit) {
    if (connection == null) {
      return;
    }
    try {
      if (!connection.isClosed() && connection.getAutoCommit() != autoCommit) {
        connection.setAutoCommit(autoCommit);
      }
    } catch (SQLException e) {
      LOG.debug("could not restore auto-commit (SQLState {})", e.getSQLState());
    }
    try {
      connection.close();
    } catch (SQLException e) {
      LOG.debug("closing a connection failed (SQLState {})", e.getSQLState());
    }
  }

  /**
   * Configures a {@link JdbcCaseStore}. Each setting may be made once; a second call throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable Boolean migrate;
    private @Nullable Clock clock;
    private @Nullable EventJson json;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Whether building the store migrates the schema (on by default). Turn it off where a DBA runs
     * the migrations (the scripts are in this jar under {@code org/mentor/store/jdbc/migration/});
     * the store then only checks that the schema is at its version.
     *
     * @param migrate whether to migrate
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      checkState(this.migrate == null, "migrate was already set");
      this.migrate = migrate;
      return this;
    }

    /**
     * The clock that dates purges in the audit table (the system clock in UTC if not set).
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set");
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The JSON form to read and write (the standard one if not set): tests prove upcasting with their own table. */
    Builder eventJson(EventJson json) {
      checkState(this.json == null, "eventJson was already set");
      this.json = requireNonNull(json, "json");
      return this;
    }

    /**
     * Builds the store, migrating (or checking) the schema.
     *
     * @return the store
     * @throws IllegalArgumentException if the database is neither PostgreSQL 13+ nor H2
     * @throws JdbcStoreException if the database cannot be reached
     * @throws org.flywaydb.core.api.FlywayException if a migration fails, or if the schema is not
     *     at this library's version and migration is off
     */
    public JdbcCaseStore build() {
      Dialect dialect;
      try (Connection connection = dataSource.getConnection()) {
        dialect = Dialect.of(connection);
        dialect.makeCommitsDurable(connection);
      } catch (SQLException e) {
        throw new JdbcStoreException("connecting to the case store failed", e);
      }
      Flyway flyway = Flyway.configure(JdbcCaseStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .table(dialect.historyTable())
          // The schema may hold the EMR's own tables: start Mentor's history at 0 beside them.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load();
      if (migrate == null || migrate) {
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
          LOG.info("migrated the case store's schema on {} to version {} ({} migrations)",
              dialect, result.targetSchemaVersion, result.migrationsExecuted);
        }
      } else {
        flyway.validate();
      }
      return new JdbcCaseStore(this, dialect);
    }
  }
}
