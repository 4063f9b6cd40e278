/** Kafka set-up shared by the apps: topics from the contracts, dead-letter topics, health. */
@NullMarked
package no.overdosevarsel.platform.kafka;

import org.jspecify.annotations.NullMarked;
