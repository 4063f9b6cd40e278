package no.overdosevarsel.dispatch.channel.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import no.overdosevarsel.contracts.alert.AlertEvent;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.DispatchTestSupport;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

class EmailAlertRendererTests {

    private final PublicLinks links = new PublicLinks(
            URI.create("https://overdosevarsel.no"), URI.create("https://abonnement.overdosevarsel.no"));
    private final EmailAlertRenderer renderer = renderer();
    private final AlertEvent alert = alert("Nitazener i heroin <solgt som \"brun\">");

    @Test
    void eachRecipientGetsTheSameEmailWithOnlyTheirOwnUnsubscribeLink() {
        String mine = links.unsubscribe("token-mine");
        String yours = links.unsubscribe("token-yours");

        EmailAlertRenderer.Rendered forMe = renderer.render(alert, "nb", mine);
        EmailAlertRenderer.Rendered forYou = renderer.render(alert, "nb", yours);

        assertThat(forMe.text()).contains(mine).doesNotContain(yours).doesNotContain("unsubscribe/unsubscribe");
        assertThat(forMe.html()).contains("href=\"" + mine + "\"").doesNotContain(yours);
        assertThat(forYou.text()).isEqualTo(forMe.text().replace(mine, yours));
        assertThat(forYou.html()).isEqualTo(forMe.html().replace(mine, yours));
        assertThat(forYou.subject()).isEqualTo(forMe.subject());
        // Rendered from scratch, the email is the same.
        assertThat(renderer().render(alert, "nb", yours)).isEqualTo(forYou);
    }

    @Test
    void alertTextStaysEscapedAndALinkWithMarkupCharactersIsEscapedToo() {
        String odd = links.unsubscribe("a&b");

        EmailAlertRenderer.Rendered rendered = renderer.render(alert, "nb", odd);

        assertThat(rendered.html())
                .contains("&lt;solgt som &quot;brun&quot;&gt;")
                .contains("href=\"" + odd.replace("&", "&amp;") + "\"");
        assertThat(rendered.text()).contains(odd);
    }

    @Test
    void emailWithoutUnsubscribeLinkHasNone() {
        renderer.render(alert, "nb", links.unsubscribe("someone"));

        EmailAlertRenderer.Rendered rendered = renderer.render(alert, "nb", null);

        assertThat(rendered.text()).doesNotContain("/unsubscribe/");
        assertThat(rendered.html()).doesNotContain("/unsubscribe/");
    }

    private EmailAlertRenderer renderer() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/dispatch-messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
        return new EmailAlertRenderer(engine, messages, RegionCatalogue.norway(), links);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/dispatch/email/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(Set.of("*" + suffix));
        resolver.setOrder(order);
        return resolver;
    }

    private static AlertEvent alert(String headline) {
        return DispatchTestSupport.alert(headline, "0301");
    }
}
