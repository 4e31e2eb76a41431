package dev.gazette.bench;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;

/**
 * Writes a synthetic archive of Chinese news posts for benchmarks: Hexo-style front matter, 75%
 * HTML bodies and 25% Markdown bodies, dates spread over two years, and optionally local images.
 * The same arguments always produce the same bytes (one seeded generator, no clock, no locale).
 *
 * <p>It also writes {@code peer.html}, the same posts as one HTML document in digest order, which
 * the benchmark feeds to pandoc and WeasyPrint. All text comes from the word list below, written
 * for this generator.
 *
 * <p>Uses only the JDK so the benchmark can run it straight from source: {@code java
 * src/test/java/dev/gazette/bench/CorpusGenerator.java OUT N [SEED] [--images]}.
 */
public final class CorpusGenerator {
  /** First day of the span; posts fall within {@link #SPAN_DAYS} days after it (UTC). */
  static final LocalDateTime START = LocalDateTime.of(2020, 1, 1, 0, 0);

  static final int SPAN_DAYS = 730;
  static final int IMAGE_COUNT = 12;

  private static final String[] SUBJECTS = {
    "市民", "志愿者", "社区居民", "工作人员", "专家", "学生", "游客", "企业负责人", "医护人员", "农户",
    "交警", "教师", "骑手", "老人", "家长", "运动员", "研究团队", "环保组织", "快递员", "设计师",
  };
  private static final String[] PLACES = {
    "青澜市", "东湖区", "临江新区", "老城区", "滨海公园", "南山村", "高新园区", "奥体中心", "图书馆",
    "地铁站", "菜市场", "湿地保护区", "科技馆", "港口码头", "大学城", "文化广场", "火车站", "医院",
  };
  private static final String[] VERBS = {
    "参加了", "关注", "推动", "讨论", "完成了", "启动", "体验了", "改造", "报名参加", "走进", "调研了", "发布了", "建设", "提升了",
    "优化了", "记录了", "支持", "检查了", "规划", "开放了",
  };
  private static final String[] OBJECTS = {
    "垃圾分类试点", "夜间经济", "新能源公交", "老旧小区改造", "夏季音乐会", "暑期托管班", "智慧停车", "城市绿道", "便民服务中心", "文物展览", "防汛演练",
    "篮球训练营", "无人配送", "电池技术", "候鸟调查", "社区食堂", "适老化改造", "五G基站", "公共图书角", "农产品直播",
  };
  private static final String[] ADVERBS = {
    "近日", "今年以来", "昨天上午", "本周", "上个月", "据介绍", "截至目前", "记者了解到", "与此同时", "此外", "值得一提的是", "另一方面",
  };
  private static final String[] CLAUSES = {
    "受到了广泛欢迎", "效果明显", "还有不少问题需要解决", "预计年底前全部完成", "参与人数比去年增加了一倍",
    "相关部门表示将继续跟进", "不少人专程赶来", "现场秩序井然", "得到了周边商户的支持", "引发了热烈讨论",
    "将为更多家庭提供便利", "投入资金约三千万元", "计划分三期推进", "收集到意见两百多条",
  };
  private static final String[] QUOTES = {
    "这件事看起来小，其实关系到每一个人",
    "我们希望把好事办实，把实事办好",
    "以前要跑好几趟，现在一次就够了",
    "孩子们玩得很开心，家长也放心",
    "数据说明了一切",
    "最难的是坚持下去",
    "大家的意见我们都记下来了",
  };
  private static final String[] CATEGORIES = {"城市", "民生", "体育", "科技", "文化", "环境", "交通", "教育"};
  private static final String[] AUTHORS = {"晨报快讯", "本报记者 林青", "本报记者 周航", "通讯员 陈雨", "青澜日报"};
  private static final String[] NUMBERS = {
    "3", "12", "27", "96", "150", "2400", "8000", "1.5万", "35%", "10分钟"
  };

  private static final DateTimeFormatter RFC_1123 =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT);
  private static final DateTimeFormatter ISO_LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

  private final SplittableRandom random;
  private final boolean images;

  /** One generated post: where it goes, its text, and its HTML for the peer document. */
  record GeneratedPost(
      String relativePath, LocalDateTime date, String title, String fileText, String peerHtml) {}

  CorpusGenerator(long seed, boolean images) {
    this.random = new SplittableRandom(seed);
    this.images = images;
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: CorpusGenerator OUT_DIR N [SEED] [--images]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int n = Integer.parseInt(args[1]);
    long seed = args.length > 2 && !args[2].startsWith("--") ? Long.parseLong(args[2]) : 7L;
    boolean images = List.of(args).contains("--images");
    write(out, n, seed, images);
  }

  /** Writes {@code n} posts (and images, and {@code peer.html}) under {@code out}. */
  public static void write(Path out, int n, long seed, boolean images) throws IOException {
    CorpusGenerator generator = new CorpusGenerator(seed, images);
    List<GeneratedPost> posts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      posts.add(generator.post(i));
    }
    for (GeneratedPost p : posts) {
      Path file = out.resolve(p.relativePath());
      Files.createDirectories(file.getParent());
      Files.writeString(file, p.fileText(), StandardCharsets.UTF_8);
    }
    if (images) {
      Files.createDirectories(out.resolve("images"));
      for (int i = 0; i < IMAGE_COUNT; i++) {
        Files.write(out.resolve(imageName(i)), image(i));
      }
    }
    Files.writeString(out.resolve("peer.html"), peerDocument(posts), StandardCharsets.UTF_8);
  }

  GeneratedPost post(int index) {
    LocalDateTime date = START.plusMinutes(random.nextLong(SPAN_DAYS * 24L * 60L));
    String title = title();
    String category = pick(CATEGORIES);
    boolean markdown = index % 4 == 3;
    int paragraphs = 6 + random.nextInt(7);
    int image = images && index % 10 == 0 ? random.nextInt(IMAGE_COUNT) : -1;
    String folder =
        String.format(Locale.ROOT, "posts/%d/%02d/", date.getYear(), date.getMonthValue());
    String name =
        String.format(Locale.ROOT, "%s%05d-%s.md", folder, index + 1, markdown ? "note" : "news");

    StringBuilder file = new StringBuilder("---\n");
    file.append("title: '").append(title).append("'\n");
    file.append("categories:\n - ").append(category).append('\n');
    file.append("author: ").append(pick(AUTHORS)).append('\n');
    file.append("comments: false\n");
    file.append("date: ")
        .append(markdown ? ISO_LOCAL.format(date) : RFC_1123.format(date.atOffset(ZoneOffset.UTC)));
    file.append('\n');
    file.append("---\n\n");

    StringBuilder peer = new StringBuilder();
    peer.append("<section>\n<h1>").append(title).append("</h1>\n");
    if (!markdown) {
      file.append("<div>\n");
    }
    for (int p = 0; p < paragraphs; p++) {
      if (p > 0 && p % 4 == 0) {
        String heading = pick(OBJECTS) + pick(CLAUSES);
        file.append(markdown ? "## " + heading + "\n\n" : "<p>\n" + heading + "\n</p>\n");
        peer.append("<h2>").append(heading).append("</h2>\n");
      }
      String text = paragraph();
      if (markdown) {
        file.append(wrap(text)).append("\n\n");
      } else {
        file.append(p % 3 == 0 ? "<p style=\"text-align:left;\">\n" : "<p>\n")
            .append(text)
            .append("\n</p>\n");
      }
      peer.append("<p>").append(text).append("</p>\n");
      if (p == 1 && image >= 0) {
        String src = "../../../" + imageName(image);
        file.append(
            markdown
                ? "![" + pick(PLACES) + "](" + src + ")\n\n"
                : "<p style=\"text-align:center;\">\n<img src=\""
                    + src
                    + "\" style=\"max-width:600px;\">\n</p>\n");
        peer.append("<p><img src=\"").append(imageName(image)).append("\" alt=\"\"></p>\n");
      }
    }
    if (!markdown) {
      file.append("</div>\n");
    }
    peer.append("</section>\n");
    return new GeneratedPost(name, date, title, file.toString(), peer.toString());
  }

  private String title() {
    return pick(PLACES)
        + pick(OBJECTS)
        + pick(CLAUSES)
        + "："
        + pick(SUBJECTS)
        + pick(VERBS)
        + pick(OBJECTS);
  }

  /** Four to nine sentences, about 200-350 characters. */
  private String paragraph() {
    StringBuilder sb = new StringBuilder();
    int sentences = 4 + random.nextInt(6);
    for (int s = 0; s < sentences; s++) {
      switch (random.nextInt(5)) {
        case 0 ->
            sb.append(pick(ADVERBS))
                .append("，")
                .append(pick(PLACES))
                .append("的")
                .append(pick(SUBJECTS))
                .append(pick(VERBS))
                .append(pick(OBJECTS))
                .append("，")
                .append(pick(CLAUSES))
                .append("。");
        case 1 -> sb.append(pick(SUBJECTS)).append("表示：“").append(pick(QUOTES)).append("。”");
        case 2 ->
            sb.append("数据显示，")
                .append(pick(OBJECTS))
                .append("已覆盖")
                .append(pick(NUMBERS))
                .append("个点位，")
                .append(pick(CLAUSES))
                .append("；")
                .append(pick(ADVERBS))
                .append("，")
                .append(pick(CLAUSES))
                .append("。");
        case 3 ->
            sb.append("在")
                .append(pick(PLACES))
                .append("，")
                .append(pick(SUBJECTS))
                .append("和")
                .append(pick(SUBJECTS))
                .append("一起")
                .append(pick(VERBS))
                .append("“")
                .append(pick(OBJECTS))
                .append("”，")
                .append(pick(CLAUSES))
                .append("。");
        default ->
            sb.append(pick(OBJECTS))
                .append("项目于")
                .append(1 + random.nextInt(12))
                .append("月")
                .append(1 + random.nextInt(28))
                .append("日")
                .append(pick(VERBS))
                .append("第")
                .append(pick(NUMBERS))
                .append("批方案（GZ-")
                .append(100 + random.nextInt(900))
                .append("），")
                .append(pick(CLAUSES))
                .append("。");
      }
    }
    return sb.toString();
  }

  /**
   * Hard-wraps Markdown text as editors do, only between ideographs (where the break must vanish).
   */
  private static String wrap(String text) {
    StringBuilder sb = new StringBuilder();
    int lineStart = 0;
    for (int i = 0; i < text.length(); i++) {
      boolean betweenIdeographs = i > 0 && text.charAt(i - 1) >= 0x4E00 && text.charAt(i) >= 0x4E00;
      if (i - lineStart >= 80 && betweenIdeographs) {
        sb.append('\n');
        lineStart = i;
      }
      sb.append(text.charAt(i));
    }
    return sb.toString();
  }

  private String pick(String[] words) {
    return words[random.nextInt(words.length)];
  }

  static String imageName(int i) {
    return String.format(Locale.ROOT, "images/photo-%02d.png", i + 1);
  }

  /** A 640x400 picture of colour bands; PNG bytes depend only on {@code i}. */
  static byte[] image(int i) throws IOException {
    BufferedImage img = new BufferedImage(640, 400, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    for (int band = 0; band < 8; band++) {
      g.setColor(
          new Color(
              (37 * (i + 1) * (band + 3)) % 256, (91 * (band + 1)) % 256, (53 * (i + 2)) % 256));
      g.fillRect(band * 80, 0, 80, 400);
    }
    g.dispose();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ImageIO.write(img, "png", bytes);
    return bytes.toByteArray();
  }

  static String peerDocument(List<GeneratedPost> posts) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append(
            "<title>基准文集</title>\n<link rel=\"stylesheet\" href=\"peer.css\">\n</head>\n<body>\n");
    posts.stream()
        .sorted(Comparator.comparing(GeneratedPost::date))
        .forEach(p -> sb.append(p.peerHtml()));
    sb.append("</body>\n</html>\n");
    return sb.toString();
  }
}
