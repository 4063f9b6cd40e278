package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

class CoordinatorAccountTests {

    private final PasswordEncoder encoder = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Test
    void signsInWithTheConfiguredPasswordAsCoordinatorAndApprover() {
        CoordinatorAccount account =
                CoordinatorAccount.from(new CoordinatorAccountProperties("koordinator", "from-the-environment"));

        UserDetails user = account.toUser(encoder);

        assertThat(account.generated()).isFalse();
        assertThat(user.getUsername()).isEqualTo("koordinator");
        assertThat(encoder.matches("from-the-environment", user.getPassword())).isTrue();
        assertThat(user.getPassword()).as("stored hashed").doesNotContain("from-the-environment");
        assertThat(user.getAuthorities())
                .extracting(GrantedAuthority::getAuthority)
                .containsExactlyInAnyOrder("ROLE_COORDINATOR", "ROLE_APPROVER");
    }

    @Test
    void generatesAnUnguessablePasswordWhenNoneIsConfigured() {
        CoordinatorAccount unset = CoordinatorAccount.from(new CoordinatorAccountProperties("coordinator", null));
        CoordinatorAccount blank = CoordinatorAccount.from(new CoordinatorAccountProperties("coordinator", "  "));

        assertThat(unset.generated()).isTrue();
        assertThat(blank.generated()).isTrue();
        assertThat(unset.password()).hasSizeGreaterThanOrEqualTo(24).isNotEqualTo(blank.password());
        assertThat(encoder.matches(unset.password(), unset.toUser(encoder).getPassword()))
                .isTrue();
    }

    @Test
    void neverShowsThePasswordInItsDescription() {
        CoordinatorAccount account =
                CoordinatorAccount.from(new CoordinatorAccountProperties("coordinator", "from-the-environment"));

        assertThat(account.toString()).contains("coordinator").doesNotContain("from-the-environment");
    }
}
