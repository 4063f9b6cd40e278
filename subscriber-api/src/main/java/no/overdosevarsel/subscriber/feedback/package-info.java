/**
 * What providers told alert-dispatch about a contact point (opted out at the provider, undeliverable), consumed from
 * {@code contact-feedback} and recorded as consent state, once per feedback id.
 */
@NullMarked
package no.overdosevarsel.subscriber.feedback;

import org.jspecify.annotations.NullMarked;
