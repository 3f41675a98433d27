package org.mentor.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.mentor.core.InfantId;
import org.mentor.core.protocol.Protocols;

/**
 * An infant's milestone keys come from a table with a slot per id instance's identity hash: however
 * many infants share a slot, each gets keys of its own id.
 */
class PreparedRulesKeysTest {

  @Test
  void each_infant_gets_its_own_keys_however_many_share_a_slot() {
    PreparedRules prepared = PreparedRules.of(Protocols.builtIn("WHO_2021"));
    PreparedRules.Rule nat = prepared.rules.stream().filter(r -> r.rule.id().equals("NAT_6W")).findFirst().orElseThrow();
    List<InfantId> infants = new ArrayList<>();
    for (int i = 0; i < 3000; i++) { // more than the table's 1 024 slots: slots are shared and replaced
      infants.add(new InfantId(new UUID(0x1234L, i)));
    }
    for (int round = 0; round < 3; round++) {
      for (int i = infants.size() - 1; i >= 0; i--) {
        PreparedRules.InfantKeys keys = prepared.keysOf(infants.get(i));
        assertThat(keys.key(nat, 1)).isEqualTo("NAT_6W@00000000-0000-1234-0000-%012x".formatted(i));
        assertThat(prepared.keysOf(infants.get(i))).as("asked again at once").isSameAs(keys);
      }
    }
  }

  @Test
  void an_equal_id_of_another_instance_gets_keys_with_the_same_text() {
    PreparedRules prepared = PreparedRules.of(Protocols.builtIn("WHO_2021"));
    PreparedRules.Rule nat = prepared.rules.stream().filter(r -> r.rule.id().equals("NAT_6W")).findFirst().orElseThrow();
    InfantId one = new InfantId(new UUID(7, 9));
    InfantId same = new InfantId(new UUID(7, 9));
    assertThat(prepared.keysOf(one).key(nat, 1)).isEqualTo(prepared.keysOf(same).key(nat, 1))
        .isEqualTo("NAT_6W@00000000-0000-0007-0000-000000000009");
  }
}
