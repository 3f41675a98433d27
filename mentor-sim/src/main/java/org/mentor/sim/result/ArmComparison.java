package org.mentor.sim.result;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import java.nio.file.Path;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Two arms run on the same pairs with common random numbers, and their paired differences.
 *
 * @param a the first arm
 * @param b the second arm
 * @param differences each outcome's paired difference, a − b
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record ArmComparison(SimulationResult a, SimulationResult b, ImmutableList<PairedDifference> differences) {
  public ArmComparison {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    differences = ImmutableList.copyOf(differences);
  }

  /** A difference by outcome name. */
  public PairedDifference difference(String outcome) {
    return differences.stream().filter(d -> d.outcome().equals(outcome)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no outcome " + outcome));
  }

  /** Both arms' tables and the differences, as plain text. */
  public String table() {
    StringBuilder out = new StringBuilder(a.table()).append('\n').append(b.table()).append('\n');
    out.append(String.format(Locale.ROOT, "Paired differences (%s − %s), common random numbers:%n", a.arm(), b.arm()));
    for (PairedDifference d : differences) {
      out.append("  ").append(d).append('\n');
    }
    return out.toString();
  }

  /**
   * Writes both arms' aggregate tables (one file per table, an {@code arm} column) and
   * {@code paired-differences.csv} into a directory.
   *
   * @param dir the directory, created if missing
   */
  public void writeCsv(Path dir) {
    AggregateCsv.write(dir, ImmutableList.of(a, b), differences);
  }
}
