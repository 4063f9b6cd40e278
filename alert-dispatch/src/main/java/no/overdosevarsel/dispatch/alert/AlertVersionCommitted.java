package no.overdosevarsel.dispatch.alert;

import no.overdosevarsel.contracts.alert.AlertEvent;

/**
 * Published after the transaction that stored an alert version (or found it already stored) has committed, in the
 * thread that consumed the record: fan-out runs on it, chunk by chunk, so an exception leaves the record to be consumed
 * again and the fan-out resumes where it stopped.
 */
public record AlertVersionCommitted(AlertEvent alert) {}
