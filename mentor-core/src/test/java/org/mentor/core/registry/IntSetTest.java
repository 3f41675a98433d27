package org.mentor.core.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/**
 * The due index's int set answers as {@link HashSet} does after any sequence of adds and removes
 * (values from a small range, so removes hit, and runs of collisions wrap around the table).
 */
class IntSetTest {

  @Property(tries = 500, seed = "20261125")
  void adds_and_removes_agree_with_a_hash_set(
      @ForAll @Size(max = 400) List<@IntRange(min = 0, max = 63) Integer> values,
      @ForAll @Size(max = 400) List<Boolean> removes) {
    IntSet set = new IntSet();
    Set<Integer> expected = new HashSet<>();
    for (int i = 0; i < values.size(); i++) {
      int value = values.get(i);
      if (i < removes.size() && removes.get(i)) {
        assertThat(set.remove(value)).isEqualTo(expected.remove(value));
      } else {
        assertThat(set.add(value)).isEqualTo(expected.add(value));
      }
      assertThat(set.size()).isEqualTo(expected.size());
    }
    for (int v = 0; v < 64; v++) {
      assertThat(set.contains(v)).as("contains %d", v).isEqualTo(expected.contains(v));
    }
    List<Integer> listed = new ArrayList<>();
    set.forEach(listed::add);
    assertThat(listed).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(set.isEmpty()).isEqualTo(expected.isEmpty());
  }
}
