package org.mentor.sim.psa;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import com.google.common.collect.ImmutableList;
import com.google.common.math.Quantiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * The draws of a probabilistic sensitivity analysis and the spread of each output.
 *
 * <p>Immutable and thread-safe.
 *
 * @param seed the analysis seed
 * @param pairs the pairs per arm in every draw
 * @param inputs the uncertain inputs, in draw order
 * @param draws every draw, in order
 */
@API(status = EXPERIMENTAL, since = "0.1")
public record PsaResult(long seed, int pairs, ImmutableList<Uncertain> inputs, ImmutableList<Draw> draws) {
  public PsaResult {
    inputs = ImmutableList.copyOf(requireNonNull(inputs, "inputs"));
    draws = ImmutableList.copyOf(requireNonNull(draws, "draws"));
  }

  /**
   * One output's median and central 95 % interval over the draws that have a value.
   *
   * @param output the output, not null
   * @return the summary (NaN values when no draw has one)
   */
  public Summary summary(Output output) {
    requireNonNull(output, "output");
    double[] values = draws.stream().mapToDouble(d -> d.outputs().get(output)).filter(Double::isFinite).toArray();
    if (values.length == 0) {
      return new Summary(output, 0, Double.NaN, Double.NaN, Double.NaN);
    }
    Map<Integer, Double> q = Quantiles.scale(1000).indexes(25, 500, 975).compute(values);
    return new Summary(output, values.length, q.get(500), q.get(25), q.get(975));
  }

  /** Every output's summary, in {@link Output} order. */
  public ImmutableList<Summary> summaries() {
    ImmutableList.Builder<Summary> all = ImmutableList.builder();
    for (Output o : Output.values()) {
      all.add(summary(o));
    }
    return all.build();
  }

  /** The summaries as a Markdown table: output, median, 95 % interval, draws with a value. */
  public String table() {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%d draws, %,d pairs per arm, analysis seed %d.%n%n", draws.size(), pairs, seed));
    out.append("| Output | Median | 95 % interval | Draws |\n|---|---:|---|---:|\n");
    for (Summary s : summaries()) {
      out.append("| ").append(s.output().title()).append(" | ").append(number(s.median())).append(" | ")
          .append(number(s.lower())).append(" – ").append(number(s.upper())).append(" | ").append(s.draws()).append(" |\n");
    }
    return out.toString();
  }

  /**
   * Writes {@code psa-draws.csv} (one row per draw: inputs, then outputs) and {@code psa-summary.csv}.
   *
   * @param dir the directory, created if missing
   */
  public void writeCsv(Path dir) {
    requireNonNull(dir, "dir");
    StringBuilder rows = new StringBuilder("draw");
    inputs.forEach(u -> rows.append(',').append(u.name()));
    for (Output o : Output.values()) {
      rows.append(',').append(o.name().toLowerCase(Locale.ROOT));
    }
    rows.append('\n');
    for (Draw d : draws) {
      rows.append(d.index());
      d.inputs().values().forEach(v -> rows.append(',').append(csv(v)));
      d.outputs().values().forEach(v -> rows.append(',').append(csv(v)));
      rows.append('\n');
    }
    StringBuilder summary = new StringBuilder("output,draws,median,lower_95,upper_95\n");
    for (Summary s : summaries()) {
      summary.append(s.output().name().toLowerCase(Locale.ROOT)).append(',').append(s.draws()).append(',')
          .append(csv(s.median())).append(',').append(csv(s.lower())).append(',').append(csv(s.upper())).append('\n');
    }
    write(dir.resolve("psa-draws.csv"), rows.toString());
    write(dir.resolve("psa-summary.csv"), summary.toString());
  }

  static String number(double v) {
    if (!Double.isFinite(v)) {
      return "—";
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%,.0f" : "%.2f", v);
  }

  private static String csv(double v) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%.6g", v) : "";
  }

  static void write(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
