/** The ingest application. */
@NullMarked
package no.overdosevarsel.ingest;

import org.jspecify.annotations.NullMarked;
