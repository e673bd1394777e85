import im.magpie.client.ClientOptions;
import im.magpie.client.MagpieClient;
import im.magpie.client.store.ConversationRecord;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Fills a local server with the chats, files and signatures the screenshots show, through the client library in one
 * JVM (one client per colleague). The accounts exist already (made by {@code docs/screenshots/seed} with
 * magpie-admin); each one's password is "ACCOUNT-Secret-1". Run by {@code docs/screenshots/seed}.
 */
public class Seed {
    static final Duration WAIT = Duration.ofSeconds(60);

    public static void main(String[] args) throws Exception {
        String address = args[0];
        Path clients = Path.of(args[1]);
        Path files = Files.createTempDirectory("magpie-seed");
        Map<String, MagpieClient> c = new LinkedHashMap<>();
        for (String a : List.of("zhangwei", "lina", "wangfang", "chenjie", "liuyang", "zhaolei", "wangbo", "sunli")) {
            MagpieClient client = MagpieClient.open(
                    clients.resolve(a), address, ClientOptions.defaults("magpie-seed/1", "cli", (s, f) -> true));
            client.login(a, a + "-Secret-1", "seed").get(60, TimeUnit.SECONDS);
            c.put(a, client);
        }
        c.get("lina").setSignature("出差中，有事请留言").get(60, TimeUnit.SECONDS);
        c.get("chenjie").setSignature("专注交付，周五之前别找我 💪").get(60, TimeUnit.SECONDS);
        c.get("wangfang").setSignature("设计评审每周三下午").get(60, TimeUnit.SECONDS);
        c.get("liuyang").setSignature("Q3 目标：上线桌面端 🚀").get(60, TimeUnit.SECONDS);

        long team = c.get("zhangwei")
                .createGroup("产品研发组", List.of("lina", "wangfang", "chenjie", "liuyang"))
                .get(60, TimeUnit.SECONDS)
                .id();
        long sport = c.get("lina")
                .createGroup("周末羽毛球 🏸", List.of("zhangwei", "zhaolei", "wangbo"))
                .get(60, TimeUnit.SECONDS)
                .id();

        Path png = files.resolve("白板.png");
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(480, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        g.setColor(new java.awt.Color(0xf6f8fa));
        g.fillRect(0, 0, 480, 300);
        int[] colours = {0x1f6feb, 0x2da44e, 0xbf8700, 0xcf222e};
        for (int i = 0; i < 4; i++) {
            g.setColor(new java.awt.Color(colours[i]));
            g.fillRoundRect(40 + i * 105, 250 - (i + 1) * 45, 80, (i + 1) * 45, 10, 10);
        }
        g.dispose();
        javax.imageio.ImageIO.write(img, "png", png.toFile());
        Path pdf = files.resolve("季度报告.pdf");
        random(pdf, 1_572_864);
        Path folder = Files.createDirectories(files.resolve("评审资料/截图"));
        Files.writeString(files.resolve("评审资料/说明.md"), "# 评审资料\n");
        random(folder.resolve("首页.png"), 40_000);

        long zwLina = direct(c, "lina", "zhangwei");
        long zwFang = direct(c, "wangfang", "zhangwei");
        long zwJie = direct(c, "chenjie", "zhangwei");
        text(c, "lina", zwLina, "早上好！今天下午的评审会议改到三点 😀");
        text(c, "zhangwei", zwLina, "好的，我准时参加 👍");
        c.get("lina").sendFile(zwLina, pdf).get(120, TimeUnit.SECONDS);
        c.get("lina").sendFolder(zwLina, files.resolve("评审资料")).get(120, TimeUnit.SECONDS);
        text(c, "lina", zwLina, "评审材料放在 https://wiki.example.com/q3 ，有问题随时找我");
        text(c, "zhangwei", zwLina, "收到，我先看一下设计稿 🎉");
        c.get("lina").sendFile(zwLina, png).get(120, TimeUnit.SECONDS);
        text(c, "wangfang", zwFang, "张伟，下周的 review 你能参加吗？");
        text(c, "zhangwei", zwFang, "可以，帮我约周三下午");
        text(c, "zhangwei", zwJie, "部署脚本我改好了，你再跑一遍");
        text(c, "chenjie", zwJie, "好的，跑完告诉你 💪");
        for (int i = 1; i <= 3; i++) {
            text(c, "zhangwei", zwLina, "周报第 " + i + " 部分已更新");
            text(c, "zhangwei", zwFang, "设计稿第 " + i + " 版已上传");
        }
        text(c, "zhangwei", team, "大家好，本周五下午开季度总结会议，请提前准备材料");
        text(c, "lina", team, "收到！我负责整理用户反馈");
        text(c, "wangfang", team, "设计稿 v2 已经放到共享盘了，review 之前请大家看一下 🙏");
        text(c, "chenjie", team, "后端接口本周可以联调");
        text(c, "liuyang", team, "会议室我已经订好了：3 楼 🏢 大会议室");
        text(c, "lina", team, "明天上午十点评审会议，别忘了带电脑 💻");
        text(c, "zhaolei", sport, "周六上午九点，老地方 🏸");
        text(c, "wangbo", sport, "我带球拍！");
        text(c, "lina", sport, "算我一个 🙋");
        for (MagpieClient client : c.values()) {
            client.awaitFlushed(WAIT);
        }
        // colleagues read the group, so "read by" counts show
        for (String a : List.of("lina", "wangfang", "chenjie")) {
            MagpieClient client = c.get(a);
            client.sync().get(60, TimeUnit.SECONDS);
            ConversationRecord r = client.conversation(team).orElseThrow();
            client.markRead(team, r.lastSeq()).get(60, TimeUnit.SECONDS);
        }
        for (MagpieClient client : c.values()) {
            client.close();
        }
        System.out.println("seeded: team group " + team + ", sports group " + sport);
        System.exit(0);
    }

    static long direct(Map<String, MagpieClient> c, String from, String to) throws Exception {
        return c.get(from).openDirect(to).get(60, TimeUnit.SECONDS).id();
    }

    static void text(Map<String, MagpieClient> c, String from, long conversation, String text) throws Exception {
        c.get(from).sendText(conversation, text, List.of());
        c.get(from).awaitFlushed(WAIT);
    }

    static void random(Path file, int size) throws Exception {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(bytes);
        }
    }
}
