package dev.gazette.render.pdf;

import dev.gazette.model.Digest;
import dev.gazette.model.PdfA;
import dev.gazette.render.pdf.PdfObjectWriter.Ref;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDMetadata;

/**
 * Joins the parts of a chunked PDF ({@link ChunkedPdf}) into one file, writing it as it goes: the
 * parts are taken in a given order, each as soon as it is painted (the chunks while later chunks
 * are painted, the front matter last), its objects renumbered and written ({@link
 * PdfObjectWriter}), and the part closed before the next is taken. What stays in memory grows with
 * the page count only by a few numbers per page (the page objects' numbers, the parent tree's
 * leaves, the structure's top elements), never by the parts' objects.
 *
 * <ul>
 *   <li><b>Pages and links.</b> A part's pages get their object numbers when the part is written. A
 *       link to another part ({@value ChunkedPdf#TARGET_SCHEME}{@code id}, a URI action in the
 *       part) is written as a GoTo to {@code [page /XYZ null top null]}, as one layout writes its
 *       links, when the target's part is already written; otherwise its destination is a reference
 *       to that array, written once every part is. The outline (written last) points at pages the
 *       same way. No name tree, no second pass over the pages.
 *   <li><b>Page tree.</b> One intermediate {@code /Pages} node per part under the root, in page
 *       order whatever the order of writing; inherited attributes are copied onto the pages.
 *   <li><b>Structure.</b> One structure tree: the parts' {@code Document} elements become one,
 *       whose kids are every part's top elements in page order; each part's parent tree keys
 *       ({@code StructParents} of pages, {@code StructParent} of annotations) are shifted by the
 *       keys of the parts written before it and written as leaves of one number tree; role maps are
 *       merged.
 *   <li><b>Fonts and pictures.</b> Each per-digest face is subset once, for the union of the glyphs
 *       all parts drew (read from each painted part), and written after the last part at a number
 *       reserved before the first; every part's subset of that face is replaced by a reference to
 *       it and never written. A picture equal to one written before (same bytes, size, colours and
 *       mask) is a reference to it.
 *   <li><b>Document.</b> Catalog entries of the front part (viewer preferences, mark info), the
 *       stamp (information dictionary, language, content-derived {@code /ID}), the XMP packet and
 *       output intent of one layout ({@link PdfRenderer#stamp}, {@link PdfStandards}); the
 *       structure fixes ran on each part before it was handed over.
 * </ul>
 */
final class PdfJoin {
  /** Where a link target lies in its part: page index and height. */
  record Target(int page, int top) {}

  /**
   * A painted part: its document (closed by the join once written), length, link targets and the
   * glyphs it drew per face.
   */
  record Part(
      PDDocument pdf, int pages, Map<String, Target> targets, Map<String, Set<Integer>> glyphs) {}

  /** The parts, in page order (the front matter first), each given when it is painted. */
  interface Parts {
    int count();

    /** Part {@code p}, waiting until it is painted. */
    Part get(int p) throws IOException;
  }

  /** An outline entry: its title, the id it points at (may be absent) and its children. */
  record OutlineItem(String title, String target, List<OutlineItem> kids) {}

  /**
   * Told after each part is written: its pages, how many parts are still open and the bytes
   * written.
   */
  interface Progress {
    void partWritten(int part, int pages, int partsOpen, long bytesWritten);
  }

  /** Top-level entries of the front part's catalog the join writes itself. */
  private static final Set<COSName> OWN_CATALOG_KEYS =
      Set.of(
          COSName.TYPE,
          COSName.PAGES,
          COSName.STRUCT_TREE_ROOT,
          COSName.OUTLINES,
          COSName.NAMES,
          COSName.METADATA,
          COSName.OUTPUT_INTENTS,
          COSName.LANG,
          COSName.DESTS);

  private static final COSName XYZ = COSName.getPDFName("XYZ");
  private static final COSName ACTION = COSName.getPDFName("Action");
  private static final COSName GOTO = COSName.getPDFName("GoTo");

  /** Number-tree leaves of the parent tree hold at most this many keys. */
  private static final int LEAF_KEYS = 256;

  private final PdfObjectWriter w;
  private final Map<String, byte[]> programs;
  private final int catalog;
  private final int pagesRoot;
  private final int structRoot;
  private final int document;

  /** Per part (page order): its pages' object numbers, once the part is written. */
  private final int[][] pageNumbers;

  /** Link targets of the parts written so far: part, page index in it, height. */
  private final Map<String, int[]> targets = new HashMap<>();

  /** Destinations of links to a part not written yet, written last: object number and target id. */
  private final List<Map.Entry<Integer, String>> laterTargets = new ArrayList<>();

  private final Map<String, Integer> fonts = new LinkedHashMap<>();
  private final Map<String, Set<Integer>> glyphs = new TreeMap<>();
  private final Map<String, Integer> images = new HashMap<>();
  private final int[] partNodes;
  private final COSArray[] rootKids;
  private final COSArray[] documentKids;
  private final COSArray parentTreeLeaves = new COSArray();
  private final COSDictionary roleMap = new COSDictionary();
  private COSDictionary catalogExtras;
  private COSDictionary documentExtras;
  private int documentExtrasPart = Integer.MAX_VALUE;
  private int pageCount;
  private boolean tagged;
  private int nextKey;
  private int partsOpen;

  private PdfJoin(PdfObjectWriter w, int parts, Map<String, byte[]> programs) {
    this.w = w;
    this.programs = programs;
    catalog = w.reserve();
    pagesRoot = w.reserve();
    structRoot = w.reserve();
    document = w.reserve();
    // Each face's number is known before any part refers to it; the face is written last.
    for (String face : programs.keySet()) {
      fonts.put(face, w.reserve());
    }
    pageNumbers = new int[parts][];
    partNodes = new int[parts];
    rootKids = new COSArray[parts];
    documentKids = new COSArray[parts];
  }

  /**
   * Writes the joined PDF of {@code parts} to {@code out}, taking the parts in {@code order} (each
   * as soon as it is painted: the chunks can be written while later ones are painted, the front
   * matter, which waits for them all, last). The file is the same whatever the timing: the order
   * and every object number follow from the parts alone.
   *
   * @param order the parts' indexes in the order they are written
   * @param programs the per-digest faces by PostScript name ({@link SharedFonts#programs})
   */
  static void write(
      Parts parts,
      int[] order,
      Map<String, byte[]> programs,
      List<OutlineItem> outline,
      Digest digest,
      boolean tags,
      PdfA pdfA,
      OutputStream out,
      Progress progress)
      throws IOException {
    if (order.length != parts.count()
        || IntStream.of(order).distinct().count() != order.length
        || IntStream.of(order).anyMatch(p -> p < 0 || p >= order.length)) {
      throw new IllegalArgumentException("not an order of " + parts.count() + " parts");
    }
    PdfJoin join = null;
    for (int p : order) {
      Part part = parts.get(p);
      try (PDDocument pdf = part.pdf()) {
        if (join == null) {
          String version = Float.toString(pdf.getVersion());
          join = new PdfJoin(new PdfObjectWriter(out, version), order.length, programs);
        }
        join.part(p, part);
      }
      if (progress != null) {
        progress.partWritten(p, part.pages(), join.partsOpen, join.w.position());
      }
    }
    join.sharedFonts();
    join.finish(outline, digest, tags, pdfA);
  }

  /** One subset per face for the union of what the parts drew, at the numbers parts refer to. */
  private void sharedFonts() throws IOException {
    for (Map.Entry<String, Integer> face : fonts.entrySet()) {
      Set<Integer> drawn = glyphs.get(face.getKey());
      if (drawn == null) {
        continue; // no part refers to it: its number stays free
      }
      try (PDDocument scratch = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
        COSDictionary font = SharedFonts.subset(scratch, programs.get(face.getKey()), drawn);
        Numbering refs = new Numbering(false, 0, 0);
        refs.assign(font, face.getValue());
        refs.drain();
      }
    }
  }

  private void part(int p, Part part) throws IOException {
    PDDocument pdf = part.pdf();
    part.glyphs()
        .forEach((face, g) -> glyphs.computeIfAbsent(face, f -> new TreeSet<>()).addAll(g));
    for (Map.Entry<String, Target> t : part.targets().entrySet()) {
      targets.put(t.getKey(), new int[] {p, t.getValue().page(), t.getValue().top()});
    }
    pageNumbers[p] = new int[part.pages()];
    for (int i = 0; i < part.pages(); i++) {
      pageNumbers[p][i] = w.reserve();
    }
    pageCount += part.pages();
    try {
      partsOpen++;
      int node = w.reserve();
      Numbering refs = new Numbering(true, nextKey, node);
      COSArray kids = new COSArray();
      int i = 0;
      for (PDPage page : pdf.getPages()) {
        COSDictionary d = page.getCOSObject();
        // The part's page tree is not written: what a page inherits goes onto the page.
        if (!d.containsKey(COSName.RESOURCES)) {
          d.setItem(COSName.RESOURCES, page.getResources());
        }
        if (!d.containsKey(COSName.MEDIA_BOX)) {
          d.setItem(COSName.MEDIA_BOX, page.getMediaBox());
        }
        if (!d.containsKey(COSName.ROTATE) && page.getRotation() != 0) {
          d.setInt(COSName.ROTATE, page.getRotation());
        }
        if (i == part.pages()) {
          throw new IOException("part " + p + " has more pages than laid out: " + part.pages());
        }
        int number = pageNumbers[p][i++];
        refs.assign(d, number);
        kids.add(new Ref(number));
      }
      if (i != part.pages()) {
        throw new IOException("part " + p + " has " + i + " pages, laid out " + part.pages());
      }
      COSDictionary cat = pdf.getDocumentCatalog().getCOSObject();
      COSDictionary structure = cat.getCOSDictionary(COSName.STRUCT_TREE_ROOT);
      if (structure != null) {
        structure(p, structure, refs);
      }
      if (p == 0) {
        catalogExtras = new COSDictionary();
        for (Map.Entry<COSName, COSBase> e : cat.entrySet()) {
          if (!OWN_CATALOG_KEYS.contains(e.getKey())) {
            catalogExtras.setItem(e.getKey(), detach(e.getValue(), refs));
          }
        }
      }
      refs.drain();
      COSDictionary pages = new COSDictionary();
      pages.setItem(COSName.TYPE, COSName.PAGES);
      pages.setItem(COSName.PARENT, new Ref(pagesRoot));
      pages.setItem(COSName.KIDS, kids);
      pages.setInt(COSName.COUNT, i);
      w.put(node, pages, refs);
      partNodes[p] = node;
      w.flushObjectStream(); // the part is in the file before the next is opened
    } finally {
      partsOpen--;
    }
  }

  /**
   * The part's structure tree joins the document's: its {@code Document} element's kids (or its top
   * elements) are listed under the one {@code Document}, its parent tree goes in as leaves with
   * keys shifted past the parts before it.
   */
  private void structure(int p, COSDictionary root, Numbering refs) throws IOException {
    tagged = true;
    COSArray documentKids = this.documentKids[p] = new COSArray();
    COSArray rootKids = this.rootKids[p] = new COSArray();
    refs.fixed.put(root, structRoot);
    for (COSBase top : items(root.getDictionaryObject(COSName.K))) {
      if (top instanceof COSDictionary e
          && COSName.DOCUMENT.equals(e.getCOSName(COSName.S))
          && onlyElements(e)) {
        refs.fixed.put(e, document);
        if (p < documentExtrasPart) { // the first part's, in page order
          documentExtrasPart = p;
          documentExtras = new COSDictionary();
          for (Map.Entry<COSName, COSBase> entry : e.entrySet()) {
            COSName key = entry.getKey();
            if (!key.equals(COSName.K) && !key.equals(COSName.P)) {
              documentExtras.setItem(key, detach(entry.getValue(), refs));
            }
          }
        }
        for (COSBase kid : items(e.getDictionaryObject(COSName.K))) {
          documentKids.add(new Ref(refs.ref(kid)));
        }
      } else {
        rootKids.add(new Ref(refs.ref(top)));
      }
    }
    if (root.getDictionaryObject(COSName.ROLE_MAP) instanceof COSDictionary roles) {
      for (Map.Entry<COSName, COSBase> e : roles.entrySet()) {
        if (!roleMap.containsKey(e.getKey())) {
          roleMap.setItem(e.getKey(), detach(e.getValue(), refs));
        }
      }
    }
    List<COSBase> nums = new ArrayList<>();
    numbers(root.getDictionaryObject(COSName.PARENT_TREE), nums, 0);
    int max = -1;
    for (int at = 0; at < nums.size(); at += 2 * LEAF_KEYS) {
      COSArray pairs = new COSArray();
      int first = -1;
      int last = -1;
      for (int k = at; k < Math.min(nums.size(), at + 2 * LEAF_KEYS); k += 2) {
        int key = ((COSInteger) nums.get(k)).intValue();
        max = Math.max(max, key);
        last = key + nextKey;
        if (first < 0) {
          first = last;
        }
        pairs.add(COSInteger.get(last));
        pairs.add(nums.get(k + 1));
      }
      COSArray limits = new COSArray();
      limits.add(COSInteger.get(first));
      limits.add(COSInteger.get(last));
      COSDictionary leaf = new COSDictionary();
      leaf.setItem(COSName.LIMITS, limits);
      leaf.setItem(COSName.NUMS, pairs);
      int number = w.reserve();
      w.put(number, leaf, refs);
      parentTreeLeaves.add(new Ref(number));
    }
    nextKey += Math.max(root.getInt(COSName.PARENT_TREE_NEXT_KEY, 0), max + 1);
  }

  /** Flattens a number tree into key, value, key, value (in key order, as the tree lists them). */
  private static void numbers(COSBase node, List<COSBase> into, int depth) throws IOException {
    if (!(node instanceof COSDictionary d)) {
      return;
    }
    if (depth > 32) {
      throw new IOException("a parent tree nested deeper than 32 levels");
    }
    if (d.getDictionaryObject(COSName.NUMS) instanceof COSArray nums) {
      for (int i = 0; i + 1 < nums.size(); i += 2) {
        if (nums.getObject(i) instanceof COSInteger key) {
          into.add(key);
          into.add(nums.get(i + 1));
        }
      }
    }
    if (d.getDictionaryObject(COSName.KIDS) instanceof COSArray kids) {
      for (int i = 0; i < kids.size(); i++) {
        numbers(kids.getObject(i), into, depth + 1);
      }
    }
  }

  /** Whether every kid of a structure element is a structure element (no content of its own). */
  private static boolean onlyElements(COSDictionary e) {
    for (COSBase kid : items(e.getDictionaryObject(COSName.K))) {
      if (!(kid instanceof COSDictionary d)
          || COSName.MCR.equals(d.getCOSName(COSName.TYPE))
          || COSName.OBJR.equals(d.getCOSName(COSName.TYPE))) {
        return false;
      }
    }
    return true;
  }

  private static List<COSBase> items(COSBase k) {
    List<COSBase> items = new ArrayList<>();
    if (k instanceof COSArray a) {
      for (int i = 0; i < a.size(); i++) {
        items.add(a.getObject(i));
      }
    } else if (k != null && !(k instanceof COSNull)) {
      items.add(k);
    }
    return items;
  }

  /**
   * A value of the open part to keep past its closing: references become output references (the
   * objects are written with the part), direct containers are copied.
   */
  private static COSBase detach(COSBase v, Numbering refs) throws IOException {
    if (v instanceof COSObject o) {
      COSBase target = o.getObject();
      return target == null ? COSNull.NULL : new Ref(refs.ref(target));
    }
    if (v instanceof COSStream || (v instanceof COSDictionary d && !d.isDirect())) {
      return new Ref(refs.ref(v));
    }
    if (v instanceof COSDictionary d) {
      COSDictionary copy = new COSDictionary();
      copy.setDirect(true);
      for (Map.Entry<COSName, COSBase> e : d.entrySet()) {
        copy.setItem(e.getKey(), detach(e.getValue(), refs));
      }
      return copy;
    }
    if (v instanceof COSArray a) {
      COSArray copy = new COSArray();
      for (int i = 0; i < a.size(); i++) {
        copy.add(detach(a.get(i), refs));
      }
      return copy;
    }
    return v;
  }

  private void finish(List<OutlineItem> outline, Digest digest, boolean tags, PdfA pdfA)
      throws IOException {
    Numbering none = new Numbering(false, 0, 0);
    for (Map.Entry<Integer, String> later : laterTargets) {
      int[] target = targets.get(later.getValue());
      if (target == null) {
        throw new IOException("no target for the link " + later.getValue());
      }
      w.put(later.getKey(), destination(target), none);
    }
    COSArray nodes = new COSArray();
    for (int node : partNodes) {
      nodes.add(new Ref(node));
    }
    COSDictionary pages = new COSDictionary();
    pages.setItem(COSName.TYPE, COSName.PAGES);
    pages.setItem(COSName.KIDS, nodes);
    pages.setInt(COSName.COUNT, pageCount);
    w.put(pagesRoot, pages, none);
    int outlines = outline.isEmpty() ? -1 : outline(outline);
    if (tagged) {
      structureRoot(none);
    }
    try (PDDocument scratch = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      PdfRenderer.stamp(scratch, digest);
      COSDictionary cat = new COSDictionary();
      cat.setItem(COSName.TYPE, COSName.CATALOG);
      if (catalogExtras != null) {
        cat.addAll(catalogExtras);
      }
      cat.setItem(COSName.PAGES, new Ref(pagesRoot));
      cat.setItem(COSName.LANG, scratch.getDocumentCatalog().getCOSObject().getItem(COSName.LANG));
      if (tagged) {
        cat.setItem(COSName.STRUCT_TREE_ROOT, new Ref(structRoot));
      }
      if (outlines > 0) {
        cat.setItem(COSName.OUTLINES, new Ref(outlines));
      }
      Numbering refs = new Numbering(false, 0, 0);
      if (tags || pdfA != null) {
        byte[] xmp = PdfStandards.xmp(scratch.getDocumentInformation(), digest, tags, pdfA);
        COSStream metadata = new PDMetadata(scratch, new ByteArrayInputStream(xmp)).getCOSObject();
        cat.setItem(COSName.METADATA, new Ref(refs.ref(metadata)));
      }
      if (pdfA != null) {
        COSArray intents = new COSArray();
        intents.add(new Ref(refs.ref(PdfStandards.srgbOutputIntent(scratch).getCOSObject())));
        cat.setItem(COSName.OUTPUT_INTENTS, intents);
      }
      w.put(catalog, cat, refs);
      int info = refs.ref(scratch.getDocumentInformation().getCOSObject());
      refs.drain();
      COSArray id = scratch.getDocument().getTrailer().getCOSArray(COSName.ID);
      w.finish(catalog, info, id);
    }
  }

  private void structureRoot(Numbering refs) throws IOException {
    COSArray k = new COSArray();
    if (documentExtras != null) {
      COSDictionary doc = new COSDictionary();
      doc.setItem(COSName.TYPE, COSName.STRUCT_ELEM);
      doc.setItem(COSName.S, COSName.DOCUMENT);
      for (Map.Entry<COSName, COSBase> e : documentExtras.entrySet()) {
        doc.setItem(e.getKey(), e.getValue());
      }
      doc.setItem(COSName.P, new Ref(structRoot));
      doc.setItem(COSName.K, inPageOrder(documentKids));
      w.put(document, doc, refs);
      k.add(new Ref(document));
    }
    COSArray others = inPageOrder(rootKids);
    for (int i = 0; i < others.size(); i++) {
      k.add(others.get(i));
    }
    COSDictionary parentTree = new COSDictionary();
    if (parentTreeLeaves.size() > 0) {
      parentTree.setItem(COSName.KIDS, parentTreeLeaves);
    } else {
      parentTree.setItem(COSName.NUMS, new COSArray());
    }
    int parentTreeNumber = w.reserve();
    w.put(parentTreeNumber, parentTree, refs);
    COSDictionary root = new COSDictionary();
    root.setItem(COSName.TYPE, COSName.STRUCT_TREE_ROOT);
    if (roleMap.size() > 0) {
      roleMap.setDirect(true);
      root.setItem(COSName.ROLE_MAP, roleMap);
    }
    root.setItem(COSName.K, k.size() == 1 ? k.get(0) : k);
    root.setInt(COSName.PARENT_TREE_NEXT_KEY, nextKey);
    root.setItem(COSName.PARENT_TREE, new Ref(parentTreeNumber));
    w.put(structRoot, root, refs);
  }

  /** The parts' lists one after another, in page order. */
  private static COSArray inPageOrder(COSArray[] perPart) {
    COSArray all = new COSArray();
    for (COSArray a : perPart) {
      if (a != null) {
        for (int i = 0; i < a.size(); i++) {
          all.add(a.get(i));
        }
      }
    }
    return all;
  }

  /**
   * The outline as PDFBox writes one: items closed, a parent's {@code /Count} minus its number of
   * children, the root's the number of top-level items.
   */
  private int outline(List<OutlineItem> items) throws IOException {
    int root = w.reserve();
    int[] numbers = outlineItems(items, root);
    COSDictionary d = new COSDictionary();
    d.setItem(COSName.TYPE, COSName.OUTLINES);
    d.setItem(COSName.FIRST, new Ref(numbers[0]));
    d.setItem(COSName.LAST, new Ref(numbers[numbers.length - 1]));
    d.setInt(COSName.COUNT, items.size());
    w.put(root, d, new Numbering(false, 0, 0));
    return root;
  }

  private int[] outlineItems(List<OutlineItem> items, int parent) throws IOException {
    int[] numbers = new int[items.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = w.reserve();
    }
    Numbering none = new Numbering(false, 0, 0);
    for (int i = 0; i < numbers.length; i++) {
      OutlineItem item = items.get(i);
      COSDictionary d = new COSDictionary();
      d.setItem(COSName.TITLE, new COSString(item.title()));
      d.setItem(COSName.PARENT, new Ref(parent));
      if (i > 0) {
        d.setItem(COSName.PREV, new Ref(numbers[i - 1]));
      }
      if (i + 1 < numbers.length) {
        d.setItem(COSName.NEXT, new Ref(numbers[i + 1]));
      }
      if (!item.kids().isEmpty()) {
        int[] kids = outlineItems(item.kids(), numbers[i]);
        d.setItem(COSName.FIRST, new Ref(kids[0]));
        d.setItem(COSName.LAST, new Ref(kids[kids.length - 1]));
        d.setInt(COSName.COUNT, -kids.length);
      }
      int[] target = item.target() == null ? null : targets.get(item.target());
      if (target != null) {
        d.setItem(COSName.DEST, destination(target));
      }
      w.put(numbers[i], d, none);
    }
    return numbers;
  }

  /** {@code [page /XYZ null top null]}, as PDFBox's {@code PDPageXYZDestination} writes it. */
  private COSArray destination(int[] target) {
    COSArray d = new COSArray();
    d.add(new Ref(pageNumbers[target[0]][target[1]]));
    d.add(XYZ);
    d.add(COSNull.NULL);
    d.add(COSInteger.get(target[2]));
    d.add(COSNull.NULL);
    return d;
  }

  /**
   * The destination of a link to {@code id}: the array when the target's part is written, else a
   * reference to it, written once every part is.
   */
  private COSBase destinationOf(String id) {
    int[] target = targets.get(id);
    if (target != null) {
      return destination(target);
    }
    int number = w.reserve();
    laterTargets.add(Map.entry(number, id));
    return new Ref(number);
  }

  /**
   * Numbers the objects of one part (or of an object made for the join) as they are first referred
   * to, and writes them when drained. For a part it also stands in the shared font for a part's
   * subset of a face, the first equal picture for a picture, the join's own page tree node, and the
   * document's structure root and element for the part's; and shifts parent tree keys.
   */
  private final class Numbering implements PdfObjectWriter.Refs {
    private record Pending(int number, COSBase object) {}

    private final Map<COSBase, Integer> numbers = new IdentityHashMap<>();
    final Map<COSBase, Integer> fixed = new IdentityHashMap<>();
    private final ArrayDeque<Pending> queue = new ArrayDeque<>();
    private final boolean part;
    private final int keyOffset;
    private final int pageNode;

    Numbering(boolean part, int keyOffset, int pageNode) {
      this.part = part;
      this.keyOffset = keyOffset;
      this.pageNode = pageNode;
    }

    void assign(COSBase object, int number) {
      numbers.put(object, number);
      queue.add(new Pending(number, object));
    }

    @Override
    public int ref(COSBase target) throws IOException {
      if (target instanceof COSObject o) {
        target = o.getObject();
      }
      Integer n = numbers.get(target);
      if (n != null) {
        return n;
      }
      n = fixed.get(target);
      if (n == null && part && target instanceof COSStream s) {
        if (COSName.IMAGE.equals(s.getCOSName(COSName.SUBTYPE))) {
          String key = SharedFonts.imageKey(s);
          n = images.get(key);
          if (n == null) {
            n = w.reserve();
            images.put(key, n);
            queue.add(new Pending(n, s));
          }
        }
      } else if (n == null && part && target instanceof COSDictionary d) {
        String face = SharedFonts.sharedFace(d, programs.keySet());
        n = face == null ? null : fonts.get(face);
      }
      if (n == null) {
        n = w.reserve();
        queue.add(new Pending(n, target));
      }
      numbers.put(target, n);
      return n;
    }

    @Override
    public COSDictionary rewrite(COSDictionary d) throws IOException {
      if (!part) {
        return d;
      }
      if (COSName.URI.equals(d.getCOSName(COSName.S))) {
        String uri = d.getString(COSName.URI);
        if (uri != null && uri.startsWith(ChunkedPdf.TARGET_SCHEME)) {
          COSDictionary go = new COSDictionary();
          go.setItem(COSName.TYPE, ACTION);
          go.setItem(COSName.S, GOTO);
          go.setItem(COSName.D, destinationOf(uri.substring(ChunkedPdf.TARGET_SCHEME.length())));
          return go;
        }
      }
      boolean page = COSName.PAGE.equals(d.getCOSName(COSName.TYPE));
      boolean keyed = d.containsKey(COSName.STRUCT_PARENTS) || d.containsKey(COSName.STRUCT_PARENT);
      if (!page && !keyed) {
        return d;
      }
      COSDictionary copy = new COSDictionary();
      copy.addAll(d);
      if (page) {
        copy.setItem(COSName.PARENT, new Ref(pageNode));
      }
      for (COSName key : new COSName[] {COSName.STRUCT_PARENTS, COSName.STRUCT_PARENT}) {
        if (d.getDictionaryObject(key) instanceof COSInteger i) {
          copy.setInt(key, i.intValue() + keyOffset);
        }
      }
      return copy;
    }

    void drain() throws IOException {
      for (Pending p = queue.poll(); p != null; p = queue.poll()) {
        w.put(p.number(), p.object(), this);
      }
    }
  }
}
