package no.overdosevarsel.ingest.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.List;
import java.util.Set;
import no.overdosevarsel.platform.security.Role;
import org.junit.jupiter.api.Test;

class FirstAdministratorTests {

    private final CoordinatorAccounts accounts = mock(CoordinatorAccounts.class);

    @Test
    void aFreshInstallationGetsAnAdministratorWithAGeneratedOneTimePassword() {
        when(accounts.hasAdministrator()).thenReturn(false);

        String generated = new FirstAdministrator(accounts, new AccountProperties("admin", null)).createIfNone();

        assertThat(generated).hasSizeGreaterThanOrEqualTo(24);
        verify(accounts).create("admin", generated, Set.of(Role.ADMIN), List.of("NO"), "installation");
    }

    @Test
    void theConfiguredPasswordIsUsedAndNotPrinted() {
        when(accounts.hasAdministrator()).thenReturn(false);

        String generated =
                new FirstAdministrator(accounts, new AccountProperties("root", "from-the-environment")).createIfNone();

        assertThat(generated).isNull();
        verify(accounts).create("root", "from-the-environment", Set.of(Role.ADMIN), List.of("NO"), "installation");
    }

    @Test
    void nothingHappensOnceAnAdministratorExists() {
        when(accounts.hasAdministrator()).thenReturn(true);

        new FirstAdministrator(accounts, new AccountProperties("admin", "from-the-environment")).createIfNone();

        verify(accounts, never()).create(anyString(), anyString(), any(), anyList(), eq("installation"));
    }
}
