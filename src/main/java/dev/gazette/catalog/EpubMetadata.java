package dev.gazette.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Reads an EPUB's package document (OPF): identifier, title, creators, description, language, dates
 * and the cover picture. Any EPUB 2 or 3 works, not only Gazette's. The XML is parsed with no DTD
 * and no entities, and entries are read up to a size cap, so a hostile file cannot make it fetch,
 * expand or swallow anything.
 */
final class EpubMetadata {
  static final String OPF = "http://www.idpf.org/2007/opf";
  static final String DC = "http://purl.org/dc/elements/1.1/";
  private static final String CONTAINER = "urn:oasis:names:tc:opendocument:xmlns:container";
  private static final int MAX_XML_BYTES = 4 << 20;
  private static final int MAX_COVER_BYTES = 32 << 20;

  private EpubMetadata() {}

  static DigestInfo read(Path epub) throws IOException {
    try (ZipFile zip = new ZipFile(epub.toFile())) {
      Document container = xml(zip, "META-INF/container.xml");
      Element rootfile = first(container.getElementsByTagNameNS(CONTAINER, "rootfile"));
      if (rootfile == null || rootfile.getAttribute("full-path").isEmpty()) {
        throw new IOException("META-INF/container.xml names no package document");
      }
      String opfPath = rootfile.getAttribute("full-path");
      Document opf = xml(zip, opfPath);
      Element pkg = opf.getDocumentElement();
      String uniqueId = pkg.getAttribute("unique-identifier");
      String identifier = null;
      for (Element id : elements(opf, DC, "identifier")) {
        if (identifier == null || id.getAttribute("id").equals(uniqueId)) {
          identifier = text(id);
        }
      }
      List<String> creators = new ArrayList<>();
      elements(opf, DC, "creator").forEach(c -> creators.add(text(c)));
      creators.removeIf(String::isEmpty);
      Instant modified = null;
      String coverId = null;
      for (Element meta : elements(opf, OPF, "meta")) {
        if (meta.getAttribute("property").equals("dcterms:modified")) {
          modified = instant(text(meta));
        } else if (meta.getAttribute("name").equals("cover")) {
          coverId = meta.getAttribute("content");
        }
      }
      LocalDate issued = date(firstText(opf, DC, "date"));
      byte[] cover = null;
      String coverType = null;
      String opfDir =
          opfPath.contains("/") ? opfPath.substring(0, opfPath.lastIndexOf('/') + 1) : "";
      for (Element item : elements(opf, OPF, "item")) {
        boolean isCover =
            List.of(item.getAttribute("properties").split("\\s+")).contains("cover-image")
                || (coverId != null && coverId.equals(item.getAttribute("id")));
        if (isCover && item.getAttribute("media-type").startsWith("image/")) {
          byte[] bytes = bytes(zip, opfDir + item.getAttribute("href"), MAX_COVER_BYTES);
          if (bytes != null) {
            cover = bytes;
            coverType = item.getAttribute("media-type");
            break;
          }
        }
      }
      return new DigestInfo(
          DigestInfo.blankToNull(identifier),
          DigestInfo.blankToNull(firstText(opf, DC, "title")),
          creators.isEmpty() ? null : String.join(", ", creators),
          DigestInfo.blankToNull(firstText(opf, DC, "description")),
          DigestInfo.blankToNull(firstText(opf, DC, "language")),
          modified != null
              ? modified
              : (issued != null ? issued.atStartOfDay().toInstant(java.time.ZoneOffset.UTC) : null),
          issued,
          cover,
          coverType);
    } catch (java.util.zip.ZipException e) {
      throw new IOException("not a readable EPUB (zip): " + e.getMessage(), e);
    }
  }

  private static Document xml(ZipFile zip, String name) throws IOException {
    byte[] bytes = bytes(zip, name, MAX_XML_BYTES);
    if (bytes == null) {
      throw new IOException("no " + name + " in the EPUB");
    }
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      var builder = f.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new ByteArrayInputStream(bytes));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException(e);
    } catch (SAXException e) {
      throw new IOException(name + " is not well-formed XML: " + e.getMessage(), e);
    }
  }

  /** An entry's bytes, or null when it is missing; larger than {@code max} is an error. */
  private static byte[] bytes(ZipFile zip, String name, int max) throws IOException {
    ZipEntry entry = zip.getEntry(name);
    if (entry == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(entry)) {
      byte[] bytes = in.readNBytes(max + 1);
      if (bytes.length > max) {
        throw new IOException(name + " is larger than " + (max >> 20) + " MB");
      }
      return bytes;
    }
  }

  private static List<Element> elements(Document doc, String ns, String name) {
    NodeList list = doc.getElementsByTagNameNS(ns, name);
    List<Element> result = new ArrayList<>();
    for (int i = 0; i < list.getLength(); i++) {
      result.add((Element) list.item(i));
    }
    return result;
  }

  private static Element first(NodeList list) {
    return list.getLength() == 0 ? null : (Element) list.item(0);
  }

  private static String firstText(Document doc, String ns, String name) {
    Element e = first(doc.getElementsByTagNameNS(ns, name));
    return e == null ? null : text(e);
  }

  private static String text(Element e) {
    return e.getTextContent().strip().replaceAll("\\s+", " ");
  }

  /** {@code 2021-07-04T01:00:00Z}; null when it is not such a time. */
  static Instant instant(String text) {
    try {
      return OffsetDateTime.parse(text.strip()).toInstant();
    } catch (DateTimeParseException | NullPointerException e) {
      return null;
    }
  }

  /** The date part of {@code 2021-07-04} or {@code 2021-07-04T…}; null otherwise. */
  static LocalDate date(String text) {
    if (text == null || text.strip().length() < 10) {
      return null;
    }
    try {
      return LocalDate.parse(text.strip().substring(0, 10));
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
