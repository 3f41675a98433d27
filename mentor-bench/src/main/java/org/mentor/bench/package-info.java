/**
 * JMH benchmarks of the pathway engine, never deployed: {@link org.mentor.bench.ApplyBenchmark}
 * (the incremental fold step and recording, against re-folding the history) and
 * {@link org.mentor.bench.EvaluateBenchmark} (evaluation as of a date, against a floor that only
 * reads the events), over seeded synthetic cases from {@link org.mentor.bench.SyntheticCase}. See
 * {@code mentor-bench/README.md} for how to run them and the figures measured.
 */
@NullMarked
package org.mentor.bench;

import org.jspecify.annotations.NullMarked;
