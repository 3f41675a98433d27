package org.mentor.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkState;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.apiguardian.api.API;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jspecify.annotations.Nullable;
import org.mentor.core.CaseId;
import org.mentor.core.InvalidEventException;
import org.mentor.core.json.EventJson;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.registry.CaseStore;
import org.mentor.core.registry.ChangedCases;
import org.mentor.core.registry.StoreCursor;
import org.mentor.core.registry.StoredCase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link CaseStore} in a SQL database: PostgreSQL 13+ in production, H2 2.x in file mode as the
 * embedded default. Plain JDBC over the {@link DataSource} the EMR provides (no pool or framework
 * imposed); the schema is created and upgraded by the Flyway migrations shipped in this jar, with
 * their own history table ({@code mentor_schema_history}) so they live beside the EMR's tables.
 *
 * <pre>{@code
 * JdbcConnectionPool dataSource = JdbcConnectionPool.create("jdbc:h2:file:/var/lib/emr/mentor", "sa", "");
 * CaseRegistry registry = CaseRegistry.builder().store(JdbcCaseStore.create(dataSource)).build();
 * }</pre>
 *
 * <p>Each event is a row of {@code mentor_event} holding its public JSON form ({@link EventJson})
 * with its type's schema version; reading an older version upcasts it through {@link EventJson}'s
 * upcasters. Guarantees (docs/storage.md):
 *
 * <ul>
 *   <li>An append is one transaction: all its events or none, and the case's version moves with
 *       them. A stale expected version is refused with {@link org.mentor.core.VersionConflictException} by the
 *       version check and, as a backstop, by the primary key (case id, sequence).
 *   <li>An event id is stored once, by a unique constraint, not only by the registry's check: an
 *       append that repeats a stored id is refused, as a version conflict when the case has moved
 *       on (a retry whose first attempt committed: the registry reloads the case, finds the event
 *       and records nothing) and as {@code EVT-001} otherwise; nothing is written.
 *   <li>{@link #changedSince} follows commit order: a reader never skips a change that commits
 *       after one it has read.
 *   <li>{@link #purge} erases a case for data-protection law and leaves an audit row that says when
 *       and by whom, not which case.
 * </ul>
 *
 * <p>Thread-safe. Logs counts and schema versions only; exception messages hold no case id, event
 * id or value (the driver's message, which can echo values, is dropped: {@link
 * JdbcStoreException}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class JdbcCaseStore implements CaseStore {
  private static final Logger LOG = LoggerFactory.getLogger(JdbcCaseStore.class);

  private final Connections connections;
  private final Clock clock;
  private final CaseReader reader;
  private final Appender appender;
  private final ChangeFeed feed;

  private JdbcCaseStore(Builder builder, Dialect dialect) {
    EventJson json = builder.json == null ? EventJson.standard() : builder.json;
    this.connections = new Connections(builder.dataSource);
    this.clock = builder.clock == null ? Clock.systemUTC() : builder.clock;
    this.reader = new CaseReader(connections, json);
    this.appender = new Appender(connections, dialect, json, reader);
    this.feed = new ChangeFeed(connections, dialect);
  }

  /**
   * A store on a database, its schema migrated to this version of the library.
   *
   * @param dataSource the EMR's data source for a PostgreSQL 13+ or H2 2.x database, not null
   * @return the store
   * @throws IllegalArgumentException if the database is neither PostgreSQL 13+ nor H2
   * @throws JdbcStoreException if the database cannot be reached
   * @throws org.flywaydb.core.api.FlywayException if a migration fails
   */
  public static JdbcCaseStore create(DataSource dataSource) {
    return builder(dataSource).build();
  }

  /**
   * A builder for a store on a database.
   *
   * @param dataSource the EMR's data source, not null
   * @return the builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(requireNonNull(dataSource, "dataSource"));
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidEventException with rule {@code EVT-001} if an event's id is stored already
   *     (or twice in the batch) and the case is at the expected version; nothing is written
   * @throws JdbcStoreException if the database fails; the message says whether anything may have
   *     been written
   */
  @Override
  public long append(CaseId caseId, long expectedVersion, List<PathwayEvent> events) {
    requireNonNull(caseId, "caseId");
    requireNonNull(events, "events");
    checkArgument(!events.isEmpty(), "nothing to append");
    checkArgument(expectedVersion >= 0, "expectedVersion must not be negative");
    return appender.append(caseId, expectedVersion, events);
  }

  /**
   * {@inheritDoc}
   *
   * @throws InvalidEventException if a stored payload cannot be read (a version newer than this
   *     library's, {@code JSON-003}); the field names the row, such as {@code mentor_event[seq 2].$}
   */
  @Override
  public Optional<StoredCase> load(CaseId caseId) {
    return reader.load(requireNonNull(caseId, "caseId"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Reads {@value CaseReader#PAGE_CASES} cases per query in case-id order, and releases the
   * connection before calling the action, so memory is bounded by a page whatever the number of
   * cases, and the action may use the store. Each case is read whole in one statement; a case
   * changed while the stream runs is given as it was when its page was read.
   */
  @Override
  public void forEach(Consumer<StoredCase> action) {
    reader.forEach(requireNonNull(action, "action"));
  }

  /**
   * {@inheritDoc}
   *
   * <p>On PostgreSQL the feed stops short of the oldest transaction still running anywhere in the
   * database cluster, so a long-running or idle-in-transaction session delays (never loses) what
   * readers see; docs/storage.md explains the choice.
   *
   * @throws IllegalArgumentException if the cursor was not made by a JDBC case store
   */
  @Override
  public ChangedCases changedSince(StoreCursor after, int limit) {
    requireNonNull(after, "after");
    checkArgument(limit > 0, "limit must be positive");
    return feed.since(after, limit);
  }

  // --- purge --------------------------------------------------------------------------------

  /**
   * Erases a case for data-protection law (South Africa's POPIA, Kenya's Data Protection Act) or
   * because it was misfiled: its events and its row go, in one transaction, and a row of {@code
   * mentor_purge} records that a purge happened, when (this store's clock) and by whom, not which
   * case. A registry holding the case keeps it in memory until rebuilt (docs/storage.md); the
   * database's own copies (PostgreSQL's dead rows until vacuum, backups, H2's free space until
   * compaction) are the operator's to clear.
   *
   * @param caseId the case, not null
   * @param purgedBy who ordered the purge (a user id, 1 to 128 characters), not null
   * @return whether the case was stored (nothing is written if not)
   * @throws IllegalArgumentException if {@code purgedBy} is blank or longer than 128 characters
   */
  public boolean purge(CaseId caseId, String purgedBy) {
    requireNonNull(caseId, "caseId");
    requireNonNull(purgedBy, "purgedBy");
    checkArgument(!purgedBy.isBlank() && purgedBy.length() <= 128, "purgedBy has 1 to 128 characters");
    boolean purged = connections.transaction("purge", connection -> {
      try (PreparedStatement lock = connection.prepareStatement(
          "SELECT case_no FROM mentor_case WHERE case_id = ? FOR UPDATE")) {
        lock.setString(1, caseId.value());
        try (ResultSet rs = lock.executeQuery()) {
          if (!rs.next()) {
            return false;
          }
        }
      }
      for (String delete : List.of("DELETE FROM mentor_event WHERE case_id = ?", "DELETE FROM mentor_case WHERE case_id = ?")) {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
          statement.setString(1, caseId.value());
          statement.executeUpdate();
        }
      }
      try (PreparedStatement audit = connection.prepareStatement(
          "INSERT INTO mentor_purge (purged_at, purged_by) VALUES (?, ?)")) {
        audit.setObject(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC));
        audit.setString(2, purgedBy);
        audit.executeUpdate();
      }
      return true;
    });
    if (purged) {
      LOG.info("purged a case; the audit row records when and by whom");
    }
    return purged;
  }

  /**
   * Configures a {@link JdbcCaseStore}. Each setting may be made once; a second call throws
   * {@link IllegalStateException}.
   */
  public static final class Builder {
    private final DataSource dataSource;
    private @Nullable Boolean migrate;
    private @Nullable Clock clock;
    private @Nullable EventJson json;

    private Builder(DataSource dataSource) {
      this.dataSource = dataSource;
    }

    /**
     * Whether building the store migrates the schema (on by default). Turn it off where a DBA runs
     * the migrations (the scripts are in this jar under {@code org/mentor/store/jdbc/migration/});
     * the store then only checks that the schema is at its version.
     *
     * @param migrate whether to migrate
     * @return this builder
     */
    public Builder migrate(boolean migrate) {
      checkState(this.migrate == null, "migrate was already set");
      this.migrate = migrate;
      return this;
    }

    /**
     * The clock that dates purges in the audit table (the system clock in UTC if not set).
     *
     * @param clock the clock, not null
     * @return this builder
     */
    public Builder clock(Clock clock) {
      checkState(this.clock == null, "clock was already set");
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /** The JSON form to read and write (the standard one if not set): tests prove upcasting with their own table. */
    Builder eventJson(EventJson json) {
      checkState(this.json == null, "eventJson was already set");
      this.json = requireNonNull(json, "json");
      return this;
    }

    /**
     * Builds the store, migrating (or checking) the schema.
     *
     * @return the store
     * @throws IllegalArgumentException if the database is neither PostgreSQL 13+ nor H2
     * @throws JdbcStoreException if the database cannot be reached
     * @throws org.flywaydb.core.api.FlywayException if a migration fails, or if the schema is not
     *     at this library's version and migration is off
     */
    public JdbcCaseStore build() {
      Dialect dialect;
      try (Connection connection = dataSource.getConnection()) {
        dialect = Dialect.of(connection);
        dialect.makeCommitsDurable(connection);
      } catch (SQLException e) {
        throw new JdbcStoreException("connecting to the case store failed", e);
      }
      Flyway flyway = Flyway.configure(JdbcCaseStore.class.getClassLoader())
          .dataSource(dataSource)
          .locations(dialect.migrations())
          .table(dialect.historyTable())
          // The schema may hold the EMR's own tables: start Mentor's history at 0 beside them.
          .baselineOnMigrate(true)
          .baselineVersion("0")
          .load();
      if (migrate == null || migrate) {
        MigrateResult result = flyway.migrate();
        if (result.migrationsExecuted > 0) {
          LOG.info("migrated the case store's schema on {} to version {} ({} migrations)",
              dialect, result.targetSchemaVersion, result.migrationsExecuted);
        }
      } else {
        flyway.validate();
      }
      return new JdbcCaseStore(this, dialect);
    }
  }
}
