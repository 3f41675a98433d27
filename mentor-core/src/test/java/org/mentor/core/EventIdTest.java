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
}
