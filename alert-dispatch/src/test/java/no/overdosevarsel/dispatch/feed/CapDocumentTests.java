package no.overdosevarsel.dispatch.feed;

import static no.overdosevarsel.dispatch.feed.FeedFixtures.LINKS;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.NOW;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_DESCRIPTION;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_HEADLINE;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.alert;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.bokmal;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.english;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.next;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

class CapDocumentTests {

    static final String CAP = "urn:oasis:names:tc:emergency:cap:1.2";
    static final String CAP_TIME = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d[+-]\\d\\d:\\d\\d";

    final CapDocumentWriter writer = new CapDocumentWriter(FeedFixtures.messages(), RegionCatalogue.norway(), LINKS);

    @Test
    void firstVersionIsAValidCapAlertWithHealthInfoAndAnAreaPerRegion() {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");

        byte[] xml = writer.write(published(alert), alert).body();

        Schemas.assertValidCap(xml);
        Element root = Schemas.dom(xml).getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo(CAP);
        assertThat(root.getLocalName()).isEqualTo("alert");
        assertThat(text(root, "identifier")).isEqualTo("overdosevarsel." + alert.alertId() + ".1");
        assertThat(text(root, "sender")).isEqualTo("koordinator@oslo.kommune.no");
        assertThat(text(root, "sent")).matches(CAP_TIME).isEqualTo("2026-11-27T13:00:00+01:00");
        assertThat(text(root, "status")).isEqualTo("Actual");
        assertThat(text(root, "msgType")).isEqualTo("Alert");
        assertThat(text(root, "scope")).isEqualTo("Public");
        assertThat(all(root, "references")).isEmpty();
        Element info = (Element) root.getElementsByTagNameNS(CAP, "info").item(0);
        assertThat(text(info, "language")).isEqualTo("nb");
        assertThat(text(info, "category")).isEqualTo("Health");
        assertThat(text(info, "event")).isEqualTo("Nitazener i heroin");
        assertThat(text(info, "urgency")).isEqualTo("Immediate");
        assertThat(text(info, "severity")).isEqualTo("Severe");
        assertThat(text(info, "certainty")).isEqualTo("Observed");
        assertThat(text(info, "effective")).isEqualTo("2026-11-27T13:00:00+01:00");
        assertThat(text(info, "expires")).isEqualTo("2026-12-11T13:00:00+01:00");
        assertThat(text(info, "senderName")).isEqualTo("Overdosevarsel");
        assertThat(text(info, "headline")).isEqualTo("Nitazener solgt som heroin");
        assertThat(text(info, "instruction"))
                .isEqualTo("Ikke bruk alene\nHa nalokson tilgjengelig\nTest en liten dose først");
        assertThat(text(info, "web")).isEqualTo("https://varsel.example.no/varsel/" + alert.alertId());
        assertThat(text(info, "contact")).isEqualTo("Oslo kommune, 21 80 21 80");
        Element area = (Element) info.getElementsByTagNameNS(CAP, "area").item(0);
        assertThat(text(area, "areaDesc")).isEqualTo("Oslo");
        assertThat(text(area, "valueName")).isEqualTo("kommunenummer");
        assertThat(text(area, "value")).isEqualTo("0301");
    }

    @Test
    void timesInSummerCarryTheSummerOffsetAndNoFractionalSeconds() {
        assertThat(CapDocumentWriter.dateTime(java.time.Instant.parse("2026-07-01T10:15:30.123456Z")))
                .isEqualTo("2026-07-01T12:15:30+02:00");
    }

    @Test
    void updateIsAValidCapUpdateReferencingTheVersionItReplaces() {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        AlertEvent update =
                next(first, MsgType.Update, NOW.plus(Duration.ofMinutes(30)), List.of(bokmal("Nå også i tabletter")));

        byte[] xml = writer.write(published(first, update), update).body();

        Schemas.assertValidCap(xml);
        Element root = Schemas.dom(xml).getDocumentElement();
        assertThat(text(root, "identifier")).isEqualTo("overdosevarsel." + first.alertId() + ".2");
        assertThat(text(root, "msgType")).isEqualTo("Update");
        assertThat(text(root, "references"))
                .isEqualTo("koordinator@oslo.kommune.no,overdosevarsel." + first.alertId()
                        + ".1,2026-11-27T13:00:00+01:00");
    }

    @Test
    void cancelIsAValidCapCancelReferencingEveryEarlierVersion() {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        AlertEvent update =
                next(first, MsgType.Update, NOW.plus(Duration.ofMinutes(30)), List.of(bokmal("Nå også i tabletter")));
        AlertEvent cancel =
                withoutReferences(next(update, MsgType.Cancel, NOW.plus(Duration.ofHours(2)), update.info()));

        byte[] xml = writer.write(published(first, update, cancel), cancel).body();

        Schemas.assertValidCap(xml);
        Element root = Schemas.dom(xml).getDocumentElement();
        assertThat(text(root, "msgType")).isEqualTo("Cancel");
        assertThat(text(root, "sender")).isEqualTo("godkjenner@oslo.kommune.no");
        assertThat(text(root, "references").split(" "))
                .containsExactly(
                        "koordinator@oslo.kommune.no,overdosevarsel." + first.alertId()
                                + ".1,2026-11-27T13:00:00+01:00",
                        "koordinator@oslo.kommune.no,overdosevarsel." + first.alertId()
                                + ".2,2026-11-27T14:30:00+01:00");
    }

    @Test
    void markupAmpersandsAndNorwegianLettersSurviveADomParseAsTheSameText() {
        AlertInfo tricky = new AlertInfo(
                "nb",
                "Fentanyl & co",
                TRICKY_HEADLINE,
                TRICKY_DESCRIPTION,
                List.of("<b>Ikke</b> bruk alene & æøå"),
                null);
        AlertEvent alert = alert(UUID.randomUUID(), List.of(tricky), "0301");

        byte[] xml = writer.write(published(alert), alert).body();

        Schemas.assertValidCap(xml);
        assertThat(new String(xml, java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .contains("&lt;script>")
                .contains("Tromsø, Bærum og Ås");
        Document dom = Schemas.dom(xml);
        assertThat(dom.getElementsByTagNameNS(CAP, "script").getLength()).isZero();
        Element info = (Element) dom.getElementsByTagNameNS(CAP, "info").item(0);
        assertThat(text(info, "event")).isEqualTo("Fentanyl & co");
        assertThat(text(info, "headline")).isEqualTo(TRICKY_HEADLINE);
        assertThat(text(info, "description")).isEqualTo(TRICKY_DESCRIPTION);
        assertThat(text(info, "instruction")).isEqualTo("<b>Ikke</b> bruk alene & æøå");
    }

    @Test
    void eachLanguageGetsAnInfoBlockOfItsOwn() {
        AlertEvent alert =
                alert(UUID.randomUUID(), List.of(bokmal("Nitazener i heroin"), english("Nitazenes in heroin")), "0301");

        byte[] xml = writer.write(published(alert), alert).body();

        Schemas.assertValidCap(xml);
        List<Element> infos = all(Schemas.dom(xml).getDocumentElement(), "info");
        assertThat(infos).extracting(i -> text(i, "language")).containsExactly("nb", "en");
        assertThat(text(infos.get(1), "headline")).isEqualTo("Nitazenes in heroin");
        assertThat(text(infos.get(1), "senderName")).isEqualTo("Overdosevarsel (Norwegian overdose alerts)");
        assertThat(text(infos.get(1), "web"))
                .isEqualTo("https://varsel.example.no/varsel/" + alert.alertId() + "?lang=en");
    }

    @Test
    void countyAndNationalAreasCarryTheirGeocodes() {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener", "NO", "NO-46");

        byte[] xml = writer.write(published(alert), alert).body();

        Schemas.assertValidCap(xml);
        List<Element> areas = all(Schemas.dom(xml).getDocumentElement(), "area");
        assertThat(areas).extracting(a -> text(a, "areaDesc")).containsExactly("Norge", "Vestland");
        assertThat(geocodes(areas.get(0))).containsExactly("ISO3166-1=NO");
        assertThat(geocodes(areas.get(1))).containsExactly("ISO3166-2=NO-46", "fylkesnummer=46");
    }

    @Test
    void onlyAnHttpWebLinkBecomesAResource() {
        AlertEvent linked = alert(UUID.randomUUID(), "Nitazener", "0301");
        AlertEvent script = FeedFixtures.withWeb(linked, "javascript:alert(1)");

        byte[] withLink = writer.write(published(linked), linked).body();
        byte[] withScript = writer.write(published(script), script).body();

        Schemas.assertValidCap(withLink);
        Schemas.assertValidCap(withScript);
        assertThat(text(Schemas.dom(withLink).getDocumentElement(), "uri"))
                .isEqualTo("https://rusinfo.example.no/nitazener");
        assertThat(all(Schemas.dom(withScript).getDocumentElement(), "resource"))
                .isEmpty();
    }

    private static AlertEvent withoutReferences(AlertEvent a) {
        return new AlertEvent(
                a.schemaVersion(),
                a.alertId(),
                a.version(),
                a.msgType(),
                a.status(),
                a.sender(),
                a.sent(),
                a.severity(),
                a.urgency(),
                a.certainty(),
                a.substances(),
                a.evidenceSource(),
                a.effective(),
                a.expires(),
                a.regions(),
                a.info(),
                a.web(),
                List.of());
    }

    private static List<String> geocodes(Element area) {
        return all(area, "geocode").stream()
                .map(g -> text(g, "valueName") + "=" + text(g, "value"))
                .toList();
    }

    private static String text(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(CAP, name);
        assertThat(found.getLength())
                .as("<%s> in <%s>", name, parent.getLocalName())
                .isPositive();
        return found.item(0).getTextContent();
    }

    private static List<Element> all(Element parent, String name) {
        NodeList found = parent.getElementsByTagNameNS(CAP, name);
        List<Element> elements = new ArrayList<>();
        for (int i = 0; i < found.getLength(); i++) {
            Node node = found.item(i);
            elements.add((Element) node);
        }
        return elements;
    }
}
