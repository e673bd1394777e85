package im.magpie.client.people;

import im.magpie.client.store.PersonRecord;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Measures people search over generated people (a command, not a test): builds the index of {@code N} (default
 * 100,000) people with Chinese and Latin names, then times a mix of as-you-type queries and prints p50/p99/max.
 *
 * <pre>java -cp "client/target/magpie-client.jar:client/target/lib/*" im.magpie.client.people.PeopleSearchMeasurement 100000</pre>
 */
public final class PeopleSearchMeasurement {
    private static final String SURNAMES =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤单解查乐";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英文华建国红志玲斌晨宇轩浩然子涵欣怡梓萱思雨佳琪一诺梦瑶雨桐俊杰博文天佑嘉懿乐长重行朝";
    private static final String[] LATIN = {
        "Tony", "Alice", "Kevin", "Grace", "Leo", "Amy", "Jack", "Lily", "Eric", "Cindy"
    };
    private static final String[] QUERIES = {
        "z", "w", "l", "zh", "zw", "lj", "wjg", "zhang", "zhangw", "liuy", "chen", "王", "张伟", "李s", "ton", "alice",
        "user12", "xiaom", "shanl", "zengz", "jie", "yue", "zzzz"
    };
    private static final int ROUNDS = 200;

    private PeopleSearchMeasurement() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        List<PersonRecord> people = generate(n, new Random(42));
        long heap0 = usedHeap();
        long t0 = System.nanoTime();
        PeopleIndex index = PeopleIndex.of(people, PinyinTable.load());
        long buildMs = (System.nanoTime() - t0) / 1_000_000;
        out.printf(
                "people: %d, index built in %d ms, heap it retains (pinyin table included) %.1f MB%n",
                index.size(), buildMs, (usedHeap() - heap0) / 1e6);
        for (int i = 0; i < 20; i++) { // warm-up
            for (String q : QUERIES) {
                index.search(q, 50);
            }
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long[] times = new long[ROUNDS * QUERIES.length];
        long[] cpu = new long[times.length];
        int k = 0;
        for (int round = 0; round < ROUNDS; round++) {
            for (String q : QUERIES) {
                long c = threads.getCurrentThreadCpuTime();
                long s = System.nanoTime();
                index.search(q, 50);
                times[k] = System.nanoTime() - s;
                cpu[k++] = threads.getCurrentThreadCpuTime() - c;
            }
        }
        Arrays.sort(times);
        Arrays.sort(cpu);
        out.printf(
                "searches: %d (limit 50), p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                times.length,
                ms(times[times.length / 2]),
                ms(times[(int) (times.length * 0.99)]),
                ms(times[times.length - 1]));
        out.printf(
                "CPU time of the searching thread (robust to other processes): p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                ms(cpu[cpu.length / 2]), ms(cpu[(int) (cpu.length * 0.99)]), ms(cpu[cpu.length - 1]));
        for (String q : QUERIES) {
            long[] own = new long[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                long c = threads.getCurrentThreadCpuTime();
                index.search(q, 50);
                own[round] = threads.getCurrentThreadCpuTime() - c;
            }
            Arrays.sort(own);
            out.printf(
                    "  %-8s %2d hits, median CPU %.3f ms%n",
                    q, index.search(q, 50).size(), ms(own[ROUNDS / 2]));
        }
    }

    /** {@code n} people: mostly Chinese names of a common surname and one or two given characters, some Latin. */
    static List<PersonRecord> generate(int n, Random random) {
        List<PersonRecord> people = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            StringBuilder name = new StringBuilder();
            if (random.nextInt(10) == 0) {
                name.append(LATIN[random.nextInt(LATIN.length)]).append(' ');
            }
            name.append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
            int given = 1 + random.nextInt(2);
            for (int g = 0; g < given; g++) {
                name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
            }
            people.add(new PersonRecord(i, "user" + i, name.toString(), i % 3 == 0 ? "专注中，稍后回复" : ""));
        }
        return people;
    }

    /** Heap in use after full collections. */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }
}
