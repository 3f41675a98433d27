package org.mentor.core.registry;

import java.util.function.IntConsumer;

/**
 * A set of non-negative ints: open addressing with linear probing, deletion by shifting back
 * (no tombstones). The due index files each case under every 32-day block it may be due in, per
 * scope: as {@code HashSet<CaseId>} entries that was 32 bytes a membership and about half of what
 * the index added per case (mentor-bench {@code HeapPerCase}); here it is 4 to 8 bytes. Guava has
 * no primitive sets and mentor-core takes no other collection library (STYLE.md §10).
 *
 * <p>Not thread-safe: the index guards it with its lock.
 */
final class IntSet {
  private static final int FREE = -1;
  private int[] table = new int[4];
  private int size;

  IntSet() {
    java.util.Arrays.fill(table, FREE);
  }

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Adds a value (0 or more); false if it was already here. */
  boolean add(int value) {
    if ((size + 1) * 4 > table.length * 3) {
      grow();
    }
    int mask = table.length - 1;
    for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
      if (table[i] == value) {
        return false;
      }
      if (table[i] == FREE) {
        table[i] = value;
        size++;
        return true;
      }
    }
  }

  boolean contains(int value) {
    int mask = table.length - 1;
    for (int i = mix(value) & mask; ; i = (i + 1) & mask) {
      if (table[i] == value) {
        return true;
      }
      if (table[i] == FREE) {
        return false;
      }
    }
  }

  /** Removes a value; false if it was not here. */
  boolean remove(int value) {
    int mask = table.length - 1;
    int i = mix(value) & mask;
    while (table[i] != value) {
      if (table[i] == FREE) {
        return false;
      }
      i = (i + 1) & mask;
    }
    // Shift back the run after the hole, so every value stays reachable from its home slot.
    int hole = i;
    for (int j = (hole + 1) & mask; table[j] != FREE; j = (j + 1) & mask) {
      int home = mix(table[j]) & mask;
      boolean movable = hole <= j ? home <= hole || home > j : home <= hole && home > j;
      if (movable) {
        table[hole] = table[j];
        hole = j;
      }
    }
    table[hole] = FREE;
    size--;
    return true;
  }

  void forEach(IntConsumer action) {
    for (int value : table) {
      if (value != FREE) {
        action.accept(value);
      }
    }
  }

  private void grow() {
    int[] old = table;
    table = new int[old.length * 2];
    java.util.Arrays.fill(table, FREE);
    size = 0;
    for (int value : old) {
      if (value != FREE) {
        add(value);
      }
    }
  }

  private static int mix(int value) {
    int h = value * 0x9E3779B9;
    return h ^ (h >>> 16);
  }
}
