package org.mentor.fhir.push;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Only a transaction-response Bundle with one entry per entry sent confirms a transaction. */
class TransactionResponseTest {
  private static final String TWO = """
      {"resourceType":"Bundle","id":"x","type":"transaction-response","link":[{"relation":"self","url":"http://s/fhir"}],
       "entry":[{"response":{"status":"201 Created","location":"Observation/1/_history/1","outcome":{"resourceType":
       "OperationOutcome","issue":[{"severity":"information","code":"informational"}]}}},{"response":{"status":"200 OK"}}]}""";

  @Test
  void a_transaction_response_with_as_many_entries_confirms() {
    assertThat(TransactionResponse.confirms(TWO, 2)).isTrue();
  }

  @Test
  void anything_else_confirms_nothing() {
    assertThat(TransactionResponse.confirms(TWO, 3)).as("an entry missing").isFalse();
    assertThat(TransactionResponse.confirms(TWO.replace("transaction-response", "batch-response"), 2)).isFalse();
    assertThat(TransactionResponse.confirms("{\"resourceType\":\"OperationOutcome\",\"issue\":[]}", 0)).isFalse();
    assertThat(TransactionResponse.confirms("<html>502 Bad Gateway</html>", 2)).isFalse();
    assertThat(TransactionResponse.confirms(TWO.substring(0, TWO.length() - 10), 2)).as("cut short").isFalse();
    assertThat(TransactionResponse.confirms("", 0)).isFalse();
  }
}
