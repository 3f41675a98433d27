package org.mentor.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * An event id is its text: whatever shape it is stored in (a UUID's bits, up to 24 ASCII
 * characters in two or three words, or the text itself), it gives back the text it was made from, and
 * equals, hashes and compares as that text does. The fold orders a day's events of one kind by id,
 * so the order must be {@link String#compareTo}'s exactly.
 */
class EventIdTest {

  @Provide
  Arbitrary<String> ids() {
    Arbitrary<String> shortAscii = Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(30);
    Arbitrary<String> mixedAscii = Arbitraries.strings().withCharRange((char) 1, (char) 127).ofMinLength(1).ofMaxLength(20)
        .map(String::strip).filter(s -> !s.isEmpty());
    Arbitrary<String> uuids = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString());
    Arbitrary<String> upperUuids = uuids.map(String::toUpperCase);
    Arbitrary<String> nearUuids = uuids.map(u -> u.substring(0, 35) + "g");
    Arbitrary<String> unicode = Arbitraries.strings().ofMinLength(1).ofMaxLength(40).map(String::strip).filter(s -> !s.isEmpty());
    Arbitrary<String> prefixed = Arbitraries.integers().between(0, 9_999_999)
        .map(n -> (n % 2 == 0 ? "pair-" : "bench-") + n / 100 + "-e" + n % 100);
    return Arbitraries.oneOf(shortAscii, mixedAscii, uuids, upperUuids, nearUuids, unicode, prefixed);
  }

  @Property(tries = 2000, seed = "20261125")
  void an_id_gives_back_its_text_and_hashes_as_it(@ForAll("ids") String text) {
    EventId id = EventId.of(text);
    assertThat(id.value()).isEqualTo(text);
    assertThat(id.toString()).isEqualTo(text);
    assertThat(id.hashCode()).isEqualTo(text.hashCode());
    assertThat(EventId.of(new String(text.toCharArray()))).isEqualTo(id);
  }

  @Property(tries = 3000, seed = "20261125")
  void ids_are_equal_and_ordered_as_their_texts(@ForAll("ids") String a, @ForAll("ids") String b) {
    EventId x = EventId.of(a);
    EventId y = EventId.of(b);
    assertThat(x.equals(y)).isEqualTo(a.equals(b));
    assertThat(Integer.signum(x.compareTo(y))).isEqualTo(Integer.signum(a.compareTo(b)));
  }

  @Test
  void ids_of_every_shape_sort_as_text() {
    String[] sorted = {"00000000-0000-0000-0000-000000000000", "01", "0ffffff", "10000000-0000-0000-0000-000000000000",
        "A", "E-2", "ev-001", "ev-002", "ev-01", "ev-0123456789abcdef", "ev-0123456789abcdef0", "ev-0123456789abcdef012345678", "ffffffff-ffff-ffff-ffff-ffffffffffff", "pair-1-10", "pair-1-9",
        "x\u00e9", "\u00e9"};
    for (int i = 0; i + 1 < sorted.length; i++) {
      assertThat(EventId.of(sorted[i]).compareTo(EventId.of(sorted[i + 1]))).as("%s < %s", sorted[i], sorted[i + 1])
          .isNegative();
      assertThat(EventId.of(sorted[i + 1]).compareTo(EventId.of(sorted[i]))).isPositive();
    }
  }

  @Test
  void an_empty_padded_or_overlong_id_is_refused() {
    assertThatThrownBy(() -> EventId.of("")).isInstanceOf(IllegalArgumentException.class);
    for (String padded : new String[] {" a", "a ", "\ta", "a\n", "a\u2003", "\u2003", " "}) { // String.strip's white space
      assertThatThrownBy(() -> EventId.of(padded)).as("'%s'", padded).isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(EventId.of("\u00a0a\u00a0").value()).isEqualTo("\u00a0a\u00a0"); // no-break space: not stripped
    assertThat(EventId.of("a b").value()).isEqualTo("a b");
    assertThatThrownBy(() -> EventId.of("a".repeat(129))).isInstanceOf(IllegalArgumentException.class);
    assertThat(EventId.of("a".repeat(128)).value()).hasSize(128);
  }

  @Provide
  Arbitrary<String> prefixes() {
    Arbitrary<String> ascii = Arbitraries.strings().withCharRange((char) 0, (char) 127).ofMaxLength(26);
    Arbitrary<String> printable = Arbitraries.strings().withCharRange('!', '~').ofMaxLength(40);
    Arbitrary<String> unicode = Arbitraries.strings().ofMaxLength(20);
    Arbitrary<String> padded = printable.map(p -> " " + p);
    Arbitrary<String> uuidHeads = Arbitraries.longs().tuple2().map(t -> new UUID(t.get1(), t.get2()).toString().substring(0, 24));
    Arbitrary<String> pairs = Arbitraries.longs().between(0, 10_000_000_000L).map(n -> "pair-" + n + "-");
    return Arbitraries.oneOf(Arbitraries.just(""), ascii, printable, unicode, padded, uuidHeads, pairs);
  }

  @Provide
  Arbitrary<Long> numbers() {
    return Arbitraries.oneOf(Arbitraries.longs(), Arbitraries.longs().between(-1_000, 1_000),
        Arbitraries.longs().between(0, 200_000_000),
        Arbitraries.of(0L, -1L, 9L, 10L, -10L, 99L, 100L, 9_999_999L, 10_000_000L, 99_999_999L, 100_000_000L,
            999_999_999_999L, 1_000_000_000_000L, Long.MAX_VALUE, Long.MIN_VALUE));
  }

  /** The simulator numbers its events without making each id's text: the id must be the text's, packed or not, or refused as it is. */
  @Property(tries = 5000, seed = "20261125")
  void a_prefix_and_number_make_the_id_of_their_text(@ForAll("prefixes") String prefix, @ForAll("numbers") long number) {
    String text = prefix + number;
    EventId expected;
    try {
      expected = EventId.of(text);
    } catch (IllegalArgumentException refused) {
      assertThatThrownBy(() -> EventId.of(prefix, number)).isInstanceOf(IllegalArgumentException.class);
      return;
    }
    EventId id = EventId.of(prefix, number);
    assertThat(id).isEqualTo(expected); // equal only in the same shape: packed, UUID or text
    assertThat(id.value()).isEqualTo(text);
    assertThat(id.hashCode()).isEqualTo(text.hashCode());
    assertThat(id.compareTo(expected)).isZero();
  }

  @Test
  void a_prefix_and_number_at_the_packing_boundaries() {
    String[][] cases = {
        {"a".repeat(14), "10"}, // 16 characters: two words
        {"a".repeat(15), "10"}, // 17: three words
        {"a".repeat(22), "10"}, // 24: the most packed
        {"a".repeat(23), "10"}, // 25: text
        {"a".repeat(22), "-1"}, // 24 with the sign
        {"a".repeat(16), "12345678"}, // 24: the digits fill the third word
        {"a".repeat(5), "12345678"}, // the digits across the first and second words
        {"a".repeat(12), "12345678"}, // across the second and third
        {"a".repeat(17), "12345678"}, // 25: text
        {"a".repeat(7), "99999999"},
        {"a".repeat(7), "100000000"}, // nine digits
        {"a".repeat(24), "1"}, // 25: text
        {"", String.valueOf(Long.MIN_VALUE)},
        {"", String.valueOf(Long.MAX_VALUE)},
        {"0123abcd-0000-4000-8000-", "123456789012"}, // a canonical UUID's text: stored as a UUID
        {"0123ABCD-0000-4000-8000-", "123456789012"}, // upper case: text
        {"x\u00e9-", "7"}, // not ASCII: text
        {"x\u0000-", "7"}, // NUL: text
        {"\u00a0", "7"}, // no-break space: not padding
    };
    for (String[] c : cases) {
      String text = c[0] + c[1];
      EventId id = EventId.of(c[0], Long.parseLong(c[1]));
      assertThat(id).as(text).isEqualTo(EventId.of(text));
      assertThat(id.value()).isEqualTo(text);
    }
    assertThat(EventId.of("pair-12-", 3).value()).isEqualTo("pair-12-3");
    assertThat(EventId.of("pair-12-", 0).value()).isEqualTo("pair-12-0");
    assertThatThrownBy(() -> EventId.of(" pair-", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventId.of("\t", 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventId.of("a".repeat(127), 10)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> EventId.of(null, 1)).isInstanceOf(NullPointerException.class);
  }
}
