package org.mentor.core.protocol;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Where a protocol value comes from and how sure we are of it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param citation the document, section or table row, such as {@code infant.md I1 (WHO 2021)}, not blank
 * @param confidence the confidence mark, not null
 */
@API(status = STABLE, since = "0.1")
public record Source(String citation, Confidence confidence) {
  public Source {
    requireNonNull(citation, "citation");
    requireNonNull(confidence, "confidence");
    checkArgument(!citation.isBlank(), "citation is not blank");
  }
}
