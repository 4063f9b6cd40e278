package no.overdosevarsel.dispatch.feed;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.Region;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.springframework.context.MessageSource;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One alert version as an OASIS CAP 1.2 document, written with StAX so that every value is escaped by the XML writer.
 *
 * <p>Identifiers: {@code overdosevarsel.<alertId>.<version>}, e.g. {@code
 * overdosevarsel.6f1c…-….3} — stable, one per published version, free of the spaces, commas, {@code <} and {@code &}
 * that CAP forbids, and readable back to the alert and version. (A {@code urn:uuid:} prefix would suggest an RFC 9562
 * UUID URN, which {@code <uuid>:<version>} is not.) Times are Norwegian local time with their offset and no fractional
 * seconds ({@code 2026-11-27T14:00:00+01:00}); CAP forbids "Z".
 */
final class CapDocumentWriter {

    static final String NAMESPACE = "urn:oasis:names:tc:emergency:cap:1.2";

    private static final String IDENTIFIER_PREFIX = "overdosevarsel.";
    private static final DateTimeFormatter CAP_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx", Locale.ROOT).withZone(OsloTime.ZONE);
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final MessageSource messages;
    private final RegionCatalogue regions;
    private final PublicLinks links;

    CapDocumentWriter(MessageSource messages, RegionCatalogue regions, PublicLinks links) {
        this.messages = messages;
        this.regions = regions;
        this.links = links;
    }

    static String identifier(UUID alertId, int version) {
        return IDENTIFIER_PREFIX + alertId + "." + version;
    }

    static String dateTime(Instant when) {
        return CAP_TIME.format(when.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The CAP document of one version of the alert; earlier versions supply the references of an update or cancel. */
    Rendering write(PublishedAlert alert, AlertEvent version) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            Writer xml = new Writer(XML.createXMLStreamWriter(out, StandardCharsets.UTF_8.name()));
            xml.start("alert");
            xml.value("identifier", identifier(version.alertId(), version.version()));
            xml.value("sender", version.sender().strip());
            xml.value("sent", dateTime(version.sent()));
            xml.value("status", version.status().name());
            xml.value("msgType", version.msgType().name());
            xml.value("scope", "Public");
            String references = references(alert, version);
            if (!references.isEmpty()) {
                xml.value("references", references);
            }
            for (AlertInfo info : version.info()) {
                info(xml, version, info);
            }
            xml.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("CAP document could not be written", e);
        }
        return Rendering.of(out.toByteArray(), Rendering.CAP, version.sent());
    }

    /**
     * "sender,identifier,sent" of each version this one replaces, as CAP wants them: the versions the event names, or
     * every earlier one if an update or cancel names none.
     */
    String references(PublishedAlert alert, AlertEvent version) {
        if (version.msgType() == MsgType.Alert) {
            return "";
        }
        List<AlertEvent> referenced = new ArrayList<>();
        for (int number : version.references()) {
            alert.version(number).filter(v -> v.version() < version.version()).ifPresent(referenced::add);
        }
        if (referenced.isEmpty()) {
            alert.versions().stream()
                    .filter(v -> v.version() < version.version())
                    .forEach(referenced::add);
        }
        return referenced.stream()
                .distinct()
                .map(v -> v.sender().strip() + "," + identifier(v.alertId(), v.version()) + "," + dateTime(v.sent()))
                .collect(Collectors.joining(" "));
    }

    private void info(Writer xml, AlertEvent version, AlertInfo info) throws XMLStreamException {
        Locale locale = Locale.forLanguageTag(info.language());
        xml.start("info");
        xml.value("language", info.language());
        xml.value("category", "Health");
        xml.value("event", info.event());
        xml.value("urgency", version.urgency().name());
        xml.value("severity", version.severity().name());
        xml.value("certainty", version.certainty().name());
        xml.value("effective", dateTime(version.effective()));
        xml.value("expires", dateTime(version.expires()));
        xml.value("senderName", messages.getMessage("cap.senderName", null, locale));
        xml.value("headline", info.headline().strip());
        xml.value("description", info.description().strip());
        if (!info.instruction().isEmpty()) {
            xml.value(
                    "instruction",
                    info.instruction().stream().map(String::strip).collect(Collectors.joining("\n")));
        }
        xml.value("web", page(version.alertId(), info.language()));
        if (info.contact() != null && !info.contact().isBlank()) {
            xml.value("contact", info.contact().strip());
        }
        for (String substance : version.substances()) {
            xml.pair("parameter", "substance", substance);
        }
        xml.pair("parameter", "evidenceSource", version.evidenceSource().name());
        Optional<String> web = PublishedAlert.httpLink(version.web());
        if (web.isPresent()) {
            xml.start("resource");
            xml.value("resourceDesc", messages.getMessage("cap.moreInformation", null, locale));
            xml.value("mimeType", "text/html");
            xml.value("uri", web.get());
            xml.end();
        }
        for (String code : version.regions()) {
            area(xml, code);
        }
        xml.end();
    }

    private void area(Writer xml, String code) throws XMLStreamException {
        Optional<Region> found = regions.find(code);
        xml.start("area");
        xml.value("areaDesc", found.map(Region::name).orElse(code));
        if (found.isPresent()) {
            Region region = found.get();
            switch (region.level()) {
                case NATIONAL -> xml.pair("geocode", "ISO3166-1", region.code());
                case COUNTY -> {
                    xml.pair("geocode", "ISO3166-2", region.code());
                    xml.pair("geocode", "fylkesnummer", region.code().substring("NO-".length()));
                }
                case MUNICIPALITY -> xml.pair("geocode", "kommunenummer", region.code());
            }
        }
        xml.end();
    }

    private String page(UUID alertId, String language) {
        UriComponentsBuilder page =
                UriComponentsBuilder.fromUri(links.publicBaseUrl()).path("/varsel/{id}");
        if (language.toLowerCase(Locale.ROOT).startsWith("en")) {
            page.queryParam("lang", "en");
        }
        return page.buildAndExpand(alertId).toUriString();
    }

    /** An indenting writer of CAP elements; every text value passes through {@link XmlText#clean}. */
    private static final class Writer {

        private final XMLStreamWriter out;
        private int depth;

        Writer(XMLStreamWriter out) throws XMLStreamException {
            this.out = out;
            out.writeStartDocument(StandardCharsets.UTF_8.name(), "1.0");
            out.setDefaultNamespace(NAMESPACE);
        }

        void start(String name) throws XMLStreamException {
            indent();
            out.writeStartElement(NAMESPACE, name);
            if (depth == 0) {
                out.writeDefaultNamespace(NAMESPACE);
            }
            depth++;
        }

        void end() throws XMLStreamException {
            depth--;
            indent();
            out.writeEndElement();
        }

        void value(String name, String text) throws XMLStreamException {
            indent();
            out.writeStartElement(NAMESPACE, name);
            out.writeCharacters(XmlText.clean(text));
            out.writeEndElement();
        }

        void pair(String name, String valueName, String value) throws XMLStreamException {
            start(name);
            value("valueName", valueName);
            value("value", value);
            end();
        }

        void finish() throws XMLStreamException {
            end();
            out.writeCharacters("\n");
            out.writeEndDocument();
            out.flush();
            out.close();
        }

        private void indent() throws XMLStreamException {
            out.writeCharacters("\n" + "  ".repeat(depth));
        }
    }
}
