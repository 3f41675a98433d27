package org.mentor.store.jdbc;

import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;

/** Every contract on H2 in file mode. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class H2Test {
  @Nested
  class Store extends StoreContract {
    @Override
    Database database() {
      return Database.H2;
    }
  }

  @Nested
  class Registry extends JdbcRegistryContract {
    @Override
    Database database() {
      return Database.H2;
    }
  }

  @Nested
  class Faults extends FaultContract {
    @Override
    Database database() {
      return Database.H2;
    }
  }

  @Nested
  class Concurrency extends ConcurrencyContract {
    @Override
    Database database() {
      return Database.H2;
    }
  }

  @Nested
  class Upcasting extends UpcastingContract {
    @Override
    Database database() {
      return Database.H2;
    }
  }
}
