package org.mentor.fhir.push;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads just enough of a server's answer to a transaction to know it confirms it: a Bundle of type
 * {@code transaction-response} with one entry per entry sent (R4 http.html#transaction-response). Streamed with Jackson
 * rather than parsed into HAPI objects: the push needs none of the answer's content, and this runs once per case.
 */
final class TransactionResponse {
  private static final JsonFactory JSON = new JsonFactory();

  private TransactionResponse() {}

  /**
   * Whether the answer confirms a transaction of {@code entries} entries.
   *
   * @param body the answer's body
   * @param entries the entries sent
   * @return true if it is a transaction-response Bundle with exactly that many entries; false for anything else,
   *     including text that is not JSON
   */
  static boolean confirms(String body, int entries) {
    try (JsonParser p = JSON.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      String resourceType = null;
      String type = null;
      int count = -1;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken value = p.nextToken();
        switch (field) {
          case "resourceType" -> resourceType = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "type" -> type = value == JsonToken.VALUE_STRING ? p.getText() : null;
          case "entry" -> {
            if (value != JsonToken.START_ARRAY) {
              return false;
            }
            count = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
              count++;
              p.skipChildren();
            }
          }
          default -> p.skipChildren();
        }
      }
      return "Bundle".equals(resourceType) && "transaction-response".equals(type) && Math.max(count, 0) == entries;
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
