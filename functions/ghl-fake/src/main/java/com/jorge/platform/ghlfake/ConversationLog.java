package com.jorge.platform.ghlfake;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The messages the fake GHL API took, answered the way GHL's Conversations API lists them (search
 * conversations by contact, a conversation's messages newest first in pages), so a client can check
 * whether a send whose answer it never saw went through.
 */
final class ConversationLog {

    /** One message GHL took. */
    record Sent(String id, String conversationId, String contactId, String messageType, String body, Instant dateAdded) {}

    private static final int DEFAULT_PAGE = 20;
    private static final int MAX_PAGE = 100;

    // appended on every SMS, read only on a lookup: a copy-on-write list would copy every message per append
    private final Queue<Sent> sent = new ConcurrentLinkedQueue<>();
    private final ObjectMapper json;

    ConversationLog(ObjectMapper json) {
        this.json = json;
    }

    static String conversationIdFor(String contactId) {
        return "conv-" + contactId;
    }

    void add(Sent message) {
        sent.add(message);
    }

    List<Sent> all() {
        return List.copyOf(sent);
    }

    void clear() {
        sent.clear();
    }

    /** GET /conversations/search?contactId=...: the contact's one conversation, if it has messages. */
    ObjectNode search(String contactId, String locationId) {
        ObjectNode out = json.createObjectNode();
        ArrayNode conversations = out.putArray("conversations");
        Sent last = null;
        for (Sent s : sent) if (contactId == null || s.contactId().equals(contactId)) last = s;
        if (contactId != null && last != null) {
            ObjectNode c = conversations.addObject().put("id", last.conversationId()).put("contactId", contactId)
                    .put("lastMessageBody", last.body()).put("lastMessageType", "TYPE_" + last.messageType())
                    .put("type", "TYPE_PHONE").put("unreadCount", 0);
            if (locationId != null) c.put("locationId", locationId);
        }
        out.put("total", conversations.size());
        return out;
    }

    /** GET /conversations/{id}/messages?lastMessageId=...&limit=...: newest first, then older pages. */
    ObjectNode messages(String conversationId, String lastMessageId, int limit) {
        int pageSize = limit <= 0 ? DEFAULT_PAGE : Math.min(limit, MAX_PAGE);
        List<Sent> newestFirst = new ArrayList<>();
        for (Sent s : sent) if (s.conversationId().equals(conversationId)) newestFirst.addFirst(s);
        int start = 0;
        if (lastMessageId != null) {
            for (int i = 0; i < newestFirst.size(); i++) {
                if (newestFirst.get(i).id().equals(lastMessageId)) start = i + 1;
            }
        }
        List<Sent> page = newestFirst.subList(Math.min(start, newestFirst.size()), Math.min(start + pageSize, newestFirst.size()));
        ObjectNode out = json.createObjectNode();
        out.put("lastMessageId", page.isEmpty() ? "" : page.getLast().id());
        out.put("nextPage", start + page.size() < newestFirst.size());
        ArrayNode items = out.putArray("messages");
        for (Sent s : page) {
            items.addObject().put("id", s.id()).put("type", 1).put("messageType", "TYPE_" + s.messageType())
                    .put("contactId", s.contactId()).put("conversationId", s.conversationId())
                    .put("dateAdded", s.dateAdded().toString()).put("body", s.body()).put("direction", "outbound")
                    .put("status", "delivered").put("contentType", "text/plain").put("source", "api");
        }
        return out;
    }
}
