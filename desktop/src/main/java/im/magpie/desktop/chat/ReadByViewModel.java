package im.magpie.desktop.chat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.jspecify.annotations.Nullable;

/**
 * The two lists behind "3 read" under one of the user's messages in a group: the members who read it and those who
 * have not, by name, from the read marks known when it opened.
 */
public final class ReadByViewModel {
    private final long seq;
    private final long self;
    private final Map<Long, Long> marks;
    private final Executor fxThread;
    private final ObservableList<Member> read = FXCollections.observableArrayList();
    private final ObservableList<Member> unread = FXCollections.observableArrayList();

    ReadByViewModel(long seq, long self, Map<Long, Long> marks, Executor fxThread) {
        this.seq = seq;
        this.self = self;
        this.marks = Map.copyOf(marks);
        this.fxThread = fxThread;
    }

    public ObservableList<Member> read() {
        return read;
    }

    public ObservableList<Member> unread() {
        return unread;
    }

    void load(CompletableFuture<List<Member>> members) {
        var unused = members.whenCompleteAsync(this::split, fxThread);
    }

    private void split(@Nullable List<Member> members, @Nullable Throwable failure) {
        if (members == null) {
            return;
        }
        List<Member> readers = new ArrayList<>();
        List<Member> others = new ArrayList<>();
        for (Member m : members) {
            if (m.userId() != self && marks.containsKey(m.userId())) {
                (marks.getOrDefault(m.userId(), 0L) >= seq ? readers : others).add(m);
            }
        }
        Comparator<Member> byName = Comparator.comparing(Member::name);
        readers.sort(byName);
        others.sort(byName);
        read.setAll(readers);
        unread.setAll(others);
    }
}
