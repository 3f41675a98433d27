package org.mentor.store.jdbc;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.sql.SQLException;
import org.apiguardian.api.API;

/**
 * The database failed (connection lost, disk full, schema changed by hand). The message says what
 * the store tried and what is known of the outcome: an append that failed before its commit wrote
 * nothing; one whose commit failed may have been stored, and retrying it is safe (an append found
 * already stored is a no-op). The driver's own message is left out,
 * because drivers echo values (PostgreSQL: {@code Key (event_id)=(…) already exists}); the cause
 * keeps the SQLState, the vendor code and the stack trace for diagnosis.
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JdbcStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;

  JdbcStoreException(String what, SQLException cause) {
    super(what + " [SQLState " + cause.getSQLState() + ", vendor code " + cause.getErrorCode() + "]", redacted(cause));
    this.sqlState = cause.getSQLState() == null ? "" : cause.getSQLState();
  }

  /** The SQLState the driver reported, such as {@code 08006} for a lost connection; empty if none. */
  public String sqlState() {
    return sqlState;
  }

  private static SQLException redacted(SQLException cause) {
    SQLException copy = new SQLException(cause.getClass().getName() + " (message redacted: drivers echo values)",
        cause.getSQLState(), cause.getErrorCode());
    copy.setStackTrace(cause.getStackTrace());
    return copy;
  }
}
