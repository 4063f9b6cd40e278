package no.overdosevarsel.subscriber.subscription;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param unconfirmed how long a subscriber none of whose contact points was ever verified is kept: someone typed an
 *     address that was never confirmed, so it is erased (with a tombstone) after this
 * @param sweepInterval how often such subscribers are looked for
 */
@ConfigurationProperties("overdosevarsel.retention")
record RetentionProperties(
        @DefaultValue("7d") Duration unconfirmed,
        @DefaultValue("1h") Duration sweepInterval) {}
