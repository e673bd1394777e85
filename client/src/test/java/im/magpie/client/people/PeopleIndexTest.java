package im.magpie.client.people;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.client.store.PersonRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Search by name, account, full pinyin and initials, polyphonic characters and mixed Latin/Chinese names. */
class PeopleIndexTest {
    static final PinyinTable PINYIN = PinyinTable.load();

    static final PersonRecord ZHANG_SAN = person(1, "zhangsan", "张三");
    static final PersonRecord ZHANG_SANFENG = person(2, "sanfeng", "张三丰");
    static final PersonRecord LI_NA = person(3, "lina", "李娜");
    static final PersonRecord SHAN_XIONGXIN = person(4, "xiongxin", "单雄信");
    static final PersonRecord ZENG_GUOFAN = person(5, "gfzeng", "曾国藩");
    static final PersonRecord TONY_WANG = person(6, "tony.w", "Tony 王");
    static final PersonRecord ALICE_CHEN = person(7, "alice", "Alice Chen");
    static final PersonRecord LV_BU = person(8, "lvbu", "吕布");
    static final PersonRecord WANG_WEI = person(9, "wangwei2", "王伟");

    final PeopleIndex index = PeopleIndex.of(
            List.of(
                    ZHANG_SAN,
                    ZHANG_SANFENG,
                    LI_NA,
                    SHAN_XIONGXIN,
                    ZENG_GUOFAN,
                    TONY_WANG,
                    ALICE_CHEN,
                    LV_BU,
                    WANG_WEI),
            PINYIN);

    static PersonRecord person(long id, String account, String name) {
        return new PersonRecord(id, account, name, "");
    }

    List<PersonRecord> search(String q) {
        return index.search(q, 50);
    }

    @Test
    void findsByChineseNameFullPinyinInitialsAndAMix() {
        assertThat(search("张三")).startsWith(ZHANG_SAN).contains(ZHANG_SANFENG);
        assertThat(search("zhangsan")).startsWith(ZHANG_SAN).contains(ZHANG_SANFENG);
        assertThat(search("zs")).containsExactly(ZHANG_SAN, ZHANG_SANFENG);
        assertThat(search("zsf")).containsExactly(ZHANG_SANFENG);
        assertThat(search("zhangs")).containsExactly(ZHANG_SAN, ZHANG_SANFENG);
        assertThat(search("zhangsf")).containsExactly(ZHANG_SANFENG);
        assertThat(search("张s")).containsExactly(ZHANG_SAN, ZHANG_SANFENG);
        assertThat(search("ZHANG San")).containsExactly(ZHANG_SAN, ZHANG_SANFENG);
        assertThat(search("ln")).containsExactly(LI_NA);
        assertThat(search("lin")).contains(LI_NA);
    }

    @Test
    void matchesFromALaterCharacterAfterMatchesFromTheStart() {
        // "san" starts 张三's given name; the account "sanfeng" starts with it, so 张三丰 ranks first
        assertThat(search("san")).containsExactly(ZHANG_SANFENG, ZHANG_SAN);
        assertThat(search("三丰")).containsExactly(ZHANG_SANFENG);
        assertThat(search("sf")).containsExactly(ZHANG_SANFENG);
        assertThat(search("wei")).containsExactly(WANG_WEI);
    }

    @Test
    void polyphonicCharactersMatchEveryReading() {
        // 单 reads shan (as a surname) and dan; 曾 reads zeng and ceng; 吕 is lv with ü typed as v
        assertThat(search("shanxiongxin")).containsExactly(SHAN_XIONGXIN);
        assertThat(search("danxiongxin")).containsExactly(SHAN_XIONGXIN);
        assertThat(search("sxx")).containsExactly(SHAN_XIONGXIN);
        assertThat(search("dxx")).containsExactly(SHAN_XIONGXIN);
        assertThat(search("zgf")).containsExactly(ZENG_GUOFAN);
        assertThat(search("cgf")).containsExactly(ZENG_GUOFAN);
        assertThat(search("lvb")).containsExactly(LV_BU);
    }

    @Test
    void mixedLatinAndChineseNames() {
        assertThat(search("tony")).containsExactly(TONY_WANG);
        assertThat(search("tonywang")).containsExactly(TONY_WANG);
        assertThat(search("tw")).containsExactly(TONY_WANG);
        assertThat(search("tony王")).containsExactly(TONY_WANG);
        assertThat(search("王")).containsExactly(WANG_WEI, TONY_WANG);
        assertThat(search("wang")).containsExactlyInAnyOrder(TONY_WANG, WANG_WEI);
        assertThat(search("alice chen")).containsExactly(ALICE_CHEN);
        assertThat(search("ac")).containsExactly(ALICE_CHEN);
        assertThat(search("chen")).containsExactly(ALICE_CHEN);
    }

    @Test
    void findsByAccountAndRanksWholeMatchesFirst() {
        assertThat(search("gfzeng")).containsExactly(ZENG_GUOFAN);
        assertThat(search("tony.w")).containsExactly(TONY_WANG);
        assertThat(search("wangwei2")).containsExactly(WANG_WEI);
        assertThat(search("lina")).startsWith(LI_NA);
        assertThat(search("xyzq")).isEmpty();
        assertThat(search("x")).contains(SHAN_XIONGXIN);
    }

    @Test
    void blankQueryListsEveryoneInNameOrderAndLimitsApply() {
        assertThat(index.search("  ", 3)).hasSize(3);
        assertThat(index.all()).hasSize(9);
        // by the first reading of each character: Alice Chen, 曾(ceng)国藩, 单(dan)雄信, 李娜, 吕布, Tony 王, 王伟, 张三…
        assertThat(index.all()).startsWith(ALICE_CHEN, ZENG_GUOFAN, SHAN_XIONGXIN, LI_NA, LV_BU, TONY_WANG, WANG_WEI);
        assertThat(index.search("zs", 1)).containsExactly(ZHANG_SAN);
        assertThat(index.search("zs", 0)).isEmpty();
        assertThat(index.find(4)).contains(SHAN_XIONGXIN);
        assertThat(index.find(99)).isEmpty();
    }
}
