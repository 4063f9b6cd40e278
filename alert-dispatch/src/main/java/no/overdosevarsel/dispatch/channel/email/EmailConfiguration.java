package no.overdosevarsel.dispatch.channel.email;

import java.nio.charset.StandardCharsets;
import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.dispatch.channel.local.LocalOutbox;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSender;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

@Configuration(proxyBeanMethods = false)
class EmailConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailConfiguration.class);

    @Bean
    EmailGateway emailGateway(EmailProperties properties, ObjectProvider<JavaMailSender> mail, LocalOutbox outbox) {
        EmailGateway gateway = switch (properties.provider()) {
            case "smtp" -> {
                JavaMailSender sender = mail.getIfAvailable();
                if (sender == null) {
                    throw new IllegalStateException("Email provider smtp needs spring.mail.host (SPRING_MAIL_HOST), "
                            + "or set overdosevarsel.email.provider=local");
                }
                yield new SmtpEmailGateway(sender, properties);
            }
            case "local" -> new LocalEmailGateway(outbox);
            default ->
                throw new IllegalStateException(
                        "overdosevarsel.email.provider must be smtp or local, not " + properties.provider());
        };
        log.info("Email goes to: {}", gateway.describe());
        return gateway;
    }

    @Bean
    AlertChannel emailChannel(
            EmailGateway emailGateway, EmailProperties properties, MessageSource messages, PublicLinks links) {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.addTemplateResolver(resolver(TemplateMode.TEXT, ".txt", 1));
        engine.addTemplateResolver(resolver(TemplateMode.HTML, ".html", 2));
        engine.setTemplateEngineMessageSource(messages);
        EmailAlertRenderer renderer = new EmailAlertRenderer(engine, messages, RegionCatalogue.norway(), links);
        return new EmailChannel(emailGateway, renderer, links, properties);
    }

    private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String suffix, int order) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/dispatch/email/");
        resolver.setTemplateMode(mode);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setResolvablePatterns(java.util.Set.of("*" + suffix));
        resolver.setCheckExistence(true);
        resolver.setOrder(order);
        resolver.setCacheable(true);
        return resolver;
    }
}
