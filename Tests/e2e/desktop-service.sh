#!/usr/bin/env bash
# Desktop notifications from crampd as a real systemd user service (issue 9): under the unit's
# sandbox the daemon reaches the user manager's session bus ($XDG_RUNTIME_DIR/bus), a reminder
# pops up through dunst on Xvfb, clicking "Done" lands in the journal with the desktop
# MESSAGE_ID, and `crampd ctl notify-test` reports the server through the socket unit.
# Needs the Debian packages: dbus-user-session (or dbus) xvfb dunst xdotool imagemagick.
set -euo pipefail
cd "$(dirname "$0")/../.."
source Tests/e2e/lib/systemd-env.sh
source Tests/e2e/lib/desktop-session.sh

step() { printf '== %s\n' "$*"; }
diagnose_fail() {
    systemctl --user status crampd.service --no-pager >&2 || true
    sdenv_journal -n 30 -o short-precise -t crampd >&2 || true
    sdenv_fail "$@"
}

missing=()
for tool in dbus-daemon Xvfb dunst xdotool import identify; do
    command -v "$tool" >/dev/null || missing+=("$tool")
done
[ ${#missing[@]} -eq 0 ] || sdenv_skip "missing ${missing[*]}; install: apt-get install dbus-user-session xvfb dunst xdotool imagemagick"

sdenv_setup_for_install

step "the user manager's session bus at \$XDG_RUNTIME_DIR/bus"
bus_socket="$XDG_RUNTIME_DIR/bus"
if ! sdenv_wait_for 5 test -S "$bus_socket"; then
    systemctl --user start dbus.socket >/dev/null 2>&1 || true
fi
if ! sdenv_wait_for 5 test -S "$bus_socket"; then
    # No dbus-user-session: a bus of our own where the unit expects it.
    cat >"$SDENV_TMP/bus.conf" <<XML
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig><type>session</type><listen>unix:path=$bus_socket</listen><auth>EXTERNAL</auth>
<policy context="default"><allow send_destination="*" eavesdrop="true"/><allow eavesdrop="true"/><allow own="*"/></policy></busconfig>
XML
    dbus-daemon --config-file="$SDENV_TMP/bus.conf" --nofork --nopidfile 2>/dev/null &
    sdenv_on_exit "kill $!; rm -f '$bus_socket'"
    sdenv_wait_for 10 test -S "$bus_socket" || sdenv_fail "Failed to start a session bus at $bus_socket"
    echo "started a dbus-daemon at $bus_socket"
fi
export DBUS_SESSION_BUS_ADDRESS="unix:path=$bus_socket"

display=$(desktop_free_display 89 85) || sdenv_fail "no free X display between :85 and :89"
export DISPLAY=$display
Xvfb "$DISPLAY" -screen 0 800x600x24 -nolisten tcp >/dev/null 2>&1 &
sdenv_on_exit "kill $!"
sdenv_wait_for 10 xdotool getmouselocation || sdenv_fail "Xvfb did not start on $DISPLAY"
desktop_dunstrc >"$SDENV_TMP/dunstrc"
# A running server owns the name first, so the bus does not activate one of its own.
dunst -config "$SDENV_TMP/dunstrc" >"$SDENV_TMP/dunst.log" 2>&1 &
sdenv_on_exit "kill $!"
sdenv_wait_for 10 dbus-send --session --print-reply --dest=org.freedesktop.DBus / org.freedesktop.DBus.GetNameOwner \
    string:org.freedesktop.Notifications || sdenv_fail "dunst did not take org.freedesktop.Notifications"

popup_shown() {
    import -window root "$SDENV_TMP/screen.png" 2>/dev/null || return 1
    [ "$(identify -format '%k' "$SDENV_TMP/screen.png")" -gt 1 ]
}

step "install with the README's command into $SDENV_PREFIX"
make -s install PREFIX="$SDENV_PREFIX" >"$SDENV_TMP/install.log" 2>&1 || { cat "$SDENV_TMP/install.log" >&2; diagnose_fail "make install failed"; }
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "crampd.service is not active"

step "a reminder from the sandboxed service pops up; Done reaches the journal with the desktop MESSAGE_ID"
due_time=$(date -d '+3 seconds' +%H:%M:%S)
mkdir -p "$config_dir"
cat >"$config_dir/config.toml" <<TOML
[daemon]
notify = ["journal", "desktop"]
grace = "1m"

[[reminder]]
id = "e2e-water"
kind = "hydration"
message = "Drink a glass of water (e2e)"
amount = 250
at = "$due_time"
TOML
systemctl --user reload crampd.service
sdenv_wait_journal 10 -t crampd CRAMPD_REMINDER=e2e-water CRAMPD_EVENT=due || diagnose_fail "no reminder in the journal"
sdenv_wait_for 5 popup_shown || diagnose_fail "no popup from the service"
sdenv_journal_has -t crampd -p warning && diagnose_fail "a warning: $(sdenv_journal -o cat -t crampd -p warning)"
xdotool mousemove 60 15 click 1
sdenv_wait_journal 5 -t crampd MESSAGE_ID=569186d5256c45b59bd9ea063c10995d CRAMPD_REMINDER=e2e-water \
    || diagnose_fail "no desktop done entry (MESSAGE_ID desktopActionDone) in the journal"
sdenv_journal -o cat -t crampd MESSAGE_ID=569186d5256c45b59bd9ea063c10995d
python3 -c 'import json,sys; assert json.load(open(sys.argv[1]))["reminders"]["e2e-water"]["lastDone"]' "$state_dir/state.json" \
    || diagnose_fail "state.json has no lastDone for e2e-water"

step "crampd ctl notify-test through the socket unit"
report=$("$SDENV_PREFIX/bin/crampd" ctl notify-test) || diagnose_fail "notify-test failed: $report"
echo "$report"
grep -q "2. Notification server: dunst" <<<"$report" || diagnose_fail "notify-test does not name dunst"
grep -q "4. Sample notification: shown with id" <<<"$report" || diagnose_fail "notify-test: no sample id"
step "away under X11 from the sandboxed service: the X server's idle counter reaches it"
# What a desktop does at login (dbus-update-activation-environment --systemd); read at start.
systemctl --user import-environment DISPLAY
cat >"$config_dir/config.toml" <<TOML
[daemon]
notify = ["journal", "desktop"]
away_after = "2s"
TOML
systemctl --user restart crampd.service
sdenv_wait_for 15 systemctl --user is-active --quiet crampd.service || diagnose_fail "crampd.service is not active after the restart"
presence_held() {
    "$SDENV_PREFIX/bin/crampd" ctl status --json | python3 -c 'import json,sys; p=json.load(sys.stdin).get("presence") or {}; print(p.get("held") or "present", p.get("source") or "-")'
}
presence_is() { [ "$(presence_held)" = "$*" ]; }
sdenv_wait_for 10 presence_is away x11-idle \
    || diagnose_fail "no away from the X server's idle counter in the service: $(presence_held); $(sdenv_journal -o cat -t crampd -p warning)"
xdotool mousemove 200 200
sdenv_wait_for 5 presence_is present - || diagnose_fail "input did not bring the person back: $(presence_held)"
echo "away and back under X11 in the service"
echo "desktop-service: ok"
