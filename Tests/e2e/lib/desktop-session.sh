# shellcheck shell=bash
# Pieces of a private desktop session the desktop e2e scripts share (desktop-notifications.sh,
# desktop-service.sh, presence.sh, desktop-resume.sh, session.sh). Sourcing it starts nothing.

# desktop_bus_config SOCKET: a session bus config listening on SOCKET that can start nothing
# (no <servicedir>, so no notification server is activated behind the test's back).
desktop_bus_config() {
    cat <<XML
<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:path=$1</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
XML
}

# desktop_dunstrc: dunst popups at the top left, where a left click invokes crampd's "done"
# and closes the popup.
desktop_dunstrc() {
    cat <<INI
[global]
origin = top-left
offset = 0x0
width = 400
mouse_left_click = do_action, close_current
dmenu = /bin/false
browser = /bin/false
[crampd]
appname = crampd
action_name = done
INI
}

# desktop_free_display HIGH LOW: prints the first display from :HIGH down to :LOW that nobody
# uses (no lock file, no socket), or fails.
desktop_free_display() {
    local n
    for ((n = $1; n >= $2; n--)); do
        [ -e "/tmp/.X$n-lock" ] || [ -e "/tmp/.X11-unix/X$n" ] || { echo ":$n"; return 0; }
    done
    return 1
}
