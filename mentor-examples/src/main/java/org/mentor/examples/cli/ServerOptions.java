package org.mentor.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.mentor.fhir.http.BearerTokenSource;
import org.mentor.fhir.http.FhirHttp;
import org.mentor.fhir.push.RetryPolicy;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The options of the commands that talk to a FHIR server: its base URL and, for a server that asks
 * for one, the bearer token — read from a file or an environment variable, never from the command
 * line itself, where other users of the machine and the shell's history would see it — and how long
 * to wait and how often to try. {@code mentor fhir push} and {@code mentor fhir pull} take the same.
 */
final class ServerOptions {
  @Option(names = "--server", required = true, paramLabel = "URL",
      description = "The FHIR R4 server's base URL, such as https://fhir.example.gov/fhir.")
  String url;

  @ArgGroup(exclusive = true, heading = "The bearer token, if the server asks for one (never on the command line):%n")
  Token token;

  @Option(names = "--connect-timeout", paramLabel = "SECONDS", defaultValue = "10",
      description = "How long to wait for a connection (default: ${DEFAULT-VALUE}).")
  int connectTimeout;

  @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
      description = "How long to wait for the server's answer to one request (default: ${DEFAULT-VALUE}; a national "
          + "server validating a large case is slow).")
  int socketTimeout;

  @Option(names = "--attempts", paramLabel = "N", defaultValue = "6",
      description = "Attempts per request when the server does not answer or answers 408, 429 or 5xx, with "
          + "exponential backoff from 0.5 s to 30 s (default: ${DEFAULT-VALUE}).")
  int attempts;

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
   * How long to wait for a connection.
   *
   * @throws BadUsage if it is not between 1 and 3600 seconds
   */
  Duration connectTimeout() {
    return seconds("--connect-timeout", connectTimeout);
  }

  /**
   * How long to wait for an answer.
   *
   * @throws BadUsage if it is not between 1 and 3600 seconds
   */
  Duration socketTimeout() {
    return seconds("--timeout", socketTimeout);
  }

  /**
   * The retries: the library's default backoff, with the attempts asked for.
   *
   * @throws BadUsage if the attempts are not between 1 and 20
   */
  RetryPolicy retry() {
    if (attempts < 1 || attempts > 20) {
      throw new BadUsage("--attempts: " + attempts + " is not between 1 and 20");
    }
    RetryPolicy defaults = RetryPolicy.defaults();
    return new RetryPolicy(attempts, defaults.initialBackoff(), defaults.maxBackoff());
  }

  /**
   * An HTTP client for the server, with the token and timeouts: close it.
   *
   * @param connections the most requests in flight at once
   * @return the client
   * @throws BadUsage if an option is malformed
   */
  FhirHttp http(int connections) {
    FhirHttp.Builder http = FhirHttp.builder(url()).connectTimeout(connectTimeout()).socketTimeout(socketTimeout())
        .maxConnections(connections);
    bearerToken().ifPresent(t -> http.auth(BearerTokenSource.of(t)));
    return http.build();
  }

  private static Duration seconds(String option, int seconds) {
    if (seconds < 1 || seconds > 3600) {
      throw new BadUsage(option + ": " + seconds + " is not between 1 and 3600 seconds");
    }
    return Duration.ofSeconds(seconds);
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
