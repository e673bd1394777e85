package im.magpie.desktop.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.login.LoginFailure;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class TextsTest {
    static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in =
                Objects.requireNonNull(TextsTest.class.getResourceAsStream("/im/magpie/desktop/i18n/" + name))) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void everyKeyExistsInEnglishAndChinese() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        zh.stringPropertyNames()
                .forEach(k -> assertThat(zh.getProperty(k)).as(k).isNotBlank());
        assertThat(en.size()).isGreaterThan(50);
    }

    @Test
    void chineseTextsAreChinese() {
        Texts zh = new Texts(Locale.SIMPLIFIED_CHINESE);
        assertThat(zh.get("login.submit")).isEqualTo("登录");
        assertThat(zh.get("conversation.self")).isEqualTo("文件传输助手");
        assertThat(new Texts(Locale.ENGLISH).get("conversation.self")).isEqualTo("File Transfer");
        assertThat(zh.format("chat.saved", "/tmp/a")).isEqualTo("已保存到 /tmp/a");
    }

    @Test
    void everyFailureKindHasATextInBothLanguages() {
        for (Locale l : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            Texts t = new Texts(l);
            for (LoginFailure f : LoginFailure.values()) {
                if (!f.textKey().isEmpty()) {
                    assertThat(t.get(f.textKey())).isNotEqualTo(f.textKey());
                }
            }
            for (ChatFailureKind k : ChatFailureKind.values()) {
                assertThat(t.get(k.textKey())).isNotEqualTo(k.textKey());
            }
        }
    }
}
