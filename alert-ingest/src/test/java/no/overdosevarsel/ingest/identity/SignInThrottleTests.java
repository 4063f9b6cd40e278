package no.overdosevarsel.ingest.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.BadCredentialsException;

class SignInThrottleTests {

    private final SignInThrottle throttle = new SignInThrottle(3, Duration.ofMinutes(15));

    @Test
    void afterTooManyFailuresForOneUsernameFurtherAttemptsAreTurnedAwayFromAnyAddress() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(attempt("kari", "10.0.0." + i))
                    .as("attempt %d reaches the password check", i)
                    .isTrue();
            fail("kari", "10.0.0." + i);
        }

        assertThat(attempt("kari", "10.0.0.99")).isFalse();
        assertThat(attempt("KARI ", "10.0.0.98"))
                .as("the same name, however written")
                .isFalse();
        assertThat(attempt("ola", "10.0.0.97")).as("others are not affected").isTrue();
    }

    @Test
    void afterTooManyFailuresFromOneAddressItIsTurnedAwayForEveryUsername() throws Exception {
        fail("a", "192.0.2.1");
        fail("b", "192.0.2.1");
        fail("c", "192.0.2.1");

        assertThat(attempt("d", "192.0.2.1")).isFalse();
        assertThat(attempt("d", "192.0.2.2")).isTrue();
    }

    @Test
    void aTurnedAwayAttemptGoesBackToTheSignInPageWithANotice() throws Exception {
        fail("per", "10.1.1.1");
        fail("per", "10.1.1.1");
        fail("per", "10.1.1.1");
        MockHttpServletResponse response = new MockHttpServletResponse();

        throttle.doFilter(login("per", "10.1.1.1"), response, new MockFilterChain());

        assertThat(response.getRedirectedUrl()).isEqualTo("/login?locked");
    }

    private boolean attempt(String username, String address) throws Exception {
        MockFilterChain chain = new MockFilterChain();
        throttle.doFilter(login(username, address), new MockHttpServletResponse(), chain);
        return chain.getRequest() != null;
    }

    private void fail(String username, String address) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        throttle.onAuthenticationFailure(login(username, address), response, new BadCredentialsException("no"));
        assertThat(response.getRedirectedUrl()).isEqualTo("/login?error");
    }

    private static MockHttpServletRequest login(String username, String address) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/login");
        request.setServletPath("/login");
        request.setParameter("username", username);
        request.setRemoteAddr(address);
        return request;
    }
}
