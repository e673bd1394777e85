package im.magpie.desktop.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import im.magpie.desktop.chat.ChatEvents;
import im.magpie.desktop.chat.ChatException;
import im.magpie.desktop.chat.ChatFailureKind;
import im.magpie.desktop.chat.Content;
import im.magpie.desktop.chat.Member;
import im.magpie.desktop.chat.MemberRole;
import im.magpie.desktop.contacts.Presence;
import im.magpie.desktop.group.GroupEvents;
import im.magpie.desktop.group.GroupInfo;
import im.magpie.desktop.group.GroupPort;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Group management between two desktop backends over a real server: rename, add, remove, roles, leave, @All rights,
 * membership notices, and presence watched by the group panel beside the contacts list.
 */
@Tag("integration")
class BackendGroupsIT {
    static final Duration WAIT = Duration.ofSeconds(20);

    @RegisterExtension
    static final BackendServer server =
            new BackendServer("qiang", "mei", "jun", "qiang2", "hua", "jun2", "hua2", "lei", "yan");

    static ClientBackend login(String account) throws Exception {
        return server.login(account);
    }

    static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(20, TimeUnit.SECONDS);
    }

    static ChatFailureKind failure(CompletableFuture<?> f) {
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> get(f));
        if (t != null && t.getCause() instanceof ChatException e) {
            return e.kind();
        }
        throw new AssertionError("not a ChatException", t);
    }

    static GroupInfo group(GroupPort port, long id) throws Exception {
        return get(port.group(id));
    }

    static MemberRole role(GroupInfo g, long userId) {
        return g.members().stream()
                .filter(m -> m.userId() == userId)
                .map(Member::role)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void ownerAndMembersManageAGroupWithinTheirRightsAndBothSidesSeeIt() throws Exception {
        try (ClientBackend qiang = login("qiang");
                ClientBackend mei = login("mei")) {
            GroupPort owner = qiang.groups();
            GroupPort member = mei.groups();
            AtomicInteger heard = new AtomicInteger();
            member.addListener(new GroupEvents() {
                @Override
                public void groupsChanged() {
                    heard.incrementAndGet();
                }
            });
            long id = get(owner.createGroup("周会", List.of("mei")));
            await().atMost(WAIT).until(() -> group(member, id).active());
            long q = qiang.selfUserId();
            long m = mei.selfUserId();

            assertThat(failure(member.rename(id, "我的群"))).isEqualTo(ChatFailureKind.PERMISSION_DENIED);
            assertThat(group(owner, id).title()).isEqualTo("周会");

            get(owner.addMembers(id, List.of("jun")));
            await().atMost(WAIT).until(() -> group(member, id).members().size() == 3);
            assertThat(heard.get()).as("the member heard of the change").isPositive();
            long j = group(owner, id).members().stream()
                    .filter(x -> x.account().equals("jun"))
                    .findFirst()
                    .orElseThrow()
                    .userId();
            assertThat(failure(member.removeMember(id, "jun"))).isEqualTo(ChatFailureKind.PERMISSION_DENIED);

            get(owner.setRole(id, m, MemberRole.ADMIN));
            await().atMost(WAIT).until(() -> role(group(member, id), m) == MemberRole.ADMIN);
            get(member.rename(id, "周会（新）"));
            await().atMost(WAIT).until(() -> group(owner, id).title().equals("周会（新）"));
            get(member.removeMember(id, "jun"));
            assertThat(failure(member.removeMember(id, "qiang"))).isEqualTo(ChatFailureKind.PERMISSION_DENIED);
            assertThat(failure(member.setRole(id, q, MemberRole.MEMBER))).isEqualTo(ChatFailureKind.PERMISSION_DENIED);

            get(owner.leave(id));
            await().atMost(WAIT).until(() -> role(group(member, id), m) == MemberRole.OWNER);
            assertThat(group(owner, id).active()).isFalse();
            assertThat(group(member, id).members()).extracting(Member::userId).containsExactly(m);

            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(get(mei.messages(id, Long.MAX_VALUE, 50)))
                            .extracting(x -> x.content())
                            .contains(
                                    new Content.Notice("members_added", "1", List.of(j)),
                                    new Content.Notice("role_changed", "ADMIN", List.of(m)),
                                    new Content.Notice("member_removed", "", List.of(j)),
                                    new Content.Notice("member_removed", "left", List.of(q))));
        }
    }

    @Test
    void onlyOwnersAndAdminsMayMentionEveryoneAndReceiversSeeIt() throws Exception {
        try (ClientBackend qiang = login("qiang2");
                ClientBackend hua = login("hua")) {
            long id = get(qiang.groups().createGroup("全员", List.of("hua")));
            await().atMost(WAIT).until(() -> group(hua.groups(), id).active());
            List<String> failed = new CopyOnWriteArrayList<>();
            hua.addListener(new ChatEvents() {
                @Override
                public void messageFailed(String clientMessageId, long conversationId, String code) {
                    failed.add(code);
                }
            });

            get(hua.sendText(id, new im.magpie.desktop.chat.OutgoingText("@所有人 我不是管理员", List.of(), true, null)));
            await().atMost(WAIT).until(() -> !failed.isEmpty());
            assertThat(failed).singleElement().asString().contains("PERMISSION_DENIED");

            get(qiang.sendText(id, new im.magpie.desktop.chat.OutgoingText("@所有人 下午开会", List.of(), true, null)));
            await().atMost(WAIT)
                    .untilAsserted(() -> assertThat(get(hua.messages(id, Long.MAX_VALUE, 50)))
                            .extracting(x -> x.content())
                            .contains(new Content.Text("@所有人 下午开会", List.of(), true)));
        }
    }

    @Test
    void theGroupPanelWatchesPresenceBesideTheContactsList() throws Exception {
        try (ClientBackend jun = login("jun2")) {
            Map<Long, Presence> seen = new java.util.concurrent.ConcurrentHashMap<>();
            jun.groups().addListener(new GroupEvents() {
                @Override
                public void presenceChanged(Map<Long, Presence> changes) {
                    seen.putAll(changes);
                }
            });
            long huaId;
            try (ClientBackend hua = login("hua2")) {
                huaId = hua.selfUserId();
                long other = hua.selfUserId() + 1_000_000;
                get(jun.contacts().watchPresence(List.of(other)));
                assertThat(get(jun.groups().watchPresence(List.of(huaId)))).containsEntry(huaId, Presence.ONLINE);
                get(jun.contacts().watchPresence(List.of(other + 1))); // the contacts list replaces its own set only
            }
            await().atMost(WAIT).until(() -> seen.get(huaId) == Presence.OFFLINE);
        }
    }

    @Test
    void aHoverCardShowsTheSignatureBeforeTheContactsWereEverOpened() throws Exception {
        try (ClientBackend lei = login("lei")) {
            get(lei.settings().setSignature("出差中 ✈️"));
            long leiId = lei.selfUserId();
            try (ClientBackend yan = login("yan")) {
                // yan's people cache was never filled (no contacts section): the card fetches the directory
                assertThat(get(yan.groups().person(leiId)))
                        .hasValueSatisfying(c -> assertThat(c.signature()).isEqualTo("出差中 ✈️"));
            }
        }
    }
}
