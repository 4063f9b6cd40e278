/** The HTTP API administrators use to manage coordinator accounts. */
@NullMarked
package no.overdosevarsel.ingest.coordinator.web;

import org.jspecify.annotations.NullMarked;
