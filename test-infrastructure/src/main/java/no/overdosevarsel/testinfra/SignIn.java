package no.overdosevarsel.testinfra;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Signs in to an authorization server the way a person with a browser does, without the browser: the authorization
 * code flow with PKCE for the public client {@code overdosevarsel-cli}, through the sign-in form with its CSRF token,
 * then the code exchanged for tokens. Used against alert-ingest's embedded authorization server.
 */
public final class SignIn {

    public static final String PUBLIC_CLIENT = "overdosevarsel-cli";
    public static final String REDIRECT_URI = "http://127.0.0.1/callback";

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final SecureRandom RANDOM = new SecureRandom();

    private SignIn() {}

    /** Tokens from a completed sign-in; the raw JSON answer of the token endpoint is kept for tests of its contents. */
    public record Tokens(String accessToken, String json) {}

    /**
     * Signs in with a password.
     *
     * @param baseUrl the authorization server, e.g. {@code http://localhost:8081}
     * @throws IllegalStateException if any step does not go as the protocol says, with the step and status
     */
    public static Tokens withPassword(String baseUrl, String username, String password) {
        HttpClient http = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        String verifier = random(48);
        String state = random(16);
        String authorize = baseUrl + "/oauth2/authorize?"
                + form(Map.of(
                        "response_type",
                        "code",
                        "client_id",
                        PUBLIC_CLIENT,
                        "redirect_uri",
                        REDIRECT_URI,
                        "scope",
                        "openid profile",
                        "state",
                        state,
                        "code_challenge",
                        challenge(verifier),
                        "code_challenge_method",
                        "S256"));
        HttpResponse<String> toLogin = send(http, get(authorize), "authorize");
        expectRedirect(toLogin, "authorize");
        HttpResponse<String> loginPage = send(http, get(resolve(baseUrl, location(toLogin))), "login page");
        Matcher csrf = CSRF.matcher(loginPage.body());
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page: " + loginPage.body());
        }
        HttpResponse<String> loggedIn = send(
                http,
                post(baseUrl + "/login", Map.of("username", username, "password", password, "_csrf", csrf.group(1))),
                "sign in");
        expectRedirect(loggedIn, "sign in");
        if (location(loggedIn).contains("error") || location(loggedIn).contains("locked")) {
            throw new IllegalStateException("sign-in refused for " + username);
        }
        HttpResponse<String> toClient = send(http, get(resolve(baseUrl, location(loggedIn))), "authorize again");
        expectRedirect(toClient, "authorize again");
        Map<String, String> callback = query(URI.create(location(toClient)));
        if (!state.equals(callback.get("state")) || callback.get("code") == null) {
            throw new IllegalStateException("unexpected callback " + location(toClient));
        }
        HttpResponse<String> token = send(
                http,
                post(
                        baseUrl + "/oauth2/token",
                        Map.of(
                                "grant_type", "authorization_code",
                                "code", callback.get("code"),
                                "redirect_uri", REDIRECT_URI,
                                "client_id", PUBLIC_CLIENT,
                                "code_verifier", verifier)),
                "token");
        Matcher access = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !access.find()) {
            throw new IllegalStateException("token endpoint answered " + token.statusCode() + ": " + token.body());
        }
        return new Tokens(access.group(1), token.body());
    }

    /** A machine client's access token, by the client credentials grant with HTTP Basic client authentication. */
    public static Tokens withClientCredentials(String baseUrl, String clientId, String clientSecret) {
        HttpClient http = HttpClient.newHttpClient();
        String basic = Base64.getEncoder()
                .encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                                + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8))
                        .getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> token = send(http, request, "client credentials");
        Matcher access = ACCESS_TOKEN.matcher(token.body());
        if (token.statusCode() != 200 || !access.find()) {
            throw new IllegalStateException("token endpoint answered " + token.statusCode() + ": " + token.body());
        }
        return new Tokens(access.group(1), token.body());
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Accept", "text/html")
                .GET()
                .build();
    }

    private static HttpRequest post(String url, Map<String, String> fields) {
        return HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                .build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request, String step) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(step + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(step + ": interrupted", e);
        }
    }

    private static void expectRedirect(HttpResponse<String> response, String step) {
        if (response.statusCode() != 302
                || response.headers().firstValue("Location").isEmpty()) {
            throw new IllegalStateException(
                    step + ": expected a redirect, got " + response.statusCode() + " " + response.body());
        }
    }

    private static String location(HttpResponse<String> response) {
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static String resolve(String baseUrl, String location) {
        return URI.create(baseUrl + "/").resolve(location).toString();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> values = new LinkedHashMap<>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    values.put(
                            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return values;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(field -> URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(
                            MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
