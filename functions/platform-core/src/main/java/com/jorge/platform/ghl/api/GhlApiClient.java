package com.jorge.platform.ghl.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jorge.platform.conversation.LeadRef;
import com.jorge.platform.observability.PlatformMetrics;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The GHL (LeadConnector) REST API calls the bots make: send an SMS (Conversations API), tag and update
 * contacts, move opportunities, create tasks for agents. Every call goes through the location's rate
 * limits, a circuit breaker, timeouts and retries with jitter.
 */
public final class GhlApiClient {

    private static final Logger log = LoggerFactory.getLogger(GhlApiClient.class);
    private static final String CONVERSATIONS_VERSION = "2021-04-15";
    private static final String CRM_VERSION = "2021-07-28";

    public record Settings(URI baseUrl, Supplier<String> token, Duration connectTimeout, Duration requestTimeout,
                           RetryPolicy retry, GhlRateLimits.Limits limits) {
        @Override
        public String toString() {
            return "Settings[baseUrl=" + baseUrl + ", token=***]";
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json;
    private final GhlRateLimits rateLimits;
    private final CircuitBreaker breaker;
    private final PlatformMetrics metrics;

    public GhlApiClient(Settings settings, ObjectMapper json, PlatformMetrics metrics) {
        this.settings = settings;
        this.json = json;
        this.metrics = metrics;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .version(HttpClient.Version.HTTP_1_1).build();
        this.rateLimits = new GhlRateLimits(settings.limits());
        this.breaker = CircuitBreaker.of("ghl-api", CircuitBreakerConfig.custom()
                .slidingWindowSize(20).minimumNumberOfCalls(10).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30))
                .recordException(e -> e instanceof GhlApiException g && g.retryable())
                .build());
    }

    /** Sends an SMS to the lead; returns GHL's message id. */
    public String sendSms(LeadRef lead, String text) {
        ObjectNode body = json.createObjectNode().put("type", "SMS").put("contactId", lead.contactId()).put("message", text);
        JsonNode response = call(lead.locationId(), "POST", "/conversations/messages", body, CONVERSATIONS_VERSION);
        JsonNode id = response.get("messageId");
        return id == null || id.isNull() ? null : id.asText();
    }

    public void addTags(LeadRef lead, List<String> tags) {
        ObjectNode body = json.createObjectNode();
        ArrayNode arr = body.putArray("tags");
        tags.forEach(arr::add);
        call(lead.locationId(), "POST", "/contacts/" + lead.contactId() + "/tags", body, CRM_VERSION);
    }

    /** Custom fields by their GHL key, e.g. {@code contact.budget}. */
    public void updateCustomFields(LeadRef lead, Map<String, String> fields) {
        ObjectNode body = json.createObjectNode();
        ArrayNode arr = body.putArray("customFields");
        fields.forEach((k, v) -> arr.addObject().put("key", k).put("field_value", v));
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION);
    }

    public void setDoNotDisturb(LeadRef lead) {
        ObjectNode body = json.createObjectNode().put("dnd", true);
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION);
    }

    public void assignContact(LeadRef lead, String userId) {
        ObjectNode body = json.createObjectNode().put("assignedTo", userId);
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION);
    }

    /** A task on the contact for an agent: how GHL notifies a person that a lead needs them. */
    public void createTask(LeadRef lead, String title, String details, String assignedTo, java.time.Instant dueDate) {
        ObjectNode body = json.createObjectNode().put("title", title).put("body", details)
                .put("dueDate", dueDate.toString()).put("completed", false);
        if (assignedTo != null) body.put("assignedTo", assignedTo);
        call(lead.locationId(), "POST", "/contacts/" + lead.contactId() + "/tasks", body, CRM_VERSION);
    }

    public void moveOpportunity(String locationId, String opportunityId, String pipelineId, String stageId) {
        ObjectNode body = json.createObjectNode().put("pipelineId", pipelineId).put("pipelineStageId", stageId);
        call(locationId, "PUT", "/opportunities/" + opportunityId, body, CRM_VERSION);
    }

    /** Creates the lead's opportunity in the bot's pipeline; returns its id. */
    public String createOpportunity(LeadRef lead, String pipelineId, String stageId, String name) {
        ObjectNode body = json.createObjectNode().put("pipelineId", pipelineId).put("locationId", lead.locationId())
                .put("name", name).put("pipelineStageId", stageId).put("status", "open")
                .put("contactId", lead.contactId());
        JsonNode response = call(lead.locationId(), "POST", "/opportunities/", body, CRM_VERSION);
        JsonNode opp = response.path("opportunity").path("id");
        return opp.isMissingNode() ? response.path("id").asText(null) : opp.asText();
    }

    private JsonNode call(String locationId, String method, String path, ObjectNode body, String version) {
        for (int attempt = 1; ; attempt++) {
            GhlApiException failure;
            try {
                rateLimits.acquire(locationId);
                return breaker.executeCallable(() -> once(method, path, body, version));
            } catch (GhlApiException e) {
                failure = e;
            } catch (CallNotPermittedException e) {
                metrics.count(PlatformMetrics.GHL_API_ERRORS, "circuit_open");
                throw new GhlApiException("GHL API circuit is open after repeated failures", 0, true, e);
            } catch (Exception e) {
                failure = new GhlApiException("GHL API call failed: " + e.getMessage(), 0, true, e);
            }
            metrics.count(PlatformMetrics.GHL_API_ERRORS, failure.status() == 0 ? "network" : Integer.toString(failure.status()));
            if (!failure.retryable()) throw failure;
            Duration delay = settings.retry().delayAfter(attempt, failure.retryAfter());
            if (delay.isNegative()) throw failure;
            metrics.count(PlatformMetrics.GHL_API_RETRIES);
            log.warn("GHL API {} {} failed (status {}), retry {} in {} ms", method, path.replaceAll("/[A-Za-z0-9_-]{12,}", "/…"),
                    failure.status(), attempt, delay.toMillis());
            sleep(delay);
        }
    }

    private JsonNode once(String method, String path, ObjectNode body, String version) {
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + settings.token().get())
                .header("Version", version)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GhlApiException("GHL API unreachable: " + e.getClass().getSimpleName(), 0, true, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GhlApiException("interrupted", 0, true, e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            } catch (IOException e) {
                return json.createObjectNode();
            }
        }
        boolean retryable = status == 429 || status >= 500 || status == 408;
        throw new GhlApiException("GHL API answered " + status + " to " + method + " " + path.split("/")[1],
                status, retryable, response.headers().firstValue("Retry-After").orElse(null), null);
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GhlApiException("interrupted during back-off", 0, true, e);
        }
    }
}
