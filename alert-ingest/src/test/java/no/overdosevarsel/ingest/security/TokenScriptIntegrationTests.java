package no.overdosevarsel.ingest.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import no.overdosevarsel.ingest.IngestIntegrationTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The README's way to get a token from the command line, {@code bin/ov-token}, against the real sign-in flow. */
class TokenScriptIntegrationTests extends IngestIntegrationTestSupport {

    private static final Path SCRIPT = Path.of("..", "bin", "ov-token");

    @Test
    void aPersonGetsATokenThatTheApiAccepts() throws Exception {
        Result result = run(List.of(KARI), PASSWORD);

        assertThat(result.exitCode()).as(result.errors()).isZero();
        anonymous()
                .get()
                .uri("/api/alerts")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + result.output().strip())
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void aWrongPasswordGetsNoTokenAndSaysSo() throws Exception {
        Result result = run(List.of(KARI), PASSWORD + "-wrong");

        assertThat(result.exitCode()).isNotZero();
        assertThat(result.output()).isBlank();
        assertThat(result.errors()).contains("Sign-in refused for kari");
    }

    private record Result(int exitCode, String output, String errors) {}

    private Result run(List<String> arguments, String password) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("bash", SCRIPT.toString()));
        command.addAll(arguments);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("OVERDOSEVARSEL_INGEST_URL", baseUrl());
        builder.environment().put("OV_PASSWORD", password);
        Path errors = Files.createTempFile("ov-token", ".err");
        builder.redirectError(errors.toFile());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String errorText = Files.readString(errors);
        Files.delete(errors);
        return new Result(process.exitValue(), output, errorText);
    }
}
