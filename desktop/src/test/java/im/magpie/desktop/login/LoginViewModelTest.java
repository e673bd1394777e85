package im.magpie.desktop.login;

import static org.assertj.core.api.Assertions.assertThat;

import im.magpie.desktop.i18n.Texts;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class LoginViewModelTest {
    final FakeLoginPort port = new FakeLoginPort();
    final Texts english = new Texts(Locale.ENGLISH);

    LoginViewModel vm(Texts texts) {
        return new LoginViewModel(port, texts, Runnable::run);
    }

    @Test
    void remembersServerAndAccountAndNeedsAPassword() {
        LoginViewModel vm = vm(english);
        assertThat(vm.serverProperty().get()).isEqualTo("chat.example.com:7080");
        assertThat(vm.accountProperty().get()).isEqualTo("zhangwei");
        assertThat(vm.canLoginBinding().get()).isFalse();
        vm.passwordProperty().set("x".repeat(LoginViewModel.MAX_PASSWORD_CHARS + 1));
        assertThat(vm.canLoginBinding().get()).isFalse();
        vm.passwordProperty().set("secret");
        assertThat(vm.canLoginBinding().get()).isTrue();
    }

    @Test
    void saysTheAccountIsRememberedOnlyForTheRememberedAccount() {
        LoginViewModel vm = vm(english);
        assertThat(vm.accountRememberedBinding().get()).isTrue();
        vm.accountProperty().set("lina");
        assertThat(vm.accountRememberedBinding().get()).isFalse();
        vm.accountProperty().set(" zhangwei ");
        assertThat(vm.accountRememberedBinding().get()).isTrue();
    }

    @Test
    void aFirstRunRemembersNoAccountWhateverIsTyped() {
        port.account = "";
        LoginViewModel vm = vm(english);
        assertThat(vm.accountRememberedBinding().get()).isFalse();
        vm.accountProperty().set("zhangwei");
        assertThat(vm.accountRememberedBinding().get()).isFalse();
    }

    @Test
    void aSuccessfulLoginOpensTheMainWindowAndForgetsThePassword() {
        LoginViewModel vm = vm(english);
        vm.accountProperty().set("  lina ");
        vm.passwordProperty().set("pw 1");
        vm.login();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canLoginBinding().get()).isFalse();
        assertThat(port.lastAccount).isEqualTo("lina");
        assertThat(port.lastPassword).isEqualTo("pw 1");

        port.result.complete(null);

        assertThat(vm.loggedInProperty().get()).isTrue();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.passwordProperty().get()).isEmpty();
    }

    @Test
    void aWrongPasswordIsExplainedInTheUsersLanguage() {
        LoginViewModel vm = vm(new Texts(Locale.SIMPLIFIED_CHINESE));
        vm.passwordProperty().set("wrong");
        vm.login();
        port.fail(LoginFailure.WRONG_PASSWORD);
        assertThat(vm.errorProperty().get()).isEqualTo("账号或密码错误。");
        assertThat(vm.loggedInProperty().get()).isFalse();
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(value = LoginFailure.class, names = "NOT_LOGGED_IN", mode = EnumSource.Mode.EXCLUDE)
    void everyFailureHasItsOwnTranslatedText(LoginFailure failure) {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            FakeLoginPort p = new FakeLoginPort();
            LoginViewModel vm = new LoginViewModel(p, new Texts(locale), Runnable::run);
            vm.passwordProperty().set("pw");
            vm.login();
            p.fail(failure);
            assertThat(vm.errorProperty().get()).isNotBlank().isNotEqualTo(failure.textKey());
        }
    }

    @Test
    void failureTextsAreDistinct() {
        Set<String> texts = new HashSet<>();
        EnumSet.complementOf(EnumSet.of(LoginFailure.NOT_LOGGED_IN))
                .forEach(f -> assertThat(texts.add(english.get(f.textKey()))).isTrue());
    }

    @Test
    void firstContactShowsTheFingerprintAndPassesTheAnswerOn() {
        LoginViewModel vm = vm(english);
        vm.passwordProperty().set("pw");
        vm.login();
        CompletableFuture<Boolean> answer = port.lastQuestion.ask(
                "127.0.0.1:7080", "d10c93368ee204c514f4df74cbc3fb0dded118f1488e72aeb584dbe03a375396");

        assertThat(vm.fingerprintServerProperty().get()).isEqualTo("127.0.0.1:7080");
        assertThat(vm.fingerprintProperty().get())
                .isEqualTo("D10C 9336 8EE2 04C5\n14F4 DF74 CBC3 FB0D\nDED1 18F1 488E 72AE\nB584 DBE0 3A37 5396");
        assertThat(answer).isNotDone();

        vm.trustFingerprint();

        assertThat(answer).isCompletedWithValue(true);
        assertThat(vm.fingerprintProperty().get()).isEmpty();
    }

    @Test
    void rejectingTheFingerprintAnswersNo() {
        LoginViewModel vm = vm(english);
        vm.passwordProperty().set("pw");
        vm.login();
        CompletableFuture<Boolean> answer = port.lastQuestion.ask("h:1", "abcd");
        vm.rejectFingerprint();
        assertThat(answer).isCompletedWithValue(false);
    }

    @Test
    void aStoredSessionThatCouldNotBeUsedIsExplained() {
        LoginViewModel vm = vm(english);
        vm.explain(LoginFailure.SESSION_ENDED);
        assertThat(vm.errorProperty().get()).isEqualTo("Your session ended. Please sign in again.");
        vm.explain(LoginFailure.LOCAL_DATA);
        assertThat(vm.errorProperty().get()).startsWith("The messages stored on this computer could not be opened.");
        vm.explain(LoginFailure.NOT_LOGGED_IN);
        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.loggedInProperty().get()).isFalse();
    }
}
