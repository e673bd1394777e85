package im.magpie.client.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The packed table ({@link PinyinTable#RESOURCE}) is pinyin4j's table as people search uses it: every character's
 * distinct toneless readings (ü as {@code v}) in pinyin4j's order. To write it again (after a pinyin4j upgrade):
 *
 * <pre>./mvnw -o -B test -pl client -Dtest=PinyinTableTest -Dmagpie.pinyin.write=src/main/resources/im/magpie/client/people/pinyin.bin</pre>
 */
class PinyinTableTest {
    @Test
    void everyCharacterHasPinyin4jsReadings() {
        PinyinTable table = PinyinTable.load();
        int withReadings = 0;
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            List<String> expected = pinyin4j(c);
            SearchKeys.@Nullable Unit unit = table.unit(c);
            if (expected.isEmpty()) {
                assertThat(unit).as("U+%04X", (int) c).isNull();
                continue;
            }
            withReadings++;
            assertThat(unit).as("U+%04X", (int) c).isNotNull();
            SearchKeys.Unit u = Objects.requireNonNull(unit);
            assertThat(u.readings()).as("U+%04X", (int) c).isEqualTo(expected);
            assertThat(u.literal()).isEqualTo(String.valueOf(c));
            assertThat(table.unit(c)).isSameAs(u);
        }
        assertThat(withReadings).isGreaterThan(20_000);
        SearchKeys.Unit lv = Objects.requireNonNull(table.unit('吕'));
        assertThat(lv.readings()).containsExactly("lv");
        assertThat(Objects.requireNonNull(table.unit('单')).readings()).contains("dan", "shan");
    }

    @Test
    void theBundledTableIsWhatPinyin4jGivesNow() throws IOException {
        byte[] bundled;
        try (InputStream in = PinyinTable.class.getResourceAsStream(PinyinTable.RESOURCE)) {
            bundled = Objects.requireNonNull(in).readAllBytes();
        }
        assertThat(Arrays.equals(bundled, packed()))
                .as("%s is stale: write it again (see this class)", PinyinTable.RESOURCE)
                .isTrue();
    }

    @Test
    @EnabledIfSystemProperty(named = "magpie.pinyin.write", matches = ".+")
    void write() throws IOException {
        Files.write(Path.of(System.getProperty("magpie.pinyin.write")), packed());
    }

    /** The table in {@link PinyinTable}'s format, from pinyin4j. */
    static byte[] packed() throws IOException {
        Map<String, Integer> ids = new LinkedHashMap<>();
        List<Character> chars = new ArrayList<>();
        List<int[]> readings = new ArrayList<>();
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) {
                continue;
            }
            List<String> list = pinyin4j(c);
            if (!list.isEmpty()) {
                chars.add(c);
                readings.add(list.stream()
                        .mapToInt(r -> ids.computeIfAbsent(r, k -> ids.size()))
                        .toArray());
            }
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(PinyinTable.MAGIC);
            out.writeShort(ids.size());
            for (String r : ids.keySet()) {
                out.writeUTF(r);
            }
            out.writeInt(chars.size());
            for (int k = 0; k < chars.size(); k++) {
                out.writeChar(chars.get(k));
                out.writeByte(readings.get(k).length);
                for (int id : readings.get(k)) {
                    out.writeShort(id);
                }
            }
        }
        return bytes.toByteArray();
    }

    private static List<String> pinyin4j(char c) {
        HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return all == null ? List.of() : Arrays.stream(all).distinct().toList();
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin format", e);
        }
    }
}
