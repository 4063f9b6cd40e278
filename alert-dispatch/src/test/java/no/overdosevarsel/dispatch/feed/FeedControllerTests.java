package no.overdosevarsel.dispatch.feed;

import static no.overdosevarsel.dispatch.feed.FeedFixtures.NOW;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.alert;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.bokmal;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.platform.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

class FeedControllerTests {

    final FeedFixtures.MovableClock clock = new FeedFixtures.MovableClock(NOW);
    final FeedFixtures.Store store = new FeedFixtures.Store(clock);
    final MockMvc http = MockMvcBuilders.standaloneSetup(new FeedController(
                    store.published(), new FeedProperties(Duration.ofDays(7), 200, Duration.ofSeconds(60))))
            .setControllerAdvice(new NotFoundAdvice())
            .build();

    @Test
    void feedsAreServedWithTheirContentTypesValidatorsAndPublicCaching() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener", "0301"));

        for (String path : List.of("/feeds/0301.rss", "/feeds/NO-03.atom", "/feeds/NO.cap.atom")) {
            MockHttpServletResponse response = get(path, HttpHeaders.EMPTY);
            assertThat(response.getStatus()).as(path).isEqualTo(200);
            assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60, public");
            assertThat(response.getHeader(HttpHeaders.ETAG)).matches("\"[0-9a-f]{32}\"");
            assertThat(response.getHeader(HttpHeaders.LAST_MODIFIED)).isEqualTo("Fri, 27 Nov 2026 12:00:00 GMT");
        }
        assertThat(get("/feeds/0301.rss", HttpHeaders.EMPTY).getContentType())
                .isEqualTo("application/rss+xml;charset=UTF-8");
        assertThat(get("/feeds/NO-03.atom", HttpHeaders.EMPTY).getContentType())
                .isEqualTo("application/atom+xml;charset=UTF-8");
        MockHttpServletResponse index = get("/feeds/NO.cap.atom", HttpHeaders.EMPTY);
        assertThat(index.getContentType()).isEqualTo("application/atom+xml;charset=UTF-8");
        assertThat(index.getContentAsString()).contains("tag:overdosevarsel.no,2026:cap:NO");
    }

    @Test
    void requestWithTheCurrentEtagIsAnsweredNotModified() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener", "0301"));
        String etag = get("/feeds/0301.rss", HttpHeaders.EMPTY).getHeader(HttpHeaders.ETAG);

        MockHttpServletResponse again = get("/feeds/0301.rss", headers(HttpHeaders.IF_NONE_MATCH, etag));

        assertThat(again.getStatus()).isEqualTo(304);
        assertThat(again.getContentAsByteArray()).isEmpty();
        assertThat(again.getHeader(HttpHeaders.ETAG)).isEqualTo(etag);
    }

    @Test
    void requestIfModifiedSinceTheLastChangeIsAnsweredNotModified() throws Exception {
        store.store(alert(UUID.randomUUID(), "Nitazener", "0301"));
        String lastModified = get("/feeds/0301.atom", HttpHeaders.EMPTY).getHeader(HttpHeaders.LAST_MODIFIED);
        String before = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME)
                        .minusMinutes(1));

        assertThat(get("/feeds/0301.atom", headers(HttpHeaders.IF_MODIFIED_SINCE, lastModified))
                        .getStatus())
                .isEqualTo(304);
        assertThat(get("/feeds/0301.atom", headers(HttpHeaders.IF_MODIFIED_SINCE, before))
                        .getStatus())
                .isEqualTo(200);
    }

    @Test
    void aNewVersionChangesTheEtagSoTheOldOneNoLongerMatches() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener", "0301");
        store.store(first);
        String etag = get("/feeds/0301.rss", HttpHeaders.EMPTY).getHeader(HttpHeaders.ETAG);

        store.store(next(first, MsgType.Update, NOW, List.of(bokmal("Nitazener også i tabletter"))));
        MockHttpServletResponse after = get("/feeds/0301.rss", headers(HttpHeaders.IF_NONE_MATCH, etag));

        assertThat(after.getStatus()).isEqualTo(200);
        assertThat(after.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);
        assertThat(after.getContentAsString()).contains("OPPDATERT: Nitazener også i tabletter");
    }

    @Test
    void capDocumentsAreServedForTheCurrentVersionAndForEachVersion() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener", "0301");
        store.store(first, next(first, MsgType.Cancel, NOW, first.info()));

        MockHttpServletResponse current = get("/cap/" + first.alertId() + ".xml", HttpHeaders.EMPTY);
        MockHttpServletResponse original = get("/cap/" + first.alertId() + "/1.xml", HttpHeaders.EMPTY);

        assertThat(current.getStatus()).isEqualTo(200);
        assertThat(current.getContentType()).isEqualTo("application/cap+xml;charset=UTF-8");
        assertThat(current.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60, public");
        assertThat(current.getContentAsString()).contains("<msgType>Cancel</msgType>");
        Schemas.assertValidCap(current.getContentAsByteArray());
        assertThat(original.getContentAsString()).contains("<msgType>Alert</msgType>");
        assertThat(get(
                                "/cap/" + first.alertId() + "/1.xml",
                                headers(HttpHeaders.IF_NONE_MATCH, original.getHeader(HttpHeaders.ETAG)))
                        .getStatus())
                .isEqualTo(304);
    }

    @Test
    void unknownRegionAlertOrVersionIsNotFound() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener", "0301");
        store.store(first);

        assertThat(get("/feeds/NO-99.atom", HttpHeaders.EMPTY).getStatus()).isEqualTo(404);
        assertThat(get("/feeds/NO-99.cap.atom", HttpHeaders.EMPTY).getStatus()).isEqualTo(404);
        assertThat(get("/cap/" + UUID.randomUUID() + ".xml", HttpHeaders.EMPTY).getStatus())
                .isEqualTo(404);
        assertThat(get("/cap/" + first.alertId() + "/2.xml", HttpHeaders.EMPTY).getStatus())
                .isEqualTo(404);
        assertThat(get("/cap/not-an-id.xml", HttpHeaders.EMPTY).getStatus()).isEqualTo(404);
        assertThat(get("/cap/" + first.alertId() + "/x.xml", HttpHeaders.EMPTY).getStatus())
                .isEqualTo(404);
    }

    private MockHttpServletResponse get(String path, HttpHeaders headers) throws Exception {
        return http.perform(MockMvcRequestBuilders.get(path).headers(headers))
                .andReturn()
                .getResponse();
    }

    private static HttpHeaders headers(String name, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(name, value);
        return headers;
    }

    /** Stands in for the platform's problem-details advice, which maps the same exception to the same status. */
    @RestControllerAdvice
    static class NotFoundAdvice {
        @ExceptionHandler(ProblemException.class)
        ResponseEntity<Void> problem(ProblemException e) {
            return ResponseEntity.status(e.status()).build();
        }
    }
}
