package dev.gazette.render;

import dev.gazette.model.DateRange;
import dev.gazette.model.PostDate;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.Locale;

/**
 * Words and date formats of a digest, in its language: Chinese (simplified or traditional),
 * Japanese, or English for any other. Japanese writes dates as Chinese does ({@code 2021年7月2日}) but
 * has words of its own: a Japanese digest had {@code 目录}, {@code 其他} and {@code 原文链接}.
 */
public final class Labels {
  /** Chinese or Japanese: dates in 年月日. */
  private final boolean chinese;

  private final boolean traditional;
  private final boolean japanese;

  private Labels(boolean chinese, boolean traditional, boolean japanese) {
    this.chinese = chinese;
    this.traditional = traditional;
    this.japanese = japanese;
  }

  /** Labels for a BCP 47 language tag. */
  public static Labels forLanguage(String lang) {
    String l = lang.toLowerCase(Locale.ROOT);
    boolean ja = l.equals("ja") || l.startsWith("ja-");
    boolean zh = l.startsWith("zh") || ja;
    boolean hant = l.equals("zh-hant") || l.equals("zh-tw") || l.equals("zh-hk");
    return new Labels(zh, hant, ja);
  }

  /** Simplified Chinese, traditional Chinese, Japanese, or English. */
  private String word(String hans, String hant, String ja, String en) {
    return japanese ? ja : chinese ? (traditional ? hant : hans) : en;
  }

  public String contents() {
    return word("目录", "目錄", "目次", "Contents");
  }

  public String articleCount(int n) {
    return word(
        "共 " + n + " 篇", "共 " + n + " 篇", "全 " + n + " 件", n + (n == 1 ? " article" : " articles"));
  }

  public String digest() {
    return word("文摘", "文摘", "ダイジェスト", "Digest");
  }

  /** A day, e.g. {@code 2021年7月2日} or {@code 2 July 2021}. */
  public String day(LocalDate day) {
    return chinese
        ? day.getYear() + "年" + day.getMonthValue() + "月" + day.getDayOfMonth() + "日"
        : day.format(DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH));
  }

  /** A day with its weekday, e.g. {@code 2021年7月2日 星期五}. */
  public String dayWithWeekday(LocalDate day) {
    Locale locale =
        japanese
            ? Locale.JAPANESE
            : chinese
                ? (traditional ? Locale.TRADITIONAL_CHINESE : Locale.SIMPLIFIED_CHINESE)
                : Locale.ENGLISH;
    String weekday = day.format(DateTimeFormatter.ofPattern("EEEE", locale));
    return chinese ? day(day) + " " + weekday : weekday + ", " + day(day);
  }

  /**
   * A post date in the digest zone; the time is left out for date-only values and for midnight,
   * which sites write for a day ({@code 2024-08-07T00:00:00}, Zine; Hugo's archetypes).
   */
  public String postDate(PostDate date, ZoneId zone) {
    ZonedDateTime t = date.instant().atZone(zone);
    String day = day(t.toLocalDate());
    return date.dateOnly() || t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)
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
    return word("原文链接", "原文連結", "元記事", "Original");
  }

  /** Heading of the section holding undated articles. */
  public String undated() {
    return word("未注明日期", "未註明日期", "日付なし", "Undated");
  }

  /** Heading of the section holding articles without a category. */
  public String uncategorized() {
    return word("其他", "其他", "その他", "Other");
  }

  /** Heading of the masthead's list of sections or headlines. */
  public String inThisIssue() {
    return word("本期内容", "本期內容", "今号の内容", "In this issue");
  }

  public String sectionCount(int n) {
    return n + word(" 个栏目", " 個欄目", " セクション", n == 1 ? " section" : " sections");
  }

  public String imageCount(int n) {
    return n + word(" 幅图片", " 幅圖片", " 枚の画像", n == 1 ? " image" : " images");
  }

  public String cover() {
    return word("封面", "封面", "表紙", "Cover");
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
      return word(
          year + " 年第 " + week + " 周",
          year + " 年第 " + week + " 週",
          year + "年 第" + week + "週",
          "Week " + week + ", " + year);
    }
    if (range.isMonth()) {
      if (japanese) {
        return a.getYear() + "年" + a.getMonthValue() + "月";
      }
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
