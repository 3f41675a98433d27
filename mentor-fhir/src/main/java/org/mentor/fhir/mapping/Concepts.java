package org.mentor.fhir.mapping;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Quantity;
import org.mentor.fhir.terminology.Code;

/** Small builders of HAPI elements, so mappers read as the table they implement. */
final class Concepts {
  private Concepts() {}

  static CodeableConcept of(Code... codes) {
    CodeableConcept concept = new CodeableConcept();
    for (Code code : codes) {
      concept.addCoding(code.coding());
    }
    return concept;
  }

  static Coding mentor(MentorUris uris, String codeSystem, String code) {
    return new Coding(uris.codeSystem(codeSystem), code, null);
  }

  static CodeableConcept mentorConcept(MentorUris uris, String codeSystem, String code, Code... standard) {
    CodeableConcept concept = new CodeableConcept();
    concept.addCoding(mentor(uris, codeSystem, code));
    for (Code c : standard) {
      concept.addCoding(c.coding());
    }
    return concept;
  }

  static DateTimeType dateTime(LocalDate date) {
    return new DateTimeType(date.toString());
  }

  /** The start of a clinic-local day as an instant-valued date (for elements that need a time). */
  static Date startOfDay(LocalDate date, ZoneId zone) {
    return Date.from(date.atStartOfDay(zone).toInstant());
  }

  static Quantity quantity(long value, Code unit) {
    return new Quantity().setValue(value).setUnit(unit.display()).setSystem(unit.system()).setCode(unit.code());
  }
}
