package dev.gazette.render.pdf;

import com.openhtmltopdf.pdfboxout.PdfBoxAccessibilityHelper;
import com.openhtmltopdf.pdfboxout.PdfBoxFastOutputDevice;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfContentStreamAdapter;
import com.openhtmltopdf.render.Box;
import com.openhtmltopdf.render.RenderingContext;
import java.awt.geom.AffineTransform;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.graphics.shading.PDShading;
import org.apache.pdfbox.pdmodel.graphics.state.PDExtendedGraphicsState;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;
import org.w3c.dom.Document;

/**
 * A tagged render that writes a background artifact only when something is painted inside it.
 *
 * <p>In tagged mode OpenHTMLtoPDF 1.1.65 opens an {@code /Artifact} with a property list of its own
 * ({@code /Type /Background /BBox [...]}) for the background and borders of every box it paints,
 * whether or not the box has any ({@code Box.hasNonTextContent} asks whether {@code
 * background-image} is the identifier {@code none}, but that property is always a list): about
 * ninety a page, nearly all around nothing, which {@link EmptyArtifacts} then cut out again. Here
 * such an artifact is held back: its property list's name is taken at once (a placeholder no
 * content names, dropped when the page is closed), and the {@code BDC} is written with that name
 * only when the first drawing operator follows; an artifact closed with nothing drawn is never
 * written. The names of the lists that stay, and so the PDF's bytes, are what the library and
 * {@link EmptyArtifacts} made before. Running heads and page numbers ({@code /Pagination}
 * artifacts) are held back the same way. A page so closed has nothing left for {@link
 * EmptyArtifacts} to look for, and it is not read back (its inflate and scan were 2% of a
 * 1,000-post PDF's CPU and 0.25 GB of garbage).
 *
 * <p>The library's helper is made when painting starts ({@code PdfBoxFastOutputDevice.start}), just
 * before the first page is asked for, so the page supplier swaps this one in then; each page then
 * draws through {@link Held}, set on the device in place of its own adapter (both by reflection:
 * the fields are private). Untagged renders are untouched.
 */
final class BackgroundArtifacts
    implements com.openhtmltopdf.pdfboxout.PageSupplier, EmptyArtifacts.Clean {
  private static final VarHandle DEVICE_HELPER;
  private static final VarHandle DEVICE_ADAPTER;
  private static final VarHandle HELPER_ROOT;
  private static final VarHandle HELPER_DOC;
  private static final VarHandle ADAPTER_STREAM;

  static {
    try {
      MethodHandles.Lookup device =
          MethodHandles.privateLookupIn(PdfBoxFastOutputDevice.class, MethodHandles.lookup());
      DEVICE_HELPER =
          device.findVarHandle(
              PdfBoxFastOutputDevice.class, "_pdfUa", PdfBoxAccessibilityHelper.class);
      DEVICE_ADAPTER =
          device.findVarHandle(PdfBoxFastOutputDevice.class, "_cp", PdfContentStreamAdapter.class);
      MethodHandles.Lookup helper =
          MethodHandles.privateLookupIn(PdfBoxAccessibilityHelper.class, MethodHandles.lookup());
      HELPER_ROOT = helper.findVarHandle(PdfBoxAccessibilityHelper.class, "_rootBox", Box.class);
      HELPER_DOC = helper.findVarHandle(PdfBoxAccessibilityHelper.class, "_doc", Document.class);
      ADAPTER_STREAM =
          MethodHandles.privateLookupIn(PdfContentStreamAdapter.class, MethodHandles.lookup())
              .findVarHandle(PdfContentStreamAdapter.class, "cs", PDPageContentStream.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private PdfBoxFastOutputDevice device;

  /** Each page closed by its {@link Held} adapter, with the content it had then. */
  private final Map<COSDictionary, COSBase> closed = new IdentityHashMap<>();

  /** The property dictionaries of the pages closed so far, each with the page that had it. */
  private final Map<COSDictionary, COSDictionary> seenProperties = new IdentityHashMap<>();

  private BackgroundArtifacts() {}

  /** Gives {@code builder} a page supplier that installs the helper. */
  static BackgroundArtifacts use(com.openhtmltopdf.pdfboxout.PdfRendererBuilder builder) {
    BackgroundArtifacts supplier = new BackgroundArtifacts();
    builder.usePageSupplier(supplier);
    return supplier;
  }

  /** The renderer the builder made (before it paints). */
  void attach(PdfBoxRenderer renderer) {
    if (renderer.getOutputDevice() instanceof PdfBoxFastOutputDevice fast) {
      device = fast;
    }
  }

  @Override
  public PDPage requestPage(
      org.apache.pdfbox.pdmodel.PDDocument doc,
      float pageWidth,
      float pageHeight,
      int pageNumber,
      int shadowPageNumber) {
    if (device != null) {
      PdfBoxAccessibilityHelper original = (PdfBoxAccessibilityHelper) DEVICE_HELPER.get(device);
      if (original != null && original.getClass() == PdfBoxAccessibilityHelper.class) {
        DEVICE_HELPER.set(device, new Helper(device, original, this));
      }
      // Swapped (or not ours to swap): the device, which holds the whole layout, is let go, as
      // this supplier outlives the renderer (EmptyArtifacts asks it which pages are clean).
      device = null;
    }
    // As the layout engine's own supplier does.
    PDPage page =
        new PDPage(new org.apache.pdfbox.pdmodel.common.PDRectangle(pageWidth, pageHeight));
    doc.addPage(page);
    return page;
  }

  /**
   * Whether {@code page} was drawn through a {@link Held} adapter, lost its placeholders when it
   * was closed, and still has the content it had then: it holds no empty background artifact and
   * names every property list it keeps, so {@link EmptyArtifacts} need not read it.
   */
  @Override
  public boolean clean(PDPage page) {
    COSBase contents = closed.get(page.getCOSObject());
    return contents != null && contents == page.getCOSObject().getItem(COSName.CONTENTS);
  }

  /**
   * A page's drawing is done: the names taken for artifacts never written are dropped from its
   * property lists now (they are garbage at once instead of ~90 a page until the document is done),
   * unless another page shares the lists.
   */
  private void closed(PDPage page) {
    COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
    COSDictionary properties =
        resources == null ? null : resources.getCOSDictionary(COSName.PROPERTIES);
    if (properties != null) {
      COSDictionary first = seenProperties.putIfAbsent(properties, page.getCOSObject());
      if (first != null) {
        closed.remove(first); // shared: EmptyArtifacts reads every page that uses them
        return;
      }
      for (COSName name : new ArrayList<>(properties.keySet())) {
        if (properties.getItem(name) == COSNull.NULL) {
          properties.removeItem(name);
        }
      }
    }
    closed.put(page.getCOSObject(), page.getCOSObject().getItem(COSName.CONTENTS));
  }

  /** The library's helper, drawing each page through a {@link Held} adapter. */
  private static final class Helper extends PdfBoxAccessibilityHelper {
    private final PdfBoxFastOutputDevice device;
    private final BackgroundArtifacts pages;

    Helper(
        PdfBoxFastOutputDevice device,
        PdfBoxAccessibilityHelper original,
        BackgroundArtifacts pages) {
      super(device, (Box) HELPER_ROOT.get(original), (Document) HELPER_DOC.get(original));
      this.device = device;
      this.pages = pages;
    }

    @Override
    public void startPage(
        PDPage page,
        PdfContentStreamAdapter cs,
        RenderingContext ctx,
        float pageHeight,
        AffineTransform transform) {
      Held held = new Held((PDPageContentStream) ADAPTER_STREAM.get(cs), page, pages);
      DEVICE_ADAPTER.set(device, held);
      super.startPage(page, held, ctx, pageHeight, transform);
    }
  }

  /**
   * The page's adapter, holding background and running-head artifacts back until something is drawn
   * in them.
   */
  static final class Held extends PdfContentStreamAdapter {
    private static final COSName BACKGROUND = COSName.getPDFName("Background");
    private static final COSName PAGINATION = COSName.getPDFName("Pagination");

    private final PDPage page;
    private final BackgroundArtifacts pages;

    /** Open sequences: a held artifact's {name, list}, or null for one written. */
    private final List<Object[]> open = new ArrayList<>();

    /** How many of the innermost open sequences are held (they are always the innermost). */
    private int held;

    Held(PDPageContentStream cs, PDPage page, BackgroundArtifacts pages) {
      super(cs);
      this.page = page;
      this.pages = pages;
    }

    @Override
    public void beginMarkedContent(COSName tag, COSDictionary properties) {
      if (COSName.ARTIFACT.equals(tag)
          && properties != null
          && (BACKGROUND.equals(properties.getCOSName(COSName.TYPE))
              || PAGINATION.equals(properties.getCOSName(COSName.TYPE)))) {
        COSDictionary resources = page.getCOSObject().getCOSDictionary(COSName.RESOURCES);
        if (resources != null) {
          open.add(new Object[] {takeName(resources), properties});
          held++;
          return;
        }
      }
      flush();
      open.add(null);
      super.beginMarkedContent(tag, properties);
    }

    @Override
    public void endMarkedContent() {
      if (held > 0) {
        open.remove(open.size() - 1); // nothing was drawn in it: never written
        held--;
        return;
      }
      if (!open.isEmpty()) {
        open.remove(open.size() - 1);
      }
      super.endMarkedContent();
    }

    /** Writes the held artifacts, outermost first, under the names taken for them. */
    private void flush() {
      if (held == 0) {
        return;
      }
      COSDictionary properties =
          page.getCOSObject()
              .getCOSDictionary(COSName.RESOURCES)
              .getCOSDictionary(COSName.PROPERTIES);
      for (int i = open.size() - held; i < open.size(); i++) {
        Object[] artifact = open.get(i);
        // In the name's place: PDResources.add finds the list there and writes that name.
        properties.setItem((COSName) artifact[0], (COSDictionary) artifact[1]);
        super.beginMarkedContent(COSName.ARTIFACT, (COSDictionary) artifact[1]);
        open.set(i, null);
      }
      held = 0;
    }

    /**
     * Takes the property-list name PDFBox's {@code PDResources.add} would give a new list now, with
     * a placeholder that no content names.
     */
    private static COSName takeName(COSDictionary resources) {
      COSDictionary properties = resources.getCOSDictionary(COSName.PROPERTIES);
      String key;
      if (properties == null) {
        properties = new COSDictionary();
        resources.setItem(COSName.PROPERTIES, properties);
        key = "Prop1";
      } else {
        int n = properties.keySet().size();
        do {
          n++;
          key = "Prop" + n;
        } while (properties.containsKey(key));
      }
      COSName name = COSName.getPDFName(key);
      properties.setItem(name, COSNull.NULL);
      return name;
    }

    @Override
    public void fillRect(float a, float b, float c, float d) {
      flush();
      super.fillRect(a, b, c, d);
    }

    @Override
    public void addRect(float a, float b, float c, float d) {
      flush();
      super.addRect(a, b, c, d);
    }

    @Override
    public void newPath() {
      flush();
      super.newPath();
    }

    @Override
    public void setExtGState(PDExtendedGraphicsState a) {
      flush();
      super.setExtGState(a);
    }

    @Override
    public void closeSubpath() {
      flush();
      super.closeSubpath();
    }

    @Override
    public void curveTo(float a, float b, float c, float d, float e, float f) {
      flush();
      super.curveTo(a, b, c, d, e, f);
    }

    @Override
    public void curveTo(float a, float b, float c, float d) {
      flush();
      super.curveTo(a, b, c, d);
    }

    @Override
    public void closeContent() {
      flush();
      super.closeContent();
      pages.closed(page);
    }

    @Override
    public void lineTo(float a, float b) {
      flush();
      super.lineTo(a, b);
    }

    @Override
    public void moveTo(float a, float b) {
      flush();
      super.moveTo(a, b);
    }

    @Override
    public void fillEvenOdd() {
      flush();
      super.fillEvenOdd();
    }

    @Override
    public void fillNonZero() {
      flush();
      super.fillNonZero();
    }

    @Override
    public void stroke() {
      flush();
      super.stroke();
    }

    @Override
    public void clipNonZero() {
      flush();
      super.clipNonZero();
    }

    @Override
    public void clipEvenOdd() {
      flush();
      super.clipEvenOdd();
    }

    @Override
    public void setStrokingColor(int a, int b, int c) {
      flush();
      super.setStrokingColor(a, b, c);
    }

    @Override
    public void setStrokingColor(float a, float b, float c, float d) {
      flush();
      super.setStrokingColor(a, b, c, d);
    }

    @Override
    public void setFillColor(int a, int b, int c) {
      flush();
      super.setFillColor(a, b, c);
    }

    @Override
    public void setFillColor(float a, float b, float c, float d) {
      flush();
      super.setFillColor(a, b, c, d);
    }

    @Override
    public void setLineWidth(float a) {
      flush();
      super.setLineWidth(a);
    }

    @Override
    public void setLineCap(int a) {
      flush();
      super.setLineCap(a);
    }

    @Override
    public void setLineJoin(int a) {
      flush();
      super.setLineJoin(a);
    }

    @Override
    public void setLineDash(float[] a, float b) {
      flush();
      super.setLineDash(a, b);
    }

    @Override
    public void restoreGraphics() {
      flush();
      super.restoreGraphics();
    }

    @Override
    public void saveGraphics() {
      flush();
      super.saveGraphics();
    }

    @Override
    public void beginText() {
      flush();
      super.beginText();
    }

    @Override
    public void endText() {
      flush();
      super.endText();
    }

    @Override
    public void setFont(PDFont a, float b) {
      flush();
      super.setFont(a, b);
    }

    @Override
    public void setTextMatrix(float a, float b, float c, float d, float e, float f) {
      flush();
      super.setTextMatrix(a, b, c, d, e, f);
    }

    @Override
    public void setRenderingMode(RenderingMode a) {
      flush();
      super.setRenderingMode(a);
    }

    @Override
    public void drawString(String a) {
      flush();
      super.drawString(a);
    }

    @Override
    public void drawImage(PDImageXObject a, float b, float c, float d, float e) {
      flush();
      super.drawImage(a, b, c, d, e);
    }

    @Override
    public void drawXForm(PDFormXObject a) {
      flush();
      super.drawXForm(a);
    }

    @Override
    public void setMiterLimit(float a) {
      flush();
      super.setMiterLimit(a);
    }

    @Override
    public void drawStringWithPositioning(Object[] a) {
      flush();
      super.drawStringWithPositioning(a);
    }

    @Override
    public void applyPdfMatrix(AffineTransform a) {
      flush();
      super.applyPdfMatrix(a);
    }

    @Override
    public void placeXForm(float a, float b, PDFormXObject c) {
      flush();
      super.placeXForm(a, b, c);
    }

    @Override
    public void paintGradient(PDShading a) {
      flush();
      super.paintGradient(a);
    }
  }
}
