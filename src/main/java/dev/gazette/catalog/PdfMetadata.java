package dev.gazette.catalog;

import dev.gazette.util.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Calendar;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;

/**
 * Reads a PDF's document information (title, author, subject, dates) and its file identifier, for a
 * digest that has no EPUB beside it.
 */
final class PdfMetadata {
  private PdfMetadata() {}

  static DigestInfo read(Path pdf) throws IOException {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      PDDocumentInformation info = doc.getDocumentInformation();
      Calendar when =
          info.getModificationDate() != null ? info.getModificationDate() : info.getCreationDate();
      Instant updated = when == null ? null : when.toInstant();
      String id = null;
      if (doc.getDocument().getTrailer().getDictionaryObject(COSName.ID) instanceof COSArray ids
          && ids.size() > 0
          && ids.getObject(0) instanceof COSString first) {
        // The first file identifier is set when the file is made and kept by later edits.
        id = "urn:uuid:" + UUID.nameUUIDFromBytes(first.getBytes());
      }
      return new DigestInfo(
          id,
          DigestInfo.blankToNull(info.getTitle()),
          DigestInfo.blankToNull(info.getAuthor()),
          DigestInfo.blankToNull(info.getSubject()),
          DigestInfo.blankToNull(doc.getDocumentCatalog().getLanguage()),
          updated,
          updated == null ? null : updated.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
          null,
          null);
    }
  }

  /** An id for a file that states none: from its bytes' hash. */
  static String idFromHash(String sha256Hex) {
    return "urn:uuid:" + UUID.nameUUIDFromBytes(sha256Hex.getBytes(StandardCharsets.US_ASCII));
  }

  static String sha256(byte[] bytes) {
    return Hashes.sha256Hex(bytes);
  }
}
