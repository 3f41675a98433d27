/**
 * PMTCT indicators for any reporting period (PEPFAR MER 2.6.1 and the WHO 2022 vertical-transmission
 * indicators the events support), computed from the same events and evaluation the due list uses
 * and reproducible as known at an instant ({@link org.mentor.core.indicators.Indicators}). Each
 * result carries its definition version, the protocol versions of the cases and what could not be
 * computed; {@link org.mentor.core.indicators.ReportDiff} explains which cases moved between two
 * reports. Definitions and sources: {@code docs/indicators.md} and
 * {@code shared/clinical/indicators.md}. Nothing here depends on FHIR: mentor-fhir maps an
 * {@link org.mentor.core.indicators.IndicatorResult} to a {@code MeasureReport}.
 */
@NullMarked
package org.mentor.core.indicators;

import org.jspecify.annotations.NullMarked;
