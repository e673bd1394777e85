package im.magpie.desktop.chat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composer of one chat: the draft, a picture waiting to go, the @mention popup and the message the next text
 * replies to; "send" hands them to the {@link Outbox}.
 */
final class Composer {
    private static final Logger LOG = LoggerFactory.getLogger(Composer.class);
    static final int MAX_TEXT_CHARS = 8000;

    private final long self;
    private final Outbox outbox;
    private final MessageTexts words;
    private final StringProperty draft = new SimpleStringProperty("");
    private final ObjectProperty<@Nullable Path> attachment = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<@Nullable Quote> quoting = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canSend;
    private final MentionPicker mentions;
    /** The last reading of the group's members failed: the next "@" typed reads them again. */
    private boolean membersFailed;

    Composer(long self, MessageTexts words, Outbox outbox) {
        this.self = self;
        this.outbox = outbox;
        this.words = words;
        this.mentions = new MentionPicker(
                self, words.texts().get("mention.all"), words.texts().get("mention.allHint"));
        canSend = Bindings.createBooleanBinding(
                () -> (attachment.get() != null || !draft.get().isBlank())
                        && draft.get().length() <= MAX_TEXT_CHARS,
                draft,
                attachment);
    }

    StringProperty draftProperty() {
        return draft;
    }

    ReadOnlyObjectProperty<@Nullable Path> attachmentProperty() {
        return attachment;
    }

    void attach(Path image) {
        attachment.set(image);
    }

    void clearAttachment() {
        attachment.set(null);
    }

    BooleanBinding canSendBinding() {
        return canSend;
    }

    MentionPicker mentions() {
        return mentions;
    }

    /**
     * Loads the group's members into the @mention popup (off the FX thread, then on it). When they cannot be read, the
     * chat's {@code notice} says so and an "@" typed later tries again; the notice goes once they are in.
     */
    void loadMembers(ChatPort port, long conversationId, Executor fxThread, StringProperty notice) {
        mentions.onMembersWanted(() -> {
            if (membersFailed) {
                readMembers(port, conversationId, fxThread, notice);
            }
        });
        readMembers(port, conversationId, fxThread, notice);
    }

    private void readMembers(ChatPort port, long conversationId, Executor fxThread, StringProperty notice) {
        membersFailed = false; // asked again at most once at a time: an "@" typed meanwhile does not ask again
        String failedText = words.texts().get("chat.error.members");
        var unused = port.members(conversationId)
                .thenApply(list -> {
                    List<Member> others =
                            list.stream().filter(m -> m.userId() != self).toList();
                    boolean manages = list.stream()
                            .anyMatch(m -> m.userId() == self && m.role().manages());
                    return new Roster(others, port.memberSearch(others), manages);
                })
                .whenCompleteAsync(
                        (roster, failure) -> {
                            if (roster != null) {
                                if (notice.get().equals(failedText)) {
                                    notice.set("");
                                }
                                mentions.setMembers(roster.others(), roster.search(), roster.manages());
                            } else {
                                LOG.warn("the members of conversation {} could not be read", conversationId, failure);
                                membersFailed = true;
                                notice.set(failedText);
                            }
                        },
                        fxThread);
    }

    /** The members the @mention popup offers, and whether the user may @mention everyone. */
    private record Roster(List<Member> others, MemberSearch search, boolean manages) {}

    /** Puts "@Name " of the chosen match into the draft; returns where the caret goes, -1 when nothing was picked. */
    int pickMention(int index) {
        MentionPicker.Insertion in = mentions.pick(draft.get(), index);
        if (in == null) {
            return -1;
        }
        draft.set(in.text());
        return in.caret();
    }

    ReadOnlyObjectProperty<@Nullable Quote> quotingProperty() {
        return quoting.getReadOnlyProperty();
    }

    /** Whether the context menu offers "quote" and "forward": a stored message that was not recalled. */
    static boolean canQuote(MessageItem m) {
        return m.seq() > 0 && !m.recalled() && !m.isNotice();
    }

    /** Quotes {@code m}; {@code excerpt} makes its one-line excerpt ({@link ChatPort#excerpt}). */
    void quote(MessageItem m, java.util.function.UnaryOperator<String> excerpt) {
        if (canQuote(m)) {
            quoting.set(
                    new Quote(m.seq(), m.senderId(), excerpt.apply(Quotes.text(m.content(), words.texts())), false));
        }
    }

    void cancelQuote() {
        quoting.set(null);
    }

    /** Sends the picture waiting in the composer, then the draft with its mentions and quote. */
    void send() {
        if (!canSend.get()) {
            return;
        }
        Path picture = attachment.get();
        if (picture != null) {
            attachment.set(null);
            outbox.sendPath(picture, false);
        }
        String text = draft.get().strip();
        List<Long> mentioned = mentions.mentionsIn(text);
        boolean everyone = mentions.mentionsAllIn(text);
        mentions.clearPicked();
        mentions.close();
        draft.set("");
        if (!text.isEmpty()) {
            outbox.sendText(new OutgoingText(text, mentioned, everyone, quoting.get()));
            quoting.set(null);
        }
    }
}
