package im.magpie.server.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNamesTest {
    @Test
    void lowercasesValidNames() {
        assertThat(AccountNames.canonical("Alice.Wang@Acme-1_x")).isEqualTo("alice.wang@acme-1_x");
    }

    @Test
    void acceptsSixtyFourCharactersButNotSixtyFive() {
        assertThat(AccountNames.isValid("a".repeat(64))).isTrue();
        assertThat(AccountNames.isValid("a".repeat(65))).isFalse();
    }

    @Test
    void rejectsEmptySpacesAndOtherCharacters() {
        for (String bad : new String[] {"", "a b", "张三", "a/b", "a\nb", "a+b"}) {
            assertThat(AccountNames.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> AccountNames.canonical(bad)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void checksDisplayNames() {
        assertThat(AccountNames.displayName(" 王小明 ")).isEqualTo("王小明");
        assertThatThrownBy(() -> AccountNames.displayName(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AccountNames.displayName("x".repeat(65))).isInstanceOf(IllegalArgumentException.class);
    }
}
