package com.justelegance.privacy.consent.rest;

import com.justelegance.privacy.kit.problem.ConsentProblem;
import com.justelegance.privacy.kit.problem.ProblemType;
import jakarta.ws.rs.core.Response;

/**
 * The plain HTML pages a person sees when they open an unsubscribe link in a browser: no script, no external
 * resources, nothing about the person. Everything inserted is escaped.
 */
final class UnsubscribePage {

    /** No script, no external resources, no framing. */
    private static final String CONTENT_SECURITY_POLICY =
            "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";
    /** Where a person can change their mind either way. */
    private static final String SETTINGS =
            "<p>You can change your marketing choices at any time in your account settings.</p>\n";

    private UnsubscribePage() {
    }

    /** Asks for confirmation: the button posts the one-click form to the link itself. */
    static Response confirm(String link, String purposeDescription, boolean alreadyUsed) {
        String body = alreadyUsed
                ? "<p>This link has already been used. You were unsubscribed from: <strong>" + escape(purposeDescription)
                        + "</strong>.</p>\n" + SETTINGS
                : "<p>Press the button to stop receiving: <strong>" + escape(purposeDescription) + "</strong>.</p>\n"
                        + "<p>Nothing changes until you press it.</p>\n"
                        + "<form method=\"post\" action=\"" + escape(link) + "\">\n"
                        + "<input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\">\n"
                        + "<button type=\"submit\">Unsubscribe</button>\n</form>\n";
        return page(Response.Status.OK.getStatusCode(), "Unsubscribe", body);
    }

    /** After the button: the opt-out is recorded (or was, by an earlier use of the same link). */
    static Response done(String purposeDescription) {
        return page(Response.Status.OK.getStatusCode(), "Unsubscribed", "<p>You are unsubscribed from: <strong>"
                + escape(purposeDescription) + "</strong>. It takes effect at once.</p>\n" + SETTINGS);
    }

    /** A link that cannot be used: altered, not ours, or expired. Says which, and nothing from the link. */
    static Response error(ProblemType problem) {
        String explanation = problem == ConsentProblem.EXPIRED_UNSUBSCRIBE_TOKEN
                ? "<p>This unsubscribe link has expired.</p>\n"
                : "<p>This unsubscribe link is not valid. It may have been copied incompletely.</p>\n";
        return page(problem.status(), "Unsubscribe link not usable", explanation + SETTINGS);
    }

    /** The token is in the URL: no referrer, no cache and no search engine may keep it. */
    private static Response page(int status, String title, String body) {
        String html = """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>body{font-family:sans-serif;max-width:36em;margin:3em auto;padding:0 1em;line-height:1.5}\
                button{font-size:1em;padding:.5em 1.5em}</style>
                </head>
                <body>
                <h1>%s</h1>
                %s</body>
                </html>
                """.formatted(escape(title), escape(title), body);
        return Response.status(status)
                .type("text/html; charset=UTF-8")
                .header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                .entity(html)
                .build();
    }

    /** HTML-escapes text for element content and double-quoted attributes. */
    static String escape(String text) {
        StringBuilder escaped = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }
}
