package im.magpie.client.people;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.DeviceKeyProtector;
import im.magpie.client.store.LocalStore;
import im.magpie.client.store.MachineIdentity;
import im.magpie.client.store.PersonRecord;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The people cache in the real encrypted store: replaced as a whole, searched, kept across restarts. */
class PeopleDirectoryTest {
    private final DeviceKeyProtector keys = new DeviceKeyProtector(new Machine(), new SecureRandom());

    @TempDir
    Path dir;

    record Machine() implements MachineIdentity {
        @Override
        public String machineId() {
            return "machine-people";
        }

        @Override
        public String userName() {
            return "tester";
        }
    }

    @Test
    void replacesSearchesAndSurvivesARestart() throws Exception {
        Path db = dir.resolve("people.db");
        try (LocalStore store = LocalStore.open(db, keys)) {
            PeopleDirectory people = new PeopleDirectory(store.people());
            assertThat(people.index().size()).isZero();
            people.replace(List.of(
                    new PersonRecord(1, "zhangsan", "张三", ""),
                    new PersonRecord(2, "lina", "李娜", "出差中"),
                    new PersonRecord(3, "gone", "离职的人", "")));
            people.replace(
                    List.of(new PersonRecord(1, "zhangsan", "张三", "在开会"), new PersonRecord(2, "lina", "李娜", "出差中")));
            assertThat(people.index().search("zs", 10))
                    .extracting(PersonRecord::userId)
                    .containsExactly(1L);
            people.setSignature(2, "休假");
            assertThat(people.index().find(2)).map(PersonRecord::signature).contains("休假");
        }
        try (LocalStore store = LocalStore.open(db, keys)) {
            PeopleDirectory people = new PeopleDirectory(store.people());
            assertThat(people.index().all())
                    .containsExactly(
                            new PersonRecord(2, "lina", "李娜", "休假"), new PersonRecord(1, "zhangsan", "张三", "在开会"));
            assertThat(people.index().search("lzn", 10)).isEmpty();
            assertThat(people.index().search("李", 10))
                    .extracting(PersonRecord::account)
                    .containsExactly("lina");
        }
    }

    @Test
    void equalSignaturesReadBackAsOneString() throws Exception {
        try (LocalStore store = LocalStore.open(dir.resolve("signatures.db"), keys)) {
            store.people()
                    .replaceAll(List.of(
                            new PersonRecord(1, "a", "甲", "出差中"),
                            new PersonRecord(2, "b", "乙", ""),
                            new PersonRecord(3, "c", "丙", "出差中"),
                            new PersonRecord(4, "d", "丁", "")));
            List<PersonRecord> all = store.people().all();
            assertThat(all).hasSize(4);
            PersonRecord first =
                    all.stream().filter(p -> p.userId() == 1).findFirst().orElseThrow();
            PersonRecord third =
                    all.stream().filter(p -> p.userId() == 3).findFirst().orElseThrow();
            PersonRecord second =
                    all.stream().filter(p -> p.userId() == 2).findFirst().orElseThrow();
            PersonRecord fourth =
                    all.stream().filter(p -> p.userId() == 4).findFirst().orElseThrow();
            assertThat(third.signature()).isEqualTo("出差中").isSameAs(first.signature());
            assertThat(fourth.signature()).isEmpty();
            assertThat(fourth.signature()).isSameAs(second.signature());
        }
    }
}
