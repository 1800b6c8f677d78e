package dev.guichet.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.guichet.web.ApiException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The allowlist against the magic numbers of each format (headers as the formats' specifications define them). */
class FileTypesTest {

    private final FileTypes types = new FileTypes();

    @ParameterizedTest
    @CsvSource({
        "photo.jpg, ffd8ffe000104a46494600010100000100010000, image/jpeg",
        "anim.gif, 474946383961010001000000002c, image/gif",
        "shot.webp, 524946462400000057454250565038201800000030010000, image/webp",
        "ancien.doc, d0cf11e0a1b11ae1000000000000000000000000, application/msword",
        "ancien.xls, d0cf11e0a1b11ae1000000000000000000000000, application/vnd.ms-excel"
    })
    void acceptedFormatsAreRecognizedFromTheirHeader(String name, String hex, String expected) {
        assertEquals(expected, types.accept(HexFormat.of().parseHex(hex), name));
    }

    @ParameterizedTest
    @CsvSource({
        "tableau.xlsx, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "slides.pptx, application/vnd.openxmlformats-officedocument.presentationml.presentation"
    })
    void officeOpenXmlPackagesAreAccepted(String name, String expected) {
        assertEquals(expected, types.accept(zip("[Content_Types].xml", "<Types/>"), name));
    }

    @ParameterizedTest
    @CsvSource({
        "lettre.odt, application/vnd.oasis.opendocument.text",
        "budget.ods, application/vnd.oasis.opendocument.spreadsheet"
    })
    void openDocumentPackagesAreAccepted(String name, String expected) {
        assertEquals(expected, types.accept(zip("mimetype", expected), name));
    }

    @Test
    void aPlainZipIsAccepted() {
        assertEquals("application/zip", types.accept(zip("journal.txt", "erreur"), "journaux.zip"));
    }

    @Test
    void aWindowsExecutableRenamedTxtIsRefused() {
        byte[] exe =
                HexFormat.of().parseHex("4d5a90000300000004000000ffff0000b800000000000000400000000000000000000000");
        assertEquals(
                415,
                assertThrows(ApiException.class, () -> types.accept(exe, "lisezmoi.txt"))
                        .status()
                        .getCode());
    }

    @Test
    void unrecognizedBytesAreRefusedWhateverTheExtension() {
        byte[] noise = HexFormat.of().parseHex("00ff10ee20dd30cc40bb50aa60997088");
        assertEquals(
                415,
                assertThrows(ApiException.class, () -> types.accept(noise, "facture.pdf"))
                        .status()
                        .getCode());
    }

    @Test
    void csvIsNotInTheAllowlist() {
        byte[] csv = "nom;poste\nCamille;PC-042\n".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                415,
                assertThrows(ApiException.class, () -> types.accept(csv, "parc.csv"))
                        .status()
                        .getCode());
    }

    /** A ZIP whose first entry is stored uncompressed, as OpenDocument requires for {@code mimetype}. */
    private static byte[] zip(String firstEntry, String content) {
        byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            ZipEntry entry = new ZipEntry(firstEntry);
            entry.setMethod(ZipEntry.STORED);
            entry.setSize(bytes.length);
            CRC32 crc = new CRC32();
            crc.update(bytes);
            entry.setCrc(crc.getValue());
            zip.putNextEntry(entry);
            zip.write(bytes);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("content.xml"));
            zip.write("<x/>".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
