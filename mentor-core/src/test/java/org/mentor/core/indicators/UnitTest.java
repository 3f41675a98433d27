package org.mentor.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.mentor.core.CaseId;
import org.mentor.core.EventId;
import org.mentor.core.InfantId;

/** A report lists contributions in unit order: by case, then infant id, then test id, each as text. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UnitTest {
  // As numbers (UUID.compareTo, signed) the "8..." infant would sort first; as text it sorts last.
  private static final InfantId LOW = InfantId.of("10000000-0000-4000-8000-000000000000");
  private static final InfantId HIGH = InfantId.of("80000000-0000-4000-8000-000000000000");

  @Test
  void units_sort_by_case_then_infant_then_test_as_text_with_a_missing_id_first() {
    CaseId a = CaseId.of("case-a");
    CaseId b = CaseId.of("case-b");
    List<Unit> expected = List.of(
        Unit.pregnancy(a),
        Unit.infant(a, LOW),
        Unit.test(a, LOW, EventId.of("t-10")),
        Unit.test(a, LOW, EventId.of("t-9")),
        Unit.infant(a, HIGH),
        Unit.test(a, HIGH, EventId.of("t-1")),
        Unit.pregnancy(b));
    List<Unit> shuffled = new ArrayList<>(expected);
    Collections.reverse(shuffled);
    Collections.sort(shuffled);
    assertThat(shuffled).containsExactlyElementsOf(expected);
  }

  @Test
  void equal_units_compare_as_equal() {
    CaseId a = CaseId.of("case-a");
    assertThat(Unit.test(a, LOW, EventId.of("t-1")).compareTo(Unit.test(a, LOW, EventId.of("t-1")))).isZero();
    assertThat(Unit.infant(a, HIGH).compareTo(Unit.infant(a, HIGH))).isZero();
    assertThat(Unit.pregnancy(a).compareTo(Unit.pregnancy(a))).isZero();
  }
}
