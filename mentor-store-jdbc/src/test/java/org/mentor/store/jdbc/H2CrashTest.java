package org.mentor.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.registry.CaseRegistry;

/**
 * The embedded database killed right after commits (H2's {@code SHUTDOWN IMMEDIATELY} closes its
 * files without writing anything pending, as a killed process would): every committed event is
 * there when it is opened again, because the store turns H2's write delay off.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class H2CrashTest {
  @Test
  void given_events_committed_just_before_a_crash_when_the_database_is_opened_again_then_a_rebuilt_registry_equals_the_one_before()
      throws SQLException {
    Map<CaseId, CaseFile> before;
    String url;
    try (Database.Opened db = Database.H2.open()) {
      url = db.url();
      CaseRegistry registry = FaultContract.registry(db.store());
      FaultContract.load(registry, StoreContract.fullCase("c1"));
      for (int i = 0; i < 30; i++) {
        registry.record(CaseId.of("c1"), StoreContract.visit("visit-" + i, i));
      }
      before = FaultContract.files(registry);
      try (Connection connection = db.dataSource().getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("SHUTDOWN IMMEDIATELY");
      } catch (SQLException expected) {
        // the database closed under the statement
      }
    }

    JdbcConnectionPool reopened = JdbcConnectionPool.create(url, "sa", "");
    try {
      CaseRegistry rebuilt = FaultContract.registry(JdbcCaseStore.create(reopened));
      assertThat(FaultContract.files(rebuilt)).isEqualTo(before);
      assertThat(before.get(CaseId.of("c1")).version()).isEqualTo(43);
      assertThat(List.copyOf(before.keySet())).containsExactly(CaseId.of("c1"));
    } finally {
      reopened.dispose();
    }
  }
}
