package org.mentor.store.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

/**
 * What differs between the databases the store runs on: the migrations, how a JSON payload is
 * bound, and how a change gets a position that follows commit order (docs/storage.md, "The change
 * feed"). Everything else is the same SQL.
 */
enum Dialect {
  /**
   * PostgreSQL 13 or later. A change's position is its transaction's full id ({@code xid8}); the
   * feed reads only positions below the oldest transaction still running, where nothing can commit
   * any more, so a transaction that began first and commits last is never skipped.
   */
  POSTGRESQL("postgresql") {
    @Override
    String positionOnWrite() {
      return "pg_current_xact_id()::text::bigint";
    }

    @Override
    String horizon() {
      return " AND change_position < pg_snapshot_xmin(pg_current_snapshot())::text::bigint";
    }

    @Override
    String payloadParameter() {
      return "CAST(? AS json)";
    }

    @Override
    boolean positionsAtCommit() {
      return false;
    }
  },

  /**
   * H2 2.x. A change's position is taken from a one-row counter as the transaction's first
   * statement; the counter's row lock is held until commit, so positions are handed out in commit
   * order and every committed position is final. Appends are serialised by that lock, which costs
   * an embedded database little: its transactions make no network round trips.
   */
  H2("h2") {
    @Override
    String positionOnWrite() {
      return "?";
    }

    @Override
    String horizon() {
      return "";
    }

    @Override
    String payloadParameter() {
      return "?";
    }

    @Override
    boolean positionsAtCommit() {
      return true;
    }
  };

  private final String vendor;

  Dialect(String vendor) {
    this.vendor = vendor;
  }

  /** The classpath folder of this database's Flyway migrations. */
  String migrations() {
    return "classpath:org/mentor/store/jdbc/migration/" + vendor;
  }

  /**
   * Flyway's history table for Mentor's migrations, apart from any history the EMR keeps. Flyway
   * quotes the name, so it is given in the case the database folds unquoted names to (upper for
   * H2, lower for PostgreSQL) and reads the same unquoted.
   */
  String historyTable() {
    return this == H2 ? "MENTOR_SCHEMA_HISTORY" : "mentor_schema_history";
  }

  /** The SQL expression a write stores as the case's feed position (a parameter for H2: {@link #takePosition}). */
  abstract String positionOnWrite();

  /** A condition, starting with AND, that keeps the feed below positions that may still commit. */
  abstract String horizon();

  /** The SQL that binds a JSON payload given as text. */
  abstract String payloadParameter();

  /** Whether the position is taken from the counter at the start of the transaction ({@link #takePosition}). */
  abstract boolean positionsAtCommit();

  /**
   * Makes every commit reach the database file before it returns. PostgreSQL does by default
   * ({@code synchronous_commit = on}; the store leaves the server's settings to its operator). H2
   * writes committed changes up to {@code WRITE_DELAY} (500 ms) later, so a process killed in
   * that window loses them: a test saw 48 of 50 committed events lost after {@code SHUTDOWN
   * IMMEDIATELY}. The store sets it to 0, a persistent setting of the database, and says so in
   * the log.
   *
   * @param connection a connection to the database
   * @throws IllegalStateException if H2's write delay is not 0 and this user may not change it
   */
  void makeCommitsDurable(Connection connection) throws SQLException {
    if (this != H2) {
      return;
    }
    try (PreparedStatement read = connection.prepareStatement(
        "SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = 'WRITE_DELAY'");
        ResultSet rs = read.executeQuery()) {
      if (rs.next() && "0".equals(rs.getString(1))) {
        return;
      }
    }
    try (PreparedStatement set = connection.prepareStatement("SET WRITE_DELAY 0")) {
      set.execute();
      Log.LOG.info("set H2's WRITE_DELAY to 0 so that a commit is on disk when it returns");
    } catch (SQLException e) {
      throw new IllegalStateException("H2 delays writing commits and this user may not change that:"
          + " add ;WRITE_DELAY=0 to the database URL, or connect once as an admin [SQLState " + e.getSQLState() + "]");
    }
  }

  /** The dialect's logger, apart from the enum's constants. */
  private static final class Log {
    static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Dialect.class);
  }

  /**
   * Takes the next feed position and locks the counter until the transaction ends (H2 only).
   *
   * @param connection the append's connection, in its transaction
   * @return the position
   */
  long takePosition(Connection connection) throws SQLException {
    try (PreparedStatement next = connection.prepareStatement(
        "SELECT last_position FROM FINAL TABLE (UPDATE mentor_feed SET last_position = last_position + 1)");
        ResultSet rs = next.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("mentor_feed has no row: the schema was changed by hand");
      }
      return rs.getLong(1);
    }
  }

  /**
   * The dialect of a database.
   *
   * @param connection a connection to it
   * @return its dialect
   * @throws IllegalArgumentException if the database is neither PostgreSQL nor H2
   */
  static Dialect of(Connection connection) throws SQLException {
    DatabaseMetaData meta = connection.getMetaData();
    String product = meta.getDatabaseProductName();
    String name = product == null ? "" : product.toLowerCase(Locale.ROOT);
    if (name.contains("postgresql")) {
      if (meta.getDatabaseMajorVersion() < 13) {
        throw new IllegalArgumentException(
            "the JDBC case store needs PostgreSQL 13 or later, not " + meta.getDatabaseProductVersion());
      }
      return POSTGRESQL;
    }
    if (name.equals("h2")) {
      return H2;
    }
    throw new IllegalArgumentException("the JDBC case store runs on PostgreSQL or H2, not " + product);
  }
}
