package no.overdosevarsel.dispatch.page;

import static no.overdosevarsel.dispatch.feed.FeedFixtures.NOW;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_DESCRIPTION;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.TRICKY_HEADLINE;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.alert;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.bokmal;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.english;
import static no.overdosevarsel.dispatch.feed.FeedFixtures.next;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.alert.AlertInfo;
import no.overdosevarsel.contracts.alert.MsgType;
import no.overdosevarsel.dispatch.feed.FeedFixtures;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class AlertPageTests {

    final FeedFixtures.MovableClock clock = new FeedFixtures.MovableClock(NOW);
    final FeedFixtures.Store store = new FeedFixtures.Store(clock);
    final MockMvc http = MockMvcBuilders.standaloneSetup(new AlertPageController(store.published(), renderer()))
            .setLocaleResolver(localeResolver())
            .build();

    @Test
    void pageShowsTheAlertWithItsAdviceRegionsValidityAndVersionInBokmal() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301", "NO-46");
        store.store(alert);

        MockHttpServletResponse response = page(alert.alertId(), null, null);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
        Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("nb");
        assertThat(html.select("h1")).singleElement().extracting(Element::text).isEqualTo("Nitazener solgt som heroin");
        assertThat(html.select(".status").text()).isEqualTo("Aktivt varsel");
        assertThat(html.select("#advice ~ ul li").eachText())
                .containsExactly("Ikke bruk alene", "Ha nalokson tilgjengelig", "Test en liten dose først");
        assertThat(facts(html))
                .contains(
                        "Type: Varsel",
                        "Hva: Nitazener i heroin",
                        "Alvorlighet: Alvorlig",
                        "Område: Oslo, Vestland",
                        "Gjelder: 27. november 2026 kl. 13:00 – 11. desember 2026 kl. 13:00 (norsk tid)",
                        "Versjon: 1, sendt 27. november 2026 kl. 13:00");
        assertThat(html.select("main p.text").first().text())
                .isEqualTo("Brunt pulver solgt som heroin inneholder protonitazen.");
        assertThat(html.select("a[href=https://rusinfo.example.no/nitazener]").text())
                .isEqualTo("Mer informasjon");
    }

    @Test
    void pageIsAccessibleWithOneHeadingOneSkipLinkAndFeedAutodiscovery() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener solgt som heroin", "0301");
        store.store(alert);

        Document html = Jsoup.parse(page(alert.alertId(), null, null).getContentAsString(StandardCharsets.UTF_8));

        assertThat(html.select("h1")).hasSize(1);
        assertThat(html.select("script")).isEmpty();
        Element skip = html.body().child(0);
        assertThat(skip.tagName()).isEqualTo("a");
        assertThat(skip.attr("href")).isEqualTo("#main");
        assertThat(html.select("main#main")).hasSize(1);
        assertThat(html.select("head link[rel=alternate][type=application/rss+xml]")
                        .eachAttr("href"))
                .containsExactly("https://varsel.example.no/feeds/0301.rss");
        assertThat(html.select("head link[rel=alternate][type=application/atom+xml]")
                        .eachAttr("href"))
                .containsExactly("https://varsel.example.no/feeds/0301.atom");
        assertThat(html.select("head link[rel=alternate][type=application/rss+xml]")
                        .attr("title"))
                .isEqualTo("Overdosevarsel – Oslo (RSS)");
        assertThat(html.select("main a[href=https://varsel.example.no/feeds/0301.rss]"))
                .hasSize(1);
        assertThat(html.select("main a[href=https://varsel.example.no/cap/" + alert.alertId() + "/1.xml]"))
                .hasSize(1);
    }

    @Test
    void alertTextIsShownAsTextAndNeverAsMarkup() throws Exception {
        AlertInfo tricky = new AlertInfo(
                "nb", "Fentanyl", TRICKY_HEADLINE, TRICKY_DESCRIPTION, List.of("<b>Ikke</b> bruk alene"), "<i>x</i>");
        AlertEvent alert =
                FeedFixtures.withWeb(alert(UUID.randomUUID(), List.of(tricky), "0301"), "javascript:alert(1)");
        store.store(alert);

        String body = page(alert.alertId(), null, null).getContentAsString(StandardCharsets.UTF_8);

        assertThat(body)
                .doesNotContain("<script")
                .doesNotContain("<b>")
                .doesNotContain("<i>")
                .doesNotContain("javascript:");
        assertThat(body).contains("&lt;script&gt;").contains("Tromsø, Bærum og Ås");
        Document html = Jsoup.parse(body);
        assertThat(html.select("h1").text()).isEqualTo(TRICKY_HEADLINE);
        assertThat(html.select("#advice ~ ul li").eachText()).containsExactly("<b>Ikke</b> bruk alene");
        assertThat(html.select("title").text()).startsWith(TRICKY_HEADLINE);
    }

    @Test
    void englishIsChosenWithLangParameterAndUsesTheEnglishText() throws Exception {
        AlertEvent alert =
                alert(UUID.randomUUID(), List.of(bokmal("Nitazener i heroin"), english("Nitazenes in heroin")), "0301");
        store.store(alert);

        Document html = Jsoup.parse(page(alert.alertId(), "en", null).getContentAsString(StandardCharsets.UTF_8));

        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("h1").text()).isEqualTo("Nitazenes in heroin");
        assertThat(html.select("h1").attr("lang")).isEqualTo("en");
        assertThat(html.select(".status").text()).isEqualTo("Active alert");
        assertThat(html.select("#advice ~ ul li").eachText())
                .containsExactly("Do not use alone", "Keep naloxone at hand");
        assertThat(facts(html))
                .contains("Valid: 27 November 2026 at 13:00 – 11 December 2026 at 13:00 (Norwegian time)");
        assertThat(html.select("a[hreflang=nb]").attr("href"))
                .isEqualTo("https://varsel.example.no/varsel/" + alert.alertId() + "?lang=nb");
    }

    @Test
    void englishFromAcceptLanguageShowsNorwegianTextMarkedAsNorwegianWhenThereIsNoTranslation() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener i heroin", "0301");
        store.store(alert);

        MockHttpServletResponse response = page(alert.alertId(), null, "en-GB,en;q=0.9");
        Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));

        assertThat(response.getHeader(HttpHeaders.VARY)).contains("Accept-Language");
        assertThat(html.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(html.select("h1").text()).isEqualTo("Nitazener i heroin");
        assertThat(html.select("h1").attr("lang")).isEqualTo("nb");
        assertThat(html.select("#advice").text()).isEqualTo("Advice");
        assertThat(html.select("#advice ~ ul").attr("lang")).isEqualTo("nb");
        assertThat(html.text()).contains("This alert is only available in Norwegian.");
    }

    @Test
    void cancelledAlertSaysSoOnItsPage() throws Exception {
        AlertEvent first = alert(UUID.randomUUID(), "Nitazener i heroin", "0301");
        store.store(first, next(first, MsgType.Cancel, NOW, first.info()));

        Document html = Jsoup.parse(page(first.alertId(), null, null).getContentAsString(StandardCharsets.UTF_8));

        assertThat(html.select(".status").text()).isEqualTo("Avlyst – varselet gjelder ikke lenger");
        assertThat(facts(html)).contains("Type: Avlysning", "Versjon: 2, sendt 27. november 2026 kl. 14:00");
    }

    @Test
    void expiredAlertSaysSoOnItsPage() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener i heroin", "0301");
        store.store(alert);
        clock.advance(Duration.ofDays(15));

        Document html = Jsoup.parse(page(alert.alertId(), null, null).getContentAsString(StandardCharsets.UTF_8));

        assertThat(html.select(".status").text()).isEqualTo("Utløpt – varselet gjelder ikke lenger");
    }

    @Test
    void unknownOrMalformedIdGivesAReadable404Page() throws Exception {
        for (String id : List.of(UUID.randomUUID().toString(), "not-an-id", "<script>")) {
            MockHttpServletResponse response = http.perform(MockMvcRequestBuilders.get("/varsel/{id}", id))
                    .andReturn()
                    .getResponse();

            assertThat(response.getStatus()).as(id).isEqualTo(404);
            assertThat(response.getContentType()).isEqualTo("text/html;charset=UTF-8");
            Document html = Jsoup.parse(response.getContentAsString(StandardCharsets.UTF_8));
            assertThat(html.selectFirst("html").attr("lang")).isEqualTo("nb");
            assertThat(html.select("h1").text()).isEqualTo("Fant ikke varselet");
        }
    }

    @Test
    void pageAnswersNotModifiedToItsEtag() throws Exception {
        AlertEvent alert = alert(UUID.randomUUID(), "Nitazener i heroin", "0301");
        store.store(alert);
        MockHttpServletResponse first = page(alert.alertId(), null, null);

        MockHttpServletResponse again = http.perform(MockMvcRequestBuilders.get("/varsel/{id}", alert.alertId())
                        .header(HttpHeaders.IF_NONE_MATCH, first.getHeader(HttpHeaders.ETAG)))
                .andReturn()
                .getResponse();

        assertThat(first.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("max-age=60, public");
        assertThat(again.getStatus()).isEqualTo(304);
    }

    private MockHttpServletResponse page(UUID id, String lang, String acceptLanguage) throws Exception {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.get("/varsel/{id}", id);
        if (lang != null) {
            request.param("lang", lang);
        }
        if (acceptLanguage != null) {
            request.header(HttpHeaders.ACCEPT_LANGUAGE, acceptLanguage);
        }
        return http.perform(request).andReturn().getResponse();
    }

    /** "Term: description" for each fact in the page's definition list. */
    private static List<String> facts(Document html) {
        return html.select("dl.facts dt").stream()
                .map(dt -> dt.text() + ": " + dt.nextElementSibling().text())
                .toList();
    }

    private static AlertPageRenderer renderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(FeedFixtures.messages());
        return new AlertPageRenderer(engine, FeedFixtures.messages(), FeedFixtures.LINKS);
    }

    /** As the platform configures it: bokmål unless the client asks for English. */
    private static AcceptHeaderLocaleResolver localeResolver() {
        AcceptHeaderLocaleResolver resolver = new AcceptHeaderLocaleResolver();
        resolver.setDefaultLocale(Locale.forLanguageTag("nb"));
        resolver.setSupportedLocales(List.of(Locale.forLanguageTag("nb"), Locale.ENGLISH));
        return resolver;
    }
}
