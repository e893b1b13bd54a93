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
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The GHL (LeadConnector) REST API calls the bots make: send an SMS (Conversations API), tag and update
 * contacts, move opportunities, create tasks for agents. Every call goes through the location's rate
 * limits (ours, paced further by GHL's {@code X-RateLimit-*} answers so it slows down before a 429), a circuit breaker, timeouts and retries with jitter, with the location's own token from
 * {@link GhlTokens}; a 401 (the token expired mid-flight) is retried once with a refreshed token.
 */
public final class GhlApiClient {

    private static final Logger log = LoggerFactory.getLogger(GhlApiClient.class);
    private static final String CONVERSATIONS_VERSION = "2021-04-15";
    private static final String CRM_VERSION = "2021-07-28";
    /** How far GHL's clock may be behind ours when matching a message to the attempt that sent it. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(60);
    static final int PAGE_SIZE = 50;
    static final int MAX_PAGES = 5;

    /** Where and how to call GHL; the tokens come from {@link GhlTokens}, per location. */
    public record Settings(URI baseUrl, Duration connectTimeout, Duration requestTimeout, RetryPolicy retry,
                           GhlRateLimits.Limits limits) {}

    private final Settings settings;
    private final GhlTokens tokens;
    private final HttpClient http;
    private final ObjectMapper json;
    private final GhlRateLimits rateLimits;
    private final CircuitBreaker breaker;
    private final PlatformMetrics metrics;

    /** Each call carries its location's token from {@code tokens} (a private integration's is one for all). */
    public GhlApiClient(Settings settings, GhlTokens tokens, ObjectMapper json, PlatformMetrics metrics) {
        this.settings = settings;
        this.tokens = tokens;
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

    /**
     * Sends an SMS to the lead; returns GHL's message id. A failed attempt whose outcome is unknown
     * (a 5xx, a timeout or a dropped connection after the request was written: GHL may have sent it)
     * is never repeated blindly: before the next attempt the client looks for the text in the
     * contact's conversation ({@link #findSentSms}) and returns the id it finds there. When the
     * client gives up, the exception's {@link GhlApiException#outcome()} tells the caller whether a
     * later re-send must look first ({@code UNKNOWN}) or may simply send ({@code NOT_PROCESSED}).
     */
    public String sendSms(LeadRef lead, String text) {
        Instant firstAttempt = Instant.now();
        ObjectNode body = json.createObjectNode().put("type", "SMS").put("contactId", lead.contactId()).put("message", text);
        JsonNode response = call(lead.locationId(), "POST", "/conversations/messages", body, CONVERSATIONS_VERSION,
                () -> findSentSms(lead, text, firstAttempt).map(m -> json.createObjectNode().put("messageId", m.id())));
        JsonNode id = response.get("messageId");
        return id == null || id.isNull() ? null : id.asText();
    }

    /**
     * An email to a contact through the Conversations API: the agents' inbox notices (an agent is a
     * contact of the location for this). A retried send whose outcome was unknown may arrive twice.
     */
    public String sendEmail(LeadRef contact, String subject, String html) {
        ObjectNode body = json.createObjectNode().put("type", "Email").put("contactId", contact.contactId())
                .put("subject", subject).put("html", html);
        JsonNode id = call(contact.locationId(), "POST", "/conversations/messages", body, CONVERSATIONS_VERSION, null)
                .get("messageId");
        return id == null || id.isNull() ? null : id.asText();
    }

    /**
     * The outbound SMS with exactly {@code text} that GHL holds in the lead's conversations, added no
     * earlier than {@code attemptedAt} less {@link #CLOCK_SKEW}; empty when there is none. For a send
     * whose outcome was unknown: call it with the time of the first attempt before sending again.
     * Reads the Conversations API: {@code GET /conversations/search?locationId&contactId}, then
     * {@code GET /conversations/{id}/messages?type=TYPE_SMS&limit&lastMessageId} newest first, up to
     * {@link #MAX_PAGES} pages or the first message older than the window. GHL's send takes no
     * client-side id, so text plus time is the match: the bots never send one lead the same text
     * twice within a minute. Throws {@link GhlApiException} when GHL cannot be asked; then the
     * outcome is still unknown and the caller must not send.
     */
    public Optional<SentMessage> findSentSms(LeadRef lead, String text, Instant attemptedAt) {
        Instant since = attemptedAt.minus(CLOCK_SKEW);
        JsonNode found = call(lead.locationId(), "GET", "/conversations/search?locationId=" + encode(lead.locationId())
                + "&contactId=" + encode(lead.contactId()), null, CONVERSATIONS_VERSION, null);
        for (JsonNode conversation : found.path("conversations")) {
            String conversationId = conversation.path("id").asText("");
            if (conversationId.isEmpty()) {
                continue;
            }
            String lastMessageId = null;
            for (int page = 0; page < MAX_PAGES; page++) {
                JsonNode list = call(lead.locationId(), "GET", "/conversations/" + encode(conversationId) + "/messages?type=TYPE_SMS&limit="
                        + PAGE_SIZE + (lastMessageId == null ? "" : "&lastMessageId=" + encode(lastMessageId)), null, CONVERSATIONS_VERSION, null);
                // the spec documents the page at the top level; the live API is reported to nest it under "messages"
                JsonNode pageNode = list.path("messages").isObject() ? list.path("messages") : list;
                boolean reachedOlder = false;
                for (JsonNode m : pageNode.path("messages")) {
                    Instant added = instant(m.path("dateAdded").asText(null));
                    if (added == null || added.isBefore(since)) {
                        reachedOlder |= added != null;
                        continue;
                    }
                    // stripped: a carrier or GHL may trim what surrounds the text, never its words
                    if ("outbound".equals(m.path("direction").asText()) && text.strip().equals(m.path("body").asText("").strip())) {
                        return Optional.of(new SentMessage(m.path("id").asText(), conversationId, added));
                    }
                }
                lastMessageId = pageNode.path("lastMessageId").asText("");
                if (reachedOlder || !pageNode.path("nextPage").asBoolean(false) || lastMessageId.isEmpty()) {
                    break;
                }
            }
        }
        return Optional.empty();
    }

    public void addTags(LeadRef lead, List<String> tags) {
        ObjectNode body = json.createObjectNode();
        ArrayNode arr = body.putArray("tags");
        tags.forEach(arr::add);
        call(lead.locationId(), "POST", "/contacts/" + lead.contactId() + "/tags", body, CRM_VERSION, null);
    }

    /** Custom fields by their GHL key, e.g. {@code contact.budget}. */
    public void updateCustomFields(LeadRef lead, Map<String, String> fields) {
        ObjectNode body = json.createObjectNode();
        ArrayNode arr = body.putArray("customFields");
        fields.forEach((k, v) -> arr.addObject().put("key", k).put("field_value", v));
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION, null);
    }

    public void setDoNotDisturb(LeadRef lead) {
        ObjectNode body = json.createObjectNode().put("dnd", true);
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION, null);
    }

    public void assignContact(LeadRef lead, String userId) {
        ObjectNode body = json.createObjectNode().put("assignedTo", userId);
        call(lead.locationId(), "PUT", "/contacts/" + lead.contactId(), body, CRM_VERSION, null);
    }

    /** A task on the contact for an agent: how GHL notifies a person that a lead needs them. */
    public void createTask(LeadRef lead, String title, String details, String assignedTo, java.time.Instant dueDate) {
        ObjectNode body = json.createObjectNode().put("title", title).put("body", details)
                .put("dueDate", dueDate.toString()).put("completed", false);
        if (assignedTo != null) body.put("assignedTo", assignedTo);
        call(lead.locationId(), "POST", "/contacts/" + lead.contactId() + "/tasks", body, CRM_VERSION, null);
    }

    public void moveOpportunity(String locationId, String opportunityId, String pipelineId, String stageId) {
        ObjectNode body = json.createObjectNode().put("pipelineId", pipelineId).put("pipelineStageId", stageId);
        call(locationId, "PUT", "/opportunities/" + opportunityId, body, CRM_VERSION, null);
    }

    /** Creates the lead's opportunity in the bot's pipeline; returns its id. */
    public String createOpportunity(LeadRef lead, String pipelineId, String stageId, String name) {
        ObjectNode body = json.createObjectNode().put("pipelineId", pipelineId).put("locationId", lead.locationId())
                .put("name", name).put("pipelineStageId", stageId).put("status", "open")
                .put("contactId", lead.contactId());
        JsonNode response = call(lead.locationId(), "POST", "/opportunities/", body, CRM_VERSION, null);
        JsonNode opp = response.path("opportunity").path("id");
        return opp.isMissingNode() ? response.path("id").asText(null) : opp.asText();
    }

    /**
     * The calendar's free slot start times from {@code from} to {@code to} (GHL allows 31 days at most),
     * as GHL lists them in {@code zone}: {@code GET /calendars/{id}/free-slots}.
     */
    public List<Instant> freeSlots(String locationId, String calendarId, Instant from, Instant to, java.time.ZoneId zone) {
        JsonNode days = call(locationId, "GET", "/calendars/" + encode(calendarId) + "/free-slots?startDate=" + from.toEpochMilli()
                + "&endDate=" + to.toEpochMilli() + "&timezone=" + encode(zone.getId()), null, CONVERSATIONS_VERSION, null);
        List<Instant> out = new java.util.ArrayList<>();
        days.properties().forEach(day -> day.getValue().path("slots").forEach(slot -> {
            Instant at = instant(slot.asText(null));
            if (at != null) out.add(at);
        }));
        out.sort(null);
        return out;
    }

    /**
     * A new appointment for the lead; returns GHL's appointment id. A slot taken meanwhile answers
     * {@link GhlApiException} 400. An attempt whose outcome was unknown is looked up ({@link #findAppointment})
     * before the next one, so one call never books twice.
     */
    public String createAppointment(LeadRef lead, Appointment appointment) {
        ObjectNode body = appointmentBody(appointment).put("locationId", lead.locationId()).put("contactId", lead.contactId());
        JsonNode response = call(lead.locationId(), "POST", "/calendars/events/appointments", body, CONVERSATIONS_VERSION,
                () -> findAppointment(lead, appointment.calendarId(), appointment.start()).map(id -> json.createObjectNode().put("id", id)));
        return response.path("id").asText(null);
    }

    /** Moves (or retitles) an appointment: {@code PUT /calendars/events/appointments/{id}}. */
    public void updateAppointment(String locationId, String appointmentId, Appointment appointment) {
        call(locationId, "PUT", "/calendars/events/appointments/" + encode(appointmentId), appointmentBody(appointment),
                CONVERSATIONS_VERSION, null);
    }

    /** Cancels an appointment (kept in GHL with status cancelled, as the team sees cancellations). */
    public void cancelAppointment(String locationId, String appointmentId) {
        call(locationId, "PUT", "/calendars/events/appointments/" + encode(appointmentId),
                json.createObjectNode().put("appointmentStatus", "cancelled"), CONVERSATIONS_VERSION, null);
    }

    /**
     * The id of the lead's appointment on {@code calendarId} starting at {@code start}, if GHL holds one
     * ({@code GET /calendars/events}): how a create whose outcome was lost is found before creating again.
     */
    public Optional<String> findAppointment(LeadRef lead, String calendarId, Instant start) {
        JsonNode found = call(lead.locationId(), "GET", "/calendars/events?locationId=" + encode(lead.locationId())
                + "&calendarId=" + encode(calendarId) + "&startTime=" + start.toEpochMilli()
                + "&endTime=" + start.plusSeconds(60).toEpochMilli(), null, CONVERSATIONS_VERSION, null);
        for (JsonNode event : found.path("events")) {
            Instant at = instant(event.path("startTime").asText(null));
            if (lead.contactId().equals(event.path("contactId").asText()) && start.equals(at)
                    && !"cancelled".equals(event.path("appointmentStatus").asText())) {
                return Optional.of(event.path("id").asText());
            }
        }
        return Optional.empty();
    }

    private ObjectNode appointmentBody(Appointment a) {
        ObjectNode body = json.createObjectNode().put("calendarId", a.calendarId()).put("startTime", a.start().toString())
                .put("endTime", a.end().toString()).put("title", a.title()).put("appointmentStatus", "confirmed");
        if (a.assignedUserId() != null) body.put("assignedUserId", a.assignedUserId());
        return body;
    }

    /**
     * One API call with the location's rate limit, the breaker and retries. {@code alreadyDone}, for
     * calls that must not be repeated blindly (a send), is asked before re-trying an attempt whose
     * outcome was unknown; null for calls that are safe to repeat.
     */
    private JsonNode call(String locationId, String method, String path, ObjectNode body, String version,
                          Supplier<Optional<ObjectNode>> alreadyDone) {
        GhlApiException unknownOutcome = null;
        for (int attempt = 1; ; attempt++) {
            if (unknownOutcome != null) {
                Optional<ObjectNode> done = alreadyDone(alreadyDone, unknownOutcome, method, path);
                if (done.isPresent()) {
                    return done.get();
                }
            }
            GhlApiException failure;
            try {
                Duration waited = rateLimits.acquire(locationId);
                if (!waited.isZero()) {
                    metrics.count(PlatformMetrics.GHL_API_RATE_LIMITED, "local");
                    log.debug("GHL API {} {} waited {} ms for the location's rate limit", method, route(path), waited.toMillis());
                }
                String token = tokens.accessToken(locationId);
                return breaker.executeCallable(() -> authorized(locationId, token, method, path, body, version));
            } catch (GhlAuthorizationException e) {
                metrics.count(PlatformMetrics.GHL_API_ERRORS, "not_authorized");
                throw e;
            } catch (GhlApiException e) {
                failure = e;
            } catch (CallNotPermittedException e) {
                metrics.count(PlatformMetrics.GHL_API_ERRORS, "circuit_open");
                throw atLeastAsUncertain(new GhlApiException("GHL API circuit is open after repeated failures", 0, true, e), unknownOutcome);
            } catch (Exception e) {
                failure = GhlApiException.noResponse("GHL API call failed: " + e.getClass().getSimpleName(), GhlApiException.Outcome.UNKNOWN, e);
            }
            if (failure.rateLimited()) {
                metrics.count(PlatformMetrics.GHL_API_RATE_LIMITED, failure.status() == 429 ? "ghl" : "local");
            } else {
                metrics.count(PlatformMetrics.GHL_API_ERRORS, failure.status() == 0 ? "network" : Integer.toString(failure.status()));
            }
            if (failure.outcome() == GhlApiException.Outcome.UNKNOWN && alreadyDone != null) {
                unknownOutcome = failure;
            }
            // our own limiter already waited its longest: the queue brings the message back later
            boolean localLimit = failure.rateLimited() && failure.status() == 0;
            Duration delay = failure.retryable() && !localLimit ? settings.retry().delayAfter(attempt, failure.retryAfter()) : Duration.ofMillis(-1);
            if (delay.isNegative()) {
                if (failure.rateLimited()) {
                    log.info("GHL API {} {}: rate limited ({}), handing back to the queue", method, route(path), localLimit ? "local limit" : "429");
                }
                throw atLeastAsUncertain(failure, unknownOutcome);
            }
            metrics.count(PlatformMetrics.GHL_API_RETRIES);
            if (failure.rateLimited()) {
                log.info("GHL API {} {}: GHL asked us to wait (429), retry {} in {} ms", method, route(path), attempt, delay.toMillis());
            } else {
                log.warn("GHL API {} {} failed (status {}, outcome {}), retry {} in {} ms", method, route(path),
                        failure.status(), failure.outcome(), attempt, delay.toMillis());
            }
            sleep(delay);
        }
    }

    /** Whether an attempt whose outcome was unknown went through after all; when GHL cannot be asked, the outcome stays unknown. */
    private Optional<ObjectNode> alreadyDone(Supplier<Optional<ObjectNode>> check, GhlApiException unknownOutcome, String method, String path) {
        Optional<ObjectNode> done;
        try {
            done = check.get();
        } catch (GhlApiException e) {
            log.info("GHL API {} {}: could not check whether an earlier attempt went through (status {}); not sending again",
                    method, route(path), e.status());
            unknownOutcome.addSuppressed(e);
            throw unknownOutcome;
        }
        if (done.isPresent()) {
            metrics.count(PlatformMetrics.GHL_API_SENDS_CONFIRMED);
            log.info("GHL API {} {}: an earlier attempt with an unknown outcome went through; not sending again", method, route(path));
        }
        return done;
    }

    /** A failure after an attempt whose outcome was unknown is itself unknown: GHL may hold the first one. */
    private static GhlApiException atLeastAsUncertain(GhlApiException failure, GhlApiException unknownOutcome) {
        if (unknownOutcome == null || failure == unknownOutcome || failure.outcome() == GhlApiException.Outcome.UNKNOWN) {
            return failure;
        }
        unknownOutcome.addSuppressed(failure);
        return unknownOutcome;
    }

    /**
     * One attempt; a 401 means the token expired or was replaced since it was read, and GHL did nothing
     * with the request, so it is repeated once with a fresher token (a second 401 is final).
     */
    private JsonNode authorized(String locationId, String token, String method, String path, ObjectNode body, String version) {
        try {
            return once(locationId, token, method, path, body, version);
        } catch (GhlApiException e) {
            if (e.status() != 401) throw e;
            Optional<String> fresher = tokens.afterRejection(locationId, token);
            if (fresher.isEmpty()) throw e;
            log.info("GHL API {} {}: token refused (401), retrying once with a refreshed one", method, route(path));
            return once(locationId, fresher.get(), method, path, body, version);
        }
    }

    private JsonNode once(String locationId, String token, String method, String path, ObjectNode body, String version) {
        HttpRequest request = HttpRequest.newBuilder(settings.baseUrl().resolve(path))
                .timeout(settings.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Version", version)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body.toString()))
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw GhlApiException.noResponse("GHL API unreachable: " + e.getClass().getSimpleName(), outcomeOf(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw GhlApiException.noResponse("interrupted", GhlApiException.Outcome.UNKNOWN, e);
        }
        rateLimits.observe(locationId, GhlRateLimitHeaders.from(response.headers()));
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            try {
                return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
            } catch (IOException e) {
                return json.createObjectNode();
            }
        }
        boolean retryable = status == 429 || status >= 500 || status == 408;
        throw new GhlApiException("GHL API answered " + status + " to " + method + " " + path.split("[/?]")[1],
                status, retryable, response.headers().firstValue("Retry-After").orElse(null), null);
    }

    /**
     * Only a connection that was never made proves the request was not sent; a timeout or a reset
     * once connected may come after GHL read (and acted on) the request.
     */
    private static GhlApiException.Outcome outcomeOf(IOException e) {
        boolean neverConnected = e instanceof HttpConnectTimeoutException || e instanceof ConnectException
                || e.getCause() instanceof ConnectException || e.getCause() instanceof UnresolvedAddressException;
        return neverConnected ? GhlApiException.Outcome.NOT_PROCESSED : GhlApiException.Outcome.UNKNOWN;
    }

    /** The path for a log line: no query, no ids (a contact id is personal data's key). */
    private static String route(String path) {
        int query = path.indexOf('?');
        return (query < 0 ? path : path.substring(0, query)).replaceAll("/(?=[A-Za-z0-9_-]*[A-Z0-9])[A-Za-z0-9_-]{12,}", "/…");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Instant instant(String iso) {
        if (iso == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
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
