package org.mentor.store.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reads a test database with plain SQL, to check what the store wrote. */
final class Rows {
  private final Database.Opened db;

  Rows(Database.Opened db) {
    this.db = db;
  }

  /** The single number a query returns. */
  long count(String sql) {
    List<String> values = column(sql);
    if (values.size() != 1) {
      throw new IllegalStateException("expected one row, got " + values.size());
    }
    return Long.parseLong(values.get(0));
  }

  /** The first column of every row a query returns, as text. */
  List<String> column(String sql) {
    try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      List<String> values = new ArrayList<>();
      while (rs.next()) {
        values.add(rs.getString(1));
      }
      return values;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
