package im.magpie.server.admin;

import com.sun.net.httpserver.HttpExchange;
import im.magpie.server.account.Account;
import im.magpie.server.account.AccountExistsException;
import im.magpie.server.account.AccountService;
import im.magpie.server.account.UnknownAccountException;
import im.magpie.server.account.UserId;
import im.magpie.server.messaging.ConversationService;
import im.magpie.server.messaging.ConversationState;
import im.magpie.server.messaging.Member;
import im.magpie.server.messaging.MessagingException;
import im.magpie.server.push.PushService;
import im.magpie.server.session.DeviceId;
import im.magpie.server.session.SessionService;
import im.magpie.server.session.UnknownDeviceException;
import im.magpie.server.session.WipeOrder;
import im.magpie.server.transport.http.HttpFailure;
import im.magpie.server.transport.http.HttpJson;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The admin endpoints under {@code /admin/v1/}; every call needs the admin bearer token. */
final class AdminRoutes {
    private static final Logger log = LoggerFactory.getLogger(AdminRoutes.class);
    private static final int MAX_PAGE = 1000;

    private final AdminToken token;
    private final AccountService accounts;
    private final SessionService sessions;
    private final ConversationService conversations;
    private final PushService push;
    private final HttpJson json;

    AdminRoutes(
            AdminToken token,
            AccountService accounts,
            SessionService sessions,
            ConversationService conversations,
            PushService push,
            HttpJson json) {
        this.token = token;
        this.accounts = accounts;
        this.sessions = sessions;
        this.conversations = conversations;
        this.push = push;
        this.json = json;
    }

    void route(HttpExchange exchange) throws HttpFailure, IOException {
        if (!token.matches(HttpJson.bearer(exchange, "UNAUTHORIZED"))) {
            throw new HttpFailure(401, "UNAUTHORIZED", "wrong admin token");
        }
        String[] path = exchange.getRequestURI()
                .getPath()
                .substring("/admin/v1/".length())
                .split("/", -1);
        String method = exchange.getRequestMethod();
        try {
            Object reply = switch (path[0] + ":" + path.length + ":" + method) {
                case "users:1:GET" ->
                    accounts.list(0, MAX_PAGE).stream().map(AdminRoutes::user).toList();
                case "users:1:POST" -> createUser(json.read(exchange, AdminJson.CreateUser.class));
                case "users:3:POST" -> userAction(exchange, path[1], path[2]);
                case "users:3:GET" -> devices(path[1], path[2]);
                case "groups:1:POST" -> createGroup(json.read(exchange, AdminJson.CreateGroup.class));
                case "kick:1:POST" -> kick(json.read(exchange, AdminJson.Kick.class));
                case "wipe:1:POST" -> wipe(json.read(exchange, AdminJson.Kick.class));
                case "online:1:GET" ->
                    push.online().stream()
                            .map(d -> new AdminJson.Online(
                                    d.user().value(),
                                    d.device().value(),
                                    d.platform(),
                                    d.address(),
                                    d.since().toEpochMilli()))
                            .toList();
                default -> throw new HttpFailure(404, "NOT_FOUND", "no such admin endpoint");
            };
            json.send(exchange, 200, reply);
        } catch (UnknownAccountException e) {
            throw new HttpFailure(404, "NOT_FOUND", String.valueOf(e.getMessage()));
        } catch (UnknownDeviceException e) {
            throw new HttpFailure(404, "NOT_FOUND", String.valueOf(e.getMessage()));
        } catch (AccountExistsException e) {
            throw new HttpFailure(409, "CONFLICT", String.valueOf(e.getMessage()));
        } catch (MessagingException | IllegalArgumentException e) {
            throw new HttpFailure(400, "BAD_REQUEST", String.valueOf(e.getMessage()));
        }
    }

    private AdminJson.User createUser(AdminJson.CreateUser request) throws HttpFailure, AccountExistsException {
        Account created = accounts.create(
                required(request.account(), "account"),
                required(request.displayName(), "displayName"),
                required(request.password(), "password"));
        log.info("Admin created user {} ({})", created.account(), created.id().value());
        return user(created);
    }

    private Object userAction(HttpExchange exchange, String account, String action)
            throws HttpFailure, IOException, UnknownAccountException {
        switch (action) {
            case "disable", "enable" -> {
                Account changed = accounts.setDisabled(account, action.equals("disable"));
                if (changed.disabled()) {
                    sessions.revokeUser(changed.id());
                    push.kick(changed.id(), "account disabled");
                }
                log.info("Admin {}d user {}", action, account);
                return user(changed);
            }
            case "password" -> {
                String password = required(
                        json.read(exchange, AdminJson.PasswordChange.class).password(), "password");
                accounts.resetPassword(account, password);
                log.info("Admin reset the password of user {}", account);
                return user(find(account));
            }
            default -> throw new HttpFailure(404, "NOT_FOUND", "no such user action");
        }
    }

    private List<AdminJson.Device> devices(String account, String what) throws HttpFailure, UnknownAccountException {
        if (!what.equals("devices")) {
            throw new HttpFailure(404, "NOT_FOUND", "no such user resource");
        }
        UserId user = find(account).id();
        Map<DeviceId, WipeOrder> wipes = new HashMap<>();
        sessions.wipeOrders(user).forEach(o -> wipes.put(o.device(), o));
        return sessions.devices(user).stream()
                .map(d -> new AdminJson.Device(
                        d.id().value(),
                        d.name(),
                        d.platform(),
                        d.firstSeen().toEpochMilli(),
                        d.lastSeen().toEpochMilli(),
                        wipeState(wipes.get(d.id()))))
                .toList();
    }

    private static String wipeState(@Nullable WipeOrder order) {
        if (order == null) {
            return "none";
        }
        return order.deliveredAt() == null ? "ordered" : "delivered";
    }

    /** Orders the device (or all devices of the account) to wipe; connected ones get the order at once. */
    private AdminJson.Wiped wipe(AdminJson.Kick request)
            throws HttpFailure, UnknownAccountException, UnknownDeviceException {
        Account account = find(required(request.account(), "account"));
        String device = request.device();
        List<WipeOrder> orders = sessions.orderWipe(account.id(), device == null ? null : new DeviceId(device));
        int pushed = 0;
        List<AdminJson.WipeOrder> out = new ArrayList<>();
        for (WipeOrder order : orders) {
            boolean delivered = push.wipe(account.id(), order.device(), order.orderedAt());
            if (delivered) {
                sessions.wipeDelivered(order.device());
                pushed++;
            }
            out.add(new AdminJson.WipeOrder(
                    order.device().value(),
                    order.orderedAt().toEpochMilli(),
                    delivered || order.deliveredAt() != null ? "delivered" : "ordered"));
        }
        log.warn(
                "Admin ordered {} device(s) of user {} to wipe; {} connected",
                orders.size(),
                account.account(),
                pushed);
        return new AdminJson.Wiped(out, pushed);
    }

    private AdminJson.Group createGroup(AdminJson.CreateGroup request)
            throws HttpFailure, UnknownAccountException, MessagingException {
        Account owner = find(required(request.owner(), "owner"));
        List<UserId> members = new ArrayList<>();
        for (String member : request.members() == null ? List.<String>of() : request.members()) {
            members.add(find(member).id());
        }
        ConversationState group = conversations.createGroup(
                owner.id(),
                required(request.title(), "title"),
                members,
                UUID.randomUUID().toString());
        log.info("Admin created group {} owned by {}", group.id().value(), owner.account());
        return new AdminJson.Group(
                group.id().value(),
                group.title(),
                group.members().stream().map(Member::user).map(UserId::value).toList());
    }

    private AdminJson.Kicked kick(AdminJson.Kick request) throws HttpFailure, UnknownAccountException {
        Account account = find(required(request.account(), "account"));
        String device = request.device();
        if (device == null) {
            int revoked = sessions.revokeUser(account.id()).size();
            int closed = push.kick(account.id(), "kicked by administrator");
            log.info("Admin kicked user {}", account.account());
            return new AdminJson.Kicked(closed, revoked);
        }
        boolean revoked = sessions.revokeDevice(account.id(), new DeviceId(device));
        boolean closed = push.kick(account.id(), new DeviceId(device), "kicked by administrator");
        log.info("Admin kicked device {} of user {}", device, account.account());
        return new AdminJson.Kicked(closed ? 1 : 0, revoked ? 1 : 0);
    }

    private Account find(String account) throws UnknownAccountException {
        return accounts.findByAccount(account).orElseThrow(() -> new UnknownAccountException(account));
    }

    private static AdminJson.User user(Account a) {
        return new AdminJson.User(a.id().value(), a.account(), a.displayName(), a.disabled());
    }

    private static String required(@Nullable String value, String field) throws HttpFailure {
        if (value == null || value.isBlank()) {
            throw new HttpFailure(400, "BAD_REQUEST", field + " is required");
        }
        return value;
    }
}
