/**
 * Proof that a person holds a contact point: one-time codes, stored only as HMACs, sent as direct messages, and
 * redeemed once, before they expire, within a few attempts.
 */
@NullMarked
package no.overdosevarsel.subscriber.verification;

import org.jspecify.annotations.NullMarked;
