package no.overdosevarsel.dispatch.channel.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param provider {@code smtp} (Spring's {@code spring.mail.*} settings), or {@code local} for the local outbox
 * @param from sender address
 * @param concurrency SMTP sends in flight at once
 * @param messageIdDomain right-hand side of Message-IDs
 */
@ConfigurationProperties("overdosevarsel.email")
record EmailProperties(
        @DefaultValue("smtp") String provider,

        @DefaultValue("Overdosevarsel <varsel@overdosevarsel.no>")
        String from,

        @DefaultValue("4") int concurrency,
        @DefaultValue("overdosevarsel.no") String messageIdDomain) {}
