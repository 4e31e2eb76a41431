package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import dev.gazette.model.Digest;
import dev.gazette.model.PdfA;
import dev.gazette.typeset.Languages;
import dev.gazette.util.Xml;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What makes the PDF a tagged PDF (PDF/UA-1) and, on request, an archival PDF/A-2u or -3u: flags on
 * the renderer before layout ({@link #configure}), then small steps on the finished document
 * ({@link #finish}). The layout engine builds the structure tree; {@link StructureFixes} mends the
 * few places where it falls short, and the XMP packet is written here from the document information
 * (so it always agrees with it) and the digest's content-derived date.
 */
final class PdfStandards {
  private PdfStandards() {}

  /** Turns on tagging and PDF/A in the layout engine. */
  static void configure(PdfRendererBuilder builder, boolean tags, PdfA pdfA) {
    builder.usePdfUaAccessibility(tags);
    if (pdfA != null) {
      builder.usePdfAConformance(
          pdfA == PdfA.PDF_A_2U ? PdfAConformance.PDFA_2_U : PdfAConformance.PDFA_3_U);
      // The sRGB output intent is added in finish(): handed to the layout engine, the profile
      // goes through the JDK's colour management, which rewrites its header on some JDKs.
    }
  }

  /**
   * Mends the structure tree and writes the XMP metadata. Runs after the document information
   * (title, dates, producer) is final.
   *
   * @param clean the pages the structure fixes need not read for empty artifacts, or null
   */
  static void finish(
      PDDocument pdf, Digest digest, boolean tags, PdfA pdfA, EmptyArtifacts.Clean clean)
      throws IOException {
    if (tags) {
      StructureFixes.apply(pdf, clean);
    }
    if (pdfA != null) {
      pdf.getDocumentCatalog().addOutputIntent(srgbOutputIntent(pdf));
    }
    if (tags || pdfA != null) {
      byte[] xmp = xmp(pdf.getDocumentInformation(), digest, tags, pdfA);
      PDMetadata metadata = new PDMetadata(pdf, new ByteArrayInputStream(xmp));
      pdf.getDocumentCatalog().setMetadata(metadata);
    }
  }

  /**
   * The output intent that says how to read the RGB colours: sRGB, from {@link SrgbProfile}, its
   * bytes written as they are (PDFBox's {@code PDOutputIntent} constructor would pass them through
   * the JDK's colour management, whose rewritten header differs between JDK 17 and 25).
   */
  static PDOutputIntent srgbOutputIntent(PDDocument pdf) throws IOException {
    COSStream profile = pdf.getDocument().createCOSStream();
    try (OutputStream out = profile.createOutputStream(COSName.FLATE_DECODE)) {
      out.write(SrgbProfile.bytes());
    }
    profile.setInt(COSName.N, 3);
    COSDictionary intent = new COSDictionary();
    intent.setItem(COSName.TYPE, COSName.getPDFName("OutputIntent"));
    intent.setItem(COSName.S, COSName.GTS_PDFA1);
    intent.setString(COSName.OUTPUT_CONDITION_IDENTIFIER, "sRGB IEC61966-2.1");
    intent.setString(COSName.OUTPUT_CONDITION, "sRGB IEC61966-2.1");
    intent.setString(COSName.INFO, "sRGB IEC61966-2.1");
    intent.setString(COSName.REGISTRY_NAME, "http://www.color.org");
    intent.setItem(COSName.DEST_OUTPUT_PROFILE, profile);
    return new PDOutputIntent(intent);
  }

  /**
   * The XMP packet: Dublin Core title, language, author and subject, the dates and tools, and the
   * PDF/A and PDF/UA identification, all mirroring the document information dictionary (PDF/A
   * requires them to agree). Dates are the digest's content-derived date, so two builds are
   * byte-identical; no random document id is written.
   */
  static byte[] xmp(PDDocumentInformation info, Digest digest, boolean tags, PdfA pdfA) {
    Instant when = digest.modified().truncatedTo(ChronoUnit.SECONDS);
    String date = DateTimeFormatter.ISO_INSTANT.format(when);
    StringBuilder sb = new StringBuilder();
    sb.append("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n")
        .append("<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n")
        .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    sb.append("<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
        .append("<dc:format>application/pdf</dc:format>\n");
    alt(sb, "dc:title", info.getTitle());
    sb.append("<dc:language><rdf:Bag><rdf:li>")
        .append(Xml.escape(Languages.publicationLanguage(digest.lang())))
        .append("</rdf:li></rdf:Bag></dc:language>\n");
    if (info.getAuthor() != null) {
      sb.append("<dc:creator><rdf:Seq><rdf:li>")
          .append(Xml.escape(info.getAuthor()))
          .append("</rdf:li></rdf:Seq></dc:creator>\n");
    }
    alt(sb, "dc:description", info.getSubject());
    sb.append("</rdf:Description>\n");
    sb.append("<rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n");
    simple(sb, "xmp:CreatorTool", info.getCreator());
    simple(sb, "xmp:CreateDate", date);
    simple(sb, "xmp:ModifyDate", date);
    simple(sb, "xmp:MetadataDate", date);
    sb.append("</rdf:Description>\n");
    sb.append("<rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n");
    simple(sb, "pdf:Producer", info.getProducer());
    simple(sb, "pdf:Keywords", info.getKeywords());
    sb.append("</rdf:Description>\n");
    if (pdfA != null) {
      sb.append(
              "<rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n")
          .append("<pdfaid:part>")
          .append(pdfA.part())
          .append("</pdfaid:part>\n<pdfaid:conformance>U</pdfaid:conformance>\n")
          .append("</rdf:Description>\n");
    }
    if (tags) {
      sb.append(
          "<rdf:Description rdf:about=\"\" xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n"
              + "<pdfuaid:part>1</pdfuaid:part>\n</rdf:Description>\n");
      if (pdfA != null) {
        // PDF/A accepts only the schemas it knows, or ones described in the file.
        sb.append(PDFUA_SCHEMA_DESCRIPTION);
      }
    }
    sb.append("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static final String PDFUA_SCHEMA_DESCRIPTION =
      """
      <rdf:Description rdf:about="" \
      xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" \
      xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" \
      xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
      <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
      <pdfaProperty:name>part</pdfaProperty:name>
      <pdfaProperty:valueType>Integer</pdfaProperty:valueType>
      <pdfaProperty:category>internal</pdfaProperty:category>
      <pdfaProperty:description>Part of ISO 14289 the file conforms to</pdfaProperty:description>
      </rdf:li></rdf:Seq></pdfaSchema:property>
      </rdf:li></rdf:Bag></pdfaExtension:schemas>
      </rdf:Description>
      """;

  private static void alt(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append('<')
          .append(name)
          .append("><rdf:Alt><rdf:li xml:lang=\"x-default\">")
          .append(Xml.escape(value))
          .append("</rdf:li></rdf:Alt></")
          .append(name)
          .append(">\n");
    }
  }

  private static void simple(StringBuilder sb, String name, String value) {
    if (value != null) {
      sb.append('<')
          .append(name)
          .append('>')
          .append(Xml.escape(value))
          .append("</")
          .append(name)
          .append(">\n");
    }
  }
}
