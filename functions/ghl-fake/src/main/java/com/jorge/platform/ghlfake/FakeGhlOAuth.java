package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * GHL's OAuth token endpoints with GHL's semantics, on the fake server: {@code POST /oauth/token}
 * (authorization_code, refresh_token) and {@code POST /oauth/locationToken}. Access tokens live one
 * day ({@code expires_in} 86,399); refresh tokens are single-use (a reused one is {@code invalid_grant},
 * as is an unknown code); an agency (Company) token mints location tokens. The API answers 401 to an
 * access token this fake issued once it has expired or been replaced ({@link #expireAccessTokens}).
 */
public final class FakeGhlOAuth {

    public static final String CLIENT_ID = "fake-marketplace-app";
    public static final String CLIENT_SECRET = "fake-marketplace-secret";
    public static final int EXPIRES_IN = 86_399;

    private record Grant(String userType, String locationId, String companyId, List<String> locations) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Grant> codes = new HashMap<>();
    private final Map<String, Grant> refreshTokens = new HashMap<>();
    private final Set<String> usedRefreshTokens = new HashSet<>();
    private final Map<String, Grant> accessTokens = new HashMap<>();
    private final Set<String> expiredAccessTokens = new HashSet<>();
    private final Set<String> issued = new HashSet<>();
    private final AtomicInteger refreshes = new AtomicInteger();
    private final AtomicInteger invalidGrants = new AtomicInteger();
    private final AtomicInteger locationTokens = new AtomicInteger();

    /** The code GHL puts on the redirect after a sub-account admin installs the app for {@code locationId}. */
    public synchronized String authorizationCode(String locationId) {
        return code(new Grant("Location", locationId, "company-of-" + locationId, List.of()));
    }

    /** The code after an agency admin installs the app for the agency and approves {@code locations}. */
    public synchronized String agencyAuthorizationCode(String companyId, List<String> locations) {
        return code(new Grant("Company", null, companyId, List.copyOf(locations)));
    }

    /** Every access token issued so far expires now: the API answers 401 to it. */
    public synchronized void expireAccessTokens() {
        expiredAccessTokens.addAll(accessTokens.keySet());
    }

    /**
     * The location's grant is revoked at GHL (an admin removed the app's access, or its refresh token was
     * spent elsewhere): its refresh tokens are {@code invalid_grant} and its access tokens answer 401.
     */
    public synchronized void revoke(String locationId) {
        refreshTokens.entrySet().removeIf(e -> locationId.equals(e.getValue().locationId()));
        accessTokens.forEach((token, grant) -> {
            if (locationId.equals(grant.locationId())) expiredAccessTokens.add(token);
        });
    }

    /** Every code, access token and refresh token this fake handed out: none may appear in a log line. */
    public synchronized Set<String> issuedSecrets() {
        Set<String> out = new HashSet<>(issued);
        out.addAll(accessTokens.keySet());
        return out;
    }

    /** Successful refresh_token grants so far. */
    public int refreshes() {
        return refreshes.get();
    }

    /** Grants refused with invalid_grant so far (a reused refresh token, an unknown code). */
    public int invalidGrants() {
        return invalidGrants.get();
    }

    public int locationTokensMinted() {
        return locationTokens.get();
    }

    /** The location an issued access token acts for, or null when this fake did not issue it. */
    public synchronized String locationOf(String accessToken) {
        Grant g = accessTokens.get(accessToken);
        return g == null ? null : g.locationId();
    }

    /** Refuses API calls made with an access token this fake issued and then expired, as GHL does (401). */
    Filter expiredTokens() {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange exchange, Chain chain) throws IOException {
                String auth = exchange.getRequestHeaders().getFirst("Authorization");
                String token = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
                boolean expired;
                synchronized (FakeGhlOAuth.this) {
                    expired = expiredAccessTokens.contains(token);
                }
                if (!expired) {
                    chain.doFilter(exchange);
                    return;
                }
                try (exchange) {
                    exchange.getRequestBody().readAllBytes();
                    JsonResponse.send(exchange, 401, "{\"statusCode\":401,\"message\":\"Invalid JWT\"}");
                }
            }

            @Override
            public String description() {
                return "GHL OAuth access tokens";
            }
        };
    }

    void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String path = exchange.getRequestURI().getPath();
            if (!"POST".equals(exchange.getRequestMethod())) {
                JsonResponse.send(exchange, 405, "{\"error\":\"method_not_allowed\"}");
            } else if (path.equals("/oauth/token")) {
                token(exchange, form);
            } else if (path.equals("/oauth/locationToken")) {
                locationToken(exchange, form);
            } else {
                JsonResponse.send(exchange, 404, "{\"error\":\"not_found\"}");
            }
        }
    }

    private void token(HttpExchange exchange, Map<String, String> form) throws IOException {
        if (!CLIENT_ID.equals(form.get("client_id")) || !CLIENT_SECRET.equals(form.get("client_secret"))) {
            JsonResponse.send(exchange, 401, "{\"error\":\"invalid_client\",\"error_description\":\"bad client credentials\"}");
            return;
        }
        Grant grant;
        synchronized (this) {
            switch (form.getOrDefault("grant_type", "")) {
                case "authorization_code" -> grant = codes.remove(form.getOrDefault("code", ""));
                case "refresh_token" -> {
                    String refresh = form.getOrDefault("refresh_token", "");
                    grant = usedRefreshTokens.add(refresh) ? refreshTokens.remove(refresh) : null;
                    if (grant != null) refreshes.incrementAndGet();
                }
                default -> {
                    JsonResponse.send(exchange, 422, "{\"error\":\"unsupported_grant_type\"}");
                    return;
                }
            }
            if (grant == null) {
                invalidGrants.incrementAndGet();
                JsonResponse.send(exchange, 400, "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid grant: refresh token is invalid\"}");
                return;
            }
            JsonResponse.send(exchange, 200, issue(grant, true).toString());
        }
    }

    private void locationToken(HttpExchange exchange, Map<String, String> form) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        String token = auth == null ? "" : auth.replaceFirst("^Bearer ", "");
        synchronized (this) {
            Grant agency = accessTokens.get(token);
            if (agency == null || expiredAccessTokens.contains(token) || !"Company".equals(agency.userType())) {
                JsonResponse.send(exchange, 401, "{\"error\":\"unauthorized\",\"message\":\"an agency access token is required\"}");
                return;
            }
            String locationId = form.getOrDefault("locationId", "");
            if (!agency.companyId().equals(form.get("companyId")) || !agency.locations().contains(locationId)) {
                JsonResponse.send(exchange, 400, "{\"error\":\"bad_request\",\"message\":\"location not approved for this company\"}");
                return;
            }
            locationTokens.incrementAndGet();
            ObjectNode answer = issue(new Grant("Location", locationId, agency.companyId(), List.of()), false);
            JsonResponse.send(exchange, 200, answer.toString());
        }
    }

    private ObjectNode issue(Grant grant, boolean withRefreshToken) {
        String access = "at-" + UUID.randomUUID();
        accessTokens.put(access, grant);
        ObjectNode out = json.createObjectNode().put("access_token", access).put("token_type", "Bearer")
                .put("expires_in", EXPIRES_IN).put("scope", "conversations/message.write contacts.write")
                .put("userType", grant.userType()).put("companyId", grant.companyId()).put("userId", "fake-user");
        if (grant.locationId() != null) out.put("locationId", grant.locationId());
        if (withRefreshToken) {
            String refresh = "rt-" + UUID.randomUUID();
            refreshTokens.put(refresh, grant);
            issued.add(refresh);
            out.put("refresh_token", refresh);
        }
        if (!grant.locations().isEmpty()) grant.locations().forEach(out.putArray("approvedLocations")::add);
        return out;
    }

    private String code(Grant grant) {
        String code = "code-" + UUID.randomUUID();
        codes.put(code, grant);
        issued.add(code);
        return code;
    }

    private static Map<String, String> form(String body) {
        Map<String, String> out = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return out;
    }
}
