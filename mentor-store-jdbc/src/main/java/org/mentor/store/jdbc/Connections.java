package org.mentor.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The store's use of the EMR's data source: each operation takes a connection, runs in the
 * auto-commit mode it needs, rolls back whatever it did not commit, and gives the connection back
 * in the mode it came in, as pools expect.
 */
final class Connections {
  private static final Logger LOG = LoggerFactory.getLogger(Connections.class);

  /** Work on a connection. */
  @FunctionalInterface
  interface SqlWork<T> {
    T run(Connection connection) throws SQLException;
  }

  private final DataSource dataSource;

  Connections(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Runs work on a connection in an auto-commit mode. Outside auto-commit, anything the work did
   * not commit is rolled back, whether it returned or threw.
   */
  <T> T run(boolean autoCommit, SqlWork<T> work) throws SQLException {
    Connection connection = dataSource.getConnection();
    boolean given = true;
    try {
      given = connection.getAutoCommit();
      connection.setAutoCommit(autoCommit);
      return work.run(connection);
    } finally {
      if (!autoCommit) {
        rollback(connection);
      }
      close(connection, given);
    }
  }

  /** Reads in auto-commit mode, each statement its own snapshot, whatever mode the pool hands out. */
  <T> T read(String operation, SqlWork<T> work) {
    try {
      return run(true, work);
    } catch (SQLException e) {
      throw new JdbcStoreException(operation + " failed", e);
    }
  }

  /** Runs work in one transaction and commits it. */
  <T> T transaction(String operation, SqlWork<T> work) {
    try {
      return run(false, connection -> {
        T result = work.run(connection);
        connection.commit();
        return result;
      });
    } catch (SQLException e) {
      throw new JdbcStoreException(operation + " failed; nothing was written", e);
    }
  }

  private static void rollback(Connection connection) {
    try {
      if (!connection.isClosed() && !connection.getAutoCommit()) {
        connection.rollback();
      }
    } catch (SQLException e) {
      LOG.debug("rollback failed (SQLState {}); the database rolls back when the connection closes", e.getSQLState());
    }
  }

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
}
