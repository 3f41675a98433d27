package org.mentor.core.protocol;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import org.apiguardian.api.API;

/**
 * Names one version of a protocol, such as {@code WHO_2021} version {@code 1}. A case keeps the
 * reference it was enrolled under for its whole life unless a {@code ProtocolChanged} event moves it.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id the protocol's id, such as {@code WHO_2021}, not null or blank
 * @param version the protocol file's version, not null or blank
 */
@API(status = STABLE, since = "0.1")
public record ProtocolRef(String id, String version) {
  public ProtocolRef {
    requireNonNull(id, "id");
    requireNonNull(version, "version");
    checkArgument(!id.isBlank() && !version.isBlank(), "id and version are not blank");
  }

  @Override
  public String toString() {
    return id + "@" + version;
  }
}
