package no.overdosevarsel.subscriber.subscription;

import java.util.List;
import java.util.Map;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.subscription.Channel;
import org.jspecify.annotations.Nullable;

/**
 * Someone asking for alerts.
 *
 * @param contacts the address for each chosen channel, as typed; normalised when the subscriber is registered
 * @param regions region codes from the catalogue
 */
public record NewSubscriber(
        String name,
        @Nullable String organisation,
        Map<Channel, String> contacts,
        List<String> regions,
        Language language,
        Severity minimumSeverity) {

    public NewSubscriber {
        contacts = Map.copyOf(contacts);
        regions = List.copyOf(regions);
    }
}
