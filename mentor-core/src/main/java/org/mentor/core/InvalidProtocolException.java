package org.mentor.core;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A protocol file was refused whole: nothing of it is loaded. The exception names the file, the
 * path inside it, the value and the rule. Protocol values are not patient data, so they are shown.
 */
@API(status = STABLE, since = "0.1")
public final class InvalidProtocolException extends MentorException {
  private static final long serialVersionUID = 1L;

  private final String file;

  /**
   * Creates the exception.
   *
   * @param file the file or resource name, not null
   * @param path the JSON path inside it, such as {@code values.viralLoad.unsuppressedAbove}, not null
   * @param rejectedValue the offending value, or null
   * @param rule the rule broken, not null
   */
  public InvalidProtocolException(String file, String path, @Nullable Object rejectedValue, Rule rule) {
    super(requireNonNull(file, "file") + ": " + path, rejectedValue, rule, false);
    this.file = file;
  }

  /** The file or resource name. */
  public String file() {
    return file;
  }
}
