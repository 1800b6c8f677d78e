package dev.guichet.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.apache.commons.csv.CSVFormat;

/**
 * The columns of the CSV export in one language: headers and status / priority labels from
 * {@code export/columns*.properties}, the separator, and how each value is written.
 *
 * <ul>
 *   <li>Separator: {@code ;} in French, because French Excel (and LibreOffice in a French locale)
 *       splits on {@code ;} when it opens a CSV file (the list separator of the French regional
 *       settings, where {@code ,} is the decimal mark); {@code ,} in English.</li>
 *   <li>Times: local time in {@code REPORTS_TIME_ZONE}, {@code yyyy-MM-dd HH:mm:ss}, which Excel
 *       reads as a date in either language.</li>
 *   <li>Formula injection (OWASP "CSV Injection"): a text cell starting with {@code = + - @}, a tab or a
 *       carriage return gets a leading apostrophe, so a spreadsheet shows it as text instead of
 *       evaluating it.</li>
 * </ul>
 */
record CsvColumns(ResourceBundle labels, CSVFormat format, ZoneId zone) {

    static final List<String> NAMES = List.of(
            "id",
            "title",
            "status",
            "priority",
            "category",
            "requester",
            "requester_email",
            "assignee",
            "created_at",
            "updated_at",
            "first_response_at",
            "first_response_due_at",
            "resolved_at",
            "resolution_due_at",
            "closed_at",
            "satisfaction_score",
            "satisfaction_comment");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** @return the columns in English for {@code en}, else in French */
    static CsvColumns of(Locale locale, ZoneId zone) {
        boolean english = "en".equals(locale.getLanguage());
        ResourceBundle labels =
                ResourceBundle.getBundle("export.columns", english ? Locale.ENGLISH : Locale.FRENCH, NO_FALLBACK);
        CSVFormat format =
                CSVFormat.EXCEL.builder().setDelimiter(english ? ',' : ';').get();
        return new CsvColumns(labels, format, zone);
    }

    /** @return the header row */
    List<String> headers() {
        return NAMES.stream().map(labels::getString).toList();
    }

    /** @return the values of the current row, in the order of {@link #NAMES} */
    List<Object> values(ResultSet rs) throws SQLException {
        List<Object> values = new ArrayList<>(NAMES.size());
        for (String name : NAMES) {
            Object value = switch (name) {
                case "id" -> rs.getLong(name);
                case "status", "priority" -> labels.getString(name + "." + rs.getString(name));
                case "satisfaction_score" -> {
                    int score = rs.getInt(name);
                    yield rs.wasNull() ? null : score;
                }
                default -> name.endsWith("_at") ? time(rs.getTimestamp(name)) : neutralise(rs.getString(name));
            };
            values.add(value);
        }
        return values;
    }

    /** @return the download's file name, e.g. {@code demandes-2026-12-04.csv} */
    String fileName() {
        return labels.getString("file") + "-" + LocalDate.now(zone) + ".csv";
    }

    private String time(Timestamp ts) {
        return ts == null ? null : TIME.format(ts.toInstant().atZone(zone));
    }

    /**
     * @return the text with a leading apostrophe when a spreadsheet would read it as a formula
     *         (starts with {@code = + - @}, tab or CR), unchanged otherwise; null stays null
     */
    static String neutralise(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text
                : text;
    }
}
