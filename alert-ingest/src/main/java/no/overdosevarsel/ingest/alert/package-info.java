/**
 * Alerts and their lifecycle: drafts, four-eyes approval, updates, cancellation and expiry, each audited; every published
 * version is stored and queued for the {@code alerts} topic in one transaction.
 */
@NullMarked
package no.overdosevarsel.ingest.alert;

import org.jspecify.annotations.NullMarked;
