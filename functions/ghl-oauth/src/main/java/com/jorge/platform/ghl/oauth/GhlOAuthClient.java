package com.jorge.platform.ghl.oauth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jorge.platform.ghl.api.GhlApiException;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * GHL's OAuth 2.0 token endpoints ({@code POST /oauth/token}, {@code POST /oauth/locationToken}, form
 * encoded). A refused code or refresh token is {@link InvalidGrantException}; anything that may work
 * later (429, 5xx, no answer) is a retryable {@link GhlApiException}. Tokens never reach a log or a message.
 */
public final class GhlOAuthClient {

    private static final String VERSION = "2021-07-28";

    private final GhlOAuthSettings settings;
    private final ObjectMapper json;
    private final HttpClient http;

    public GhlOAuthClient(GhlOAuthSettings settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** The install: the authorization code from the callback, for a Location or a Company token. */
    public TokenGrant exchangeCode(String code) {
        Map<String, String> form = credentials("authorization_code");
        form.put("code", code);
        if (!settings.redirectUri().isBlank()) form.put("redirect_uri", settings.redirectUri());
        return grant(post("/oauth/token", form, null));
    }

    /** A refresh; the refresh token is single-use: the answer carries its successor. */
    public TokenGrant refresh(String refreshToken, String userType) {
        Map<String, String> form = credentials("refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("user_type", userType);
        return grant(post("/oauth/token", form, null));
    }

    /** A location's token from its agency's (Company) access token. */
    public TokenGrant locationToken(String companyAccessToken, String companyId, String locationId) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("companyId", companyId);
        form.put("locationId", locationId);
        JsonNode answer = post("/oauth/locationToken", form, companyAccessToken);
        TokenGrant g = grant(answer);
        // GHL's answer may leave out what the request already said
        return new TokenGrant(g.accessToken(), g.refreshToken(), g.expiresIn(), TokenGrant.LOCATION,
                g.locationId() == null ? locationId : g.locationId(), companyId, g.scope(), List.of());
    }

    private Map<String, String> credentials(String grantType) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        form.put("grant_type", grantType);
        return form;
    }

    private JsonNode post(String path, Map<String, String> form, String bearer) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.baseUrl().resolve(path.substring(1)))
                .timeout(settings.timeout())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) request.header("Authorization", "Bearer " + bearer).header("Version", VERSION);
        HttpResponse<String> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw GhlApiException.tokenUnavailable("GHL token endpoint unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GhlApiException.tokenUnavailable("interrupted", e);
        }
        int status = response.statusCode();
        JsonNode answer = parse(response.body());
        if (status >= 200 && status < 300) return answer;
        if ((status == 400 || status == 401) && "invalid_grant".equals(answer.path("error").asText())) {
            throw new InvalidGrantException("GHL refused the grant at " + path + " (invalid_grant)");
        }
        boolean retryable = status == 429 || status >= 500 || status == 408;
        throw new GhlApiException("GHL token endpoint answered " + status + " to " + path + errorCode(answer), status, retryable,
                response.headers().firstValue("Retry-After").orElse(null), null);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** GHL's error code only (a short keyword); its description may echo what was sent. */
    private static String errorCode(JsonNode answer) {
        String code = answer.path("error").asText("");
        return code.matches("[a-z_]{1,40}") ? " (" + code + ")" : "";
    }

    private static TokenGrant grant(JsonNode answer) {
        List<String> approved = new ArrayList<>();
        answer.path("approvedLocations").forEach(l -> approved.add(l.asText()));
        try {
            return new TokenGrant(text(answer, "access_token"), text(answer, "refresh_token"),
                    Duration.ofSeconds(answer.path("expires_in").asLong(0)), text(answer, "userType"),
                    text(answer, "locationId"), text(answer, "companyId"), text(answer, "scope"), approved);
        } catch (IllegalArgumentException e) {
            throw new GhlApiException("GHL token endpoint answered without a usable token: " + e.getMessage(), 200, false, null);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
