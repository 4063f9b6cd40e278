/**
 * Subscribers: who wants alerts for which regions, by which channels, in which language and from which severity, and
 * the snapshot of each that is published on the {@code subscriptions} topic.
 */
@NullMarked
package no.overdosevarsel.subscriber.subscription;

import org.jspecify.annotations.NullMarked;
