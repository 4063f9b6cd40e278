package no.overdosevarsel.dispatch.feed;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.region.RegionLevel;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;
import org.springframework.context.MessageSource;
import org.springframework.web.util.HtmlUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Renders a region's alerts as RSS 2.0, Atom 1.0 and an Atom index of CAP documents, with Rome. Text is bokmål (each
 * alert's primary text). All alert text is plain text: it is XML-escaped by the writer everywhere, and in the RSS
 * description, which readers take as HTML, it is HTML-escaped as well so that "&lt;script&gt;" shows as text.
 */
final class FeedRenderer {

    static final Locale BOKMAL = Locale.forLanguageTag("nb");

    private static final Namespace ATOM = Namespace.getNamespace("atom", "http://www.w3.org/2005/Atom");
    private static final String ID_AUTHORITY = "tag:overdosevarsel.no,2026:";

    private final MessageSource messages;
    private final RegionCatalogue regions;
    private final PublicLinks links;

    FeedRenderer(MessageSource messages, RegionCatalogue regions, PublicLinks links) {
        this.messages = messages;
        this.regions = regions;
        this.links = links;
    }

    Rendering rss(Region region, List<PublishedAlert> alerts, Instant updatedIfEmpty) {
        String name = regionName(region);
        Instant updated = updated(alerts, updatedIfEmpty);
        Channel channel = new Channel("rss_2.0");
        channel.setEncoding(StandardCharsets.UTF_8.name());
        channel.setTitle(message("feed.title", name));
        channel.setDescription(message("feed.description", name));
        channel.setLink(links.publicBaseUrl().toString());
        channel.setLanguage("nb");
        channel.setPubDate(Date.from(updated));
        channel.setLastBuildDate(Date.from(updated));
        Element self = new Element("link", ATOM);
        self.setAttribute("href", links.feed(region.code(), "rss"));
        self.setAttribute("rel", "self");
        self.setAttribute("type", "application/rss+xml");
        channel.setForeignMarkup(new ArrayList<>(List.of(self)));
        List<Item> items = new ArrayList<>();
        for (PublishedAlert alert : alerts) {
            AlertEvent current = alert.current();
            Item item = new Item();
            item.setTitle(title(alert));
            item.setLink(links.alertPage(current.alertId()));
            Guid guid = new Guid();
            guid.setValue(entryId(current.alertId()));
            guid.setPermaLink(false);
            item.setGuid(guid);
            item.setPubDate(Date.from(current.sent()));
            Description description = new Description();
            description.setType("text/html");
            description.setValue(html(alert));
            item.setDescription(description);
            items.add(item);
        }
        channel.setItems(items);
        return Rendering.of(write(channel), Rendering.RSS, updated);
    }

    Rendering atom(Region region, List<PublishedAlert> alerts, Instant updatedIfEmpty) {
        String name = regionName(region);
        Instant updated = updated(alerts, updatedIfEmpty);
        Feed feed = feed("feeds:" + region.code(), message("feed.title", name), message("feed.description", name));
        feed.setUpdated(Date.from(updated));
        feed.setOtherLinks(
                new ArrayList<>(List.of(link("self", "application/atom+xml", links.feed(region.code(), "atom")))));
        List<Entry> entries = new ArrayList<>();
        for (PublishedAlert alert : alerts) {
            AlertEvent current = alert.current();
            Entry entry = entry(alert, alert.changedAt());
            entry.setAlternateLinks(new ArrayList<>(List.of(
                    link("alternate", "text/html", links.alertPage(current.alertId())),
                    link("alternate", "application/cap+xml", capUrl(current)))));
            entry.setSummary(text(plainText(alert)));
            entries.add(entry);
        }
        feed.setEntries(entries);
        return Rendering.of(write(feed), Rendering.ATOM, updated);
    }

    /** What alert hubs read: one entry per alert, linking to the CAP document of its current version. */
    Rendering capIndex(Region region, List<PublishedAlert> alerts, Instant updatedIfEmpty) {
        String name = regionName(region);
        Instant updated = alerts.stream()
                .map(a -> a.current().sent())
                .max(Comparator.naturalOrder())
                .orElse(updatedIfEmpty);
        Feed feed = feed("cap:" + region.code(), message("feed.capTitle", name), message("feed.capDescription", name));
        feed.setUpdated(Date.from(updated));
        feed.setOtherLinks(
                new ArrayList<>(List.of(link("self", "application/atom+xml", links.feed(region.code(), "cap.atom")))));
        List<Entry> entries = new ArrayList<>();
        for (PublishedAlert alert : alerts) {
            AlertEvent current = alert.current();
            Entry entry = entry(alert, current.sent());
            entry.setAlternateLinks(
                    new ArrayList<>(List.of(link("alternate", "application/cap+xml", capUrl(current)))));
            entry.setOtherLinks(
                    new ArrayList<>(List.of(link("related", "text/html", links.alertPage(current.alertId())))));
            entry.setSummary(text(clean(current.primary().headline())));
            entries.add(entry);
        }
        feed.setEntries(entries);
        return Rendering.of(write(feed), Rendering.ATOM, updated);
    }

    /** The headline, marked when the alert was updated, cancelled or has expired: "AVLYST: …". */
    String title(PublishedAlert alert) {
        AlertEvent current = alert.current();
        String headline = clean(current.primary().headline().strip());
        String prefix = switch (alert.state()) {
            case CANCELLED -> message("feed.prefix.Cancel");
            case EXPIRED -> message("feed.prefix.expired");
            case ACTIVE -> current.msgType() == MsgType.Update ? message("feed.prefix.Update") : null;
        };
        return prefix == null ? headline : prefix + ": " + headline;
    }

    /** Description, advice, regions and validity as plain text, for Atom summaries. */
    String plainText(PublishedAlert alert) {
        AlertEvent current = alert.current();
        AlertInfo info = current.primary();
        StringBuilder text = new StringBuilder(clean(info.description().strip()));
        if (!info.instruction().isEmpty()) {
            text.append("\n\n").append(message("feed.advice")).append(':');
            info.instruction().forEach(line -> text.append("\n- ").append(clean(line.strip())));
        }
        text.append("\n\n").append(message("feed.regions")).append(": ").append(places(current));
        text.append('\n').append(message("feed.valid")).append(": ").append(validity(current));
        return text.toString();
    }

    /** The same as {@link #plainText} as HTML for RSS readers, every piece of alert text HTML-escaped. */
    String html(PublishedAlert alert) {
        AlertEvent current = alert.current();
        AlertInfo info = current.primary();
        StringBuilder html = new StringBuilder("<p>")
                .append(escape(clean(info.description().strip())).replace("\n", "<br>"))
                .append("</p>");
        if (!info.instruction().isEmpty()) {
            html.append("<p><strong>").append(escape(message("feed.advice"))).append("</strong></p><ul>");
            info.instruction()
                    .forEach(line -> html.append("<li>")
                            .append(escape(clean(line.strip())))
                            .append("</li>"));
            html.append("</ul>");
        }
        html.append("<p>")
                .append(escape(message("feed.regions")))
                .append(": ")
                .append(escape(places(current)))
                .append("<br>")
                .append(escape(message("feed.valid")))
                .append(": ")
                .append(escape(validity(current)))
                .append("</p>");
        return html.toString();
    }

    String capUrl(AlertEvent version) {
        return UriComponentsBuilder.fromUri(links.publicBaseUrl())
                .path("/cap/{id}/{version}.xml")
                .buildAndExpand(version.alertId(), version.version())
                .toUriString();
    }

    static String entryId(UUID alertId) {
        return "urn:uuid:" + alertId;
    }

    private Feed feed(String id, String title, String subtitle) {
        Feed feed = new Feed("atom_1.0");
        feed.setEncoding(StandardCharsets.UTF_8.name());
        feed.setId(ID_AUTHORITY + id);
        feed.setTitleEx(text(title));
        feed.setSubtitle(text(subtitle));
        feed.setLanguage("nb");
        feed.setAlternateLinks(new ArrayList<>(
                List.of(link("alternate", "text/html", links.publicBaseUrl().toString()))));
        Person author = new Person();
        author.setName(message("feed.author"));
        author.setUri(links.publicBaseUrl().toString());
        feed.setAuthors(new ArrayList<SyndPerson>(List.of(author)));
        return feed;
    }

    private Entry entry(PublishedAlert alert, Instant updated) {
        Entry entry = new Entry();
        entry.setId(entryId(alert.alertId()));
        entry.setTitleEx(text(title(alert)));
        entry.setUpdated(Date.from(updated));
        entry.setPublished(Date.from(alert.versions().getFirst().sent()));
        return entry;
    }

    private String places(AlertEvent alert) {
        return String.join(
                ", ",
                alert.regions().stream()
                        .map(code -> regions.find(code).map(Region::name).orElse(code))
                        .toList());
    }

    private String validity(AlertEvent alert) {
        return OsloTime.format(alert.effective(), BOKMAL) + " – " + OsloTime.format(alert.expires(), BOKMAL) + " ("
                + message("feed.timeZone") + ")";
    }

    private String regionName(Region region) {
        return region.level() == RegionLevel.NATIONAL ? message("feed.regionNational") : region.name();
    }

    private static Instant updated(List<PublishedAlert> alerts, Instant ifEmpty) {
        return alerts.stream()
                .map(PublishedAlert::changedAt)
                .max(Comparator.naturalOrder())
                .orElse(ifEmpty);
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }

    private static String clean(String text) {
        return XmlText.clean(text);
    }

    /** Escapes only what HTML needs (&lt; &gt; &amp; quotes): æøå stay as they are in a UTF-8 document. */
    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, StandardCharsets.UTF_8.name());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, BOKMAL);
    }

    private static byte[] write(WireFeed feed) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            Document document = new WireFeedOutput().outputJDom(feed);
            if (feed instanceof Feed atom && atom.getLanguage() != null) {
                // Rome leaves an Atom feed's language out; xml:lang on the root is where Atom carries it.
                document.getRootElement().setAttribute("lang", atom.getLanguage(), Namespace.XML_NAMESPACE);
            }
            new XMLOutputter(Format.getPrettyFormat().setEncoding(StandardCharsets.UTF_8.name()))
                    .output(document, writer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FeedException e) {
            throw new IllegalStateException("Feed could not be written: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }
}
