package dev.gazette.render.pdf;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.InflaterInputStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;

/**
 * A chunk's typeset markup kept from the survey to its layout ({@link ChunkedPdf}), so the PDF's
 * markup steps ({@link PdfRenderer#typeset}) run once per chunk, not twice: they were about a
 * seventh of a 1,000-post PDF's CPU samples, half of it repeated. The markup is written out as XML,
 * deflated, to the part's file: every chunk is surveyed before the first is laid out, and all their
 * jsoup trees held in memory would be about as large as one layout's (the peak memory target of the
 * chunks), whereas the files take ~1/10 of the markup's characters on disk and none of the heap.
 *
 * <p>jsoup writes an XML-parsed document as XML without pretty printing ({@code
 * Document.OutputSettings.Syntax.xml}), and parsing that text again gives the same tree: the same
 * elements, attributes in the same order, the same text and comments. Its W3C copy, and the PDF,
 * are the same to the byte (checked on the benchmark corpora and {@code ChunkedPdfTest}).
 */
final class PartMarkup {
  private PartMarkup() {}

  /** Writes {@code doc}, as XML, to {@code file}. */
  static void store(Document doc, Path file) throws IOException {
    // Into a StringBuilder, not a Writer: jsoup wraps any other Appendable so that each append (a
    // character, often) makes a lambda, and under C1 each is a native allocation call; that was
    // most of this step's CPU. A chunk's markup is small: articles up to about
    // PdfChunking's maxChars, or one longer article.
    StringBuilder xml = new StringBuilder(1 << 16);
    doc.html(xml);
    byte[] bytes = xml.toString().getBytes(StandardCharsets.UTF_8);
    Deflater deflater = new Deflater(Deflater.BEST_SPEED);
    try (OutputStream out =
        new DeflaterOutputStream(Files.newOutputStream(file), deflater, 65536)) {
      out.write(bytes);
    } finally {
      deflater.end();
    }
  }

  /** The document written to {@code file} by {@link #store}, which is deleted. */
  static Document load(Path file) throws IOException {
    String xml;
    try (InputStream in =
        new InflaterInputStream(new BufferedInputStream(Files.newInputStream(file), 65536))) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Files.delete(file);
    return Jsoup.parse(xml, "", Parser.xmlParser());
  }
}
