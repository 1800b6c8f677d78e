package dev.guichet.attachment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void pathsControlCharactersAndReservedCharactersAreRemoved() {
        assertEquals("passwd", FileNames.sanitize("../../../etc/passwd"));
        assertEquals("rapport.pdf", FileNames.sanitize("..\\..\\rapport.pdf"));
        assertEquals("ab.txt", FileNames.sanitize("a\u0000b\r\n.txt"));
        assertEquals("fichier final.docx", FileNames.sanitize("  fichier  \"final\"?.docx  "));
        // A right-to-left override makes "cv\u202Efdp.exe" look like "cvexe.pdf" on screen.
        assertEquals("cvfdp.exe", FileNames.sanitize("cv\u202Efdp.exe"));
    }

    @Test
    void hiddenAndEmptyNamesGetAFallback() {
        assertEquals("htaccess", FileNames.sanitize(".htaccess"));
        assertEquals("fichier", FileNames.sanitize("..."));
        assertEquals("fichier", FileNames.sanitize("/"));
        assertEquals("fichier", FileNames.sanitize(null));
    }

    @Test
    void longNamesAreCutKeepingTheExtension() {
        String name = FileNames.sanitize("é".repeat(300) + ".xlsx");
        assertEquals(FileNames.MAX_LENGTH, name.codePointCount(0, name.length()));
        assertTrue(name.endsWith("é.xlsx"));
    }

    @Test
    void contentDispositionHasAnAsciiFallbackAndTheExactUtf8Name() {
        assertEquals(
                "attachment; filename=\"re_u n_1.pdf\"; filename*=UTF-8''re%C3%A7u%20n%C2%B01.pdf",
                FileNames.contentDisposition("reçu n°1.pdf"));
        assertEquals(
                "attachment; filename=\"a;b.txt\"; filename*=UTF-8''a%3Bb.txt",
                FileNames.contentDisposition("a;b.txt"));
    }
}
