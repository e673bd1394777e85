-- Remote wipe (S4): an administrator's order that a device delete its local data. One row per
-- device; the order stays in force, so every later login of that device id gets it again.
CREATE TABLE device_wipes (
    device_id    UUID PRIMARY KEY REFERENCES devices (id),
    user_id      BIGINT      NOT NULL REFERENCES users (id),
    ordered_at   TIMESTAMPTZ NOT NULL,
    -- First time the order reached the device (pushed to its connection or refused its login).
    delivered_at TIMESTAMPTZ
);
CREATE INDEX device_wipes_user ON device_wipes (user_id);
