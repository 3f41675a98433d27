package org.mentor.sim.run;

import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Per-pair random streams: the stream of (seed, pair index, process, sub-index) is a
 * {@link SplittableRandom} (SplitMix64, specified by the JDK, so identical on every machine) seeded
 * with a SplitMix64 hash of the four numbers. A pair's draws therefore depend on nothing but these,
 * whatever thread runs it and whatever ran before.
 */
final class Streams {
  private Streams() {}

  /**
   * The stream for one process of one pair.
   *
   * @param seed the scenario's seed
   * @param pair the pair index
   * @param process the process
   * @param sub a sub-index (the infant, for per-infant processes), 0 otherwise
   */
  static SplittableRandom of(long seed, long pair, Process process, int sub) {
    long h = mix(seed ^ 0x6a09e667f3bcc909L);
    h = mix(h + pair);
    h = mix(h + ((long) process.id << 16) + sub);
    return new SplittableRandom(h);
  }

  /** A Commons RNG view of a stream, for its samplers. */
  static UniformRandomProvider provider(SplittableRandom random) {
    return random::nextLong;
  }

  /** The SplitMix64 finaliser (Steele, Lea and Flood 2014). */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
    z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
    return z ^ (z >>> 31);
  }

  /** A uniform in (0, 1], safe for a logarithm. */
  static double open(SplittableRandom random) {
    return 1.0 - random.nextDouble();
  }
}
