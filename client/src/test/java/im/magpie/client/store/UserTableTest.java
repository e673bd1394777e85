package im.magpie.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserTableTest {
    @TempDir
    java.nio.file.Path dir;

    @Test
    void manyUsersAreStoredAndReplacedInOneGo() throws Exception {
        try (LocalStore store = LocalStore.open(
                dir.resolve("u.db"), new DeviceKeyProtector(new FakeMachine("m", "u"), new SecureRandom()))) {
            store.users()
                    .upsertAll(List.of(
                            new UserRecord(1, "zhangwei", "张伟"),
                            new UserRecord(2, "lina", "李娜"),
                            new UserRecord(3, "wangfang", "王芳")));
            store.users().upsertAll(List.of(new UserRecord(2, "lina", "李娜（产品）")));
            store.users().upsertAll(List.of());

            assertThat(store.users().find(1)).contains(new UserRecord(1, "zhangwei", "张伟"));
            assertThat(store.users().find(2)).contains(new UserRecord(2, "lina", "李娜（产品）"));
            assertThat(store.users().findByAccount("wangfang")).contains(new UserRecord(3, "wangfang", "王芳"));
            assertThat(store.users().find(4)).isEmpty();
        }
    }
}
