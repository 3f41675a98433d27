package org.mentor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mentor.core.registry.StoreCursor;

class SmokeTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void opens(Database database) {
    try (Database.Opened db = database.open()) {
      JdbcCaseStore store = db.store();
      assertThat(store.changedSince(StoreCursor.START, 10).cases()).isEmpty();
    }
  }
}
