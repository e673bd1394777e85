package im.magpie.client.people;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * The toneless pinyin readings of a Chinese character (pinyin4j's table), every reading of a polyphonic one; ü is
 * written {@code v} as on a keyboard. Readings are cached per character.
 */
final class PinyinTable {
    private final HanyuPinyinOutputFormat format = new HanyuPinyinOutputFormat();
    private final ConcurrentHashMap<Character, List<String>> cache = new ConcurrentHashMap<>();

    PinyinTable() {
        format.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        format.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        format.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Distinct readings of {@code c} in the table's order (the common one first); empty when it has none. */
    List<String> readings(char c) {
        return cache.computeIfAbsent(c, this::lookUp);
    }

    private List<String> lookUp(char c) {
        try {
            String[] all = PinyinHelper.toHanyuPinyinStringArray(c, format);
            return all == null ? List.of() : Arrays.stream(all).distinct().toList();
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException("pinyin format", e);
        }
    }
}
