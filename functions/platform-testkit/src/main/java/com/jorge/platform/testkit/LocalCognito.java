package com.jorge.platform.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Cognito user pool on loopback, for the inbox's tests and the local runtime: the pool's JWKS at
 * {@code /.well-known/jwks.json}, and {@code InitiateAuth} (USER_PASSWORD_AUTH) at {@code /}, which
 * answers the users added here with an RS256 access token shaped like Cognito's (iss, sub, client_id,
 * token_use access, cognito:groups, 15 minutes). {@link #token} mints one directly, also the broken kinds
 * a test needs: expired, for another client, unsigned, signed by a key the pool never published.
 */
public final class LocalCognito implements AutoCloseable {

    public static final String CLIENT_ID = "local-inbox-client";
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    /** A user of the pool. */
    public record User(String subject, String username, String password, List<String> groups) {}

    /** How a minted token is broken, if at all. */
    public enum Flaw { NONE, EXPIRED, WRONG_CLIENT, UNSIGNED, FOREIGN_KEY, TOO_LONG_LIVED }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final RSAKey key;
    private final RSAKey foreignKey;
    private final Clock clock;
    private final Map<String, User> users = new ConcurrentHashMap<>();

    public LocalCognito(Clock clock) {
        this.clock = clock;
        try {
            key = new RSAKeyGenerator(2048).keyID("local-" + UUID.randomUUID()).generate();
            foreignKey = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        } catch (JOSEException | IOException e) {
            throw new IllegalStateException("the local user pool could not start", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/local-pool";
    }

    /** Where the page logs in (InitiateAuth). */
    public URI authEndpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    public URI jwksUrl() {
        return URI.create(issuer() + "/.well-known/jwks.json");
    }

    public User addUser(String username, String password, String... groups) {
        User user = new User(UUID.randomUUID().toString(), username, password, List.of(groups));
        users.put(username, user);
        return user;
    }

    public String token(User user) {
        return token(user, Flaw.NONE);
    }

    public String token(User user, Flaw flaw) {
        Instant issued = flaw == Flaw.EXPIRED ? clock.instant().minus(Duration.ofHours(1)) : clock.instant();
        Duration lifetime = flaw == Flaw.TOO_LONG_LIVED ? Duration.ofHours(24) : LIFETIME;
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer()).subject(user.subject())
                .claim("client_id", flaw == Flaw.WRONG_CLIENT ? "another-app" : CLIENT_ID)
                .claim("token_use", "access").claim("scope", "aws.cognito.signin.user.admin")
                .claim("username", user.username()).claim("cognito:groups", user.groups())
                .issueTime(Date.from(issued)).expirationTime(Date.from(issued.plus(lifetime)))
                .jwtID(UUID.randomUUID().toString()).build();
        if (flaw == Flaw.UNSIGNED) return new PlainJWT(claims).serialize();
        try {
            RSAKey signWith = flaw == Flaw.FOREIGN_KEY ? foreignKey : key;
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signWith.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(signWith));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
            exchange.getResponseHeaders().add("Access-Control-Allow-Headers", "content-type, x-amz-target");
            String path = exchange.getRequestURI().getPath();
            if (exchange.getRequestMethod().equals("OPTIONS")) {
                reply(exchange, 204, "");
            } else if (path.endsWith("/.well-known/jwks.json")) {
                reply(exchange, 200, new JWKSet(key.toPublicJWK()).toString());
            } else if (exchange.getRequestMethod().equals("POST")) {
                initiateAuth(exchange);
            } else {
                reply(exchange, 404, "{}");
            }
        }
    }

    private void initiateAuth(HttpExchange exchange) throws IOException {
        JsonNode body;
        try {
            body = json.readTree(exchange.getRequestBody().readAllBytes());
        } catch (IOException e) {
            reply(exchange, 400, "{\"__type\":\"InvalidParameterException\"}");
            return;
        }
        User user = users.get(body.path("AuthParameters").path("USERNAME").asText(""));
        boolean ok = CLIENT_ID.equals(body.path("ClientId").asText()) && "USER_PASSWORD_AUTH".equals(body.path("AuthFlow").asText())
                && user != null && user.password().equals(body.path("AuthParameters").path("PASSWORD").asText());
        if (!ok) {
            reply(exchange, 400, "{\"__type\":\"NotAuthorizedException\",\"message\":\"Incorrect username or password.\"}");
            return;
        }
        reply(exchange, 200, json.createObjectNode().set("AuthenticationResult", json.createObjectNode()
                .put("AccessToken", token(user)).put("ExpiresIn", LIFETIME.toSeconds()).put("TokenType", "Bearer")).toString());
    }

    private static void reply(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
