package org.mentor.fhir.testserver;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a {@code String} test parameter that {@link FhirTestServerExtension} fills with the shared server's base URL,
 * e.g. {@code http://127.0.0.1:41234/fhir}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
@API(status = EXPERIMENTAL, since = "0.1")
public @interface FhirBaseUrl {}
