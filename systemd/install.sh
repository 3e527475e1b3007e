#!/usr/bin/env bash
# Installs crampd for one user (or, as root with PREFIX=/usr/local, for everyone) and starts it
# as a systemd user service; `make install` and `make uninstall` call this.
#
#   systemd/install.sh install   --prefix PREFIX --binary PATH [--no-start]
#   systemd/install.sh uninstall --prefix PREFIX
#
# Where things go, for PREFIX (default ~/.local):
#   PREFIX/bin/crampd                          the binary, stripped
#   units: PREFIX/share/systemd/user/ when the user manager searches it (it does for ~/.local,
#          /usr/local and /usr), otherwise ${XDG_CONFIG_HOME:-~/.config}/systemd/user/
#   PREFIX/share/crampd/crampd.catalog         always; journalctl reads catalogs only from
#          /usr/lib/systemd/catalog and /usr/local/lib/systemd/catalog, so for PREFIX=/usr or
#          /usr/local as root it also goes to PREFIX/lib/systemd/catalog/ and the catalog
#          database is rebuilt; otherwise `journalctl -x` cannot explain crampd's entries and
#          the installer prints the two commands an administrator can run
#   PREFIX/share/man/man1/crampd.1, man5/crampd.toml.5 and shell completions, when present
#   PREFIX/share/crampd/installed-files        every file installed, for uninstall
# Your configuration (~/.config/crampd) and diary (~/.local/state/crampd) are never touched.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
source_root=$(dirname "$here")
command=${1:-}
shift || true
prefix="$HOME/.local"
binary=
start=1
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --binary) binary=$2; shift 2 ;;
        --no-start) start=0; shift ;;
        *) echo "install.sh: unknown option $1" >&2; exit 2 ;;
    esac
done
case "$prefix" in
    /*) ;;
    *) prefix="$(pwd)/$prefix" ;;
esac
prefix=${prefix%/}
manifest="$prefix/share/crampd/installed-files"
units=(crampd.socket crampd.service)

say() { printf 'crampd: %s\n' "$*"; }

manager_answers() { timeout 10 systemctl --user show -p Version --value >/dev/null 2>&1; }

# The directory the user manager loads units from that belongs to this prefix, if any.
unit_directory() {
    local candidate="$prefix/share/systemd/user" search
    if manager_answers; then
        search=$(systemctl --user show -p UnitPath --value 2>/dev/null || true)
    else
        # The manager's default search path, for installs before the first login.
        search="${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user ${XDG_DATA_HOME:-$HOME/.local/share}/systemd/user"
        local dir
        IFS=: read -r -a data_dirs <<<"${XDG_DATA_DIRS:-/usr/local/share:/usr/share}"
        for dir in "${data_dirs[@]}"; do search="$search $dir/systemd/user"; done
    fi
    local entry
    for entry in $search; do
        if [ "${entry%/}" = "$candidate" ]; then
            echo "$candidate"
            return
        fi
    done
    echo "${XDG_CONFIG_HOME:-$HOME/.config}/systemd/user"
}

# Where journalctl looks for catalogs, if this prefix has one of them and we may write it.
system_catalog_directory() {
    [ "$(id -u)" = 0 ] || return 1
    case "$prefix" in
        /usr | /usr/local) echo "$prefix/lib/systemd/catalog" ;;
        *) return 1 ;;
    esac
}

installed=()
created_dirs=()
# put SOURCE DESTINATION MODE: installs one file and records it, and the top-most directory it
# had to create (uninstall removes that only if it is empty again: /usr/local/bin stays).
put() {
    local probe top=
    probe=$(dirname "$2")
    while [ ! -e "$probe" ]; do top=$probe; probe=$(dirname "$probe"); done
    install -D -m "$3" "$1" "$2"
    installed+=("$2")
    [ -n "$top" ] && created_dirs+=("$top")
    return 0
}

do_install() {
    [ -n "$binary" ] || { echo "install.sh: --binary PATH is required" >&2; exit 2; }
    [ -x "$binary" ] || { echo "Failed to install crampd: $binary is not an executable; build it first (make release)" >&2; exit 1; }

    local was_active=0
    if manager_answers && systemctl --user is-active --quiet crampd.service 2>/dev/null; then was_active=1; fi

    local unit_dir tmp
    unit_dir=$(unit_directory)
    tmp=$(mktemp -d)
    trap 'rm -rf "$tmp"' RETURN

    # Stripped: the symbols are half of a release binary (35 MB -> 18 MB) and only a debugger
    # reads them. Only ELF files: tests install a script in its place.
    cp "$binary" "$tmp/crampd"
    if [ "$(head -c 4 "$tmp/crampd" | od -An -c | tr -d ' ')" = '177ELF' ]; then
        strip --strip-all "$tmp/crampd" || { echo "Failed to strip $binary: is binutils installed?" >&2; exit 1; }
    fi
    put "$tmp/crampd" "$prefix/bin/crampd" 755
    for unit in "${units[@]}"; do
        # The unit file names ~/.local/bin/crampd; point it at where the binary really is.
        sed "s|%h/.local/bin/crampd|$prefix/bin/crampd|g" "$here/$unit" >"$tmp/$unit"
        put "$tmp/$unit" "$unit_dir/$unit" 644
    done

    put "$here/crampd.catalog" "$prefix/share/crampd/crampd.catalog" 644
    local catalog_dir=
    if catalog_dir=$(system_catalog_directory); then
        put "$here/crampd.catalog" "$catalog_dir/crampd.catalog" 644
        journalctl --update-catalog || say "journalctl --update-catalog failed; journalctl -x will not explain crampd's entries"
    fi

    # Names the app behind the notifications' desktop-entry hint (icon, name, settings).
    put "$source_root/data/crampd.desktop" "$prefix/share/applications/crampd.desktop" 644
    [ -f "$source_root/docs/crampd.1" ] && put "$source_root/docs/crampd.1" "$prefix/share/man/man1/crampd.1" 644
    [ -f "$source_root/docs/crampd.toml.5" ] && put "$source_root/docs/crampd.toml.5" "$prefix/share/man/man5/crampd.toml.5" 644
    # Completions come from the binary itself (swift-argument-parser), so they always match it.
    local shell target
    for shell in bash zsh fish; do
        case "$shell" in
            bash) target="$prefix/share/bash-completion/completions/crampd" ;;
            zsh) target="$prefix/share/zsh/site-functions/_crampd" ;;
            fish) target="$prefix/share/fish/vendor_completions.d/crampd.fish" ;;
        esac
        "$binary" --generate-completion-script "$shell" >"$tmp/completion.$shell" 2>/dev/null \
            && put "$tmp/completion.$shell" "$target" 644 \
            || say "could not generate $shell completions with $binary; skipped"
    done

    mkdir -p "$(dirname "$manifest")"
    {
        printf '%s\n' "${installed[@]}" "$manifest"
        [ ${#created_dirs[@]} -eq 0 ] || printf 'dir:%s\n' "${created_dirs[@]}"
    } >"$manifest"
    for file in "${installed[@]}"; do say "installed $file"; done

    if [ -z "$catalog_dir" ]; then
        say "journalctl -x explains crampd's entries once an administrator runs:"
        say "  sudo install -m 644 $prefix/share/crampd/crampd.catalog /usr/local/lib/systemd/catalog/ && sudo journalctl --update-catalog"
    fi

    [ "$start" = 1 ] || return 0
    if ! manager_answers; then
        say "no systemd user manager answers (systemctl --user), so crampd cannot run as a user service here."
        # Enabling works on the unit files alone: the service then starts with the next login.
        if systemctl --user enable "${units[@]}" >/dev/null 2>&1; then
            say "it is enabled and starts with your next login session."
        fi
        run_without_manager
        return 0
    fi
    systemctl --user daemon-reload
    # enable --now leaves a running old binary alone, hence the restart.
    if ! systemctl --user enable --now "${units[@]}" \
        || { [ "$was_active" = 1 ] && ! systemctl --user restart crampd.service; }; then
        echo "Failed to start crampd: see systemctl --user status crampd and journalctl --user -u crampd" >&2
        exit 1
    fi
    say "started: systemctl --user status crampd; reminders: journalctl --user -u crampd (or journalctl -t crampd)"
}

# Without a user manager crampd still runs: in the foreground when a person is at a terminal
# (Ctrl-C stops it), else detached in the background with its output in a log file, so that
# a script running `make install` gets its prompt back.
run_without_manager() {
    local crampd="$prefix/bin/crampd"
    if "$crampd" ctl status >/dev/null 2>&1; then
        say "a crampd already answers on its control socket; leaving it running."
        return 0
    fi
    if [ -t 0 ] && [ -t 1 ]; then
        say "running crampd in the foreground now (Ctrl-C stops it): $crampd run"
        exec "$crampd" run
    fi
    local log="${XDG_STATE_HOME:-$HOME/.local/state}/crampd/crampd.log"
    mkdir -p "$(dirname "$log")"
    setsid "$crampd" run </dev/null >>"$log" 2>&1 &
    local pid=$! i
    for i in $(seq 50); do
        "$crampd" ctl status >/dev/null 2>&1 && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if "$crampd" ctl status >/dev/null 2>&1; then
        say "started crampd in the background (pid $pid); reminders and messages go to $log; stop it with: kill $pid (make uninstall does)"
    else
        echo "Failed to start crampd in the background: see $log" >&2
        exit 1
    fi
}

# A crampd that install started without a user manager (see run_without_manager), found by the
# pid it wrote in its lock file, and stopped only when that pid still runs this prefix's binary.
stop_recorded_daemon() {
    local lock="${XDG_STATE_HOME:-$HOME/.local/state}/crampd/crampd.lock" pid exe i
    [ -f "$lock" ] || return 0
    pid=$(head -c 16 "$lock" | tr -dc 0-9)
    [ -n "$pid" ] || return 0
    exe=$(readlink "/proc/$pid/exe" 2>/dev/null) || return 0
    [ "${exe% (deleted)}" = "$prefix/bin/crampd" ] || return 0
    kill -TERM "$pid" 2>/dev/null || return 0
    for i in $(seq 50); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    say "stopped the crampd running from $prefix/bin/crampd (pid $pid)"
}

do_uninstall() {
    if manager_answers; then
        systemctl --user disable --now "${units[@]}" >/dev/null 2>&1 || true
    else
        # Without a manager, disable still removes the symlinks enable made.
        systemctl --user disable "${units[@]}" >/dev/null 2>&1 || true
    fi
    stop_recorded_daemon
    if [ ! -f "$manifest" ]; then
        say "nothing to uninstall: $manifest not found"
        return 0
    fi
    local line catalog_removed=0 dirs=()
    while IFS= read -r line; do
        case "$line" in
            "") ;;
            dir:*) dirs+=("${line#dir:}") ;;
            *)
                case "$line" in */lib/systemd/catalog/*) catalog_removed=1 ;; esac
                rm -f "$line" && say "removed $line"
                ;;
        esac
    done <"$manifest"
    # Directories install created, if nothing else was put in them since.
    local dir
    for dir in "${dirs[@]}"; do
        [ -d "$dir" ] && find "$dir" -depth -type d -empty -delete 2>/dev/null
    done
    [ "$catalog_removed" = 1 ] && { journalctl --update-catalog || true; }
    # The service preserves its runtime directory across stops (it holds the socket unit's ctl.sock).
    [ -n "${XDG_RUNTIME_DIR:-}" ] && rmdir "$XDG_RUNTIME_DIR/crampd" 2>/dev/null || true
    if manager_answers; then
        systemctl --user daemon-reload
        systemctl --user reset-failed crampd.service crampd.socket >/dev/null 2>&1 || true
    fi
    say "kept your configuration (${XDG_CONFIG_HOME:-~/.config}/crampd) and diary (${XDG_STATE_HOME:-~/.local/state}/crampd)"
}

case "$command" in
    install) do_install ;;
    uninstall) do_uninstall ;;
    *) echo "usage: $0 install --prefix PREFIX --binary PATH [--no-start] | uninstall --prefix PREFIX" >&2; exit 2 ;;
esac
