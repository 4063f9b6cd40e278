package no.overdosevarsel.dispatch.delivery;

import java.util.UUID;

/** New deliveries are waiting: wakes the workers once a fan-out chunk has committed. */
record DeliveriesCreated(UUID alertId, int version, int count) {}
