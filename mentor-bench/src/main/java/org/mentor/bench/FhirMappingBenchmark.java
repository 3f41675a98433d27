package org.mentor.bench;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Resource;
import org.mentor.core.pathway.CaseFile;
import org.mentor.core.protocol.Protocol;
import org.mentor.fhir.mapping.CaseResources;
import org.mentor.fhir.mapping.FhirMapping;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Mapping a case of {@code events} events to HAPI resources, against HAPI's own JSON encoding of
 * the resources produced, in the same run (issue 8: mapping ≤ 0.15 × encode, must ≤ 1.0).
 *
 * <ul>
 *   <li>{@link #encode}: the baseline, HAPI's JSON encoding of the already mapped resources.
 *   <li>{@link #map}: {@link FhirMapping#map} (evaluation, schedule and every resource).
 *   <li>{@link #mapAndEncode}: both, what an export does per case.
 * </ul>
 *
 * Run with {@code -prof gc} for bytes allocated per operation. One FhirContext for the run, as an
 * application holds one.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FhirMappingBenchmark {
  /** The case's number of events. */
  @Param({"5", "40", "200"})
  public int events;

  FhirMapping mapping;
  IParser json;
  CaseFile file;
  Protocol protocol;
  LocalDate asOf;
  CaseResources mapped;

  /** Generates the case and maps it once (for the encoding baseline). */
  @Setup(Level.Trial)
  public void generate() {
    FhirContext fhir = FhirContext.forR4();
    mapping = FhirMapping.builder(fhir, "https://fhir.example.org/mentor").build();
    json = fhir.newJsonParser();
    SyntheticCase synthetic = SyntheticCase.generate(ApplyBenchmark.SEED, events);
    file = synthetic.file();
    protocol = Protocol.who2021();
    asOf = synthetic.lastDay().plusDays(14);
    mapped = mapping.map(file, protocol, asOf);
    for (Resource r : mapped.resources()) {
      json.encodeResourceToString(r); // HAPI's per-type encoders are built on first use, outside the timing
    }
  }

  private void encodeAll(CaseResources resources, Blackhole bh) {
    for (Resource r : resources.resources()) {
      bh.consume(json.encodeResourceToString(r));
    }
  }

  /** The baseline: HAPI encodes the mapped resources as JSON. */
  @Benchmark
  public void encode(Blackhole bh) {
    encodeAll(mapped, bh);
  }

  /** Mapping alone. */
  @Benchmark
  public CaseResources map() {
    return mapping.map(file, protocol, asOf);
  }

  /** Mapping and encoding, an export's work per case. */
  @Benchmark
  public void mapAndEncode(Blackhole bh) {
    encodeAll(mapping.map(file, protocol, asOf), bh);
  }
}
