package dev.guichet.inbound;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;

/**
 * Reads a raw RFC 5322 message with Jakarta Mail (lenient: broken MIME is read as far as it goes)
 * into a {@link ParsedMail}: sender, subject, threading ids, whether it is automatic (RFC 3834
 * {@code Auto-Submitted}, {@code Precedence: bulk/junk/list}, {@code X-Autoreply},
 * {@code X-Autorespond}, list headers, vacation subjects), the failed recipients of an RFC 3464
 * delivery-status report, the body text and the files.
 *
 * <p>Charsets: labels are read as the WHATWG Encoding Standard says mail clients mean them
 * ({@code iso-8859-1} and {@code us-ascii} are windows-1252, which French text from Outlook often is);
 * an unknown label or undeclared 8-bit text is tried as UTF-8, then windows-1252.
 * Nesting deeper than {@link #MAX_DEPTH} or more than {@link #MAX_PARTS} parts are skipped with a problem noted.
 */
@Singleton
public class MailParser {

    /** Deepest multipart nesting read; real mail rarely passes 5. */
    static final int MAX_DEPTH = 10;
    /** Most parts read in one message. */
    static final int MAX_PARTS = 200;

    private static final Pattern MSG_ID = Pattern.compile("<[^<>\\s]{1,900}>");
    private static final Pattern VACATION_SUBJECT = Pattern.compile(
            "^(auto:|automatic reply|autoreply|auto-reply|out of (the )?office|réponse automatique|absence|absent|vacation|"
                    + "abwesenheit|delivery status notification|undeliverable|non remis|mail delivery failed)",
            Pattern.CASE_INSENSITIVE);
    private static final Session SESSION = Session.getInstance(lenient());

    private static Properties lenient() {
        Properties p = new Properties();
        // RFC 6532: raw UTF-8 in headers, as many clients send it.
        p.setProperty("mail.mime.allowutf8", "true");
        p.setProperty("mail.mime.address.strict", "false");
        p.setProperty("mail.mime.decodetext.strict", "false");
        p.setProperty("mail.mime.decodefilename", "true");
        p.setProperty("mail.mime.parameters.strict", "false");
        p.setProperty("mail.mime.multipart.allowempty", "true");
        p.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        p.setProperty("mail.mime.base64.ignoreerrors", "true");
        p.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        return p;
    }

    /**
     * @param raw the message as fetched
     * @return what it says
     * @throws MessagingException when not even its headers can be read
     */
    public ParsedMail parse(byte[] raw) throws MessagingException {
        MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
        List<String> problems = new ArrayList<>();
        InternetAddress from = firstAddress(message, problems);
        String subject = subject(message, problems);
        Set<String> recipients = new LinkedHashSet<>();
        for (String header : List.of("To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To")) {
            recipients.addAll(addresses(message.getHeader(header, ",")));
        }
        List<String> threadIds = new ArrayList<>();
        for (String header : List.of("In-Reply-To", "References")) {
            String value = message.getHeader(header, " ");
            if (value != null) {
                Matcher m = MSG_ID.matcher(value);
                while (m.find()) {
                    threadIds.add(m.group());
                }
            }
        }
        String messageId = message.getHeader("Message-ID", null);
        // (The poller keys messages on the same header, read from the same bytes.)
        if (messageId != null) {
            Matcher m = MSG_ID.matcher(messageId);
            messageId = m.find() ? m.group() : oneLine(messageId);
            if (messageId.isBlank()) {
                messageId = null;
            }
        }
        Walk walk = new Walk(problems);
        List<ParsedMail.Bounce> bounce = null;
        if (message.isMimeType("multipart/report")
                && "delivery-status".equalsIgnoreCase(contentType(message).getParameter("report-type"))) {
            bounce = bounces(message, problems);
        } else {
            walk.part(message, 0);
        }
        String text = walk.plain != null ? walk.plain : walk.html != null ? ReplyText.htmlToText(walk.html) : "";
        return new ParsedMail(
                messageId,
                from == null ? null : from.getAddress().toLowerCase(Locale.ROOT),
                from == null ? null : from.getPersonal(),
                subject,
                List.copyOf(recipients),
                threadIds,
                automatic(message, subject),
                bounce,
                ReplyText.newText(TextCleaner.multiLine(text)),
                walk.attachments,
                problems);
    }

    private static @Nullable InternetAddress firstAddress(Message message, List<String> problems)
            throws MessagingException {
        String header = ((MimeMessage) message).getHeader("From", ",");
        if (header == null) {
            problems.add("no From header");
            return null;
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            for (InternetAddress a : parsed) {
                if (a.getAddress() != null && a.getAddress().contains("@")) {
                    return a;
                }
            }
        } catch (AddressException e) {
            problems.add("unreadable From header: " + e.getMessage());
        }
        return null;
    }

    private static List<String> addresses(@Nullable String header) {
        if (header == null) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (Address a : InternetAddress.parseHeader(header, false)) {
                String address = ((InternetAddress) a).getAddress();
                if (address != null) {
                    out.add(address.toLowerCase(Locale.ROOT).strip());
                }
            }
            return out;
        } catch (AddressException e) {
            return List.of();
        }
    }

    private static String subject(MimeMessage message, List<String> problems) throws MessagingException {
        String raw = message.getHeader("Subject", " ");
        if (raw == null) {
            return "";
        }
        String decoded;
        try {
            decoded = MimeUtility.decodeText(MimeUtility.unfold(raw));
        } catch (IOException e) {
            problems.add("subject in an unknown charset");
            decoded = raw;
        }
        if (decoded.matches("(?s).*[\\r\\n\\x00].*")) {
            // An encoded CR/LF is a header injection attempt (or a broken client): never let it reach a header.
            problems.add("subject contained line breaks or NUL (header injection attempt?): flattened");
        }
        return oneLine(decoded);
    }

    /** @return the text on one line: every control character and run of spaces turned into one space */
    static String oneLine(String text) {
        return text.replaceAll("[\\x00-\\x1F\\x7F-\\x9F\\u2028\\u2029]+", " ")
                .replaceAll("\\s{2,}", " ")
                .strip();
    }

    private static @Nullable String automatic(MimeMessage message, String subject) throws MessagingException {
        String autoSubmitted = message.getHeader("Auto-Submitted", null);
        if (autoSubmitted != null
                && !autoSubmitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
            return "Auto-Submitted: " + oneLine(autoSubmitted);
        }
        String precedence = message.getHeader("Precedence", null);
        if (precedence != null
                && precedence.strip().toLowerCase(Locale.ROOT).matches("(bulk|junk|list|auto_reply).*")) {
            return "Precedence: " + oneLine(precedence);
        }
        for (String header : List.of(
                "X-Autoreply",
                "X-Autorespond",
                "X-Autoresponder",
                "X-Auto-Reply",
                "List-Id",
                "List-Unsubscribe",
                "X-Autogenerated",
                "X-Failed-Recipients")) {
            if (message.getHeader(header) != null) {
                return header;
            }
        }
        String returnPath = message.getHeader("Return-Path", null);
        if (returnPath != null && returnPath.strip().equals("<>")) {
            return "Return-Path: <> (automatic message)";
        }
        if (VACATION_SUBJECT.matcher(subject).find()) {
            return "vacation or delivery subject";
        }
        return null;
    }

    private static ContentType contentType(Part part) {
        try {
            return new ContentType(part.getContentType() == null ? "text/plain" : part.getContentType());
        } catch (Exception e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    /** RFC 3464 §2.3: per-recipient fields follow the per-message fields, each group after a blank line. */
    private static List<ParsedMail.Bounce> bounces(MimeMessage message, List<String> problems) {
        List<ParsedMail.Bounce> out = new ArrayList<>();
        try {
            Multipart report = (Multipart) message.getContent();
            for (int i = 0; i < report.getCount(); i++) {
                BodyPart part = report.getBodyPart(i);
                if (!part.isMimeType("message/delivery-status") && !part.isMimeType("message/global-delivery-status")) {
                    continue;
                }
                String fields;
                try (InputStream in = part.getInputStream()) {
                    fields = new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8);
                }
                for (String group : fields.replace("\r\n", "\n").split("\n\\s*\n")) {
                    InternetHeaders headers = new InternetHeaders(
                            new ByteArrayInputStream((group.strip() + "\n\n").getBytes(StandardCharsets.UTF_8)));
                    String recipient = headers.getHeader("Final-Recipient", null);
                    if (recipient == null) {
                        recipient = headers.getHeader("Original-Recipient", null);
                    }
                    String action = headers.getHeader("Action", null);
                    if (recipient == null || action == null || !action.strip().equalsIgnoreCase("failed")) {
                        continue;
                    }
                    String address =
                            recipient.contains(";") ? recipient.substring(recipient.indexOf(';') + 1) : recipient;
                    address = oneLine(address).replaceAll("[<>]", "").toLowerCase(Locale.ROOT);
                    if (address.contains("@")) {
                        String status = headers.getHeader("Status", null);
                        String diagnostic = headers.getHeader("Diagnostic-Code", null);
                        out.add(new ParsedMail.Bounce(
                                address,
                                status == null ? null : oneLine(status),
                                diagnostic == null ? null : oneLine(diagnostic)));
                    }
                }
            }
        } catch (IOException | MessagingException | ClassCastException e) {
            problems.add("unreadable delivery-status report: " + e.getMessage());
        }
        return out;
    }

    /** Charset labels as mail clients mean them (WHATWG Encoding Standard, "windows-1252" labels). */
    static String decode(byte[] bytes, @Nullable String label, List<String> problems) {
        Charset charset = null;
        if (label != null) {
            String l = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
            if (l.matches(
                    "iso-?8859-1|latin-?1|l1|us-ascii|ascii|iso_8859-1|cp819|ibm819|windows-1252|cp1252|x-cp1252")) {
                charset = Charset.forName("windows-1252");
            } else {
                try {
                    charset = Charset.forName(MimeUtility.javaCharset(l));
                } catch (Exception e) {
                    problems.add("unknown charset '" + oneLine(label) + "': read as UTF-8 or windows-1252");
                }
            }
        }
        if (charset != null) {
            return new String(bytes, charset);
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("windows-1252"));
        }
    }

    /** Walks the MIME tree: the first text/plain and text/html bodies, every file. */
    private static final class Walk {
        private final List<String> problems;
        private final List<ParsedMail.Attachment> attachments = new ArrayList<>();
        private @Nullable String plain;
        private @Nullable String html;
        private int parts;
        private boolean warnedDepth;

        Walk(List<String> problems) {
            this.problems = problems;
        }

        void part(Part part, int depth) {
            if (++parts > MAX_PARTS) {
                if (parts == MAX_PARTS + 1) {
                    problems.add("more than " + MAX_PARTS + " MIME parts: the rest was skipped");
                }
                return;
            }
            if (depth > MAX_DEPTH) {
                if (!warnedDepth) {
                    problems.add("MIME nesting deeper than " + MAX_DEPTH + " levels: the deeper parts were skipped");
                    warnedDepth = true;
                }
                return;
            }
            try {
                ContentType type = contentType(part);
                String base = type.getBaseType().toLowerCase(Locale.ROOT);
                String fileName = fileName(part);
                boolean attachment = Part.ATTACHMENT.equalsIgnoreCase(disposition(part)) || fileName != null;
                if (base.startsWith("multipart/")) {
                    Object content = part.getContent();
                    if (!(content instanceof Multipart multipart)) {
                        problems.add("unreadable " + base + " part");
                        return;
                    }
                    for (int i = 0; i < multipart.getCount(); i++) {
                        part(multipart.getBodyPart(i), depth + 1);
                    }
                } else if (!attachment && base.equals("text/plain")) {
                    String text = text(part, type);
                    if (plain == null) {
                        plain = text;
                    }
                } else if (!attachment && base.equals("text/html")) {
                    String text = text(part, type);
                    if (html == null) {
                        html = text;
                    }
                } else {
                    byte[] bytes;
                    try (InputStream in = part.getInputStream()) {
                        bytes = in.readAllBytes();
                    }
                    String name = fileName != null
                            ? fileName
                            : "message/rfc822".equals(base)
                                    ? "message.eml"
                                    : "piece-jointe-" + (attachments.size() + 1) + extension(base);
                    attachments.add(new ParsedMail.Attachment(name, base, bytes));
                }
            } catch (MessagingException | IOException | RuntimeException e) {
                problems.add("unreadable MIME part: " + oneLine(String.valueOf(e.getMessage())));
            }
        }

        private String text(Part part, ContentType type) throws MessagingException, IOException {
            byte[] bytes;
            try (InputStream in = part.getInputStream()) {
                bytes = in.readAllBytes();
            }
            return decode(bytes, type.getParameter("charset"), problems);
        }

        private static @Nullable String disposition(Part part) {
            try {
                return part.getDisposition();
            } catch (MessagingException e) {
                return null;
            }
        }

        private static @Nullable String fileName(Part part) {
            try {
                String name = part.getFileName();
                if (name == null) {
                    return null;
                }
                String decoded = MimeUtility.decodeText(name);
                return decoded.isBlank() ? null : oneLine(decoded);
            } catch (MessagingException | IOException | RuntimeException e) {
                return null;
            }
        }

        private static String extension(String contentType) {
            try {
                String ext =
                        MimeTypes.getDefaultMimeTypes().forName(contentType).getExtension();
                return ext.isEmpty() ? ".bin" : ext;
            } catch (MimeTypeException e) {
                return ".bin";
            }
        }
    }
}
