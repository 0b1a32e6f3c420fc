package com.justelegance.privacy.console.web;

/** RFC 4180 cells, safe to open in a spreadsheet (a leading {@code = + - @} is quoted away from formula parsing). */
public final class Csv {

    private Csv() {
    }

    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.matches(".*[\",\\n\\r].*") || text.startsWith("'")
                ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
