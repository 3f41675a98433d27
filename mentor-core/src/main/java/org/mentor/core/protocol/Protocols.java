package org.mentor.core.protocol;

import static java.util.Objects.requireNonNull;
import static org.apiguardian.api.API.Status.STABLE;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The built-in protocols, loaded once from resources and validated: {@code WHO_2021} (the
 * default), {@code WHO_2025} (inherits WHO_2021), {@code ZA_2023} and {@code KE_2022}. A
 * programme's own file is loaded with {@link ProtocolLoader#fromStream(java.io.InputStream, String,
 * java.util.function.Function)}, its parent resolved among these.
 */
@API(status = STABLE, since = "0.1")
public final class Protocols {
  private static final String DIR = "/org/mentor/core/protocol/";
  /** Load order: parents before children. */
  private static final ImmutableList<String> BUILT_IN = ImmutableList.of("WHO_2021", "WHO_2025", "ZA_2023", "KE_2022");

  private static final class Holder {
    static final ImmutableMap<ProtocolRef, Protocol> ALL = load();
    /**
     * The newest built-in WHO_2021, found once: every registry built without a default protocol asks
     * for it (a simulation builds one per 64 pairs), and the search was a stream each time.
     */
    static final Optional<Protocol> WHO_2021 = newest("WHO_2021");
  }

  private Protocols() {}

  private static ImmutableMap<ProtocolRef, Protocol> load() {
    Map<ProtocolRef, Protocol> loaded = new LinkedHashMap<>();
    for (String id : BUILT_IN) {
      if (Protocols.class.getResource(DIR + id + ".json") == null) {
        continue;
      }
      Protocol protocol = ProtocolLoader.fromResource(DIR + id + ".json", ref -> Optional.ofNullable(loaded.get(ref)));
      loaded.put(protocol.ref(), protocol);
    }
    return ImmutableMap.copyOf(loaded);
  }

  /** Every built-in protocol, parents first. */
  public static ImmutableList<Protocol> builtIn() {
    return Holder.ALL.values().asList();
  }

  /**
   * A built-in protocol by reference.
   *
   * @param ref the id and version, not null
   * @return the protocol, if built in
   */
  public static Optional<Protocol> builtIn(ProtocolRef ref) {
    return Optional.ofNullable(Holder.ALL.get(requireNonNull(ref, "ref")));
  }

  /**
   * The newest built-in version of a protocol id.
   *
   * @param id such as {@code ZA_2023}, not null
   * @return the protocol
   * @throws IllegalArgumentException if no built-in protocol has that id
   */
  public static Protocol builtIn(String id) {
    requireNonNull(id, "id");
    return newest(id).orElseThrow(() -> new IllegalArgumentException("no built-in protocol " + id));
  }

  private static Optional<Protocol> newest(String id) {
    return builtIn().stream().filter(p -> p.ref().id().equals(id)).reduce((a, b) -> b);
  }

  /** The default protocol, WHO_2021. */
  public static Protocol who2021() {
    return Holder.WHO_2021.orElseThrow(() -> new IllegalArgumentException("no built-in protocol WHO_2021"));
  }
}
