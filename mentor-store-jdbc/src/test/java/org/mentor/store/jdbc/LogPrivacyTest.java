package org.mentor.store.jdbc;

import static java.time.LocalDate.of;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mentor.core.CaseId;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.core.testing.CaseBuilder;
import org.slf4j.LoggerFactory;

/**
 * HIV status is sensitive: a whole life of the store (migration, recording, conflicts, a refused
 * id, a lost connection, a purge) logs at every level and throws, and no log line or exception
 * message holds a case id, event id, mother id or mentor id of the fixture.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LogPrivacyTest {
  @ParameterizedTest
  @EnumSource(Database.class)
  void given_a_store_used_and_failing_in_every_way_when_its_logs_and_errors_are_read_then_no_identifier_appears(
      Database database) {
    Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level level = root.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    root.addAppender(appender);
    root.setLevel(Level.TRACE);
    List<String> texts = new ArrayList<>();
    try (Database.Opened db = database.open()) {
      CaseBuilder secret = StoreContract.fullCase("secret-case-7");
      JdbcCaseStore store = db.store();
      CaseRegistry registry = FaultContract.registry(store);
      FaultContract.load(registry, secret);
      CaseRegistry other = FaultContract.registry(JdbcCaseStore.create(db.dataSource()));
      other.record(secret.caseId(), StoreContract.visit("secret-visit-1", 3));
      registry.record(secret.caseId(), StoreContract.visit("secret-visit-2", 4)); // a conflict, reloaded
      texts.add(message(catchThrowable(() -> registry.record(secret.caseId(), StoreContract.visit("secret-visit-3", 5), 1))));
      texts.add(message(catchThrowable(() -> store.append(CaseId.of("secret-case-8"), 0,
          List.of(secret.events().get(0))))));
      FaultContract.load(registry, org.mentor.core.testing.CaseBuilder.aCase("secret-case-9").enrolledAtAnc(of(2025, 1, 6)));
      texts.add(message(catchThrowable(() -> registry.record(CaseId.of("secret-case-9"),
          StoreContract.visit("secret-visit-1", 9)))));
      AtomicBoolean armed = new AtomicBoolean();
      JdbcCaseStore failing = JdbcCaseStore.create(
          FaultyDataSource.before(db.unpooled(), "mentor_event", armed, database.loseConnection()));
      armed.set(true);
      texts.add(message(catchThrowable(() -> failing.append(secret.caseId(), 15,
          List.of(StoreContract.visit("secret-visit-4", 6))))));
      texts.add(message(catchThrowable(() -> failing.load(secret.caseId()))));
      store.purge(secret.caseId(), "dpo-01");
      other.refresh();
    } finally {
      root.detachAppender(appender);
      root.setLevel(level);
    }
    appender.list.forEach(event -> texts.add(event.getFormattedMessage()
        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage())));

    assertThat(texts).hasSizeGreaterThan(5);
    assertThat(texts).filteredOn(text -> text.contains("conflict") || text.contains("version")).isNotEmpty();
    assertThat(texts).allSatisfy(text -> assertThat(text)
        .doesNotContain("secret").doesNotContain("mother-of").doesNotContain("mm-12"));
  }

  /** The message of an exception and of each cause. */
  private static String message(Throwable thrown) {
    assertThat(thrown).isNotNull();
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append(" | ");
    }
    return all.toString();
  }
}
