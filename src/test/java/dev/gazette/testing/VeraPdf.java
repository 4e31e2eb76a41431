package dev.gazette.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;

/**
 * Validates a PDF with veraPDF (the validator the PDF Association and archives use) against one
 * flavour: PDF/UA-1 for tagging, PDF/A-2u or PDF/A-3u for archiving.
 */
public final class VeraPdf {
  private VeraPdf() {}

  /** The flavours the digest promises. */
  public enum Flavour {
    PDF_UA_1(PDFAFlavour.PDFUA_1),
    PDF_A_2U(PDFAFlavour.PDFA_2_U),
    PDF_A_3U(PDFAFlavour.PDFA_3_U);

    final PDFAFlavour vera;

    Flavour(PDFAFlavour vera) {
      this.vera = vera;
    }
  }

  static {
    VeraGreenfieldFoundryProvider.initialise();
  }

  /**
   * The rules the PDF fails, as {@code "clause-test"} (e.g. {@code "7.1-3"}) with how often each
   * failed and the first failure's message; empty when the file conforms.
   */
  public static Map<String, String> failedRules(Path pdf, Flavour flavour) throws IOException {
    Map<String, String> failed = new TreeMap<>();
    try (InputStream in = Files.newInputStream(pdf);
        PDFAParser parser = Foundries.defaultInstance().createParser(in, flavour.vera)) {
      // Every failed check is recorded (-1), none that passed.
      PDFAValidator validator =
          Foundries.defaultInstance().createValidator(flavour.vera, -1, false, false, false);
      ValidationResult result = validator.validate(parser);
      Map<RuleId, Integer> counts = result.getFailedChecks();
      for (TestAssertion a : result.getTestAssertions()) {
        if (a.getStatus() != TestAssertion.Status.FAILED) {
          continue;
        }
        RuleId id = a.getRuleId();
        String key = id.getClause() + "-" + id.getTestNumber();
        failed.putIfAbsent(
            key,
            "×"
                + counts.getOrDefault(id, 1)
                + " "
                + a.getMessage()
                + " ["
                + a.getLocation().getContext()
                + "]");
      }
      return failed;
    } catch (IOException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException("veraPDF could not read " + pdf + ": " + e, e);
    }
  }
}
