package dev.guichet.attachment;

import dev.guichet.web.ApiException;
import dev.guichet.web.ProblemType;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;

/**
 * Decides what an uploaded file really is, from its bytes (Apache Tika's magic-number database,
 * {@code tika-mimetypes.xml}) and its name, and whether Guichet accepts it. The browser's declared
 * Content-Type is ignored: the client chooses it.
 *
 * <p>A file is accepted when the type its bytes show and the type its extension claims agree (one
 * is the other or a specialization of it: a {@code .docx} is a ZIP underneath), and the more
 * specific of the two is in {@link #ALLOWED}. A file without a known extension is judged by its
 * bytes alone. So a PNG renamed {@code .pdf} (bytes: image, name: PDF) and an HTML page renamed
 * {@code .png} (bytes: HTML) are both refused.
 */
@Singleton
public class FileTypes {

    /**
     * What people attach to IT tickets: screenshots, PDFs, text and log files, office documents
     * (OOXML, OpenDocument, legacy binary Word and Excel) and ZIP archives. No HTML, SVG, scripts or
     * executables: nothing a browser would run.
     */
    public static final Set<String> ALLOWED = Set.of(
            "image/png",
            "image/jpeg",
            "image/gif",
            "image/webp",
            "application/pdf",
            "text/plain",
            "text/x-log",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet",
            "application/msword",
            "application/vnd.ms-excel",
            "application/zip");

    private final MimeTypes types = MimeTypes.getDefaultMimeTypes();
    private final MediaTypeRegistry registry = types.getMediaTypeRegistry();

    /** @return how many leading bytes {@link #accept} needs to see */
    public int prefixLength() {
        return types.getMinLength();
    }

    /**
     * @param prefix   the first {@link #prefixLength()} bytes of the file (fewer if it is shorter)
     * @param fileName the sanitized file name
     * @return the accepted media type, without parameters, e.g. {@code image/png}
     * @throws ApiException 415 when the type is not allowed or the bytes contradict the extension
     */
    public String accept(byte[] prefix, String fileName) {
        MediaType byBytes = normalize(detect(prefix, null));
        MediaType byName = normalize(detect(null, fileName));
        MediaType type;
        if (byBytes.equals(MediaType.OCTET_STREAM)) {
            // Bytes Tika cannot place and that do not look like text: an extension alone proves nothing.
            throw new ApiException(ProblemType.UNSUPPORTED_FILE_TYPE, "unsupported-file-type.unrecognized");
        }
        if (byName.equals(MediaType.OCTET_STREAM) || isA(byBytes, byName)) {
            type = byBytes;
        } else if (isA(byName, byBytes)) {
            type = byName;
        } else {
            throw new ApiException(
                    ProblemType.UNSUPPORTED_FILE_TYPE, "unsupported-file-type.mismatch", byBytes, byName);
        }
        if (!ALLOWED.contains(type.toString())) {
            throw new ApiException(ProblemType.UNSUPPORTED_FILE_TYPE, "unsupported-file-type.not-accepted", type);
        }
        return type.toString();
    }

    private boolean isA(MediaType type, MediaType ancestor) {
        return type.equals(ancestor) || registry.isSpecializationOf(type, ancestor);
    }

    private MediaType normalize(MediaType type) {
        return registry.normalize(type.getBaseType());
    }

    private MediaType detect(byte[] prefix, String fileName) {
        Metadata metadata = new Metadata();
        if (fileName != null) {
            metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
        }
        try (TikaInputStream stream = prefix == null ? null : TikaInputStream.get(prefix)) {
            return types.detect(stream, metadata, new ParseContext());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
