package org.mentor.fhir.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.http.NameValuePair;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.entity.UrlEncodedFormEntity;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;
import org.jspecify.annotations.Nullable;
import org.mentor.fhir.http.TokenException;

/**
 * Posts a token request (RFC 6749 §4.4, form-encoded) and reads the answer (§5.1 success, §5.2 error). Answers are
 * read with Jackson; nothing of the request or the answer is logged or put in an exception's message but the HTTP
 * status and the OAuth error code.
 */
final class TokenEndpoint implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** An OAuth error code as RFC 6749 §5.2 defines its characters; anything else is not repeated. */
  private static final Pattern ERROR_CODE = Pattern.compile("[\\x20-\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}");

  private final URI url;
  private final CloseableHttpClient http;

  TokenEndpoint(URI url, Duration connectTimeout, Duration socketTimeout) {
    this.url = url;
    int connect = Math.toIntExact(connectTimeout.toMillis());
    int socket = Math.toIntExact(socketTimeout.toMillis());
    this.http = HttpClients.custom().disableAutomaticRetries().disableCookieManagement()
        .setDefaultRequestConfig(RequestConfig.custom().setConnectTimeout(connect).setSocketTimeout(socket)
            .setConnectionRequestTimeout(socket).build())
        .build();
  }

  URI url() {
    return url;
  }

  /**
   * Asks for a token.
   *
   * @param form the request's parameters
   * @param authorization an {@code Authorization} header (client_secret_basic), or null
   * @param askedAt when the request is made (for {@code expires_in})
   * @return the token
   * @throws TokenException if the endpoint gave none
   */
  AccessToken request(List<NameValuePair> form, @Nullable String authorization, Instant askedAt) {
    HttpPost post = new HttpPost(url);
    post.setHeader("Accept", "application/json");
    post.setHeader("Cache-Control", "no-store");
    if (authorization != null) {
      post.setHeader("Authorization", authorization);
    }
    post.setEntity(new UrlEncodedFormEntity(form, StandardCharsets.UTF_8));
    int status;
    String body;
    try (CloseableHttpResponse response = http.execute(post)) {
      status = response.getStatusLine().getStatusCode();
      body = response.getEntity() == null ? "" : EntityUtils.toString(response.getEntity(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TokenException("no answer from the token endpoint (" + e.getClass().getSimpleName() + ")", 0, "", true);
    }
    JsonNode answer = parse(body);
    if (status == 200) {
      return token(answer, askedAt, status);
    }
    String error = answer != null && answer.path("error").isTextual() && ERROR_CODE.matcher(answer.path("error").asText()).matches()
        ? answer.path("error").asText() : "";
    boolean transientFailure = status == 408 || status == 429 || status >= 500;
    throw new TokenException("the token endpoint gave no token (HTTP " + status + (error.isEmpty() ? "" : ", " + error) + ")", status,
        error, transientFailure);
  }

  private static AccessToken token(@Nullable JsonNode answer, Instant askedAt, int status) {
    if (answer == null || !answer.path("access_token").isTextual() || answer.path("access_token").asText().isBlank()
        || !"bearer".equalsIgnoreCase(answer.path("token_type").asText())) {
      throw new TokenException("the token endpoint's answer holds no bearer access token (RFC 6749 §5.1)", status, "", false);
    }
    JsonNode expiresIn = answer.path("expires_in");
    Optional<Instant> expiresAt = Optional.empty();
    if (expiresIn.isIntegralNumber() && expiresIn.asLong() > 0) {
      expiresAt = Optional.of(askedAt.plusSeconds(expiresIn.asLong()));
    } else if (!expiresIn.isMissingNode()) {
      throw new TokenException("the token endpoint's expires_in is not a positive number of seconds", status, "", false);
    }
    return new AccessToken(answer.path("access_token").asText(), expiresAt);
  }

  private static @Nullable JsonNode parse(String body) {
    try {
      JsonNode node = JSON.readTree(body);
      return node != null && node.isObject() ? node : null;
    } catch (IOException e) {
      return null; // not JSON (a proxy's error page): only the status is reported
    }
  }

  @Override
  public void close() {
    try {
      http.close();
    } catch (IOException e) {
      // nothing held that matters: connections are dropped
    }
  }
}
