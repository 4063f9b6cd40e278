package no.overdosevarsel.dispatch.feed;

import static no.overdosevarsel.dispatch.feed.FeedFixtures.NOW;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.alert;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.alert.AlertVersionStored;
import org.junit.jupiter.api.Test;

class PublishedAlertsTests {

    @Test
    void viewIsBuiltAtStartUpAndRebuiltWhenAnAlertExpiresWithoutWaitingForARequest() {
        FeedFixtures.Store store = new FeedFixtures.Store(Clock.systemUTC());
        AlertEvent alert = alert(UUID.randomUUID(), "Utløper snart", "0301");
        store.store(FeedFixtures.withExpiry(alert, Instant.now().plus(Duration.ofSeconds(2))));
        try {
            store.published().start();
            await().atMost(Duration.ofSeconds(5)).until(() -> store.queries() >= 1);
            assertThat(store.published().find(alert.alertId()).orElseThrow().state())
                    .isEqualTo(AlertState.ACTIVE);
            int beforeExpiry = store.queries();

            await().atMost(Duration.ofSeconds(5)).until(() -> store.queries() > beforeExpiry);

            assertThat(store.queries()).isEqualTo(beforeExpiry + 1);
            assertThat(store.published().find(alert.alertId()).orElseThrow().state())
                    .isEqualTo(AlertState.EXPIRED);
        } finally {
            store.published().stop();
        }
    }

    @Test
    void alertThatLeftTheFeedsLongAgoIsStillFoundForItsPageAndCapDocuments() {
        FeedFixtures.MovableClock clock = new FeedFixtures.MovableClock(NOW);
        FeedFixtures.Store store = new FeedFixtures.Store(clock);
        AlertEvent first = alert(UUID.randomUUID(), "Gammelt varsel", "0301");
        store.store(first, next(first, MsgType.Cancel, NOW, first.info()));
        clock.advance(Duration.ofDays(30));

        assertThat(store.published()
                        .regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS)
                        .text())
                .doesNotContain("Gammelt varsel");
        assertThat(store.published().find(first.alertId()))
                .hasValueSatisfying(found -> assertThat(found.state()).isEqualTo(AlertState.CANCELLED));
        assertThat(store.published().capDocument(first.alertId(), 1)).isPresent();
        assertThat(store.published().find(UUID.randomUUID())).isEmpty();
    }

    @Test
    void previousViewIsServedWhileTheDatabaseIsDown() {
        FeedFixtures.MovableClock clock = new FeedFixtures.MovableClock(NOW);
        FeedFixtures.Store store = new FeedFixtures.Store(clock);
        store.store(alert(UUID.randomUUID(), "Før feilen", "0301"));
        Rendering before = store.published().regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS);

        store.failing(true);
        store.store(alert(UUID.randomUUID(), "Under feilen", "0301"));
        Rendering during = store.published().regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS);

        assertThat(during.text()).isEqualTo(before.text());
        store.failing(false);
        assertThat(store.published()
                        .regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS)
                        .text())
                .contains("Under feilen");
    }

    @Test
    void redeliveredVersionLeavesTheViewAndItsRenderingsAsTheyAre() {
        FeedFixtures.Store store = new FeedFixtures.Store(new FeedFixtures.MovableClock(NOW));
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener", "0301");
        store.store(alert);
        Rendering before = store.published().regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS);
        int queries = store.queries();

        store.published().on(new AlertVersionStored(alert, false));

        assertThat(store.published().regionFeed(RegionCatalogue.norway().require("0301"), FeedFormat.RSS))
                .isSameAs(before);
        assertThat(store.queries()).isEqualTo(queries);
    }
}
