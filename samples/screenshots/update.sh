#!/usr/bin/env bash
# Regenerates the README pictures from the sample digest.
# Needs poppler-utils (pdftoppm), imagemagick (convert, montage) and chromium (Debian packages).
set -euo pipefail
cd "$(dirname "$0")/../.."
shots=samples/screenshots
work=$(mktemp -d)
java -jar target/gazette.jar build samples --week 2021-W26 --zone Asia/Shanghai --title "青澜周报 · 2021 年第 26 周" \
  --out "$work" --name week -q
# Pages: 1 cover, 2 masthead, 3 contents, then articles.
pdftoppm -png -r 96 -f 5 -l 5 "$work/week.pdf" "$work/page"
convert "$work"/page-*5.png -bordercolor '#cccccc' -border 1 "$shots/pdf-page.png"
pdftoppm -png -r 96 -f 3 -l 3 "$work/week.pdf" "$work/toc"
convert "$work"/toc-*3.png -bordercolor '#cccccc' -border 1 "$shots/pdf-contents.png"
pdftoppm -png -r 60 -f 1 -l 2 "$work/week.pdf" "$work/front"
montage "$work"/front-*1.png "$work"/front-*2.png -tile 2x1 -geometry +8+8 -background '#dddddd' "$shots/cover-and-masthead.png"
mkdir "$work/epub" && (cd "$work/epub" && unzip -q ../week.epub)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
  --window-size=520,740 --screenshot="$work/epub.png" "file://$work/epub/OEBPS/a002.xhtml" 2>/dev/null
convert "$work/epub.png" -bordercolor white -border 24 -bordercolor '#cccccc' -border 1 "$shots/epub-page.png"
# Typography, before and after: the same page set ragged with no indent (what inline
# text-align:left does to news HTML elsewhere) and as Gazette sets it.
printf 'p { text-align: left; text-indent: 0; }\n' > "$work/before.css"
mkdir "$work/one" && cp samples/news/students-meteor-camera-network.md "$work/one/"
java -jar target/gazette.jar build "$work/one" --out "$work" --name before --css "$work/before.css" --format pdf --no-cover -q
java -jar target/gazette.jar build "$work/one" --out "$work" --name after --format pdf --no-cover -q
pdftoppm -png -r 110 -f 3 -l 3 "$work/before.pdf" "$work/before"
pdftoppm -png -r 110 -f 3 -l 3 "$work/after.pdf" "$work/after"
convert "$work"/before-*3.png -crop 600x420+10+150 +repage "$work/b.png"
convert "$work"/after-*3.png -crop 600x420+10+150 +repage "$work/a.png"
montage -label 'before: ragged right, no indent' "$work/b.png" -label 'after: Gazette (justified, 2em indent, kinsoku)' "$work/a.png" \
  -tile 2x1 -geometry +10+10 -pointsize 16 "$shots/typography-before-after.png"
# Code with syntax highlighting: the sample blog post's Java block, second page of the article.
mkdir "$work/blog" && cp -r samples/blog "$work/blog/one"
java -jar target/gazette.jar build "$work/blog/one" --out "$work" --name code --format pdf --no-cover -q
page=$(for p in $(seq 3 40); do pdftotext -f $p -l $p "$work/code.pdf" - | grep -q 'return new String' && { echo $p; break; }; done)
pdftoppm -png -r 96 -f "$page" -l "$page" "$work/code.pdf" "$work/code"
convert "$work"/code-*"$page".png -bordercolor '#cccccc' -border 1 "$shots/pdf-code.png"
# docs/images: crops of the whole sample digest at 110 dpi (pdftoppm crops itself). Pages are
# found by their text; the crop boxes are in pixels of the A5 page.
java -jar target/gazette.jar build samples --out "$work" --name all -q
find_page() { for p in $(seq 3 200); do pdftotext -f $p -l $p "$work/all.pdf" - | grep -q "$1" && { echo $p; return; }; done; }
page=$(find_page '给博客配一份周报')
pdftoppm -png -r 110 -f "$page" -l "$page" -x 40 -y 60 -W 570 -H 256 -singlefile "$work/all.pdf" docs/images/pdf-emoji-title-and-links
page=$(find_page 'Step two: parse')
pdftoppm -png -r 110 -f "$page" -l "$page" -x 40 -y 58 -W 570 -H 424 -singlefile "$work/all.pdf" docs/images/pdf-code
pdftoppm -png -r 110 -f "$page" -l "$page" -x 40 -y 495 -W 570 -H 320 -singlefile "$work/all.pdf" docs/images/pdf-english
mkdir "$work/all-epub" && (cd "$work/all-epub" && unzip -q ../all.epub)
page=$(grep -l '给博客配一份周报' "$work"/all-epub/OEBPS/a*.xhtml | head -1)
chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --user-data-dir="$work/chromium" --hide-scrollbars \
  --window-size=560,820 --screenshot="$work/all-epub.png" "file://$page" 2>/dev/null
convert "$work/all-epub.png" -crop 560x500+0+0 +repage -bordercolor white -border 24 -bordercolor '#cccccc' -border 1 \
  docs/images/epub-emoji-title-and-links.png
rm -rf "$work"
ls -la "$shots"
