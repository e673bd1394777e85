package im.magpie.desktopbench;

import im.magpie.client.store.ConversationRecord;
import im.magpie.client.store.EntryRecord;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.MemberRecord;
import im.magpie.client.store.PersonRecord;
import im.magpie.client.store.UserRecord;
import im.magpie.protocol.v1.MessageBody;
import im.magpie.protocol.v1.TextContent;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Fills a real local store with conversations, people and messages that look like an office's: Chinese sentences
 * with some English words, in group conversations of 2 to 40 members, sent over the last year. Deterministic (fixed
 * seed). Messages go in with {@code upsertAll}, {@value #BATCH} per transaction.
 */
final class Seeder {
    static final int BATCH = 20_000;
    /** Seeded conversation and user ids start here, far from the server's. */
    static final long FIRST_ID = 1_000_000_000L;

    static final String[] WORDS = {
        "开会", "季度", "报表", "项目", "客户", "周五", "评审", "上线", "测试", "预算", "合同", "方案", "进度", "需求", "设计", "部署", "数据", "会议",
        "总结", "计划", "材料", "下午", "明天", "今天", "同事", "领导", "文件", "邮件", "问题", "确认", "我们", "大家", "已经", "需要", "可以", "一下",
        "这个", "那个", "的", "了", "吗", "好", "在", "和", "是", "请"
    };
    static final String[] LATIN = {
        "meeting", "report", "review", "budget", "deploy", "release", "Q3", "OKR", "PPT", "bug", "API", "demo"
    };
    static final String[] SURNAMES = {"张", "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐", "孙", "马", "朱", "胡"};
    static final String[] GIVEN = {"伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英"};

    private final Random random = new Random(20261125);
    private final long selfId;
    private final long nowMs;

    Seeder(long selfId, long nowMs) {
        this.selfId = selfId;
        this.nowMs = nowMs;
    }

    /** {@code people} users in the user cache and the people directory (ids {@link #FIRST_ID} on). */
    void people(LocalStore store, int people) {
        List<PersonRecord> directory = new ArrayList<>();
        List<UserRecord> batch = new ArrayList<>();
        for (int i = 0; i < people; i++) {
            String name = SURNAMES[i % SURNAMES.length]
                    + GIVEN[(i / SURNAMES.length) % GIVEN.length]
                    + (i >= SURNAMES.length * GIVEN.length
                            ? Integer.toString(i / (SURNAMES.length * GIVEN.length))
                            : "");
            batch.add(new UserRecord(FIRST_ID + i, "user" + i, name));
            directory.add(new PersonRecord(FIRST_ID + i, "user" + i, name, i % 3 == 0 ? sentence() : ""));
            if (batch.size() == BATCH) {
                store.users().upsertAll(batch);
                batch.clear();
            }
        }
        store.users().upsertAll(batch);
        store.people().replaceAll(directory);
    }

    /**
     * {@code conversations} group conversations holding {@code messages} messages in all, from members among the
     * first {@code people} users; returns the number stored.
     */
    long conversations(LocalStore store, int conversations, long messages, int people) {
        long[] nextSeq = new long[conversations];
        List<List<Long>> members = new ArrayList<>();
        for (int c = 0; c < conversations; c++) {
            int size = 2 + random.nextInt(39);
            List<Long> ids = new ArrayList<>();
            ids.add(selfId);
            for (int m = 1; m < size; m++) {
                ids.add(FIRST_ID + random.nextInt(Math.max(1, people)));
            }
            members.add(ids);
            nextSeq[c] = 1;
        }
        long yearMs = 365L * 24 * 3600 * 1000;
        long stored = 0;
        List<EntryRecord> batch = new ArrayList<>(BATCH);
        for (long i = 0; i < messages; i++) {
            // oldest first, as a device that synced its history would have stored them
            long time = nowMs - yearMs + (yearMs * i) / messages - 3_600_000L;
            int c = (int) (Math.abs(random.nextGaussian()) * conversations / 3) % conversations;
            List<Long> ids = members.get(c);
            long sender = ids.get(random.nextInt(ids.size()));
            String text = sentence();
            byte[] body = MessageBody.newBuilder()
                    .setText(TextContent.newBuilder().setText(text))
                    .build()
                    .toByteArray();
            long seq = nextSeq[c]++;
            batch.add(new EntryRecord(
                    FIRST_ID + c, seq, sender, time, EntryRecord.MESSAGE, body, false, "seed-" + c + "-" + seq, text));
            if (batch.size() == BATCH) {
                store.entries().upsertAll(batch);
                stored += batch.size();
                batch.clear();
            }
        }
        store.entries().upsertAll(batch);
        stored += batch.size();
        for (int c = 0; c < conversations; c++) {
            List<MemberRecord> m = new ArrayList<>();
            for (long id : members.get(c).stream().distinct().toList()) {
                m.add(new MemberRecord(id, id == selfId ? "OWNER" : "MEMBER", id == selfId ? nextSeq[c] - 1 : 0));
            }
            store.conversations()
                    .upsert(new ConversationRecord(
                            FIRST_ID + c, "GROUP", "项目组 " + (c + 1) + " · " + WORDS[c % 30], nextSeq[c] - 1, true, m));
        }
        return stored;
    }

    /** 4 to 16 words, now and then an English one. */
    String sentence() {
        StringBuilder sb = new StringBuilder();
        int n = 4 + random.nextInt(13);
        for (int w = 0; w < n; w++) {
            if (random.nextInt(8) == 0) {
                sb.append(' ').append(LATIN[random.nextInt(LATIN.length)]).append(' ');
            } else {
                sb.append(WORDS[random.nextInt(WORDS.length)]);
            }
            if (random.nextInt(10) == 0) {
                sb.append('，');
            }
        }
        return sb.toString().strip();
    }
}
