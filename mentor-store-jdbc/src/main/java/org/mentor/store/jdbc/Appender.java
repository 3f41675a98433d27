package org.mentor.store.jdbc;

import static com.google.common.base.Preconditions.checkState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

/**
 * Appends events to a case in one transaction, with the case row's version check, and finds out
 * why the database refused an append (a stale version, or an event id stored already).
 */
final class Appender {
  /** Attempts at an append refused for a reason that was gone when the store looked (a write since rolled back). */
  private static final int ATTEMPTS = 3;

  /** The kinds that can change a case's protocol (kept in {@code mentor_case} for operators). */
  private static final Set<EventKind> PROTOCOL_KINDS =
      EnumSet.of(EventKind.ENROLLED, EventKind.PROTOCOL_CHANGED, EventKind.CORRECTED, EventKind.VOIDED);

  private static final String UNIQUE_VIOLATION = "23505";

  private static final String INSERT_EVENT = "INSERT INTO mentor_event"
      + " (case_id, seq, event_id, event_type, schema_version, occurred_on, recorded_at, payload)";

  private final Connections connections;
  private final Dialect dialect;
  private final EventJson json;
  private final CaseReader reader;
  private final String insertCase;
  private final String updateCase;
  private final String insertEvent;

  Appender(Connections connections, Dialect dialect, EventJson json, CaseReader reader) {
    this.connections = connections;
    this.dialect = dialect;
    this.json = json;
    this.reader = reader;
    this.insertCase = "INSERT INTO mentor_case (case_id, protocol_id, protocol_version, version, change_position)"
        + " VALUES (?, ?, ?, ?, " + dialect.positionOnWrite() + ")";
    this.updateCase = "UPDATE mentor_case SET version = ?, change_position = " + dialect.positionOnWrite()
        + " WHERE case_id = ? AND version = ?";
    this.insertEvent = INSERT_EVENT + " VALUES (?, ?, ?, ?, ?, ?, ?, " + dialect.payloadParameter() + ")";
  }

  /**
   * PostgreSQL's one-statement appends: the case row's insert or version-checked update in a WITH,
   * then the events from it: one event from plain parameters (planned most cheaply), several from
   * arrays.
   */
  private static final class OneStatement {
    private static final String NEW_CASE = "WITH c AS (INSERT INTO mentor_case"
        + " (case_id, protocol_id, protocol_version, version, change_position)"
        + " VALUES (?, ?, ?, ?, pg_current_xact_id()::text::bigint) RETURNING case_id) ";
    private static final String EXISTING_CASE = "WITH c AS (UPDATE mentor_case"
        + " SET version = ?, change_position = pg_current_xact_id()::text::bigint"
        + " WHERE case_id = ? AND version = ? RETURNING case_id) ";
    private static final String ONE_EVENT = INSERT_EVENT + " SELECT c.case_id, ?, ?, ?, ?, ?, ?, CAST(? AS json) FROM c";
    private static final String EVENTS = INSERT_EVENT
        + " SELECT c.case_id, e.seq, e.event_id, e.event_type, e.schema_version::integer, e.occurred_on::date,"
        + " e.recorded_at::timestamptz, e.payload::json"
        + " FROM c, unnest(?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])"
        + " AS e (seq, event_id, event_type, schema_version, occurred_on, recorded_at, payload)";

    static String sql(boolean newCase, int events) {
      return (newCase ? NEW_CASE : EXISTING_CASE) + (events == 1 ? ONE_EVENT : EVENTS);
    }
  }

  long append(CaseId caseId, long expected, List<PathwayEvent> events) {
    List<PathwayEvent> batch = List.copyOf(events);
    refuseRepeatedIds(batch);
    List<EventRow> rows = new ArrayList<>(batch.size());
    for (PathwayEvent event : batch) {
      rows.add(EventRow.of(json, event));
    }
    for (int attempt = 1; ; attempt++) {
      boolean protocolMayMove = expected > 0 && batch.stream().anyMatch(e -> PROTOCOL_KINDS.contains(e.kind()));
      boolean written = dialect == Dialect.POSTGRESQL && !protocolMayMove
          ? inOneStatement(caseId, expected, batch, rows)
          : inTransaction(caseId, expected, batch, rows, protocolMayMove);
      if (written) {
        return expected + batch.size();
      }
      explainRefusal(caseId, expected, batch);
      checkState(attempt < ATTEMPTS, "an append was refused %s times for no reason found", attempt);
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

  /**
   * PostgreSQL's usual path: the case row's insert or version-checked update and the events'
   * insert as one statement (a data-modifying WITH), auto-committed: one round trip, as a bare
   * insert takes. No event is inserted when the version check matches no case.
   *
   * @return false if the version check or a unique constraint refused it (nothing written)
   */
  private boolean inOneStatement(CaseId caseId, long expected, List<PathwayEvent> batch, List<EventRow> rows) {
    try {
      return connections.run(true, connection -> {
        int n = rows.size();
        try (PreparedStatement append = connection.prepareStatement(OneStatement.sql(expected == 0, n))) {
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
          if (n == 1) {
            EventRow row = rows.get(0);
            append.setLong(i++, expected + 1);
            append.setString(i++, row.eventId());
            append.setString(i++, row.type());
            append.setInt(i++, row.schemaVersion());
            append.setObject(i++, row.occurredOn());
            append.setObject(i++, row.recordedAt());
            append.setString(i, row.payload());
            return append.executeUpdate() == 1;
          }
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
      });
    } catch (SQLException e) {
      if (isUniqueViolation(e)) {
        return false;
      }
      throw new JdbcStoreException("append: the statement failed; if it reached the database it was rolled back,"
          + " and retrying the same append is safe", e);
    }
  }

  /**
   * The other paths, a transaction of a few statements: H2, and PostgreSQL when the case's
   * protocol column may move.
   *
   * @return false if the version check or a unique constraint refused it (nothing written)
   */
  private boolean inTransaction(CaseId caseId, long expected, List<PathwayEvent> batch, List<EventRow> rows,
      boolean protocolMayMove) {
    boolean[] committing = {false};
    try {
      return connections.run(false, connection -> {
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
            int i = 1;
            update.setLong(i++, version);
            if (dialect.positionsAtCommit()) {
              update.setLong(i++, position);
            }
            update.setString(i++, caseId.value());
            update.setLong(i, expected);
            if (update.executeUpdate() != 1) {
              return false; // rolled back by Connections.run
            }
          }
          if (protocolMayMove) {
            Optional<ProtocolRef> protocol = protocolOf(caseId, reader.events(connection, caseId).orElseThrow(), batch);
            if (protocol.isPresent()) {
              updateProtocol(connection, caseId, protocol.get());
            }
          }
        }
        insertEvents(connection, caseId, expected, rows);
        committing[0] = true;
        connection.commit();
        return true;
      });
    } catch (SQLException e) {
      if (!committing[0] && isUniqueViolation(e)) {
        return false;
      }
      throw new JdbcStoreException(committing[0]
          ? "append: the commit failed and its outcome is unknown; retrying the same append is safe"
          : "append: nothing was written", e);
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

  private static boolean isUniqueViolation(SQLException e) {
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
    connections.read("append", connection -> {
      try (PreparedStatement version = connection.prepareStatement("SELECT version FROM mentor_case WHERE case_id = ?")) {
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
}
