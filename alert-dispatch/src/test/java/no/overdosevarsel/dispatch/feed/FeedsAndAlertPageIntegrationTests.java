package no.overdosevarsel.dispatch.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import no.overdosevarsel.contracts.EventJson;
import no.overdosevarsel.contracts.Topics;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.testinfra.RealInfrastructure;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Feeds and the alert page end to end: an alert published on Kafka is stored, and after the commit the in-memory view
 * is rebuilt; the public endpoints then serve it through the real security filter chain.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "overdosevarsel.sms.provider=local",
            "overdosevarsel.email.provider=local",
            "overdosevarsel.links.public-base-url=https://varsel.example.no"
        })
@RealInfrastructure
class FeedsAndAlertPageIntegrationTests {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Value("${spring.kafka.bootstrap-servers}")
    String bootstrapServers;

    @LocalServerPort
    int port;

    KafkaProducer<String, byte[]> producer;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connect() {
        producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(),
                new ByteArraySerializer());
    }

    @AfterEach
    void disconnect() {
        producer.close(Duration.ofSeconds(5));
    }

    @Test
    void publishedAlertAppearsInEveryFeedFormatAndOnItsPageWithItsTextEscaped() throws Exception {
        AlertInfo tricky = new AlertInfo(
                "nb",
                "Fentanyl",
                "Falske oxycodon & <script>alert(1)</script> i Tromsø " + UUID.randomUUID(),
                "Blå piller «M 30» & <b>fet</b>",
                List.of("Ikke bruk alene", "Ha nalokson tilgjengelig"),
                null);
        AlertEvent alert = alert(List.of(tricky), "5501");
        publish(alert);

        await().atMost(WAIT).untilAsserted(() -> assertThat(titles("NO-55")).contains(tricky.headline()));

        HttpResponse<byte[]> rss = get("/feeds/5501.rss");
        Schemas.assertValidRss(rss.body());
        assertThat(rss.headers().firstValue("Content-Type")).hasValue("application/rss+xml;charset=UTF-8");
        HttpResponse<byte[]> atom = get("/feeds/NO.atom");
        Schemas.assertValidAtom(atom.body());
        assertThat(atom.headers().firstValue("Content-Type")).hasValue("application/atom+xml;charset=UTF-8");
        assertThat(text(atom)).contains("urn:uuid:" + alert.alertId()).doesNotContain("<script");
        HttpResponse<byte[]> index = get("/feeds/NO-55.cap.atom");
        Schemas.assertValidAtom(index.body());
        assertThat(text(index))
                .contains("href=\"https://varsel.example.no/cap/" + alert.alertId() + "/1.xml\"")
                .contains("type=\"application/cap+xml\"");

        HttpResponse<byte[]> page = get("/varsel/" + alert.alertId());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(text(page)).doesNotContain("<script").doesNotContain("<b>");
        Document html = Jsoup.parse(text(page));
        assertThat(html.select("h1").text()).isEqualTo(tricky.headline());
        assertThat(html.select("#advice ~ ul li").eachText())
                .containsExactly("Ikke bruk alene", "Ha nalokson tilgjengelig");
        assertThat(titles("NO-46")).doesNotContain(tricky.headline());
    }

    @Test
    void cancellationReplacesTheAlertInTheFeedMarkedAsCancelled() throws Exception {
        AlertEvent alert = alert(List.of(info("Nitazener i Tromsø " + UUID.randomUUID())), "5501");
        publish(alert);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(titles("5501")).contains(alert.primary().headline()));

        publish(cancel(alert));

        await().atMost(WAIT)
                .untilAsserted(() -> assertThat(titles("5501"))
                        .contains("AVLYST: " + alert.primary().headline())
                        .doesNotContain(alert.primary().headline()));
        List<SyndEntry> entries = feed("5501").getEntries().stream()
                .filter(e -> e.getTitle().endsWith(alert.primary().headline()))
                .toList();
        assertThat(entries).singleElement().extracting(SyndEntry::getUri).isEqualTo("urn:uuid:" + alert.alertId());
        Document html = Jsoup.parse(text(get("/varsel/" + alert.alertId())));
        assertThat(html.select(".status").text()).isEqualTo("Avlyst – varselet gjelder ikke lenger");
    }

    @Test
    void conditionalRequestsAreAnsweredNotModifiedWithTheCacheHeadersIntact() throws Exception {
        AlertEvent alert = alert(List.of(info("Nitazener i Bodø " + UUID.randomUUID())), "1804");
        publish(alert);
        await().atMost(WAIT)
                .untilAsserted(() ->
                        assertThat(titles("1804")).contains(alert.primary().headline()));

        HttpResponse<byte[]> first = get("/feeds/1804.atom");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertThat(first.headers().firstValue("Cache-Control")).hasValue("max-age=60, public");

        HttpResponse<byte[]> byEtag = get("/feeds/1804.atom", "If-None-Match", etag);
        HttpResponse<byte[]> byDate = get("/feeds/1804.atom", "If-Modified-Since", lastModified);

        assertThat(byEtag.statusCode()).isEqualTo(304);
        assertThat(byEtag.body()).isEmpty();
        assertThat(byEtag.headers().firstValue("ETag")).hasValue(etag);
        assertThat(byDate.statusCode()).isEqualTo(304);
        String pageEtag =
                get("/varsel/" + alert.alertId()).headers().firstValue("ETag").orElseThrow();
        assertThat(get("/varsel/" + alert.alertId(), "If-None-Match", pageEtag).statusCode())
                .isEqualTo(304);
    }

    @Test
    void unknownAlertGetsA404PageAndUnknownRegionA404Problem() throws Exception {
        HttpResponse<byte[]> page = get("/varsel/" + UUID.randomUUID());
        HttpResponse<byte[]> feed = get("/feeds/NO-99.atom");

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
        assertThat(Jsoup.parse(text(page)).select("h1").text()).isEqualTo("Fant ikke varselet");
        assertThat(feed.statusCode()).isEqualTo(404);
        assertThat(feed.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    private void publish(AlertEvent alert) throws Exception {
        producer.send(new ProducerRecord<>(Topics.ALERTS, alert.alertId().toString(), EventJson.write(alert)))
                .get(10, TimeUnit.SECONDS);
    }

    private static AlertInfo info(String headline) {
        return new AlertInfo(
                "nb", "Nitazener", headline, "Brunt pulver.", List.of("Ikke bruk alene"), "Legevakt 116 117");
    }

    private static AlertEvent alert(List<AlertInfo> info, String... regions) {
        Instant now = Instant.now();
        return FeedFixtures.withExpiry(
                FeedFixtures.alert(UUID.randomUUID(), info, regions), now.plus(Duration.ofDays(3)));
    }

    private static AlertEvent cancel(AlertEvent alert) {
        return FeedFixtures.next(alert, MsgType.Cancel, Instant.now(), alert.info());
    }

    private List<String> titles(String region) throws Exception {
        return feed(region).getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private SyndFeed feed(String region) throws Exception {
        return new SyndFeedInput().build(new StringReader(text(get("/feeds/" + region + ".rss"))));
    }

    private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
