/**
 * Concern reports from the public: received without login and without identifying data, triaged by coordinators whose
 * scope covers the region, and turned into draft alerts.
 */
@NullMarked
package no.overdosevarsel.ingest.report;

import org.jspecify.annotations.NullMarked;
