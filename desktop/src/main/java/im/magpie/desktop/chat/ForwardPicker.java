package im.magpie.desktop.chat;

import java.util.List;

/** Opens the "forward to" picker for messages of the open chat (the main window knows the conversation list). */
@FunctionalInterface
public interface ForwardPicker {
    ForwardPicker NONE = (seqs, sent) -> {};

    /** {@code seqs}: the messages in chat order; {@code sent} runs once every one went to every chosen conversation. */
    void open(List<Long> seqs, Runnable sent);
}
