package dev.gazette.send;

import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * What an e-reader service would refuse, found before the file is sent: too large for the service,
 * not an EPUB a reader opens (mimetype not first or compressed, no package document), no language
 * (Send to Kindle's E999), a cover a reader cannot show (WebP, or SVG only), obfuscated fonts.
 * Reads the zip's directory and two small XML files, never the pictures. Each finding is a {@link
 * Problem} on the file; an error means the service would refuse or mangle the book.
 */
public final class Preflight {
  private static final String EPUB_MIMETYPE = "application/epub+zip";
  private static final String OPF_NS = "http://www.idpf.org/2007/opf";
  private static final String DC_NS = "http://purl.org/dc/elements/1.1/";
  private static final String CONTAINER_NS = "urn:oasis:names:tc:opendocument:xmlns:container";

  /** Package documents are a few hundred kilobytes at most; larger ones are not read. */
  private static final long MAX_XML_BYTES = 8L * 1024 * 1024;

  private Preflight() {}

  /** The media type a file is sent as, from its name; null when it is neither EPUB nor PDF. */
  public static String mediaType(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".epub")) {
      return EPUB_MIMETYPE;
    }
    if (name.endsWith(".pdf")) {
      return "application/pdf";
    }
    return null;
  }

  /** The findings for {@code file} sent to {@code profile}; empty when it may go. */
  public static List<Problem> check(Path file, DeliveryProfile profile) throws IOException {
    List<Problem> problems = new ArrayList<>();
    String type = mediaType(file);
    if (type == null) {
      problems.add(Problem.error(file, 0, "not an .epub or .pdf file: nothing else is sent"));
      return problems;
    }
    long size = Files.size(file);
    if (size > profile.maxBytes()) {
      problems.add(
          Problem.error(
              file,
              0,
              "is "
                  + megabytes(size)
                  + "; "
                  + profile.service()
                  + " takes at most "
                  + megabytes(profile.maxBytes())
                  + " (build with --profile "
                  + profile.id()
                  + " to shrink its pictures)"));
    }
    if (type.equals(EPUB_MIMETYPE)) {
      epub(file, problems);
    } else {
      pdf(file, problems);
    }
    return problems;
  }

  private static void pdf(Path file, List<Problem> problems) throws IOException {
    byte[] head = new byte[5];
    int n;
    try (InputStream in = Files.newInputStream(file)) {
      n = in.readNBytes(head, 0, head.length);
    }
    if (n < 5 || !new String(head, StandardCharsets.ISO_8859_1).equals("%PDF-")) {
      problems.add(Problem.error(file, 0, "not a PDF: it does not start with %PDF-"));
    }
  }

  private static void epub(Path file, List<Problem> problems) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      mimetype(file, zip, problems);
      if (zip.getEntry("META-INF/encryption.xml") != null) {
        problems.add(
            Problem.error(
                file,
                0,
                "has META-INF/encryption.xml (obfuscated fonts or DRM): readers show the"
                    + " fallback font or refuse the book"));
      }
      String opfPath = rootfile(file, zip, problems);
      if (opfPath != null) {
        opf(file, zip, opfPath, problems);
      }
    } catch (ZipException e) {
      problems.add(Problem.error(file, 0, "not an EPUB: not a readable zip file"));
    }
  }

  private static void mimetype(Path file, ZipFile zip, List<Problem> problems) throws IOException {
    Enumeration<? extends ZipEntry> entries = zip.entries();
    ZipEntry first = entries.hasMoreElements() ? entries.nextElement() : null;
    if (first == null || !first.getName().equals("mimetype")) {
      problems.add(Problem.error(file, 0, "not an EPUB: the zip does not start with 'mimetype'"));
      return;
    }
    if (first.getMethod() != ZipEntry.STORED) {
      problems.add(Problem.error(file, 0, "not an EPUB: 'mimetype' is compressed, not stored"));
    }
    byte[] content;
    try (InputStream in = zip.getInputStream(first)) {
      content = in.readNBytes(64);
    }
    if (!new String(content, StandardCharsets.US_ASCII).equals(EPUB_MIMETYPE)) {
      problems.add(Problem.error(file, 0, "not an EPUB: 'mimetype' does not say " + EPUB_MIMETYPE));
    }
  }

  private static String rootfile(Path file, ZipFile zip, List<Problem> problems)
      throws IOException {
    Document container = xml(zip, "META-INF/container.xml");
    if (container == null) {
      problems.add(
          Problem.error(file, 0, "not an EPUB: META-INF/container.xml is missing or not XML"));
      return null;
    }
    NodeList roots = container.getElementsByTagNameNS(CONTAINER_NS, "rootfile");
    String path = roots.getLength() == 0 ? "" : ((Element) roots.item(0)).getAttribute("full-path");
    if (path.isEmpty()) {
      problems.add(Problem.error(file, 0, "not an EPUB: container.xml names no package document"));
      return null;
    }
    return path;
  }

  private static void opf(Path file, ZipFile zip, String opfPath, List<Problem> problems)
      throws IOException {
    Document opf = xml(zip, opfPath);
    if (opf == null) {
      problems.add(
          Problem.error(
              file, 0, "not an EPUB: the package document " + opfPath + " is missing or not XML"));
      return;
    }
    NodeList languages = opf.getElementsByTagNameNS(DC_NS, "language");
    if (languages.getLength() == 0 || languages.item(0).getTextContent().isBlank()) {
      problems.add(
          Problem.error(
              file,
              0,
              "has no dc:language: Send to Kindle refuses it (E999) and readers guess the fonts"));
    }
    Map<String, Element> byId = new HashMap<>();
    List<Element> items = new ArrayList<>();
    NodeList nodes = opf.getElementsByTagNameNS(OPF_NS, "item");
    for (int i = 0; i < nodes.getLength(); i++) {
      Element item = (Element) nodes.item(i);
      items.add(item);
      byId.put(item.getAttribute("id"), item);
    }
    Element cover = null;
    for (Element item : items) {
      if (List.of(item.getAttribute("properties").split("\\s+")).contains("cover-image")) {
        cover = item;
      }
    }
    NodeList metas = opf.getElementsByTagNameNS(OPF_NS, "meta");
    for (int i = 0; cover == null && i < metas.getLength(); i++) {
      Element meta = (Element) metas.item(i);
      if (meta.getAttribute("name").equals("cover")) {
        cover = byId.get(meta.getAttribute("content"));
      }
    }
    if (cover != null) {
      String type = cover.getAttribute("media-type");
      if (type.equals("image/webp")) {
        problems.add(Problem.error(file, 0, "its cover is WebP, which e-readers do not show"));
      } else if (type.equals("image/svg+xml")) {
        problems.add(
            Problem.error(
                file, 0, "its cover is only an SVG picture: Kindle and Kobo show no cover"));
      }
    }
    for (Element item : items) {
      if (item.getAttribute("media-type").equals("image/webp") && item != cover) {
        problems.add(
            Problem.warning(
                file,
                0,
                "holds a WebP picture ("
                    + item.getAttribute("href")
                    + "): most e-readers show nothing in its place"));
      }
    }
  }

  /** Decimal megabytes, as the services state their limits: {@code 61.2 MB}. */
  static String megabytes(long bytes) {
    return String.format(Locale.ROOT, "%.1f MB", bytes / 1_000_000.0);
  }

  /** A zip entry parsed as namespace-aware XML without DTDs; null when missing or broken. */
  private static Document xml(ZipFile zip, String name) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null || entry.isDirectory()) {
      return null;
    }
    byte[] bytes;
    try (InputStream in = zip.getInputStream(entry)) {
      bytes = in.readNBytes((int) MAX_XML_BYTES + 1);
    }
    if (bytes.length > MAX_XML_BYTES) {
      return null;
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(new java.io.ByteArrayInputStream(bytes));
    } catch (SAXException | ParserConfigurationException e) {
      return null;
    }
  }
}
