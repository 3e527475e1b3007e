#!/usr/bin/python3
"""Scripted stand-ins for session bus peers crampd watches, for tests only (neither KDE Plasma
nor mako, which needs Wayland, can run here). Each follows the documented interface of what it
stands in for, as far as crampd uses it:

  screensaver  org.freedesktop.ScreenSaver at /org/freedesktop/ScreenSaver: GetActive() -> b,
               signal ActiveChanged(b)
  kde          org.freedesktop.Notifications at /org/freedesktop/Notifications: property
               Inhibited (b), PropertiesChanged with the value (Plasma's notification server)
  mako         org.freedesktop.Notifications with fr.emersion.Mako at /fr/emersion/Mako:
               property Modes (as), PropertiesChanged with the value (mako >= 1.9)

Driven through org.crampd.TestPeer at /org/crampd/TestPeer: Set(b) turns the screen saver on,
KDE's do-not-disturb on, or mako's "do-not-disturb" mode on (beside "default").
Prints "ready" once it owns its name.

Usage: session_peer.py screensaver|kde|mako
"""
import os
import sys

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

PROPS = "org.freedesktop.DBus.Properties"
TEST = "org.crampd.TestPeer"
KINDS = {
    "screensaver": ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    "kde": ("org.freedesktop.Notifications", "/org/freedesktop/Notifications", "org.freedesktop.Notifications"),
    "mako": ("org.freedesktop.Notifications", "/fr/emersion/Mako", "fr.emersion.Mako"),
}


class Peer(dbus.service.Object):
    def __init__(self, bus, kind):
        self.kind = kind
        self.name, path, self.interface = KINDS[kind]
        super().__init__(bus, path)
        self.on = False

    def value(self):
        if self.kind == "mako":
            return dbus.Array(["default", "do-not-disturb"] if self.on else ["default"], signature="s")
        return dbus.Boolean(self.on)

    def property_name(self):
        return "Modes" if self.kind == "mako" else "Inhibited"

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if self.kind == "screensaver" or interface != self.interface or name != self.property_name():
            raise dbus.exceptions.DBusException("org.freedesktop.DBus.Error.UnknownProperty", f"No property {interface}.{name}")
        return self.value()

    @dbus.service.signal(PROPS, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    @dbus.service.method("org.freedesktop.ScreenSaver", out_signature="b")
    def GetActive(self):
        if self.kind != "screensaver":
            raise dbus.exceptions.DBusException("org.freedesktop.DBus.Error.UnknownMethod", "not a screen saver")
        return self.on

    @dbus.service.signal("org.freedesktop.ScreenSaver", signature="b")
    def ActiveChanged(self, active):
        pass

    def set(self, on):
        self.on = bool(on)
        if self.kind == "screensaver":
            self.ActiveChanged(self.on)
        else:
            self.PropertiesChanged(self.interface, {self.property_name(): self.value()}, [])


class Control(dbus.service.Object):
    def __init__(self, bus, peer):
        super().__init__(bus, "/org/crampd/TestPeer")
        self.peer = peer

    @dbus.service.method(TEST, in_signature="b")
    def Set(self, on):
        self.peer.set(on)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(os.environ["DBUS_SESSION_BUS_ADDRESS"])
    peer = Peer(bus, sys.argv[1])
    if len(sys.argv) > 2 and sys.argv[2] == "on":
        peer.on = True
    Control(bus, peer)
    name = dbus.service.BusName(peer.name, bus)
    print("ready", flush=True)
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
