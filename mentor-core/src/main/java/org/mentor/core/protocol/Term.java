package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import java.time.Period;
import org.apiguardian.api.API;

/**
 * An anchor plus an offset, such as {@code BIRTH + P42D}. Periods have pinned meanings: weeks are
 * 7 days, months are calendar months clamped to the month's end ({@code 2024-01-31 + P1M =
 * 2024-02-29}).
 *
 * <p>Immutable and thread-safe.
 *
 * @param anchor the anchor, not null
 * @param offset the offset, not negative, not null
 */
@API(status = STABLE, since = "0.1")
public record Term(Anchor anchor, Period offset) {
  public Term {
    requireNonNull(anchor, "anchor");
    requireNonNull(offset, "offset");
  }

  @Override
  public String toString() {
    return offset.isZero() ? anchor.name() : anchor.name() + " + " + offset;
  }
}
