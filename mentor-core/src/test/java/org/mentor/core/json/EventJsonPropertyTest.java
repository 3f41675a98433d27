package org.mentor.core.json;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;
import org.mentor.core.EventId;
import org.mentor.core.pathway.PathwayEvent;
import org.mentor.core.pathway.PillCounted;
import org.mentor.core.pathway.RecordedBy;
import org.mentor.core.pathway.ViralLoad;
import org.mentor.core.pathway.ViralLoadResulted;
import org.mentor.core.pathway.Voided;

/**
 * Round trips over arbitrary texts (quotes, backslashes, control characters, non-Latin scripts),
 * instants to the nanosecond, dates across two centuries and counts across the int range.
 */
class EventJsonPropertyTest {
  private final EventJson json = EventJson.standard();

  @Property
  void given_any_void_when_written_and_read_then_it_is_equal_and_rewrites_to_the_same_bytes(
      @ForAll("ids") String id, @ForAll("ids") String voids, @ForAll("texts") String reason,
      @ForAll("ids") String user, @ForAll("dates") LocalDate on, @ForAll("instants") Instant at) {
    Assume.that(!id.equals(voids));

    assertRoundTrip(new Voided(EventId.of(id), on, at, new RecordedBy(user, "clinic-042", "my-emr"),
        EventId.of(voids), reason));
  }

  @Property
  void given_any_possible_pill_count_when_written_and_read_then_it_is_equal(
      @ForAll("ids") String id, @ForAll("counts") int dispensed, @ForAll("counts") int remaining,
      @ForAll("counts") int days, @ForAll("counts") int doses, @ForAll("dates") LocalDate on,
      @ForAll("instants") Instant at) {
    Assume.that(remaining <= dispensed && doses >= 1);

    assertRoundTrip(new PillCounted(EventId.of(id), on, at, EventSamples.NURSE, dispensed, remaining, days, doses));
  }

  @Property
  void given_any_viral_load_when_written_and_read_then_it_is_equal(
      @ForAll("ids") String id, @ForAll("viralLoads") ViralLoad result, @ForAll("dates") LocalDate sample,
      @ForAll("counts") int daysToResult, @ForAll("instants") Instant at) {
    LocalDate returned = sample.plusDays(daysToResult % 400);

    assertRoundTrip(new ViralLoadResulted(EventId.of(id), sample, at, EventSamples.NURSE, returned, result));
  }

  @Provide
  Arbitrary<String> ids() {
    return texts().ofMinLength(1).ofMaxLength(128).filter(text -> text.strip().equals(text));
  }

  @Provide
  StringArbitrary texts() {
    // Every UTF-16 unit but lone surrogates, which no UTF-8 file or database column can hold.
    return Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFD')
        .withChars('"', '\\', '\n', '\t', '\u2028').ofMaxLength(200);
  }

  @Provide
  Arbitrary<Integer> counts() {
    return Arbitraries.integers().between(0, Integer.MAX_VALUE).edgeCases(edges -> edges.add(Integer.MAX_VALUE));
  }

  @Provide
  Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(), LocalDate.of(2100, 12, 31).toEpochDay())
        .map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Instant> instants() {
    return Combinators.combine(
            Arbitraries.longs().between(-2_208_988_800L, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
        .as(Instant::ofEpochSecond);
  }

  @Provide
  Arbitrary<ViralLoad> viralLoads() {
    return Arbitraries.oneOf(
        counts().map(ViralLoad::copies),
        Arbitraries.integers().between(1, 1_000).map(ViralLoad::belowLimit),
        Arbitraries.just(ViralLoad.notDetected()));
  }

  private void assertRoundTrip(PathwayEvent event) {
    String text = json.write(event);

    assertThat(json.read(text)).isEqualTo(event);
    assertThat(json.write(json.read(text))).isEqualTo(text);
  }
}
