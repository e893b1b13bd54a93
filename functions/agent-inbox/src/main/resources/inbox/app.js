// The agents' inbox: log in (Cognito InitiateAuth), list the offers and the approvals, read a lead, accept or
// approve in one tap; team leads and admins re-engage cold leads (preview, then send).
// No framework and nothing from another origin: the page is served with a strict Content-Security-Policy.
"use strict";

const state = { token: sessionStorage.getItem("inbox.token"), config: null };
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => (k === "class" ? (node.className = v) : node.setAttribute(k, v)));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c ?? ""))));
  return node;
}

function show(section) {
  ["login", "offers", "lead"].forEach((id) => ($(id).hidden = id !== section));
}

function say(text) {
  $("status").textContent = text || "";
}

async function api(method, path, body) {
  const response = await fetch("api" + path, {
    method,
    headers: { Authorization: "Bearer " + state.token, "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({}));
  if (response.status === 401) {
    sessionStorage.removeItem("inbox.token");
    state.token = null;
    show("login");
  }
  if (!response.ok) throw new Error(answer.message || "request failed (" + response.status + ")");
  return answer;
}

async function logIn(event) {
  event.preventDefault();
  $("login-error").textContent = "";
  const response = await fetch(state.config.authEndpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": "AWSCognitoIdentityProviderService.InitiateAuth",
    },
    body: JSON.stringify({
      AuthFlow: "USER_PASSWORD_AUTH",
      ClientId: state.config.clientId,
      AuthParameters: { USERNAME: $("username").value, PASSWORD: $("password").value },
    }),
  });
  const answer = await response.json().catch(() => ({}));
  if (!response.ok || !answer.AuthenticationResult) {
    $("login-error").textContent = answer.ChallengeName ? "This account needs its MFA code: use the hosted sign-in." : "Wrong email or password.";
    return;
  }
  state.token = answer.AuthenticationResult.AccessToken;
  sessionStorage.setItem("inbox.token", state.token);
  await route();
}

function offerCard(offer) {
  const lead = offer.lead;
  const open = el("button", { type: "button", "data-offer": offer.offerId }, "Read the conversation");
  open.addEventListener("click", () => showLead(lead.locationId, lead.contactId));
  const accept = el("button", { type: "button", class: "primary accept", "data-offer": offer.offerId }, "Accept");
  accept.addEventListener("click", () => decide(offer, "accept"));
  const decline = el("button", { type: "button", class: "decline" }, "Decline");
  decline.addEventListener("click", () => {
    const reason = prompt("Why do you decline?");
    if (reason) decide(offer, "decline", { reason });
  });
  return el("li", { class: "card offer", id: "offer-" + offer.offerId },
    el("div", { class: "hot" }, offer.kind === "ESCALATION" ? "No agent took this lead" : "Hot lead"),
    el("div", {}, offer.reason),
    el("small", {}, "Answer by " + new Date(offer.expiresAt).toLocaleTimeString()),
    el("div", { class: "row" }, accept, decline), open);
}

function approvalCard(approval) {
  const approve = el("button", { type: "button", class: "primary approve" }, "Approve");
  approve.addEventListener("click", () => answerApproval(approval, "approve"));
  const reject = el("button", { type: "button", class: "reject" }, "Reject");
  reject.addEventListener("click", () => {
    const reason = prompt("Why not? The lead gets a safe holding reply instead.");
    if (reason) answerApproval(approval, "reject", { reason });
  });
  const card = el("li", { class: "card approval", id: "approval-" + approval.approvalId },
    el("div", { class: "hot" }, approval.assignee ? "Nobody answered: it is yours now" : "Needs your approval"),
    el("pre", { class: "summary" }, approval.summary),
    el("small", {}, "Rules: " + approval.rules.join(", ") + " · answer by " + new Date(approval.expiresAt).toLocaleTimeString()),
    el("div", { class: "row" }, approve, reject));
  if (approval.contactId) {
    const open = el("button", { type: "button" }, "Read the conversation");
    open.addEventListener("click", () => showLead(approval.locationId, approval.contactId));
    card.append(open);
  }
  return card;
}

async function showOffers() {
  show("offers");
  const [{ offers }, { approvals }] = await Promise.all([api("GET", "/offers"), api("GET", "/approvals")]);
  $("offer-list").replaceChildren(...offers.map(offerCard));
  $("approval-list").replaceChildren(...approvals.map(approvalCard));
  $("approvals").hidden = approvals.length === 0;
  $("offers-title").hidden = offers.length === 0 && approvals.length > 0;
  $("no-offers").hidden = offers.length + approvals.length > 0;
}

async function answerApproval(approval, verb, body) {
  say("");
  try {
    await api("POST", "/approvals/" + approval.approvalId + "/" + verb, body);
    say(verb === "approve" ? "Approved: the bot goes ahead." : "Rejected: the lead gets the safe reply.");
    await showOffers();
  } catch (e) {
    say(e.message);
  }
}

async function decide(offer, verb, body) {
  say("");
  try {
    await api("POST", "/offers/" + offer.offerId + "/" + verb, body);
    say(verb === "accept" ? "The lead is yours." : "Declined.");
    if (verb === "accept") return showLead(offer.lead.locationId, offer.lead.contactId);
    await showOffers();
  } catch (e) {
    say(e.message);
  }
}

async function showLead(locationId, contactId) {
  const { lead } = await api("GET", "/leads/" + encodeURIComponent(locationId) + "/" + encodeURIComponent(contactId));
  show("lead");
  $("lead-title").textContent = lead.firstName || "Lead";
  $("lead-temperature").textContent = lead.temperature + " · " + lead.stage + (lead.botPaused ? " · bot paused" : "");
  $("lead-reasons").replaceChildren(...lead.temperatureReasons.map((r) => el("li", {}, r)));
  $("transcript").replaceChildren(...lead.messages.map((m) => el("li", { class: "msg " + m.direction }, m.body)));
  const path = "/leads/" + encodeURIComponent(locationId) + "/" + encodeURIComponent(contactId);
  const toggle = el("button", { type: "button", id: "pause-toggle" }, lead.botPaused ? "Give back to the bot" : "Take over");
  toggle.addEventListener("click", async () => {
    try {
      await api("POST", path + (lead.botPaused ? "/give-back" : "/take-over"));
      await showLead(locationId, contactId);
    } catch (e) {
      say(e.message);
    }
  });
  $("lead-actions").replaceChildren(toggle);
}

// Team leads and admins re-engage a location's cold leads: a preview (how many, whether it needs an approval, the
// text), then one tap to send. The request id is chosen with the preview, so a second tap is the same batch.
function reengagePanel(me) {
  const oversees = me.role === "team_lead" || me.role === "admin";
  $("reengage").hidden = !oversees;
  if (!oversees) return;
  $("reengage-location").replaceChildren(...me.locations.map((l) => el("option", { value: l.locationId }, l.locationId)));
  $("reengage-result").replaceChildren();
}

function newRequestId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
}

async function previewReengagement() {
  say("");
  const locationId = $("reengage-location").value;
  const quietDays = Number($("reengage-days").value);
  const path = "/locations/" + encodeURIComponent(locationId) + "/reengagements";
  try {
    const preview = await api("POST", path, { quietDays, dryRun: true });
    if (preview.leads === 0) {
      $("reengage-result").replaceChildren(el("p", { id: "reengage-count" }, "No cold lead to re-engage."));
      return;
    }
    const requestId = newRequestId();
    const send = el("button", { type: "button", class: "primary", id: "reengage-send" },
      preview.needsApproval ? "Ask for approval" : "Send " + preview.leads + " texts");
    send.addEventListener("click", async () => {
      send.disabled = true;
      try {
        const answer = await api("POST", path, { quietDays, requestId });
        say(answer.status === "awaiting_approval" ? "Waiting for an approval: nothing goes out before."
          : answer.status === "queued" ? "Queued: " + answer.leads + " texts, each in the lead's language."
          : "No cold lead to re-engage.");
      } catch (e) {
        send.disabled = false;
        say(e.message);
      }
    });
    $("reengage-result").replaceChildren(
      el("p", { id: "reengage-count" }, preview.leads + " cold lead" + (preview.leads === 1 ? "" : "s")
        + (preview.needsApproval ? " · needs an approval first" : "")),
      el("pre", { class: "summary" }, preview.texts.seller.en[0]),
      send);
  } catch (e) {
    say(e.message);
  }
}

async function route() {
  if (!state.token) return show("login");
  const me = await api("GET", "/me");
  $("who").textContent = me.role.replace("_", " ");
  reengagePanel(me);
  const target = location.hash.match(/^#lead\/([^/]+)\/(.+)$/);
  if (target) return showLead(decodeURIComponent(target[1]), decodeURIComponent(target[2]));
  return showOffers();
}

document.addEventListener("DOMContentLoaded", async () => {
  state.config = await (await fetch("config.json")).json();
  $("login").addEventListener("submit", logIn);
  $("back").addEventListener("click", showOffers);
  $("reengage-preview").addEventListener("click", previewReengagement);
  route().catch((e) => say(e.message));
});
