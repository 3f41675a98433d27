package org.mentor.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * Identifies an event. Supplied by the caller and globally unique (an EMR's own record uuid is ideal): many installations sync to one national server.
 *
 * <p>Immutable and thread-safe. The value is opaque text of 1 to 128 characters without
 * surrounding white space. Two ids are equal when their values are; they compare and hash as
 * their values do ({@link String#compareTo}, {@link String#hashCode}).
 *
 * <p>A registry keeps every event's id for as long as it holds the case, so the common shapes are
 * stored without a {@code String}: a canonical lower-case UUID as its 128 bits, and other ASCII
 * ids of up to 24 characters as their bytes, each in one object of 32 or 40 bytes instead of the
 * 72–96 bytes of an id object, a string and its bytes (mentor-bench {@code HeapPerCase}).
 * {@link #value()} rebuilds the text of those on each call.
 */
@API(status = STABLE, since = "0.1")
public abstract sealed class EventId implements Comparable<EventId> {
  private static final int MAX_PACKED = 24;
  private static final int UUID_LENGTH = 36;

  private EventId() {}

  /**
   * Returns the id with the given value.
   *
   * @param value the id, not null
   * @return the id
   * @throws IllegalArgumentException if the value is empty, longer than 128 characters or padded
   */
  public static EventId of(String value) {
    requireNonNull(value, "value");
    checkArgument(
        !value.isEmpty() && value.length() <= 128 && !padded(value),
        "an id has 1 to 128 characters and no surrounding white space");
    if (value.length() == UUID_LENGTH) {
      EventId uuid = Uuid.parse(value);
      if (uuid != null) {
        return uuid;
      }
    }
    if (value.length() <= MAX_PACKED) {
      EventId packed = Packed.pack(value);
      if (packed != null) {
        return packed;
      }
    }
    return new Text(value);
  }

  /**
   * Returns the id {@code prefix + number}: {@code EventId.of(prefix + number)}, without making that
   * text when the id is stored packed (a source numbering its events, as the simulator does some
   * seventy times a pair, paid for the text only to have it packed and dropped).
   *
   * @param prefix the text before the number, not null, possibly empty
   * @param number the number, written in decimal as {@link Long#toString(long)} writes it
   * @return the id
   * @throws IllegalArgumentException if {@code prefix + number} is not a valid id ({@link #of(String)})
   */
  public static EventId of(String prefix, long number) {
    requireNonNull(prefix, "prefix");
    if (number < 0 || number >= 100_000_000 || prefix.length() >= MAX_PACKED
        || (!prefix.isEmpty() && Character.isWhitespace(prefix.charAt(0)))) {
      return of(prefix + number); // a sign, nine or more digits, a long prefix or padding: as the text is
    }
    // The digits as up to eight characters in one word, the last digit in the lowest byte...
    long digits = 0;
    int count = 0;
    int rest = (int) number;
    do {
      digits |= (long) ('0' + rest % 10) << (8 * count++);
      rest /= 10;
    } while (rest != 0);
    int length = prefix.length() + count;
    long w0 = Packed.word(prefix, 0);
    long w1 = Packed.word(prefix, 8);
    long w2 = Packed.word(prefix, 16);
    if (length > MAX_PACKED || w0 < 0 || w1 < 0 || w2 < 0) {
      return of(prefix + number); // too long to pack, not ASCII, or a NUL: as the text is
    }
    // ...then shifted into each word so that the last digit lands on the id's last character.
    w0 |= placed(digits, 8 - length);
    w1 |= placed(digits, 16 - length);
    w2 |= placed(digits, 24 - length);
    return length <= 16 ? new Two(w0, w1, length) : new Three(w0, w1, w2, length);
  }

  /** Right-aligned characters moved {@code bytes} places towards the word's start (away from it if negative). */
  private static long placed(long characters, int bytes) {
    return bytes >= 8 || bytes <= -8 ? 0 : bytes >= 0 ? characters << (8 * bytes) : characters >>> (-8 * bytes);
  }

  /** Whether {@code value.strip()} would change a non-empty value, without making the stripped copy. */
  private static boolean padded(String value) {
    return Character.isWhitespace(value.codePointAt(0)) || Character.isWhitespace(value.codePointBefore(value.length()));
  }

  /** The id's text. */
  public abstract String value();

  @Override
  public final int compareTo(EventId other) {
    if (this instanceof Packed a && other instanceof Packed b) {
      return a.compareToPacked(b);
    }
    if (this instanceof Uuid a && other instanceof Uuid b) {
      int high = Long.compareUnsigned(a.msb, b.msb);
      return high != 0 ? Integer.signum(high) : Integer.signum(Long.compareUnsigned(a.lsb, b.lsb));
    }
    return value().compareTo(other.value());
  }

  @Override
  public final String toString() {
    return value();
  }

  /**
   * Up to 24 ASCII characters (no NUL), packed big-endian into words of 8 and zero-padded: two
   * words for up to 16 characters, three for up to 24.
   */
  private abstract static sealed class Packed extends EventId {
    final int length;

    Packed(int length) {
      this.length = length;
    }

    static @Nullable Packed pack(String value) {
      int length = value.length();
      long w0 = word(value, 0);
      long w1 = word(value, 8);
      long w2 = word(value, 16);
      if (w0 < 0 || w1 < 0 || w2 < 0) {
        return null;
      }
      return length <= 16 ? new Two(w0, w1, length) : new Three(w0, w1, w2, length);
    }

    /**
     * Characters {@code from} to {@code from + 7} big-endian, zero past the end; -1 if one is NUL or
     * not ASCII. Words in locals rather than an array: one id per event is packed, and the array was
     * garbage each time.
     */
    static long word(String value, int from) {
      long word = 0;
      int to = Math.min(value.length(), from + 8);
      for (int i = from; i < to; i++) {
        char c = value.charAt(i);
        if (c == 0 || c > 0x7f) {
          return -1;
        }
        word |= (long) c << (8 * (7 - (i & 7)));
      }
      return word;
    }

    /** The k-th word (0 to 2); zero past the stored ones. */
    abstract long word(int k);

    private char charAt(int i) {
      return (char) (word(i >>> 3) >>> (8 * (7 - (i & 7))) & 0xff);
    }

    @Override
    public String value() {
      byte[] bytes = new byte[length];
      for (int i = 0; i < length; i++) {
        bytes[i] = (byte) charAt(i);
      }
      return new String(bytes, java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** Zero padding sorts before every character, so this is {@code String.compareTo}'s order. */
    int compareToPacked(Packed other) {
      for (int k = 0; k < 3; k++) {
        int byWord = Long.compareUnsigned(word(k), other.word(k));
        if (byWord != 0) {
          return Integer.signum(byWord);
        }
      }
      return 0;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Packed that && length == that.length && word(0) == that.word(0)
          && word(1) == that.word(1) && word(2) == that.word(2);
    }

    /** {@code String.hashCode} of the value, a word at a time (registries hash every id they are sent). */
    @Override
    public int hashCode() {
      int hash = 0;
      for (int k = 0, i = 0; i < length; k++) {
        long word = word(k);
        for (int shift = 56; shift >= 0 && i < length; shift -= 8, i++) {
          hash = 31 * hash + (int) (word >>> shift & 0xff);
        }
      }
      return hash;
    }
  }

  /** Up to 16 characters: 32 bytes in all. */
  private static final class Two extends Packed {
    private final long w0;
    private final long w1;

    Two(long w0, long w1, int length) {
      super(length);
      this.w0 = w0;
      this.w1 = w1;
    }

    @Override
    long word(int k) {
      return k == 0 ? w0 : k == 1 ? w1 : 0;
    }
  }

  /** 17 to 24 characters: 40 bytes in all. */
  private static final class Three extends Packed {
    private final long w0;
    private final long w1;
    private final long w2;

    Three(long w0, long w1, long w2, int length) {
      super(length);
      this.w0 = w0;
      this.w1 = w1;
      this.w2 = w2;
    }

    @Override
    long word(int k) {
      return k == 0 ? w0 : k == 1 ? w1 : w2;
    }
  }

  /** A canonical lower-case UUID ({@code 8-4-4-4-12} hexadecimal digits) as its 128 bits. */
  private static final class Uuid extends EventId {
    private static final int[] DASHES = {8, 13, 18, 23};
    private final long msb;
    private final long lsb;

    private Uuid(long msb, long lsb) {
      this.msb = msb;
      this.lsb = lsb;
    }

    static @Nullable Uuid parse(String value) {
      long msb = 0;
      long lsb = 0;
      int digits = 0;
      for (int i = 0; i < UUID_LENGTH; i++) {
        char c = value.charAt(i);
        if (i == DASHES[0] || i == DASHES[1] || i == DASHES[2] || i == DASHES[3]) {
          if (c != '-') {
            return null;
          }
          continue;
        }
        int nibble = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
        if (nibble < 0) {
          return null; // upper case or not hexadecimal: kept as text, so the value is returned as given
        }
        if (digits < 16) {
          msb = msb << 4 | nibble;
        } else {
          lsb = lsb << 4 | nibble;
        }
        digits++;
      }
      return new Uuid(msb, lsb);
    }

    private char charAt(int i) {
      if (i == DASHES[0] || i == DASHES[1] || i == DASHES[2] || i == DASHES[3]) {
        return '-';
      }
      int digit = i - (i > DASHES[0] ? 1 : 0) - (i > DASHES[1] ? 1 : 0) - (i > DASHES[2] ? 1 : 0) - (i > DASHES[3] ? 1 : 0);
      long word = digit < 16 ? msb : lsb;
      int nibble = (int) (word >>> (4 * (15 - (digit & 15))) & 0xf);
      return (char) (nibble < 10 ? '0' + nibble : 'a' + nibble - 10);
    }

    @Override
    public String value() {
      char[] text = new char[UUID_LENGTH];
      for (int i = 0; i < UUID_LENGTH; i++) {
        text[i] = charAt(i);
      }
      return new String(text);
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Uuid that && msb == that.msb && lsb == that.lsb;
    }

    /** {@code String.hashCode} of the value. */
    @Override
    public int hashCode() {
      int hash = 0;
      for (int i = 0; i < UUID_LENGTH; i++) {
        hash = 31 * hash + charAt(i);
      }
      return hash;
    }
  }

  /** Any other id, as its text. */
  private static final class Text extends EventId {
    private final String value;

    private Text(String value) {
      this.value = value;
    }

    @Override
    public String value() {
      return value;
    }

    @Override
    public boolean equals(@Nullable Object other) {
      return other instanceof Text that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
      return value.hashCode();
    }
  }
}
