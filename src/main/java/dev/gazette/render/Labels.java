package dev.gazette.render;

import dev.gazette.model.DateRange;
import dev.gazette.model.PostDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** Words and date formats of a digest, in its language (Chinese or English). */
public final class Labels {
  private final boolean chinese;
  private final boolean traditional;

  private Labels(boolean chinese, boolean traditional) {
    this.chinese = chinese;
    this.traditional = traditional;
  }

  /** Labels for a BCP 47 language tag. */
  public static Labels forLanguage(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    boolean zh = l.startsWith("zh") || l.startsWith("ja");
    boolean hant = l.equals("zh-hant") || l.equals("zh-tw") || l.equals("zh-hk");
    return new Labels(zh, hant);
  }

  public String contents() {
    return chinese ? (traditional ? "目錄" : "目录") : "Contents";
  }

  public String articleCount(int n) {
    return chinese ? "共 " + n + " 篇" : n + (n == 1 ? " article" : " articles");
  }

  public String digest() {
    return chinese ? "文摘" : "Digest";
  }

  /** A day, e.g. {@code 2021年7月2日} or {@code 2 July 2021}. */
  public String day(LocalDate day) {
    return chinese
        ? day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日"
        : day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
  }

  /** A day with its weekday, e.g. {@code 2021年7月2日 星期五}. */
  public String dayWithWeekday(LocalDate day) {
    String weekday =
        chinese
            ? day.format(
                DateTimeFormatter.ofPattern(
                    "EEEE", traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE))
            : day.format(DateTimeFormatter.ofPattern("EEEE", Locale.ENGLISH));
    return chinese ? day(day) + " " + weekday : weekday + ", " + day(day);
  }

  /** A post date in the digest zone; the time is left out for date-only values. */
  public String postDate(PostDate date, ZoneId zone) {
    ZonedDateTime t = date.instant().atZone(zone);
    String day = day(t.toLocalDate());
    return date.dateOnly()
        ? day
        : day + " " + t.format(DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT));
  }

  /** A range, e.g. {@code 2021年6月28日 – 7月4日} or {@code 28 June – 4 July 2021}. */
  public String range(DateRange range) {
    LocalDate a = range.from();
    LocalDate b = range.to();
    if (a.equals(b)) {
      return day(a);
    }
    if (chinese) {
      String end =
          a.getYear() == b.getYear() ? b.getMonthValue() + "月" + b.getDayOfMonth() + "日" : day(b);
      return day(a) + " – " + end;
    }
    String start =
        a.getYear() == b.getYear()
            ? a.format(DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH))
            : day(a);
    return start + " – " + day(b);
  }

  /** Link text for a post's original page. */
  public String original() {
    return chinese ? (traditional ? "原文連結" : "原文链接") : "Original";
  }

  /** Heading of the section holding undated articles. */
  public String undated() {
    return chinese ? (traditional ? "未註明日期" : "未注明日期") : "Undated";
  }

  /** Heading of the section holding articles without a category. */
  public String uncategorized() {
    return chinese ? "其他" : "Other";
  }

  /** Heading of the masthead's list of sections or headlines. */
  public String inThisIssue() {
    return chinese ? (traditional ? "本期內容" : "本期内容") : "In this issue";
  }

  public String sectionCount(int n) {
    if (chinese) {
      return n + (traditional ? " 個欄目" : " 个栏目");
    }
    return n + (n == 1 ? " section" : " sections");
  }

  public String imageCount(int n) {
    if (chinese) {
      return n + (traditional ? " 幅圖片" : " 幅图片");
    }
    return n + (n == 1 ? " image" : " images");
  }

  public String cover() {
    return chinese ? "封面" : "Cover";
  }

  /**
   * The issue label of a range: {@code 2021 年第 26 周} for an ISO week (in its week-based year),
   * {@code 2021 年 7 月} for a month, the day for one day, otherwise the range itself.
   */
  public String issue(DateRange range) {
    LocalDate a = range.from();
    if (range.isIsoWeek()) {
      int year = a.get(IsoFields.WEEK_BASED_YEAR);
      int week = a.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
      return chinese
          ? year + (traditional ? " 年第 " + week + " 週" : " 年第 " + week + " 周")
          : "Week " + week + ", " + year;
    }
    if (range.isMonth()) {
      return chinese
          ? a.getYear() + " 年 " + a.getMonthValue() + " 月"
          : a.format(DateTimeFormatter.ofPattern("MMMM uuuu", Locale.ENGLISH));
    }
    return range(range);
  }

  public String separator() {
    return " · ";
  }
}
