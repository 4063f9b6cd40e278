/** The HTTP API of concern reports: the public endpoint with its per-client rate limit, and triage for coordinators. */
@NullMarked
package no.overdosevarsel.ingest.report.web;

import org.jspecify.annotations.NullMarked;
