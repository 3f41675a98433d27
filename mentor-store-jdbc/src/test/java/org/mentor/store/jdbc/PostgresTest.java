package org.mentor.store.jdbc;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

/** Every contract on a real PostgreSQL 16, started once per test JVM. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PostgresTest {
  @Nested
  class Store extends StoreContract {
    @Override
    Database database() {
      return Database.POSTGRESQL;
    }
  }

  @Nested
  class Registry extends JdbcRegistryContract {
    @Override
    Database database() {
      return Database.POSTGRESQL;
    }
  }

  @Nested
  class Faults extends FaultContract {
    @Override
    Database database() {
      return Database.POSTGRESQL;
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    Database database() {
      return Database.POSTGRESQL;
    }
  }

  @Nested
  class Upcasting extends UpcastingContract {
    @Override
    Database database() {
      return Database.POSTGRESQL;
    }
  }
}
