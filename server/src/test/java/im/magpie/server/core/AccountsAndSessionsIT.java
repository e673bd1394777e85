package im.magpie.server.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.within;

import im.magpie.server.account.Account;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.UnknownAccountException;
import im.magpie.server.session.AccountDisabledException;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.DeviceInfo;
import im.magpie.server.session.DeviceWipedException;
import im.magpie.server.session.InvalidCredentialsException;
import im.magpie.server.session.InvalidTokenException;
import im.magpie.server.session.LoginAttempt;
import im.magpie.server.session.RateLimitedException;
import im.magpie.server.session.Session;
import im.magpie.server.store.postgres.SharedPostgres;
import im.magpie.testsupport.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("integration")
class AccountsAndSessionsIT {
    private static final LoginAttempt LAPTOP = new LoginAttempt(null, "Alice's laptop", "linux", "10.0.0.1");

    @TempDir
    Path dataDir;

    private final MutableClock clock = new MutableClock(Instant.now());
    private CoreComponents core;

    @BeforeEach
    void start() throws Exception {
        core = CoreFixture.start(dataDir, clock, new CoreFixture.RecordingPublisher());
        core.accounts().create("Alice", "Alice Wang", "correct horse");
    }

    @AfterEach
    void stop() throws Exception {
        core.close();
    }

    @Test
    void accountNamesAreCaseInsensitiveAndPasswordsStoredOnlyAsArgon2Hashes() throws Exception {
        assertThatThrownBy(() -> core.accounts().create("ALICE", "Other", "pw"))
                .isInstanceOf(AccountExistsException.class);
        assertThatThrownBy(() -> core.accounts().create("bad name", "Bad", "pw"))
                .isInstanceOf(IllegalArgumentException.class);
        Account alice = core.accounts().findByAccount("aLiCe").orElseThrow();
        assertThat(alice.account()).isEqualTo("alice");
        assertThat(core.accounts().findByIds(List.of(alice.id()))).containsExactly(alice);
        assertThat(core.accounts().findByAccounts(List.of("ALICE", "nobody"))).containsExactly(alice);
        assertThat(core.accounts().list(0, 10)).containsExactly(alice);
        try (Connection con = SharedPostgres.database().dataSource().getConnection();
                Statement st = con.createStatement();
                ResultSet rs = st.executeQuery("SELECT password_hash FROM users")) {
            rs.next();
            assertThat(rs.getString(1)).startsWith("$argon2id$").doesNotContain("correct horse");
        }
    }

    @Test
    void logsInResumesAndLogsOut() throws Exception {
        Session session = core.sessions().loginWithPassword("ALICE", "correct horse", LAPTOP);

        assertThat(session.token()).hasSize(43);
        assertThat(session.expiresAt())
                .isEqualTo(clock.instant().plus(Duration.ofDays(30)).truncatedTo(java.time.temporal.ChronoUnit.MICROS));
        assertThat(core.sessions().authenticate(session.token())).isEqualTo(session);
        LoginAttempt again = new LoginAttempt(session.device(), "Alice's laptop", "linux", "10.0.0.1");
        assertThat(core.sessions().resume(session.token(), again).device()).isEqualTo(session.device());
        assertThatThrownBy(() ->
                        core.sessions().resume(session.token(), new LoginAttempt(new DeviceId("other"), "x", "y", "z")))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(core.sessions().devices(session.account().id()))
                .extracting(DeviceInfo::id)
                .containsExactly(session.device());

        core.sessions().logout(session.token());
        assertThatThrownBy(() -> core.sessions().authenticate(session.token()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void tokensExpire() throws Exception {
        Session session = core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);
        assertThat(core.sessions().authenticate(session.token())).isEqualTo(session); // now served from memory

        clock.advance(Duration.ofDays(30).plusSeconds(1));

        assertThatThrownBy(() -> core.sessions().authenticate(session.token()))
                .isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void disablingEndsSessionsAndBlocksLogin() throws Exception {
        Session session = core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);

        core.accounts().setDisabled("alice", true);

        assertThatThrownBy(() -> core.sessions().authenticate(session.token()))
                .isInstanceOf(InvalidTokenException.class);
        assertThatThrownBy(() -> core.sessions().loginWithPassword("alice", "correct horse", LAPTOP))
                .isInstanceOf(AccountDisabledException.class);
        assertThatThrownBy(() -> core.accounts().setDisabled("nobody", true))
                .isInstanceOf(UnknownAccountException.class);
        core.accounts().setDisabled("alice", false);
        assertThat(core.sessions().loginWithPassword("alice", "correct horse", LAPTOP))
                .isNotNull();
    }

    @Test
    void revokesDevicesAndUsers() throws Exception {
        Session laptop = core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);
        Session phone = core.sessions()
                .loginWithPassword("alice", "correct horse", new LoginAttempt(null, "Phone", "android", "10.0.0.2"));

        assertThat(core.sessions().revokeDevice(laptop.account().id(), laptop.device()))
                .isTrue();
        assertThatThrownBy(() -> core.sessions().authenticate(laptop.token()))
                .isInstanceOf(InvalidTokenException.class);
        assertThat(core.sessions().revokeUser(phone.account().id())).containsExactly(phone.device());
        assertThatThrownBy(() -> core.sessions().authenticate(phone.token())).isInstanceOf(InvalidTokenException.class);
    }

    @Test
    void aTokenServedFromMemoryStopsWorkingTheMomentItsSessionIsRevoked() throws Exception {
        Session logout = loggedInAndResumed(LAPTOP);
        core.sessions().logout(logout.token());
        assertResumeFails(logout, InvalidTokenException.class);
        assertThatThrownBy(() -> core.sessions().authenticate(logout.token()))
                .isInstanceOf(InvalidTokenException.class);

        Session first = loggedInAndResumed(LAPTOP);
        LoginAttempt sameDevice = new LoginAttempt(first.device(), "Alice's laptop", "linux", "10.0.0.1");
        Session second = core.sessions().loginWithPassword("alice", "correct horse", sameDevice);
        assertResumeFails(first, InvalidTokenException.class); // a new login of the device revokes its old session
        assertThat(resume(second).device()).isEqualTo(first.device());

        core.sessions().revokeDevice(second.account().id(), second.device());
        assertResumeFails(second, InvalidTokenException.class);

        Session user = loggedInAndResumed(LAPTOP);
        core.sessions().revokeUser(user.account().id());
        assertResumeFails(user, InvalidTokenException.class);

        Session disabled = loggedInAndResumed(LAPTOP);
        core.accounts().setDisabled("alice", true);
        assertResumeFails(disabled, InvalidTokenException.class);
        core.accounts().setDisabled("alice", false);

        Session wiped = loggedInAndResumed(LAPTOP);
        core.sessions().orderWipe(wiped.account().id(), wiped.device());
        assertResumeFails(wiped, DeviceWipedException.class);
    }

    @Test
    void theFirstTokenLoginAfterAPasswordLoginIsServedFromMemory() throws Exception {
        Session session = core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);
        try (Connection con = SharedPostgres.database().dataSource().getConnection();
                Statement st = con.createStatement()) {
            assertThat(st.executeUpdate("DELETE FROM sessions")).isEqualTo(1); // a lookup in the store would fail now
        }

        assertThat(resume(session)).isEqualTo(session);

        Session again = core.sessions()
                .loginWithPassword(
                        "alice", "correct horse", new LoginAttempt(session.device(), "Alice's laptop", "linux", "1"));
        assertResumeFails(session, InvalidTokenException.class); // the device's new login replaced it in memory too
        assertThat(resume(again).device()).isEqualTo(session.device());
    }

    @Test
    void tokenLoginsRecordTheDevicesLastSeenFactsBeforeDevicesAreListed() throws Exception {
        Session session = core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);
        clock.advance(Duration.ofHours(1));

        core.sessions()
                .resume(session.token(), new LoginAttempt(session.device(), "Alice's new laptop", "linux", "10.0.0.1"));

        DeviceInfo device = core.sessions().devices(session.account().id()).get(0);
        assertThat(device.name()).isEqualTo("Alice's new laptop");
        assertThat(device.lastSeen()).isCloseTo(clock.instant(), within(1, java.time.temporal.ChronoUnit.MILLIS));
        assertThat(device.firstSeen()).isBefore(device.lastSeen());
    }

    /** A password login whose token is then used twice, so that it is served from memory. */
    private Session loggedInAndResumed(LoginAttempt attempt) throws Exception {
        Session session = core.sessions().loginWithPassword("alice", "correct horse", attempt);
        resume(session);
        assertThat(resume(session)).isEqualTo(session);
        return session;
    }

    private Session resume(Session session) throws Exception {
        return core.sessions()
                .resume(session.token(), new LoginAttempt(session.device(), "Alice's laptop", "linux", "10.0.0.1"));
    }

    private void assertResumeFails(Session session, Class<? extends Exception> failure) {
        assertThatThrownBy(() -> resume(session)).isInstanceOf(failure);
    }

    @Test
    void limitsFailedLoginsAndASuccessResetsTheCount() throws Exception {
        for (int i = 0; i < 4; i++) {
            assertThatThrownBy(() -> core.sessions().loginWithPassword("alice", "wrong", LAPTOP))
                    .isInstanceOf(InvalidCredentialsException.class);
        }
        core.sessions().loginWithPassword("alice", "correct horse", LAPTOP);
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> core.sessions().loginWithPassword("alice", "wrong", LAPTOP))
                    .isInstanceOf(InvalidCredentialsException.class);
        }

        RateLimitedException limited = catchThrowableOfType(
                RateLimitedException.class, () -> core.sessions().loginWithPassword("alice", "correct horse", LAPTOP));
        assertThat(limited.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5));
        clock.advance(Duration.ofMinutes(5));
        assertThat(core.sessions().loginWithPassword("alice", "correct horse", LAPTOP))
                .isNotNull();
        assertThatThrownBy(() -> core.sessions().loginWithPassword("nobody", "x", LAPTOP))
                .isInstanceOf(InvalidCredentialsException.class);
    }
}
