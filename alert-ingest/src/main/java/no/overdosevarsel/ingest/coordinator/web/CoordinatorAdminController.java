package no.overdosevarsel.ingest.coordinator.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.overdosevarsel.contracts.region.UnknownRegionException;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.ingest.coordinator.CoordinatorAccounts;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.security.Role;
import no.overdosevarsel.platform.web.ProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators create, list and disable coordinator accounts and their API tokens (ADMIN role, enforced by the
 * security rules).
 */
@RestController
@RequestMapping(CoordinatorAdminController.PATH)
class CoordinatorAdminController {

    static final String PATH = "/api/admin/coordinators";

    private final CoordinatorAccounts accounts;
    private final ApiTokens tokens;

    CoordinatorAdminController(CoordinatorAccounts accounts, ApiTokens tokens) {
        this.accounts = accounts;
        this.tokens = tokens;
    }

    @PostMapping
    ResponseEntity<AccountResponse> create(@Valid @RequestBody AccountRequest request, Coordinator admin) {
        try {
            CoordinatorAccounts.Account account = accounts.create(
                    request.username(), request.password(), request.roles(), request.scope(), admin.username());
            return ResponseEntity.created(
                            URI.create(PATH + "/" + account.coordinator().username()))
                    .body(AccountResponse.of(account));
        } catch (CoordinatorAccounts.AccountExistsException e) {
            throw new ProblemException(HttpStatus.CONFLICT, "conflict", "problem.account.exists", request.username());
        } catch (UnknownRegionException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("scope", "validation.account.scope"),
                    "problem.validation");
        } catch (IllegalArgumentException e) {
            throw new ProblemException(
                    HttpStatus.BAD_REQUEST,
                    "validation",
                    Map.of("password", "validation.account.password"),
                    "problem.validation");
        }
    }

    @GetMapping
    List<AccountResponse> list() {
        return accounts.all().stream().map(AccountResponse::of).toList();
    }

    @DeleteMapping("/{username}")
    ResponseEntity<Void> disable(@PathVariable String username) {
        if (!accounts.disable(username)) {
            throw ProblemException.notFound(username);
        }
        return ResponseEntity.noContent().build();
    }

    /**
     * Issues an API client acting as the account; its secret is in this answer and nowhere else. The client gets tokens
     * from {@code /oauth2/token} with the client credentials grant (client id and secret by HTTP Basic).
     */
    @PostMapping("/{username}/tokens")
    ResponseEntity<IssuedTokenResponse> issueToken(
            @PathVariable String username, @Valid @RequestBody TokenRequest request, Coordinator admin) {
        ApiTokens.IssuedToken issued = tokens.issue(username, request.name(), admin.username())
                .orElseThrow(() -> ProblemException.notFound(username));
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new IssuedTokenResponse(
                        issued.info().id(),
                        issued.info().name(),
                        issued.info().id().toString(),
                        issued.token()));
    }

    @GetMapping("/{username}/tokens")
    List<ApiTokens.TokenInfo> tokens(@PathVariable String username) {
        return tokens.of(username);
    }

    record TokenRequest(@NotBlank @Size(max = 200) String name) {}

    record IssuedTokenResponse(java.util.UUID id, String name, String clientId, String clientSecret) {}

    record AccountRequest(
            @NotBlank @Size(max = 100) String username,

            @NotNull @Size(min = CoordinatorAccounts.MIN_PASSWORD_LENGTH, max = 200)
            String password,

            @NotEmpty Set<Role> roles,
            @NotEmpty @Size(max = 50) List<@NotBlank String> scope) {}

    record AccountResponse(String username, Set<Role> roles, List<String> scope, boolean enabled) {
        static AccountResponse of(CoordinatorAccounts.Account account) {
            Coordinator c = account.coordinator();
            return new AccountResponse(c.username(), c.roles(), c.scope(), account.enabled());
        }
    }
}
