package dev.gazette.markdown;

import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import java.util.List;

/**
 * Mends a reference picture inside a full reference link ({@code [![alt][img]][link]}), which
 * flexmark 0.64.8 reads as the text {@code [}, the picture, {@code ]} and a link {@code [link]} (a
 * reference image closes the brackets opened before it, as only a link should); CommonMark makes it
 * a linked picture, as the site generators do. The link node flexmark made of {@code [link]} gets
 * the picture as its text.
 */
final class LinkedImages {
  private LinkedImages() {}

  /** Whether {@code markdown} may hold such a picture: most bodies do not, and are not walked. */
  static boolean mayHold(String markdown) {
    return markdown.contains("]][");
  }

  static void mend(Document document) {
    List<ImageRef> images = AstNodes.all(document, ImageRef.class);
    for (ImageRef image : images) {
      Node before = image.getPrevious();
      Node close = image.getNext();
      Node link = close == null ? null : close.getNext();
      if (before instanceof Text open
          && close instanceof Text
          && link instanceof LinkRef ref
          && ref.isDefined()
          && open.getChars().endsWith("[")
          && open.getEndOffset() == image.getStartOffset()
          && close.getChars().toString().equals("]")
          && close.getStartOffset() == image.getEndOffset()
          && link.getStartOffset() == close.getEndOffset()
          && ref.getChars().toString().equals("[" + ref.getReference() + "]")) {
        int start = image.getStartOffset() - 1;
        BasedSequence rest = open.getChars().subSequence(0, open.getChars().length() - 1);
        if (rest.isEmpty()) {
          open.unlink();
        } else {
          open.setChars(rest);
        }
        close.unlink();
        ref.removeChildren();
        image.unlink();
        ref.appendChild(image);
        ref.setChars(image.getChars().baseSubSequence(start, ref.getEndOffset()));
      }
    }
  }
}
