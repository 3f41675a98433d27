package org.mentor.fhir.testserver;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * One in-memory H2 database, named uniquely so that two servers in one JVM never share a schema. It lives as long as
 * the JVM ({@code DB_CLOSE_DELAY=-1}), not just as long as a connection is open, until {@link #drop()}.
 */
record H2Database(String name) {

  static final String USER = "sa";
  static final String PASSWORD = "";

  static H2Database unique() {
    return new H2Database("mentor-fhir-testserver-" + UUID.randomUUID());
  }

  String jdbcUrl() {
    return "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
  }

  /** Frees the database's memory; called once nothing uses it any more. */
  void drop() throws SQLException {
    try (Connection connection = DriverManager.getConnection(jdbcUrl(), USER, PASSWORD);
        Statement statement = connection.createStatement()) {
      statement.execute("SHUTDOWN");
    }
  }
}
