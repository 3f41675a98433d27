package org.mentor.examples.cli;

import static java.util.Objects.requireNonNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.h2.jdbcx.JdbcConnectionPool;
import org.mentor.core.registry.CaseRegistry;
import org.mentor.store.jdbc.JdbcCaseStore;
import org.mentor.store.jdbc.JdbcStoreException;

/**
 * The CLI's case database: an H2 file ({@code PATH.mv.db}) kept by mentor-store-jdbc's
 * {@link JdbcCaseStore}, so cases persist between commands. {@code --db mentor-demo/clinic} and
 * {@code --db mentor-demo/clinic.mv.db} name the same file. H2 locks the file while a command has it
 * open: one command at a time.
 */
final class CaseDatabase {
  static final String SUFFIX = ".mv.db";
  private final Path base;

  private CaseDatabase(Path base) {
    this.base = base;
  }

  /**
   * The database a {@code --db} value names.
   *
   * @param path the path, with or without {@value #SUFFIX}
   * @return the database
   */
  static CaseDatabase of(Path path) {
    requireNonNull(path, "path");
    String name = path.toString();
    Path base = name.endsWith(SUFFIX) ? Path.of(name.substring(0, name.length() - SUFFIX.length())) : path;
    return new CaseDatabase(base.toAbsolutePath().normalize());
  }

  /** The file H2 keeps the data in. */
  Path file() {
    return Path.of(base + SUFFIX);
  }

  /** The name for messages: the file's name. */
  String name() {
    return file().getFileName().toString();
  }

  boolean exists() {
    return Files.isRegularFile(file());
  }

  /**
   * Opens the database as a registry, creating it (and its tables) if asked.
   *
   * @param clock the registry's clock
   * @param create whether a missing database is created
   * @return the cases; close them to release the file
   * @throws BadUsage if it does not exist and is not to be created, or cannot be opened
   */
  EventsOptions.Cases open(Clock clock, boolean create) {
    if (!create && !exists()) {
      throw new BadUsage("--db: no such database: " + file());
    }
    try {
      Files.createDirectories(base.getParent());
    } catch (java.io.IOException e) {
      throw new BadUsage("--db: cannot create the folder " + base.getParent() + ": " + e.getMessage());
    }
    JdbcConnectionPool pool = pool();
    try {
      CaseRegistry registry = CaseRegistry.builder().clock(clock).store(JdbcCaseStore.create(pool)).build();
      return new EventsOptions.Cases(registry, event -> {}, pool::dispose);
    } catch (JdbcStoreException | IllegalStateException e) {
      pool.dispose();
      throw new BadUsage("--db: " + name() + " cannot be opened as a Mentor database (is another command using it?): "
          + e.getMessage());
    }
  }

  /** A pool on the file; the caller disposes of it. */
  JdbcConnectionPool pool() {
    return JdbcConnectionPool.create("jdbc:h2:file:" + base, "sa", "");
  }
}
