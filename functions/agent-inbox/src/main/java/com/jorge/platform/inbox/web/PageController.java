package com.jorge.platform.inbox.web;

import com.jorge.platform.inbox.Inbox;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The mobile page, from the jar's {@code inbox/} resources: no CDN, nothing loaded from elsewhere (the
 * Content-Security-Policy says so). {@code config.json} tells the page where to log in.
 */
@Controller("/inbox")
public final class PageController {

    private final Inbox inbox;
    private final String csp;
    private final Map<String, String> files;

    public PageController(Inbox inbox) {
        this.inbox = inbox;
        // the page talks to this API and to the user pool's login endpoint, nothing else
        this.csp = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self' "
                + origin(inbox.page().authEndpoint()) + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        this.files = Map.of("index.html", read("index.html"), "app.js", read("app.js"), "app.css", read("app.css"));
    }

    @Get
    public HttpResponse<String> index() {
        return file("index.html", MediaType.TEXT_HTML);
    }

    @Get("/app.js")
    public HttpResponse<String> script() {
        return file("app.js", "text/javascript");
    }

    @Get("/app.css")
    public HttpResponse<String> style() {
        return file("app.css", "text/css");
    }

    @Get("/config.json")
    public HttpResponse<String> config() {
        return Answers.json(inbox.json(), 200, inbox.page());
    }

    private MutableHttpResponse<String> file(String name, String type) {
        return HttpResponse.ok(files.get(name)).contentType(type + "; charset=utf-8")
                .header("Content-Security-Policy", csp).header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-cache");
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String read(String name) {
        try (InputStream in = PageController.class.getResourceAsStream("/inbox/" + name)) {
            if (in == null) throw new IllegalStateException("inbox/" + name + " is missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
