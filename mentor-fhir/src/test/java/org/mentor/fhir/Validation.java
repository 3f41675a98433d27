package org.mentor.fhir;

import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;

/** HAPI's offline instance validator against base FHIR R4 (no terminology server, no network). */
public final class Validation {
  private static final FhirValidator VALIDATOR = create();

  private Validation() {}

  private static FhirValidator create() {
    ValidationSupportChain chain = new ValidationSupportChain(
        new DefaultProfileValidationSupport(Scenarios.FHIR),
        new InMemoryTerminologyServerValidationSupport(Scenarios.FHIR),
        new CommonCodeSystemsTerminologyService(Scenarios.FHIR),
        new SnapshotGeneratingValidationSupport(Scenarios.FHIR));
    FhirInstanceValidator module = new FhirInstanceValidator(chain);
    return Scenarios.FHIR.newValidator().registerValidatorModule(module);
  }

  /** The messages of severity error or fatal, as "location: message". */
  public static synchronized List<String> errors(IBaseResource resource) {
    return VALIDATOR.validateWithResult(resource).getMessages().stream()
        .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
        .map(Validation::describe).toList();
  }

  private static String describe(SingleValidationMessage m) {
    return m.getLocationString() + ": " + m.getMessage();
  }
}
