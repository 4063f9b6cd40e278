package no.overdosevarsel.ingest.coordinator.web;

import java.util.UUID;
import no.overdosevarsel.ingest.coordinator.ApiTokens;
import no.overdosevarsel.platform.security.Coordinator;
import no.overdosevarsel.platform.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Revoking an API token, for good (ADMIN role, enforced by the security rules). */
@RestController
class TokenAdminController {

    private final ApiTokens tokens;

    TokenAdminController(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @DeleteMapping("/api/admin/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable UUID id, Coordinator admin) {
        if (!tokens.revoke(id, admin.username())) {
            throw ProblemException.notFound(id.toString());
        }
        return ResponseEntity.noContent().build();
    }
}
