package org.mentor.store.jdbc;

import static com.google.common.base.Preconditions.checkArgument;

import com.google.common.base.Splitter;
import java.util.List;
import org.mentor.core.registry.StoreCursor;

/**
 * A position in the change feed: the position of the last change read and, to break ties, the
 * case's row number. Encoded as {@code 1:<position>:<case number>} (the leading 1 is the format's
 * version); it holds no case id, so a persisted or logged cursor identifies no one.
 *
 * @param position the feed position of the last change read (0 before every change)
 * @param caseNo the row number of its case (0 before every change)
 */
record FeedCursor(long position, long caseNo) {
  static final FeedCursor START = new FeedCursor(0, 0);
  private static final String FORMAT = "1";

  /** Decodes a cursor given by a caller. */
  static FeedCursor of(StoreCursor cursor) {
    if (cursor.value().isEmpty()) {
      return START;
    }
    List<String> parts = Splitter.on(':').splitToList(cursor.value());
    checkArgument(parts.size() == 3 && parts.get(0).equals(FORMAT), "not a cursor of the JDBC case store");
    try {
      FeedCursor decoded = new FeedCursor(Long.parseLong(parts.get(1)), Long.parseLong(parts.get(2)));
      checkArgument(decoded.position >= 0 && decoded.caseNo >= 0, "not a cursor of the JDBC case store");
      return decoded;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a cursor of the JDBC case store", e);
    }
  }

  /** The cursor to give callers. */
  StoreCursor encode() {
    return new StoreCursor(FORMAT + ":" + position + ":" + caseNo);
  }
}
