package org.mentor.fhir.push;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.apiguardian.api.API;

/**
 * How often and how patiently a case is retried after a transient failure (connection refused or cut, a timeout,
 * HTTP 429 or 5xx) or a version conflict on a resource Mentor owns: exponential backoff with full jitter, bounded.
 *
 * @param maxAttempts the most requests per case in one push, at least 1
 * @param initialBackoff the backoff ceiling after the first failure, not negative
 * @param maxBackoff the largest backoff ceiling, at least {@code initialBackoff}
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  public RetryPolicy {
    checkArgument(maxAttempts >= 1, "maxAttempts must be at least 1");
    requireNonNull(initialBackoff, "initialBackoff");
    requireNonNull(maxBackoff, "maxBackoff");
    checkArgument(!initialBackoff.isNegative(), "initialBackoff must not be negative");
    checkArgument(maxBackoff.compareTo(initialBackoff) >= 0, "maxBackoff must be at least initialBackoff");
  }

  /** 6 attempts, backoff from 0.5 s doubling up to 30 s. */
  public static RetryPolicy defaults() {
    return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30));
  }

  /**
   * The pause before attempt {@code failures + 1}: uniformly random in [0, min(max, initial * 2^(failures-1))] ("full
   * jitter", so clients that failed together do not come back together).
   *
   * @param failures the failures so far, at least 1
   * @return the pause
   */
  public Duration backoff(int failures) {
    checkArgument(failures >= 1, "failures must be at least 1");
    long ceiling = initialBackoff.toMillis() << Math.min(failures - 1, 20);
    ceiling = Math.min(Math.max(ceiling, 0), maxBackoff.toMillis());
    return Duration.ofMillis(ceiling == 0 ? 0 : ThreadLocalRandom.current().nextLong(ceiling + 1));
  }
}
