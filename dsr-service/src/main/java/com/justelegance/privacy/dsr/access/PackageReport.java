package com.justelegance.privacy.dsr.access;

import com.fasterxml.jackson.databind.JsonNode;
import com.justelegance.privacy.dsr.correspondence.LetterFormats;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The readable forms of a package: an HTML report from one Qute template ({@code templates/access/report.html}),
 * and a PDF of that same HTML laid out by openhtmltopdf, so the two never say different things. Each source's data
 * is shown as an indented list of its fields in plain words ({@code placedAt} as "Placed at"), whatever its shape.
 */
@ApplicationScoped
public class PackageReport {

    private static final ZoneId UK = ZoneId.of("Europe/London");

    @CheckedTemplate(basePath = "access")
    static class Templates {

        static native TemplateInstance report(ReportView report);
    }

    /** What the template shows: everything already in words. */
    public record ReportView(String caseReference, String requestType, String receivedOn, String preparedOn,
                             String controller, String contact, boolean complete, String missingSources,
                             List<SectionView> sections, List<Row> purposes, String categories,
                             List<Row> recipients, List<Row> retention, List<Row> origins, List<Row> rights,
                             PackageDocument.Complaint complaint) {
    }

    /** One source's part: its heading, what it holds, and its data as rows (or why there are none). */
    public record SectionView(String title, String holds, String status, List<Row> rows) {
    }

    /** One field: its depth in the data (for indenting), its label, and its value (empty for a group). */
    public record Row(int depth, String label, String value) {

        /** The indentation, in em, for the template. */
        public double indent() {
            return depth * 1.2;
        }
    }

    public String html(PackageDocument document) {
        return Templates.report(view(document)).render();
    }

    public byte[] pdf(PackageDocument document) {
        org.w3c.dom.Document dom = new W3CDom().fromJsoup(Jsoup.parse(html(document)));
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            new PdfRendererBuilder().useFastMode().withW3cDocument(dom, "/").toStream(out).run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The package could not be laid out as PDF", e);
        }
    }

    private static ReportView view(PackageDocument document) {
        List<SectionView> sections = new ArrayList<>();
        for (PackageDocument.Section section : document.sections().values()) {
            String status = switch (section.outcome()) {
                case INCLUDED -> "";
                case NOTHING_HELD -> "We hold nothing about you here.";
                case MISSING -> "We could not collect this part when we prepared the package; we will send it "
                        + "separately.";
            };
            List<Row> rows = new ArrayList<>();
            if (section.data() != null) {
                flatten(section.data(), 0, rows);
                if (rows.isEmpty()) {
                    status = "We hold nothing about you here.";
                }
            }
            sections.add(new SectionView(section.title(), section.holds(), status, rows));
        }
        PackageDocument.SupplementaryInformation info = document.supplementaryInformation();
        return new ReportView(document.caseReference(), LetterFormats.inWords(document.requestType()),
                LetterFormats.ukDate(document.requestReceivedOn()),
                LetterFormats.ukDate(LocalDate.ofInstant(document.preparedAt(), UK)), document.controller(),
                document.contact(), document.complete(), String.join(", ", document.missingSources()), sections,
                info.purposes().stream().map(p -> new Row(0, p.data(), p.purpose() + " (lawful basis: "
                        + words(p.lawfulBasis()) + ")")).toList(),
                words(info.categoriesOfData()),
                info.recipients().stream().map(r -> new Row(0, r.name(),
                        (r.category() == null ? "" : label(r.category()) + ": ") + words(r.dataCategories()))).toList(),
                info.retention().stream().map(r -> new Row(0, r.data(), r.period())).toList(),
                info.sourcesOfData().stream().map(o -> new Row(0, o.data(), o.source())).toList(),
                info.rights().stream().map(r -> new Row(0, r.right() + " (" + r.article() + ")", r.howToUseIt()))
                        .toList(),
                info.complaint());
    }

    /** The data as rows: an object's fields by label, an array's items numbered, scalars as text. */
    static void flatten(JsonNode node, int depth, List<Row> rows) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                add(label(field.getKey()), field.getValue(), depth, rows);
            }
        } else if (node.isArray()) {
            int number = 1;
            for (JsonNode item : node) {
                add(Integer.toString(number++), item, depth, rows);
            }
        } else if (!node.isNull() && !node.isMissingNode()) {
            rows.add(new Row(depth, "", node.asText()));
        }
    }

    private static void add(String label, JsonNode value, int depth, List<Row> rows) {
        if (value.isNull() || value.isMissingNode()) {
            return;
        }
        if (value.isContainerNode()) {
            if (value.isEmpty()) {
                rows.add(new Row(depth, label, "none"));
                return;
            }
            rows.add(new Row(depth, label, ""));
            flatten(value, depth + 1, rows);
        } else {
            rows.add(new Row(depth, label, value.asText()));
        }
    }

    /** {@code placedAt} as "Placed at", {@code CONTACT_NAME} as "Contact name". */
    static String label(String field) {
        String spaced = field.contains("_") ? field.replace('_', ' ')
                : field.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
        String lower = spaced.toLowerCase(Locale.ROOT);
        return lower.isEmpty() ? lower : Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }

    /** Codes as words, {@code LEGAL_OBLIGATION, CONTRACT} as "Legal obligation, Contract". */
    private static String words(List<String> codes) {
        return String.join(", ", codes.stream().map(code -> code == null ? "" : label(code)).toList());
    }
}
