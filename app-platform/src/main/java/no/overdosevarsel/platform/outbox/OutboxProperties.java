package no.overdosevarsel.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pollInterval how often the relay looks for new rows when all is well
 * @param batchSize rows published per transaction
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 * @param maxBackoff longest pause between attempts while the broker is unreachable
 */
@ConfigurationProperties("overdosevarsel.outbox")
record OutboxProperties(
        @DefaultValue("200ms") Duration pollInterval,
        @DefaultValue("500") int batchSize,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("30s") Duration maxBackoff) {}
