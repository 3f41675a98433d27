/** FHIR Bulk Data NDJSON export and import of many cases. */
package org.mentor.fhir.bulk;
