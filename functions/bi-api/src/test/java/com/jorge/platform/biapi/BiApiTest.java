package com.jorge.platform.biapi;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.jorge.platform.config.PlatformConfig;
import com.jorge.platform.json.PlatformJson;
import com.jorge.platform.testkit.LocalCognito;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The bi-api through its Lambda handler, on a real PostgreSQL and a local user pool (LocalCognito: RS256
 * tokens shaped like Cognito's, JWKS over HTTP): 401 for every broken token, 403 for agents and for another
 * location, 400 naming the field, and the report as JSON and as the page for a team lead of the location.
 */
class BiApiTest {

    static BiApiRig rig;
    static LocalCognito cognito;
    static BiApiHandler handler;
    static LocalCognito.User lead, agent, otherLead, admin;

    @BeforeAll
    static void start() throws Exception {
        rig = new BiApiRig("biapi", "loc-a", "loc-b");
        cognito = rig.cognito;
        lead = rig.user("lead@team.example", "team_lead");
        agent = rig.user("agent@team.example", "agent");
        otherLead = rig.user("other@team.example", "team_lead");
        admin = rig.user("admin@team.example", "admin", "agent");
        rig.member(lead, "loc-a", "u-lead");
        rig.member(agent, "loc-a", "u-agent");
        rig.member(otherLead, "loc-b", "u-other");
        rig.member(admin, "loc-a", "u-admin");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        rig.execute("INSERT INTO bi_daily_funnel (location_id, day, bot_type, channel, new_leads, leads_answered, qualified, hot, handed_off,"
                + " appointments_booked, opted_out) VALUES ('loc-a', ?, 'seller', 'sms', 7, 7, 3, 1, 1, 0, 0),"
                + " ('loc-b', ?, 'seller', 'sms', 99, 99, 50, 9, 9, 0, 0)", today, today);
        handler = new BiApiHandler(BiApiFunction.fromConfig(PlatformConfig.of(rig.settings()), Clock.systemUTC()));
    }

    @AfterAll
    static void stop() {
        rig.close();
    }

    @Test
    void aTeamLeadGetsTheLocationsNumbersAsJsonAndAsThePage() {
        APIGatewayV2HTTPResponse json = get("/bi/report.json", "locationId=loc-a", "Bearer " + cognito.token(lead));
        assertThat(json.getStatusCode()).as(json.getBody()).isEqualTo(200);
        assertThat(json.getHeaders()).containsEntry("Content-Type", "application/json").containsEntry("Cache-Control", "no-store");
        JsonNode report = read(json.getBody());
        assertThat(report.path("locationId").asText()).isEqualTo("loc-a");
        assertThat(report.path("funnel").path("newLeads").asInt()).isEqualTo(7);
        assertThat(report.path("funnel").path("qualified").asInt()).isEqualTo(3);
        for (String part : new String[]{"attributionByModel", "commission", "botKpis", "coaching", "experiments", "pipeline"}) {
            assertThat(report.has(part)).as(part).isTrue();
        }
        assertThat(report.path("from").asText()).isEqualTo(LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).toString());

        APIGatewayV2HTTPResponse page = get("/bi/report", "locationId=loc-a", "Bearer " + cognito.token(admin));
        assertThat(page.getStatusCode()).isEqualTo(200);
        assertThat(page.getHeaders().get("Content-Type")).startsWith("text/html");
        assertThat(page.getHeaders().get("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.getBody()).startsWith("<!doctype html>").contains("What the bots earned", "loc-a", "svg class=\"chart\" data-chart=\"funnel\"");
    }

    @Test
    void everyBrokenTokenIs401() {
        for (LocalCognito.Flaw flaw : LocalCognito.Flaw.values()) {
            if (flaw == LocalCognito.Flaw.NONE) continue;
            APIGatewayV2HTTPResponse r = get("/bi/report.json", "locationId=loc-a", "Bearer " + cognito.token(lead, flaw));
            assertThat(r.getStatusCode()).as(flaw.name()).isEqualTo(401);
            assertThat(r.getHeaders()).containsEntry("WWW-Authenticate", "Bearer");
        }
        assertThat(get("/bi/report.json", "locationId=loc-a", null).getStatusCode()).isEqualTo(401);
        assertThat(get("/bi/report.json", "locationId=loc-a", "Basic bGVhZDpwdw==").getStatusCode()).isEqualTo(401);
        assertThat(get("/bi/report.json", "locationId=loc-a", "Bearer not.a.token").getStatusCode()).isEqualTo(401);
    }

    @Test
    void agentsAndOtherLocationsLeadsAre403AndSeeNoFigures() {
        APIGatewayV2HTTPResponse asAgent = get("/bi/report.json", "locationId=loc-a", "Bearer " + cognito.token(agent));
        assertThat(asAgent.getStatusCode()).isEqualTo(403);
        APIGatewayV2HTTPResponse otherLocation = get("/bi/report.json", "locationId=loc-b", "Bearer " + cognito.token(lead));
        assertThat(otherLocation.getStatusCode()).isEqualTo(403);
        assertThat(otherLocation.getBody()).doesNotContain("99");
        assertThat(get("/bi/report.json", "locationId=loc-nowhere", "Bearer " + cognito.token(lead)).getBody())
                .as("an unknown location answers as a foreign one").isEqualTo(otherLocation.getBody());
        assertThat(get("/bi/report.json", "locationId=loc-b", "Bearer " + cognito.token(otherLead)).getStatusCode()).isEqualTo(200);
    }

    @Test
    void badInputNamesTheField() {
        String token = "Bearer " + cognito.token(lead);
        assertThat(field(get("/bi/report.json", null, token))).isEqualTo("locationId");
        assertThat(field(get("/bi/report.json", "locationId=loc-a&from=2026-13-01", token))).isEqualTo("from");
        assertThat(field(get("/bi/report.json", "locationId=loc-a&from=2026-03-01&to=yesterday", token))).isEqualTo("to");
        assertThat(field(get("/bi/report.json", "locationId=loc-a&from=2026-03-10&to=2026-03-01", token))).isEqualTo("from");
        assertThat(field(get("/bi/report.json", "locationId=loc-a&from=2020-01-01&to=2026-03-01", token))).isEqualTo("from");
        assertThat(get("/bi/other", "locationId=loc-a", token).getStatusCode()).isEqualTo(404);
        APIGatewayV2HTTPEvent post = event("/bi/report.json", "locationId=loc-a", token);
        post.getRequestContext().getHttp().setMethod("POST");
        assertThat(handler.handleRequest(post, null).getStatusCode()).isEqualTo(405);
    }

    private static String field(APIGatewayV2HTTPResponse r) {
        assertThat(r.getStatusCode()).as(r.getBody()).isEqualTo(400);
        return read(r.getBody()).path("field").asText();
    }

    private static APIGatewayV2HTTPResponse get(String path, String query, String authorization) {
        return handler.handleRequest(event(path, query, authorization), null);
    }

    private static APIGatewayV2HTTPEvent event(String path, String query, String authorization) {
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) params.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        Map<String, String> headers = new HashMap<>();
        if (authorization != null) headers.put("Authorization", authorization);
        return APIGatewayV2HTTPEvent.builder().withRawPath(path).withQueryStringParameters(params).withHeaders(headers)
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder().withMethod("GET").withPath(path).build()).build())
                .build();
    }

    private static JsonNode read(String body) {
        try {
            return PlatformJson.mapper().readTree(body);
        } catch (Exception e) {
            throw new AssertionError(body, e);
        }
    }
}
