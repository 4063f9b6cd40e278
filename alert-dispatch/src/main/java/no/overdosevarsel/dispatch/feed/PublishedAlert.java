package no.overdosevarsel.dispatch.feed;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.MsgType;
import org.jspecify.annotations.Nullable;

/**
 * Every stored version of one alert, oldest first, and where it stood when the view was built.
 *
 * @param versions at least one; the last is the current version
 */
public record PublishedAlert(List<AlertEvent> versions, AlertState state) {

    public PublishedAlert {
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a published alert has at least one version");
        }
        versions = versions.stream()
                .sorted(Comparator.comparingInt(AlertEvent::version))
                .toList();
    }

    /** The versions as stored, in the state they are in at {@code now}. */
    static PublishedAlert of(List<AlertEvent> versions, Instant now) {
        AlertEvent current = versions.stream()
                .max(Comparator.comparingInt(AlertEvent::version))
                .orElseThrow(() -> new IllegalArgumentException("a published alert has at least one version"));
        AlertState state = current.msgType() == MsgType.Cancel
                ? AlertState.CANCELLED
                : now.isBefore(current.expires()) ? AlertState.ACTIVE : AlertState.EXPIRED;
        return new PublishedAlert(versions, state);
    }

    public UUID alertId() {
        return current().alertId();
    }

    public AlertEvent current() {
        return versions.getLast();
    }

    public Optional<AlertEvent> version(int version) {
        return versions.stream().filter(v -> v.version() == version).findFirst();
    }

    /** When it stopped applying: the cancellation's sent time, or the expiry; empty while active. */
    public Optional<Instant> endedAt() {
        return switch (state) {
            case ACTIVE -> Optional.empty();
            case CANCELLED -> Optional.of(current().sent());
            case EXPIRED -> Optional.of(current().expires());
        };
    }

    /** The current version's web link for more information, if it is an absolute http(s) address. */
    public Optional<String> webLink() {
        return httpLink(current().web());
    }

    /** Only absolute http(s) addresses: a "javascript:" link from user input must never become a link. */
    static Optional<String> httpLink(@Nullable String web) {
        if (web == null || web.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(web.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
                    ? Optional.of(uri.toASCIIString())
                    : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The last moment what the public sees of it changed: its current version, or its expiry once expired. */
    public Instant changedAt() {
        return state == AlertState.EXPIRED ? current().expires() : current().sent();
    }
}
