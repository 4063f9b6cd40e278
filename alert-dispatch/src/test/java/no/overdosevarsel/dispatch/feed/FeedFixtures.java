package no.overdosevarsel.dispatch.feed;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.Certainty;
import no.overdosevarsel.contracts.alert.EvidenceSource;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.alert.Severity;
import no.overdosevarsel.contracts.alert.Urgency;
import no.overdosevarsel.dispatch.alert.AlertVersionStored;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** Alerts, a clock and an in-memory store for the feed and page tests, without Spring or a database. */
public final class FeedFixtures {

    public static final Instant NOW = Instant.parse("2026-11-27T13:00:00Z");
    public static final PublicLinks LINKS =
            new PublicLinks(URI.create("https://varsel.example.no"), URI.create("https://abonner.example.no"));
    public static final String TRICKY_HEADLINE = "Fentanyl & <script>alert('x')</script> i Tromsø, Bærum og Ås";
    public static final String TRICKY_DESCRIPTION =
            "Blå piller merket «M 30» & <b>fet</b> <script>alert(1)</script>\nSolgt som oxycodon på Grønland.";

    private FeedFixtures() {}

    /** The app's message bundles, as Spring Boot configures them. */
    public static MessageSource messages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/dispatch-messages", "i18n/platform-messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }

    public static AlertInfo bokmal(String headline) {
        return new AlertInfo(
                "nb",
                "Nitazener i heroin",
                headline,
                "Brunt pulver solgt som heroin inneholder protonitazen.",
                List.of("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først"),
                "Oslo kommune, 21 80 21 80");
    }

    public static AlertInfo english(String headline) {
        return new AlertInfo(
                "en",
                "Nitazenes in heroin",
                headline,
                "Brown powder sold as heroin contains protonitazene.",
                List.of("Do not use alone", "Keep naloxone at hand"),
                null);
    }

    /** Version 1 of an alert, sent an hour before {@link #NOW}, valid for two weeks. */
    public static AlertEvent alert(UUID id, String headline, String... regions) {
        return alert(id, List.of(bokmal(headline)), regions);
    }

    public static AlertEvent alert(UUID id, List<AlertInfo> info, String... regions) {
        Instant sent = NOW.minus(Duration.ofHours(1));
        return new AlertEvent(
                AlertEvent.SCHEMA_VERSION,
                id,
                1,
                MsgType.Alert,
                AlertStatus.Actual,
                "koordinator@oslo.kommune.no",
                sent,
                Severity.Severe,
                Urgency.Immediate,
                Certainty.Observed,
                List.of("protonitazen"),
                EvidenceSource.DRUG_CHECKING,
                sent,
                sent.plus(Duration.ofDays(14)),
                List.of(regions),
                info,
                "https://rusinfo.example.no/nitazener",
                List.of());
    }

    /** The next version of {@code previous}: an update or a cancellation, sent at {@code sent}, replacing it. */
    public static AlertEvent next(AlertEvent previous, MsgType type, Instant sent, List<AlertInfo> info) {
        return new AlertEvent(
                previous.schemaVersion(),
                previous.alertId(),
                previous.version() + 1,
                type,
                previous.status(),
                type == MsgType.Cancel ? "godkjenner@oslo.kommune.no" : previous.sender(),
                sent,
                previous.severity(),
                previous.urgency(),
                previous.certainty(),
                previous.substances(),
                previous.evidenceSource(),
                previous.effective(),
                previous.expires(),
                previous.regions(),
                info,
                previous.web(),
                List.of(previous.version()));
    }

    public static AlertEvent withExpiry(AlertEvent alert, Instant expires) {
        return copy(alert, alert.status(), expires, alert.web());
    }

    public static AlertEvent withStatus(AlertEvent alert, AlertStatus status) {
        return copy(alert, status, alert.expires(), alert.web());
    }

    public static AlertEvent withWeb(AlertEvent alert, @Nullable String web) {
        return copy(alert, alert.status(), alert.expires(), web);
    }

    private static AlertEvent copy(AlertEvent a, AlertStatus status, Instant expires, @Nullable String web) {
        return new AlertEvent(
                a.schemaVersion(),
                a.alertId(),
                a.version(),
                a.msgType(),
                status,
                a.sender(),
                a.sent(),
                a.severity(),
                a.urgency(),
                a.certainty(),
                a.substances(),
                a.evidenceSource(),
                a.effective(),
                expires,
                a.regions(),
                a.info(),
                web,
                a.references());
    }

    public static PublishedAlert published(AlertEvent... versions) {
        return PublishedAlert.of(List.of(versions), NOW);
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {

        private Instant now;

        public MovableClock(Instant now) {
            this.now = now;
        }

        public void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    /** Published alerts over an in-memory store; {@link #store} plays the alert read model committing a version. */
    public static final class Store implements AlertHistorySource {

        private final Map<UUID, List<AlertEvent>> versions = new LinkedHashMap<>();
        private final PublishedAlerts published;
        private final AtomicInteger queries = new AtomicInteger();
        private volatile boolean failing;

        public Store(Clock clock) {
            this.published = new PublishedAlerts(
                    this,
                    messages(),
                    LINKS,
                    new FeedProperties(Duration.ofDays(7), 200, Duration.ofSeconds(60)),
                    clock);
        }

        public PublishedAlerts published() {
            return published;
        }

        /** Stores the versions and announces each, as the read model does after its transaction commits. */
        public Store store(AlertEvent... alerts) {
            for (AlertEvent alert : alerts) {
                synchronized (this) {
                    versions.computeIfAbsent(alert.alertId(), id -> new ArrayList<>())
                            .add(alert);
                }
                published.on(new AlertVersionStored(alert, true));
            }
            return this;
        }

        /** Makes every query fail, as a database that is down would. */
        public void failing(boolean failing) {
            this.failing = failing;
        }

        /** How many times the view asked the store for the alerts in the feeds. */
        public int queries() {
            return queries.get();
        }

        @Override
        public synchronized List<List<AlertEvent>> notEndedBefore(Instant endedAfter) {
            queries.incrementAndGet();
            if (failing) {
                throw new IllegalStateException("database down");
            }
            List<List<AlertEvent>> result = new ArrayList<>();
            for (List<AlertEvent> history : versions.values()) {
                AlertEvent current = history.stream()
                        .max(Comparator.comparingInt(AlertEvent::version))
                        .orElseThrow();
                Instant end = current.msgType() == MsgType.Cancel ? current.sent() : current.expires();
                if (end.isAfter(endedAfter)) {
                    result.add(List.copyOf(history));
                }
            }
            return result;
        }

        @Override
        public synchronized List<AlertEvent> history(UUID alertId) {
            if (failing) {
                throw new IllegalStateException("database down");
            }
            return versions.getOrDefault(alertId, List.of()).stream()
                    .sorted(Comparator.comparingInt(AlertEvent::version))
                    .toList();
        }
    }
}
