/**
 * Alerts and their published versions: validated, stored and announced on the {@code alerts} topic in one transaction.
 */
@NullMarked
package no.overdosevarsel.ingest.alert;

import org.jspecify.annotations.NullMarked;
