package im.magpie.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import im.magpie.client.net.RequestFailedException;
import im.magpie.protocol.v1.ErrorCode;
import im.magpie.protocol.v1.SubscribePresenceRequest;
import im.magpie.protocol.v1.UserPresence;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PresenceWatchesTest {
    final List<String> sent = new ArrayList<>();
    boolean serverFull;
    final PresenceWatches watches = new PresenceWatches(this::send);

    private CompletableFuture<List<UserPresence>> send(SubscribePresenceRequest.Builder request) {
        sent.add(request.getChange().name().replace("SUBSCRIPTION_CHANGE_", "") + " " + request.getUserIdsList());
        if (serverFull) {
            return CompletableFuture.failedFuture(
                    new RequestFailedException(ErrorCode.ERROR_CODE_TOO_LARGE, "full", 0));
        }
        return CompletableFuture.completedFuture(request.getUserIdsList().stream()
                .map(id -> UserPresence.newBuilder().setUserId(id).build())
                .toList());
    }

    @Test
    void theServerHearsOfAUserOnlyWhenTheFirstWatcherComesAndTheLastGoes() {
        watches.watch(List.of(1L, 2L)).join();
        watches.watch(List.of(2L, 3L)).join();
        watches.unwatch(List.of(2L, 3L)).join();
        watches.unwatch(List.of(1L, 2L)).join();

        assertThat(sent).containsExactly("ADD [1, 2]", "ADD [2, 3]", "REMOVE [3]", "REMOVE [1, 2]");
        assertThat(watches.watched()).isZero();
    }

    @Test
    void theOlderReplaceCallKeepsWhatOtherWatchersWatch() {
        watches.watch(List.of(5L)).join();
        watches.replaceDefault(List.of(1L, 5L)).join();
        watches.replaceDefault(List.of(2L)).join();

        assertThat(sent).containsExactly("ADD [5]", "ADD [1, 5]", "ADD [2]", "REMOVE [1]");
        assertThat(watches.watched()).isEqualTo(2);
        watches.renew().join();
        assertThat(sent).last().asString().startsWith("REPLACE").contains("2").contains("5");
    }

    @Test
    void watchingMoreThanTheCapFailsAndChangesNothing() {
        List<Long> many = LongStream.rangeClosed(1, 5_000).boxed().toList();
        watches.watch(many).join();
        sent.clear();

        assertThatThrownBy(() -> watches.watch(List.of(5_001L)).join())
                .hasCauseInstanceOf(PresenceLimitException.class);
        assertThat(sent).isEmpty();
        assertThat(watches.watch(List.of(1L, 2L))).isCompleted();
        assertThat(watches.watched()).isEqualTo(5_000);
    }

    @Test
    void aWatchTheServerRefusesAsTooLargeIsUndone() {
        serverFull = true;
        assertThatThrownBy(() -> watches.watch(List.of(7L)).join()).hasCauseInstanceOf(RequestFailedException.class);
        assertThat(watches.watched()).isZero();
    }
}
