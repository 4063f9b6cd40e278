package no.overdosevarsel.contracts.subscription;

/**
 * A verified contact point that alerts may be sent to: an E.164 phone number for SMS, an email address for EMAIL.
 * Snapshots carry only verified, not opted-out contact points.
 */
public record ContactPoint(Channel channel, String address) {}
