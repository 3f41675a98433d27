package org.mentor.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of the commands that talk to a FHIR server: its base URL and, for a server that asks
 * for one, the bearer token — read from a file or an environment variable, never from the command
 * line itself, where other users of the machine and the shell's history would see it. {@code mentor
 * fhir push} uses them; a {@code mentor fhir pull} over mentor-fhir's {@code org.mentor.fhir.pull}
 * (issue 10) is to take the same.
 */
final class ServerOptions {
  @Option(names = "--server", required = true, paramLabel = "URL",
      description = "The FHIR R4 server's base URL, such as https://fhir.example.gov/fhir.")
  String url;

  @ArgGroup(exclusive = true)
  Token token;

  /** Where the bearer token is. */
  static final class Token {
    @Option(names = "--token-file", paramLabel = "FILE", description = "A file holding the bearer token (one line).")
    Path file;

    @Option(names = "--token-env", paramLabel = "NAME", description = "An environment variable holding the bearer token.")
    String env;
  }

  /**
   * The server's base URL.
   *
   * @throws BadUsage if it is not an http(s) URL
   */
  String url() {
    if (!url.matches("https?://\\S+")) {
      throw new BadUsage("--server: '" + url + "' is not an http:// or https:// URL");
    }
    return url;
  }

  /**
   * The bearer token, if one was given.
   *
   * @throws BadUsage if the file or variable is missing or empty
   */
  Optional<String> bearerToken() {
    if (token == null) {
      return Optional.empty();
    }
    String value;
    if (token.file != null) {
      if (!Files.isRegularFile(token.file)) {
        throw new BadUsage("--token-file: no such file: " + token.file);
      }
      try {
        value = Files.readString(token.file, StandardCharsets.UTF_8).strip();
      } catch (IOException e) {
        throw new BadUsage("--token-file: " + token.file + " cannot be read: " + e.getMessage());
      }
    } else {
      String env = System.getenv(token.env);
      value = env == null ? "" : env.strip();
    }
    if (value.isEmpty() || value.contains("\n")) {
      throw new BadUsage(token.file != null ? "--token-file: " + token.file + " holds no token (one non-empty line)"
          : "--token-env: the environment variable " + token.env + " is not set or empty");
    }
    return Optional.of(value);
  }
}
