package org.mentor.core.registry;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * A position in a store's change feed, opaque to callers: each store encodes what its commit order
 * needs (a counter in memory; for SQL, whatever keeps a reader from skipping a change that commits
 * out of order). Persist {@link #value()} to resume after a restart.
 *
 * @param value the store's encoding, not null
 */
@API(status = STABLE, since = "0.1")
public record StoreCursor(String value) {
  /** Before every change. */
  public static final StoreCursor START = new StoreCursor("");

  public StoreCursor {
    requireNonNull(value, "value");
  }
}
