package no.overdosevarsel.subscriber.ratelimit.web;

import static org.assertj.core.api.Assertions.assertThat;

import no.overdosevarsel.subscriber.ratelimit.Bucket;
import org.junit.jupiter.api.Test;

class ClientRateLimitFilterTests {

    @Test
    void everyPublicEndpointCountsAgainstABucketOfItsOwn() {
        assertThat(ClientRateLimitFilter.bucket("POST", "/api/subscribers")).isEqualTo(Bucket.SUBSCRIBE_PER_CLIENT);
        assertThat(ClientRateLimitFilter.bucket("POST", "/api/subscribers/2b1c/verify"))
                .isEqualTo(Bucket.VERIFY_PER_CLIENT);
        assertThat(ClientRateLimitFilter.bucket("POST", "/api/subscribers/manage-link"))
                .isEqualTo(Bucket.MANAGE_LINK_PER_CLIENT);
        assertThat(ClientRateLimitFilter.bucket("GET", "/unsubscribe/abc.def")).isEqualTo(Bucket.LINK_PER_CLIENT);
        assertThat(ClientRateLimitFilter.bucket("GET", "/manage/abc.def")).isEqualTo(Bucket.LINK_PER_CLIENT);
        assertThat(ClientRateLimitFilter.bucket("DELETE", "/api/manage/abc.def"))
                .isEqualTo(Bucket.LINK_PER_CLIENT);
    }

    @Test
    void twilioOneClickUnsubscribesAndProbesAreNotLimitedPerClient() {
        assertThat(ClientRateLimitFilter.bucket("POST", "/unsubscribe/abc.def")).isNull();
        assertThat(ClientRateLimitFilter.bucket("POST", "/webhooks/twilio/sms")).isNull();
        assertThat(ClientRateLimitFilter.bucket("GET", "/actuator/health")).isNull();
    }
}
