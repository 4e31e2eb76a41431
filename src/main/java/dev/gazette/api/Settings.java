package dev.gazette.api;

import dev.gazette.api.DigestRequest.FontChoice;
import dev.gazette.model.DeliveryProfile;
import dev.gazette.model.Format;
import dev.gazette.model.Grouping;
import dev.gazette.model.OrderRule;
import dev.gazette.model.PdfA;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The request's settings by name: one line per setting gives its {@code gazette.yml} key, what its
 * value looks like, its help text and the builder setter it fills. The command line adds an option
 * {@code --KEY} for each (or {@code --no-KEY} for a setting that is on by default), the settings
 * file accepts each key, and the README's key table is made from here, so a new setting is one line
 * here (plus its field, setter and getter in {@link DigestRequest}).
 */
public final class Settings {
  private Settings() {}

  /** Which commands take a setting. */
  public enum Scope {
    /** Which posts: {@code build} and {@code list}. */
    SELECTION,
    /** How the digest is made: {@code build}. */
    BUILD,
    /** Read by the {@code gazette} command itself, not part of a request. */
    COMMAND,
    /** Read by {@code gazette send}, not part of a digest request ({@link SendRequest}). */
    SEND
  }

  /** What a value looks like. */
  public enum Kind {
    /** One value: {@code --key VALUE}, {@code key: VALUE}. */
    TEXT,
    /** Names: {@code --key a,b} (repeatable), {@code key: [a, b]}. */
    LIST,
    /** Pairs: {@code --key K=V} (repeatable), {@code key: {K: V}}. */
    MAP,
    /** Off unless given: {@code --key}, {@code key: true}. */
    SWITCH,
    /** On unless turned off: {@code --no-key}, {@code key: false}. */
    SWITCH_ON
  }

  /**
   * One setting.
   *
   * @param key the {@code gazette.yml} key; the option is {@code --key}
   * @param scope which commands take it
   * @param kind what its value looks like
   * @param label the value's placeholder in help, e.g. {@code FILE}
   * @param help one sentence for {@code --help} and the README
   * @param noValue the value {@code --no-key} stands for, or null when there is no such option
   * @param aliases older option names still accepted
   * @param setter fills the builder from a value; null for {@link Scope#COMMAND}
   */
  public record Setting(
      String key,
      Scope scope,
      Kind kind,
      String label,
      String help,
      String noValue,
      List<String> aliases,
      BiConsumer<DigestRequest.Builder, Value> setter) {

    /** The command-line option: {@code --key}, or {@code --no-key} for a setting on by default. */
    public String option() {
      return kind == Kind.SWITCH_ON ? "--no-" + key : "--" + key;
    }
  }

  /**
   * A value as the user wrote it: a String, a {@code List<String>} or a Boolean, with the folder
   * its relative paths are resolved against (null: as given).
   */
  public record Value(Object raw, Path base) {
    public String text() {
      if (raw instanceof List<?> || raw instanceof Map<?, ?>) {
        throw new IllegalArgumentException(
            "expects a single value, not a " + (raw instanceof Map<?, ?> ? "mapping" : "list"));
      }
      return String.valueOf(raw).strip();
    }

    public List<String> list() {
      if (raw instanceof List<?> l) {
        return l.stream().map(o -> String.valueOf(o).strip()).toList();
      }
      return List.of(text());
    }

    /** Pairs, in the order given: a mapping, or {@code K=V} items. */
    public Map<String, String> map() {
      return map("KEY=VALUE");
    }

    /** Pairs as {@link #map()}; {@code form} names them in errors, e.g. {@code GLOB=ZONE}. */
    public Map<String, String> map(String form) {
      Map<String, String> pairs = new LinkedHashMap<>();
      if (raw instanceof Map<?, ?> m) {
        m.forEach((k, v) -> pairs.put(String.valueOf(k).strip(), String.valueOf(v).strip()));
        return pairs;
      }
      for (String item : list()) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException("expects " + form + ", not '" + item + "'");
        }
        pairs.put(item.substring(0, eq).strip(), item.substring(eq + 1).strip());
      }
      return pairs;
    }

    public boolean bool() {
      if (raw instanceof Boolean b) {
        return b;
      }
      String s = text().toLowerCase(Locale.ROOT);
      return switch (s) {
        case "true", "yes", "on" -> true;
        case "false", "no", "off" -> false;
        default -> throw new IllegalArgumentException("expects true or false, not '" + s + "'");
      };
    }

    public int positive(String what) {
      String s = text();
      try {
        int i = Integer.parseInt(s);
        if (i >= 1) {
          return i;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new IllegalArgumentException("expects a whole number of " + what + ", not '" + s + "'");
    }

    public LocalDate date() {
      String s = text();
      try {
        return LocalDate.parse(s);
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException("expects a date like 2021-07-02, not '" + s + "'");
      }
    }

    public ZoneId zone() {
      String s = text();
      try {
        return ZoneId.of(s);
      } catch (RuntimeException e) {
        throw new IllegalArgumentException(
            "unknown time zone '" + s + "' (use an IANA id such as Asia/Shanghai or UTC)");
      }
    }

    /** A path; {@code ~/} is the home folder. */
    public Path path() {
      return resolve(text());
    }

    public Path existingFile() {
      Path p = path();
      if (!Files.isRegularFile(p)) {
        throw new IllegalArgumentException("no such file: " + p);
      }
      return p;
    }

    /** {@code FILE} or {@code FILE#Face Name}, the file existing. */
    public FontChoice font() {
      return font(text());
    }

    /** One or more fonts, each as {@link #font()}. */
    public List<FontChoice> fonts() {
      return list().stream().map(this::font).toList();
    }

    private FontChoice font(String text) {
      FontChoice spec = FontChoice.parse(text);
      FontChoice font = new FontChoice(resolve(spec.file().toString()), spec.faceName());
      if (!Files.isRegularFile(font.file())) {
        throw new IllegalArgumentException("no such font file: " + font.file());
      }
      return font;
    }

    private Path resolve(String s) {
      if (s.equals("~") || s.startsWith("~/")) {
        s = System.getProperty("user.home") + s.substring(1);
      }
      return base == null ? Path.of(s) : base.resolve(s).normalize();
    }
  }

  private static final String PLACEHOLDERS = "{year} {week} {month} {from} {to} {range} {source}";

  private static final List<Setting> ALL =
      List.of(
          text(
              "title",
              Scope.BUILD,
              "TEXT",
              "Title (default: the folder's index.md or README title, else the site config's title,"
                  + " else the folder name, or the site's above a public/, content/ or src/); may"
                  + " use "
                  + PLACEHOLDERS
                  + ".",
              (b, v) -> b.title(v.text())),
          text(
              "author",
              Scope.BUILD,
              "NAME",
              "Author shown by readers' libraries; several separated by ; (default: the site"
                  + " config's author, else the posts' most common author).",
              (b, v) -> b.authors(names(v))),
          text(
              "site-url",
              Scope.BUILD,
              "URL",
              "The blog's web address: links to /… in the posts are made absolute against it, and"
                  + " pictures addressed by it are taken from the site's folder; its path counts:"
                  + " with https://example.org/blog only addresses under /blog/ are the blog's, and"
                  + " /blog/img/x.png in a post is also looked for as /img/x.png (default: the site"
                  + " config's url, baseURL or base_url; Jekyll's url + baseurl, Hexo's url +"
                  + " root; else https:// and the domain of the site's GitHub Pages CNAME file).",
              (b, v) -> b.siteUrl(v.text())),
          text(
              "publisher",
              Scope.BUILD,
              "NAME",
              "Publisher shown by readers' libraries.",
              (b, v) -> b.publisher(v.text())),
          new Setting(
              "series",
              Scope.BUILD,
              Kind.TEXT,
              "NAME",
              "Series the digest is an issue of (default for a week, month or year: the title"
                  + " without the range); none for no series.",
              "none",
              List.of(),
              (b, v) -> b.series(v.text())),
          text(
              "zone",
              Scope.SELECTION,
              "ZONE",
              "IANA time zone for ranges and for dates without a zone (default: the site config's"
                  + " timezone, else the system zone).",
              (b, v) -> b.zone(v.zone())),
          text(
              "week",
              Scope.SELECTION,
              "WEEK",
              "last, this or an ISO week such as 2021-W26 (Monday to Sunday).",
              (b, v) -> b.week(v.text())),
          text(
              "month",
              Scope.SELECTION,
              "MONTH",
              "last, this or a month such as 2021-07.",
              (b, v) -> b.month(v.text())),
          text(
              "year",
              Scope.SELECTION,
              "YEAR",
              "A calendar year such as 2018.",
              (b, v) -> b.year(v.positive("years, such as 2018"))),
          text(
              "days",
              Scope.SELECTION,
              "N",
              "The last N days, today included.",
              (b, v) -> b.days(v.positive("days (1 or more)"))),
          text(
              "from",
              Scope.SELECTION,
              "YYYY-MM-DD",
              "First day to include (with to).",
              (b, v) -> b.from(v.date())),
          text(
              "to",
              Scope.SELECTION,
              "YYYY-MM-DD",
              "Last day to include (with from).",
              (b, v) -> b.to(v.date())),
          list(
              "categories",
              Scope.SELECTION,
              "Only posts in one of these categories.",
              (b, v) -> b.categories(v.list()),
              "--category"),
          list(
              "exclude-categories",
              Scope.SELECTION,
              "Leave out posts in these categories.",
              (b, v) -> b.excludeCategories(v.list()),
              "--exclude-category"),
          list(
              "tags",
              Scope.SELECTION,
              "Only posts with one of these tags.",
              (b, v) -> b.tags(v.list()),
              "--tag"),
          list(
              "exclude-tags",
              Scope.SELECTION,
              "Leave out posts with these tags.",
              (b, v) -> b.excludeTags(v.list()),
              "--exclude-tag"),
          text(
              "order",
              Scope.SELECTION,
              "RULE",
              "Reading order: date, path (natural: issue-2 before issue-10) or weight (SUMMARY.md,"
                  + " _order.txt, front matter weight/order). Default: chosen from the folder.",
              (b, v) -> b.order(OrderRule.parse(v.text()))),
          flag(
              "drafts",
              Scope.SELECTION,
              "Include drafts (_drafts/ folders and draft: true posts).",
              (b, v) -> b.drafts(v.bool())),
          new Setting(
              "wall-clock",
              Scope.SELECTION,
              Kind.MAP,
              "GLOB=ZONE",
              "Read the times of posts matching GLOB (relative to the source folder) as clock"
                  + " times in ZONE, whatever zone or offset they state; repeatable.",
              null,
              List.of(),
              (b, v) -> b.wallClock(wallClockZones(v.map("GLOB=ZONE")))),
          flag(
              "strict",
              Scope.SELECTION,
              "Fail on any problem in the input instead of skipping the post.",
              (b, v) -> b.strict(v.bool())),
          list(
              "formats",
              Scope.BUILD,
              "epub, pdf, html, or several (default: epub,pdf).",
              (b, v) -> b.formats(formats(v)),
              "--format"),
          text(
              "output-dir",
              Scope.BUILD,
              "DIR",
              "Output folder (default: out).",
              (b, v) -> b.outputDir(v.path()),
              "--out"),
          text(
              "output-name",
              Scope.BUILD,
              "BASENAME",
              "Output file name without folders or extension; may use " + PLACEHOLDERS + ".",
              (b, v) -> b.name(v.text()),
              "--name"),
          text(
              "preface",
              Scope.BUILD,
              "FILE",
              "A file read first as the preface, e.g. README.md.",
              (b, v) -> b.preface(v.path())),
          text(
              "split-level",
              Scope.BUILD,
              "1|2",
              "One file in: a chapter per top-level heading (1, default) or also per second-level"
                  + " heading (2).",
              (b, v) -> b.splitLevel(v.positive("heading levels (1 or 2)"))),
          text(
              "group-by",
              Scope.BUILD,
              "WAY",
              "Sections: day, category or none (default: day for 7 days or fewer, else"
                  + " category).",
              (b, v) -> b.groupBy(Grouping.parse(v.text()))),
          new Setting(
              "cover",
              Scope.BUILD,
              Kind.TEXT,
              "FILE",
              "Cover picture (JPEG or PNG) instead of the generated one; none for no cover.",
              "none",
              List.of(),
              Settings::cover),
          text(
              "theme",
              Scope.BUILD,
              "NAME",
              "book (default), modern or print.",
              (b, v) -> b.theme(v.text())),
          text(
              "css",
              Scope.BUILD,
              "FILE",
              "Extra stylesheet, applied after the theme.",
              (b, v) -> b.extraCss(v.existingFile())),
          text(
              "page-size",
              Scope.BUILD,
              "SIZE",
              "PDF page: A5 (default), A4, Letter or 6in.",
              (b, v) -> b.pageSize(v.text())),
          new Setting(
              "pdf-tags",
              Scope.BUILD,
              Kind.SWITCH_ON,
              null,
              "Tag the PDF for screen readers, PDF/UA-1 (on unless turned off).",
              "false",
              List.of(),
              (b, v) -> b.pdfTags(v.bool())),
          text(
              "pdf-a",
              Scope.BUILD,
              "2u|3u",
              "Make the PDF an archival PDF/A-2u or PDF/A-3u.",
              (b, v) -> b.pdfA(PdfA.parse(v.text()))),
          text(
              "font-serif",
              Scope.BUILD,
              "FILE[#FACE]",
              "TrueType font for serif text (.ttf, or a face of a .ttc).",
              (b, v) -> b.serifFont(v.font())),
          text(
              "font-sans",
              Scope.BUILD,
              "FILE[#FACE]",
              "TrueType font for sans text (.ttf, or a face of a .ttc).",
              (b, v) -> b.sansFont(v.font())),
          new Setting(
              "font-fallback",
              Scope.BUILD,
              Kind.LIST,
              "FILE[#FACE]",
              "TrueType fonts tried after the bundled ones, for scripts they lack (Thai, Arabic,"
                  + " Devanagari, …).",
              null,
              List.of(),
              (b, v) -> b.fallbackFonts(v.fonts())),
          new Setting(
              "embed-fonts",
              Scope.BUILD,
              Kind.SWITCH_ON,
              null,
              "Embed the fonts in the EPUB (on unless turned off).",
              "false",
              List.of(),
              (b, v) -> b.embedFonts(v.bool())),
          text(
              "image-cache",
              Scope.BUILD,
              "DIR",
              "Folder keeping downloaded and finished images between runs (default:"
                  + " $XDG_CACHE_HOME/gazette/images or ~/.cache/gazette/images).",
              (b, v) -> b.imageCache(v.path()),
              "--cache"),
          flag(
              "offline",
              Scope.BUILD,
              "Take remote images from the cache only; download nothing.",
              (b, v) -> b.offline(v.bool())),
          flag(
              "allow-private-network",
              Scope.BUILD,
              "Let images come from this machine and private networks (refused by default).",
              (b, v) -> b.allowPrivateNetwork(v.bool())),
          text(
              "profile",
              Scope.BUILD,
              "NAME",
              "E-reader service the EPUB is sent to: kindle, kobo, pocketbook or generic; build"
                  + " caps its pictures at 3/4 of the service's size limit, send checks the file.",
              (b, v) -> b.profile(DeliveryProfile.parse(v.text()))),
          text(
              "send-to",
              Scope.SEND,
              "ADDRESS",
              "send: recipient, e.g. the reader's name@kindle.com (gazette.yml: send: to:).",
              null,
              "--to"),
          text(
              "send-from",
              Scope.SEND,
              "ADDRESS",
              "send: sender, an address the service accepts (default: the login if it is an"
                  + " address).",
              null,
              "--from"),
          text(
              "send-smtp",
              Scope.SEND,
              "HOST[:PORT]",
              "send: SMTP server (port default: 587, 465 with ssl); the login comes only from"
                  + " GAZETTE_SMTP_USER and GAZETTE_SMTP_PASSWORD.",
              null,
              "--smtp"),
          text(
              "send-security",
              Scope.SEND,
              "MODE",
              "send: starttls (default), ssl or none (--starttls, --ssl).",
              null,
              "--security"),
          flag(
              "allow-empty",
              Scope.COMMAND,
              "Exit 0 without writing a digest when no post is selected (else exit 3).",
              null));

  /** Every setting, in the order help and the README list them. */
  public static List<Setting> all() {
    return ALL;
  }

  /** The keys, in order. */
  public static List<String> keys() {
    return ALL.stream().map(Setting::key).toList();
  }

  public static Optional<Setting> find(String key) {
    return ALL.stream().filter(s -> s.key().equals(key)).findFirst();
  }

  /** Whether {@code key} is one of the ways to give a range (week, month, year, days, from, to). */
  public static boolean isRange(String key) {
    return List.of("week", "month", "year", "days", "from", "to").contains(key);
  }

  /**
   * Sets {@code key} on the builder from a value as written ({@link Value}). A {@link
   * Scope#COMMAND} setting is only checked.
   *
   * @throws InvalidSettingException for an unknown key or a value that does not parse
   */
  public static void apply(DigestRequest.Builder b, String key, Object raw, Path base) {
    Setting s = find(key).orElseThrow(() -> new InvalidSettingException(key, "unknown setting"));
    Value v = new Value(raw, base);
    try {
      if (s.setter() != null) {
        s.setter().accept(b, v);
      } else if (s.kind() == Kind.SWITCH || s.kind() == Kind.SWITCH_ON) {
        v.bool();
      } else {
        v.text();
      }
    } catch (InvalidSettingException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw new InvalidSettingException(key, e.getMessage());
    }
  }

  /** The README's table of keys, in Markdown. */
  public static String markdownTable() {
    StringBuilder sb = new StringBuilder();
    sb.append("| gazette.yml key | Option | What |\n|---|---|---|\n");
    for (Setting s : ALL) {
      String value =
          switch (s.kind()) {
            case TEXT -> " " + s.label();
            case LIST -> " " + s.label() + ",…";
            case MAP -> " " + s.label();
            case SWITCH, SWITCH_ON -> "";
          };
      String option = "`" + s.option() + value + "`";
      if (s.noValue() != null && s.kind() == Kind.TEXT) {
        option += ", `--no-" + s.key() + "`";
      }
      for (String alias : s.aliases()) {
        option += " (or `" + alias + "`)";
      }
      sb.append("| `")
          .append(s.key())
          .append("` | ")
          .append(option.replace("|", "\\|"))
          .append(" | ")
          .append(s.help().replace("|", "\\|"))
          .append(" |\n");
    }
    return sb.toString();
  }

  private static void cover(DigestRequest.Builder b, Value v) {
    switch (v.text().toLowerCase(Locale.ROOT)) {
      case "generated" -> b.cover(true).coverImage(null);
      case "none" -> b.cover(false).coverImage(null);
      default -> b.cover(true).coverImage(v.existingFile());
    }
  }

  /** Names from a list or from one text, each split at {@code ;}. */
  private static List<String> names(Value v) {
    List<String> names = new ArrayList<>();
    for (String item : v.list()) {
      for (String name : item.split(";")) {
        if (!name.isBlank() && !names.contains(name.strip())) {
          names.add(name.strip());
        }
      }
    }
    return names;
  }

  private static Set<Format> formats(Value v) {
    Set<Format> formats = EnumSet.noneOf(Format.class);
    List<String> names = new ArrayList<>();
    for (String item : v.list()) {
      names.addAll(List.of(item.split(",")));
    }
    for (String name : names) {
      if (!name.isBlank()) {
        formats.add(Format.parse(name));
      }
    }
    if (formats.isEmpty()) {
      throw new IllegalArgumentException("needs at least one of epub, pdf, html");
    }
    return formats;
  }

  private static Map<String, ZoneId> wallClockZones(Map<String, String> pairs) {
    Map<String, ZoneId> zones = new LinkedHashMap<>();
    pairs.forEach((glob, zone) -> zones.put(glob, new Value(zone, null).zone()));
    return zones;
  }

  private static Setting text(
      String key,
      Scope scope,
      String label,
      String help,
      BiConsumer<DigestRequest.Builder, Value> setter,
      String... aliases) {
    return new Setting(key, scope, Kind.TEXT, label, help, null, List.of(aliases), setter);
  }

  private static Setting list(
      String key,
      Scope scope,
      String help,
      BiConsumer<DigestRequest.Builder, Value> setter,
      String... aliases) {
    return new Setting(key, scope, Kind.LIST, "NAME", help, null, List.of(aliases), setter);
  }

  private static Setting flag(
      String key, Scope scope, String help, BiConsumer<DigestRequest.Builder, Value> setter) {
    return new Setting(key, scope, Kind.SWITCH, null, help, null, List.of(), setter);
  }
}
