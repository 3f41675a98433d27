package org.mentor.fhir.testserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ServerSettingsTest {

  @Test
  void given_defaults_then_those_of_a_stock_HAPI_JPA_server() {
    assertThat(ServerSettings.defaults())
        .isEqualTo(new ServerSettings(Optional.empty(), false, true, true))
        .isEqualTo(FhirTestServer.builder().settings());
  }

  @Test
  void given_a_national_server_then_token_validation_integrity_on_and_client_ids_off() {
    assertThat(ServerSettings.likeNationalServer("abc"))
        .isEqualTo(new ServerSettings(Optional.of("abc"), true, true, false))
        .isEqualTo(FhirTestServer.builder().bearerToken("abc").requestValidation(true).clientAssignedIds(false)
            .settings());
  }

  @Test
  void given_every_switch_set_on_the_builder_then_the_settings_carry_them() {
    assertThat(FhirTestServer.builder().bearerToken("t0k3n~+/=").requestValidation(true).referentialIntegrity(false)
        .clientAssignedIds(false).settings())
        .isEqualTo(new ServerSettings(Optional.of("t0k3n~+/="), true, false, false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "two words", "=abc", "tök", "a\nb"})
  void given_a_token_that_is_not_an_RFC_6750_b64token_then_refused(String token) {
    assertThatThrownBy(() -> ServerSettings.likeNationalServer(token))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("b64token");
    assertThatThrownBy(() -> FhirTestServer.builder().bearerToken(token))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void given_a_switch_set_twice_on_the_builder_then_refused() {
    assertThatThrownBy(() -> FhirTestServer.builder().bearerToken("a").bearerToken("b"))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bearerToken");
    assertThatThrownBy(() -> FhirTestServer.builder().requestValidation(true).requestValidation(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("requestValidation");
    assertThatThrownBy(() -> FhirTestServer.builder().referentialIntegrity(true).referentialIntegrity(false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("referentialIntegrity");
    assertThatThrownBy(() -> FhirTestServer.builder().clientAssignedIds(true).clientAssignedIds(true))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("clientAssignedIds");
  }

  @Test
  void given_a_token_then_toString_never_shows_it() {
    assertThat(ServerSettings.likeNationalServer("very-secret-token").toString())
        .doesNotContain("very-secret-token")
        .contains("bearerToken=(set)");
  }
}
