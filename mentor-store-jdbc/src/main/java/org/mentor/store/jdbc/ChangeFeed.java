package org.mentor.store.jdbc;

import com.google.common.collect.ImmutableList;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.mentor.core.CaseId;
import org.mentor.core.registry.ChangedCases;
import org.mentor.core.registry.StoreCursor;

/**
 * The change feed: cases in the order of their last change's position, which follows commit
 * order ({@link Dialect}), from a cursor that holds a position and a case number, never a case id.
 */
final class ChangeFeed {
  private final Connections connections;
  private final String select;

  ChangeFeed(Connections connections, Dialect dialect) {
    this.connections = connections;
    // The first condition lets the feed index range-scan; the second skips the rows up to the cursor.
    this.select = "SELECT case_id, change_position, case_no FROM mentor_case"
        + " WHERE change_position >= ? AND (change_position > ? OR case_no > ?)" + dialect.horizon()
        + " ORDER BY change_position, case_no LIMIT ?";
  }

  ChangedCases since(StoreCursor after, int limit) {
    FeedCursor from = FeedCursor.of(after);
    return connections.read("changedSince", connection -> {
      try (PreparedStatement statement = connection.prepareStatement(select)) {
        statement.setLong(1, from.position());
        statement.setLong(2, from.position());
        statement.setLong(3, from.caseNo());
        statement.setInt(4, limit);
        try (ResultSet rs = statement.executeQuery()) {
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
}
