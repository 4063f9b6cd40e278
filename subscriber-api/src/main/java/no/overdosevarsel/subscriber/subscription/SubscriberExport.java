package no.overdosevarsel.subscriber.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import no.overdosevarsel.contracts.subscription.SubscriberStatus;
import no.overdosevarsel.subscriber.verification.IssuedCode;
import org.jspecify.annotations.Nullable;

/** Everything stored about one subscriber, as a GDPR Art. 15 export shows it. Codes are stored only as HMACs: not shown. */
public record SubscriberExport(
        UUID id,
        @Nullable String name,
        @Nullable String organisation,
        String language,
        Severity minimumSeverity,
        SubscriberStatus status,
        long revision,
        List<RegionData> regions,
        List<ContactPointData> contactPoints,
        Instant createdAt,
        Instant updatedAt) {

    public SubscriberExport {
        regions = List.copyOf(regions);
        contactPoints = List.copyOf(contactPoints);
    }

    public record RegionData(String code, String name) {}

    public record ContactPointData(
            Channel channel,
            String address,
            Instant createdAt,
            @Nullable Instant verifiedAt,
            @Nullable Instant optedOutAt,
            @Nullable Instant undeliverableAt,
            List<IssuedCode> codesSent) {

        public ContactPointData {
            codesSent = List.copyOf(codesSent);
        }
    }
}
