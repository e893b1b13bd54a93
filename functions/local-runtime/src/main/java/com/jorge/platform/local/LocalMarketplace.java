package com.jorge.platform.local;

import com.jorge.platform.ghlfake.FakeGhlServer;
import com.jorge.platform.ghlfake.WebhookSigner;
import com.jorge.platform.install.MarketplaceInstallHandler;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * What GHL and an admin's browser do to the Marketplace app, over HTTP against the local gateway: after
 * consent GHL redirects the browser to {@code /oauth/callback?code=} (the code from the fake's token
 * endpoints), and GHL posts signed INSTALL / UNINSTALL events to {@code /webhooks/ghl/app}.
 */
public final class LocalMarketplace {

    private final URI gateway;
    private final FakeGhlServer ghl;
    private final WebhookSigner signer;
    private final HttpClient http = HttpClient.newHttpClient();

    LocalMarketplace(URI gateway, FakeGhlServer ghl, WebhookSigner signer) {
        this.gateway = gateway;
        this.ghl = ghl;
        this.signer = signer;
    }

    /** A sub-account admin installs the app for {@code locationId}; returns the callback's HTTP status. */
    public int install(String locationId) throws IOException, InterruptedException {
        String code = ghl.oauth().authorizationCode(locationId);
        URI callback = gateway.resolve(MarketplaceInstallHandler.CALLBACK_PATH + "?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(callback).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** GHL's UNINSTALL webhook for {@code locationId}, Ed25519-signed; returns the HTTP status. */
    public int uninstall(String locationId) throws IOException, InterruptedException {
        String body = "{\"type\":\"UNINSTALL\",\"appId\":\"fake-app\",\"locationId\":\"" + locationId
                + "\",\"companyId\":\"company-of-" + locationId + "\"}";
        HttpRequest request = HttpRequest.newBuilder(gateway.resolve(MarketplaceInstallHandler.APP_EVENTS_PATH))
                .header("Content-Type", "application/json")
                .header("X-GHL-Signature", signer.ed25519Signature(body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
