/**
 * What every Overdosevarsel app does the same way, auto-configured: RFC 9457 problem details, the transactional
 * outbox relay, Kafka topics, dead-letter handling and Kafka health.
 */
@NullMarked
package no.overdosevarsel.platform;

import org.jspecify.annotations.NullMarked;
