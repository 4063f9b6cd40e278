package no.overdosevarsel.dispatch.delivery;

import java.util.UUID;

/**
 * Who one delivery goes to.
 *
 * @param deliveryId unique per (alert version, subscriber, channel); used as the message reference
 * @param unsubscribeToken signed by subscriber-api, for unsubscribe links; empty once the subscriber is gone
 */
public record Recipient(long deliveryId, UUID subscriberId, String address, String language, String unsubscribeToken) {}
