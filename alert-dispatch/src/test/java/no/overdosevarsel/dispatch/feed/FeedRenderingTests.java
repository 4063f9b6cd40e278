package no.overdosevarsel.dispatch.feed;

import static no.overdosevarsel.dispatch.feed.FeedFixtures.NOW;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_DESCRIPTION;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_HEADLINE;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.alert;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.bokmal;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.WireFeedInput;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.AlertStatus;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.springframework.web.util.HtmlUtils;

class FeedRenderingTests {

    final FeedFixtures.MovableClock clock = new FeedFixtures.MovableClock(NOW);
    final FeedFixtures.Store store = new FeedFixtures.Store(clock);

    @Test
    void rssFeedIsValidRss20WithTitleLinkLanguageAndSelfLink() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301"));

        Rendering rss = feed("NO-03", FeedFormat.RSS);

        Schemas.assertValidRss(rss.body());
        assertThat(rss.contentType()).hasToString("application/rss+xml;charset=UTF-8");
        SyndFeed feed = rome(rss);
        assertThat(feed.getTitle()).isEqualTo("Overdosevarsel – Oslo");
        assertThat(feed.getLanguage()).isEqualTo("nb");
        assertThat(feed.getLink()).isEqualTo("https://varsel.example.no");
        assertThat(rss.text())
                .contains(
                        "href=\"https://varsel.example.no/feeds/NO-03.rss\" rel=\"self\" type=\"application/rss+xml\"");
    }

    @Test
    void atomFeedIsValidAtomWithSelfLinkLanguageAndUpdated() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        store.store(alert);

        Rendering atom = feed("0301", FeedFormat.ATOM);

        Schemas.assertValidAtom(atom.body());
        assertThat(atom.contentType()).hasToString("application/atom+xml;charset=UTF-8");
        Feed feed = atom(atom);
        assertThat(feed.getTitle()).isEqualTo("Overdosevarsel – Oslo");
        assertThat(atom.text()).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"nb\">");
        assertThat(feed.getUpdated()).isEqualTo(alert.sent());
        assertThat(feed.getOtherLinks())
                .extracting(Link::getRel, Link::getHref)
                .contains(org.assertj.core.groups.Tuple.tuple("self", "https://varsel.example.no/feeds/0301.atom"));
        Entry entry = feed.getEntries().getFirst();
        assertThat(entry.getId()).isEqualTo("urn:uuid:" + alert.alertId());
        assertThat(entry.getAlternateLinks())
                .extracting(Link::getType, Link::getHref)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                "text/html", "https://varsel.example.no/varsel/" + alert.alertId()),
                        org.assertj.core.groups.Tuple.tuple(
                                "application/cap+xml", "https://varsel.example.no/cap/" + alert.alertId() + "/1.xml"));
    }

    @Test
    void capIndexIsValidAtomLinkingEachAlertToTheCapDocumentOfItsCurrentVersion() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "NO-03");
        store.store(first, next(first, MsgType.Update, NOW, List.of(bokmal("Nitazener også i tabletter"))));

        Rendering index = feed("NO", FeedFormat.CAP_INDEX);

        Schemas.assertValidAtom(index.body());
        Entry entry = atom(index).getEntries().getFirst();
        assertThat(entry.getAlternateLinks()).singleElement().satisfies(link -> {
            assertThat(link.getRel()).isEqualTo("alternate");
            assertThat(link.getType()).isEqualTo("application/cap+xml");
            assertThat(link.getHref()).isEqualTo("https://varsel.example.no/cap/" + first.alertId() + "/2.xml");
        });
        assertThat(entry.getUpdated()).isEqualTo(NOW);
    }

    @Test
    void markupAmpersandsAndNorwegianLettersInRssComeBackAsTheSameTextThroughRome() throws Exception {
        AlertInfo tricky = new AlertInfo(
                "nb", "Fentanyl", TRICKY_HEADLINE, TRICKY_DESCRIPTION, List.of("Ikke bruk alene <b>!</b> & æøå"), null);
        store.store(alert(UUID.randomUUID(), List.of(tricky), "0301"));

        Rendering rss = feed("0301", FeedFormat.RSS);

        Schemas.assertValidRss(rss.body());
        assertThat(rss.text()).doesNotContain("<script").doesNotContain("<b>");
        SyndEntry entry = rome(rss).getEntries().getFirst();
        assertThat(entry.getTitle()).isEqualTo(TRICKY_HEADLINE);
        // Readers treat an RSS description as HTML: the alert's text is escaped in it, so it shows, never runs.
        String html = entry.getDescription().getValue();
        assertThat(html).doesNotContain("<script").doesNotContain("<b>").contains("&lt;script&gt;");
        assertThat(HtmlUtils.htmlUnescape(html.replace("<br>", "\n")))
                .contains(TRICKY_DESCRIPTION)
                .contains("Ikke bruk alene <b>!</b> & æøå");
    }

    @Test
    void markupAmpersandsAndNorwegianLettersInAtomComeBackAsTheSameTextThroughRome() throws Exception {
        AlertInfo tricky = new AlertInfo("nb", "Fentanyl", TRICKY_HEADLINE, TRICKY_DESCRIPTION, List.of(), null);
        store.store(alert(UUID.randomUUID(), List.of(tricky), "0301"));

        Rendering atom = feed("0301", FeedFormat.ATOM);

        Schemas.assertValidAtom(atom.body());
        assertThat(atom.text())
                .doesNotContain("<script")
                .contains("&lt;script&gt;")
                .contains("Tromsø, Bærum og Ås");
        Entry entry = atom(atom).getEntries().getFirst();
        assertThat(entry.getTitleEx().getType()).isEqualTo("text");
        assertThat(entry.getTitle()).isEqualTo(TRICKY_HEADLINE);
        assertThat(entry.getSummary().getType()).isEqualTo("text");
        assertThat(entry.getSummary().getValue()).startsWith(TRICKY_DESCRIPTION);
    }

    @Test
    void cancelledAlertStaysInTheFeedMarkedAsCancelled() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        store.store(first, next(first, MsgType.Cancel, NOW, first.info()));

        Rendering rss = feed("0301", FeedFormat.RSS);
        Rendering atom = feed("0301", FeedFormat.ATOM);

        Schemas.assertValidRss(rss.body());
        Schemas.assertValidAtom(atom.body());
        assertThat(rome(rss).getEntries())
                .extracting(SyndEntry::getTitle)
                .containsExactly("AVLYST: Nitazener solgt som heroin");
        assertThat(atom(atom).getEntries().getFirst().getTitle()).isEqualTo("AVLYST: Nitazener solgt som heroin");
    }

    @Test
    void updateReplacesTheItemUnderTheSameIdWithTheNewVersionsTime() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        Instant updated = NOW.minus(Duration.ofMinutes(10));
        store.store(first, next(first, MsgType.Update, updated, List.of(bokmal("Nitazener også i tabletter"))));

        List<SyndEntry> rssEntries = rome(feed("0301", FeedFormat.RSS)).getEntries();
        List<Entry> atomEntries = atom(feed("0301", FeedFormat.ATOM)).getEntries();

        assertThat(rssEntries).singleElement().satisfies(entry -> {
            assertThat(entry.getUri()).isEqualTo("urn:uuid:" + first.alertId());
            assertThat(entry.getTitle()).isEqualTo("OPPDATERT: Nitazener også i tabletter");
            assertThat(entry.getPublishedDate().toInstant()).isEqualTo(updated);
        });
        assertThat(atomEntries).singleElement().satisfies(entry -> {
            assertThat(entry.getId()).isEqualTo("urn:uuid:" + first.alertId());
            assertThat(entry.getUpdated().toInstant()).isEqualTo(updated);
            assertThat(entry.getPublished().toInstant()).isEqualTo(first.sent());
        });
    }

    @Test
    void expiredAlertIsMarkedUntilTheRetentionHasPassedAndThenLeavesTheFeed() throws Exception {
        AlertEvent alert = FeedFixtures.withExpiry(
                alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301"), NOW.plus(Duration.ofHours(1)));
        store.store(alert);
        assertThat(titles("0301")).containsExactly("Nitazener solgt som heroin");

        clock.advance(Duration.ofHours(2));
        assertThat(titles("0301")).containsExactly("UTLØPT: Nitazener solgt som heroin");
        assertThat(atom(feed("0301", FeedFormat.ATOM)).getEntries().getFirst().getUpdated())
                .isEqualTo(alert.expires());

        clock.advance(Duration.ofDays(7));
        assertThat(titles("0301")).isEmpty();
    }

    @Test
    void municipalityAlertAppearsInItsCountysAndTheNationalFeedButNotInAnotherCountys() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener i Oslo", "0301"));

        assertThat(titles("0301")).containsExactly("Nitazener i Oslo");
        assertThat(titles("NO-03")).containsExactly("Nitazener i Oslo");
        assertThat(titles("NO")).containsExactly("Nitazener i Oslo");
        assertThat(titles("NO-46")).isEmpty();
        assertThat(titles("4601")).isEmpty();
    }

    @Test
    void countyAlertAppearsInTheFeedsOfItsMunicipalities() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener i Vestland", "NO-46"));

        assertThat(titles("4601")).containsExactly("Nitazener i Vestland");
        assertThat(titles("0301")).isEmpty();
    }

    @Test
    void exercisesAndTestsStayOutOfThePublicFeeds() throws Exception {
        store.store(FeedFixtures.withStatus(alert(UUID.randomUUID(), "Øvelse", "0301"), AlertStatus.Exercise));

        assertThat(titles("0301")).isEmpty();
    }

    @Test
    void controlCharactersInAlertTextAreDroppedSoTheFeedsStayWellFormed() throws Exception {
        store.store(alert(UUID.randomUUID(), "Farlig\u0000 stoff\u0007 i omløp\uD800", "0301"));

        Schemas.assertValidRss(feed("0301", FeedFormat.RSS).body());
        Schemas.assertValidAtom(feed("0301", FeedFormat.ATOM).body());
        assertThat(titles("0301")).containsExactly("Farlig stoff i omløp");
    }

    @Test
    void renderingsAreReusedUntilAnAlertChangesAndThenRebuilt() throws Exception {
        store.store(alert(UUID.randomUUID(), "Første", "0301"));
        Rendering before = feed("0301", FeedFormat.RSS);
        int queries = store.queries();

        assertThat(feed("0301", FeedFormat.RSS)).isSameAs(before);
        assertThat(feed("NO", FeedFormat.ATOM).body()).isNotEmpty();
        assertThat(store.queries()).isEqualTo(queries);

        store.store(alert(UUID.randomUUID(), "Andre", "0301"));
        Rendering after = feed("0301", FeedFormat.RSS);
        assertThat(after.etag()).isNotEqualTo(before.etag());
        assertThat(titles("0301")).containsExactlyInAnyOrder("Første", "Andre");
    }

    @Test
    void lastModifiedMovesForwardWhenAnAlertLeavesTheFeed() {
        AlertEvent old = alert(UUID.randomUUID(), "Gammelt", "0301");
        store.store(old, next(old, MsgType.Cancel, NOW, old.info()));
        Rendering withCancelled = feed("0301", FeedFormat.RSS);

        clock.advance(Duration.ofDays(8));
        Rendering empty = feed("0301", FeedFormat.RSS);

        assertThat(empty.etag()).isNotEqualTo(withCancelled.etag());
        assertThat(empty.lastModified()).isAfter(withCancelled.lastModified());
    }

    private Rendering feed(String region, FeedFormat format) {
        return store.published().regionFeed(RegionCatalogue.norway().require(region), format);
    }

    private List<String> titles(String region) throws Exception {
        return rome(feed(region, FeedFormat.RSS)).getEntries().stream()
                .map(SyndEntry::getTitle)
                .toList();
    }

    static SyndFeed rome(Rendering rendering) throws Exception {
        return new SyndFeedInput().build(new StringReader(rendering.text()));
    }

    static Feed atom(Rendering rendering) throws Exception {
        return (Feed) new WireFeedInput().build(new StringReader(rendering.text()));
    }
}
