package no.overdosevarsel.dispatch.feed;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.alert.AlertReadModel;
import no.overdosevarsel.dispatch.web.PublicLinks;
import no.overdosevarsel.platform.web.ProblemException;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** RSS 2.0 per region: every alert that concerns the region, newest first. */
@RestController
class RssFeedController {

    private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

    private final AlertReadModel alerts;
    private final RegionCatalogue regions;
    private final PublicLinks links;
    private final MessageSource messages;

    RssFeedController(AlertReadModel alerts, PublicLinks links, MessageSource messages) {
        this.alerts = alerts;
        this.regions = RegionCatalogue.norway();
        this.links = links;
        this.messages = messages;
    }

    @GetMapping("/feeds/{region}.rss")
    ResponseEntity<String> rss(@PathVariable String region) throws FeedException {
        Region place = regions.find(region).orElseThrow(() -> ProblemException.notFound(region));
        Locale nb = Locale.forLanguageTag("nb");
        String name = place.level() == no.overdosevarsel.contracts.region.RegionLevel.NATIONAL
                ? messages.getMessage("feed.regionNational", null, nb)
                : place.name();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("rss_2.0");
        feed.setTitle(messages.getMessage("feed.title", new Object[] {name}, nb));
        feed.setDescription(messages.getMessage("feed.description", new Object[] {name}, nb));
        feed.setLink(links.feed(place.code(), "rss"));
        feed.setLanguage("nb");
        List<SyndEntry> entries = new ArrayList<>();
        for (AlertEvent alert : alerts.currentFor(regions.overlapping(place.code()))) {
            entries.add(entry(alert));
        }
        feed.setEntries(entries);
        feed.setPublishedDate(entries.isEmpty() ? null : entries.getFirst().getPublishedDate());
        String xml = new SyndFeedOutput().outputString(feed);
        return ResponseEntity.ok()
                .contentType(RSS)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(1)).cachePublic())
                .body(xml);
    }

    private SyndEntry entry(AlertEvent alert) {
        AlertInfo info = alert.primary();
        SyndEntry entry = new SyndEntryImpl();
        entry.setTitle(info.headline());
        entry.setLink(links.alertPage(alert.alertId()));
        entry.setUri("urn:uuid:" + alert.alertId());
        entry.setPublishedDate(Date.from(alert.sent()));
        SyndContent description = new SyndContentImpl();
        description.setType("text/plain");
        StringBuilder text = new StringBuilder(info.description().strip());
        for (String advice : info.instruction()) {
            text.append("\n- ").append(advice);
        }
        description.setValue(text.toString());
        entry.setDescription(description);
        return entry;
    }
}
