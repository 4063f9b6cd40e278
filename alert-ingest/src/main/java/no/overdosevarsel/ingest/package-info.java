/** The alert-ingest application: coordinators publish alerts here, and every published version goes to Kafka. */
@NullMarked
package no.overdosevarsel.ingest;

import org.jspecify.annotations.NullMarked;
