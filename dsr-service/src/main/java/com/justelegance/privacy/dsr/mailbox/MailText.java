package com.justelegance.privacy.dsr.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The readable text of a MIME message and how many attachments it has. The text is the first text/plain part
 * that is not an attachment, or else the first text/html part turned into text (jsoup; paragraphs and line breaks
 * kept, markup, scripts and styles dropped). Every other leaf part (a file, an image, a forwarded message) counts
 * as an attachment and is not read.
 */
final class MailText {

    /** The text and the attachment count. */
    record Extracted(String text, int attachments) {
    }

    private MailText() {
    }

    static Extracted of(Part message) throws MessagingException, IOException {
        Walk walk = new Walk();
        walk.visit(message);
        String text = walk.plain != null ? walk.plain : walk.html != null ? htmlToText(walk.html) : "";
        return new Extracted(tidy(text), walk.attachments);
    }

    /** Walks the MIME tree once, keeping the first plain and the first HTML body and counting the rest. */
    private static final class Walk {
        String plain;
        String html;
        int attachments;

        void visit(Part part) throws MessagingException, IOException {
            if (isAttachment(part)) {
                attachments++;
            } else if (part.isMimeType("multipart/*")) {
                Multipart multipart = (Multipart) part.getContent();
                for (int i = 0; i < multipart.getCount(); i++) {
                    BodyPart child = multipart.getBodyPart(i);
                    visit(child);
                }
            } else if (part.isMimeType("text/plain")) {
                if (plain == null) {
                    plain = textOf(part);
                }
            } else if (part.isMimeType("text/html")) {
                if (html == null) {
                    html = textOf(part);
                }
            } else {
                // An inline image, a calendar invitation, a forwarded message: not text we read.
                attachments++;
            }
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null;
    }

    /** The part's text in its declared charset, or as UTF-8 when the charset is unknown. */
    private static String textOf(Part part) throws MessagingException, IOException {
        try {
            Object content = part.getContent();
            if (content instanceof String text) {
                return text;
            }
        } catch (UnsupportedEncodingException unknownCharset) {
            // read the bytes below
        }
        try (InputStream in = part.getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Elements after which text continues after a blank line. */
    private static final Set<String> PARAGRAPHS = Set.of("p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote",
            "pre", "table", "ul", "ol");
    /** Elements after which text continues on a new line. */
    private static final Set<String> LINES = Set.of("div", "br", "li", "tr", "hr", "section", "article", "header",
            "footer");

    /** HTML as a person reads it: the text, a blank line after each paragraph, a line break after each {@code <br>}. */
    static String htmlToText(String html) {
        Element body = Jsoup.parse(html).body();
        body.select("script, style, head").remove();
        StringBuilder text = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode textNode) {
                    text.append(textNode.text());
                } else if (node instanceof Element element && element.normalName().equals("li")) {
                    text.append("- ");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element element) {
                    if (PARAGRAPHS.contains(element.normalName())) {
                        text.append("\n\n");
                    } else if (LINES.contains(element.normalName())) {
                        text.append('\n');
                    }
                }
            }
        }, body);
        return text.toString();
    }

    /** Unix line ends, no trailing spaces, at most one blank line in a row, nothing around the whole. */
    private static String tidy(String text) {
        return text.replace("\r\n", "\n").replace('\r', '\n')
                .replace('\u00a0', ' ')
                .replaceAll("[ \t]+\n", "\n")
                .replaceAll("\n{3,}", "\n\n")
                .strip();
    }
}
