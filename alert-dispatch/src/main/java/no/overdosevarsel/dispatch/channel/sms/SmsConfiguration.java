package no.overdosevarsel.dispatch.channel.sms;

import no.overdosevarsel.contracts.region.RegionCatalogue;
import no.overdosevarsel.contracts.sms.AlertSms;
import no.overdosevarsel.dispatch.channel.local.LocalOutbox;
import no.overdosevarsel.dispatch.delivery.AlertChannel;
import no.overdosevarsel.dispatch.web.PublicLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SmsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SmsConfiguration.class);

    @Bean
    SmsGateway smsGateway(SmsProperties properties, LocalOutbox outbox, PublicLinks links) {
        SmsGateway gateway = switch (properties.provider()) {
            case "twilio" ->
                new TwilioSmsGateway(
                        properties.twilio(), properties.twilio().callbackUrl(links), properties.concurrency());
            case "local" -> new LocalSmsGateway(outbox);
            default ->
                throw new IllegalStateException(
                        "overdosevarsel.sms.provider must be twilio or local, not " + properties.provider());
        };
        log.info("SMS goes to: {}", gateway.describe());
        return gateway;
    }

    @Bean
    AlertChannel smsChannel(SmsGateway smsGateway, SmsProperties properties, PublicLinks links) {
        AlertSms text = new AlertSms(RegionCatalogue.norway(), properties.maxSegments());
        return new SmsChannel(smsGateway, text, links, properties.concurrency(), properties.ratePerSecond());
    }
}
