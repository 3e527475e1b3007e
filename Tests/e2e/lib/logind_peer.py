#!/usr/bin/python3
"""A scripted stand-in for logind, for tests only: owns org.freedesktop.login1 on a private bus
and follows the part of logind's documented D-Bus interface (org.freedesktop.login1(5)) crampd
uses. PID 1 here is not systemd, so the real logind cannot run.

  Manager  /org/freedesktop/login1       GetUser(u) -> o, GetSession(s) -> o,
                                         Inhibit(ssss) -> h, signal PrepareForSleep(b)
  User     /org/freedesktop/login1/user/_UID   property Display (so)
  Session  /org/freedesktop/login1/session/_31 properties LockedHint, IdleHint, IdleSinceHint,
                                         IdleSinceHintMonotonic, PropertiesChanged on change

The test drives it with the org.crampd.TestPeer interface on the Manager path: SetLocked(b),
SetIdle(b), Sleep() (PrepareForSleep(true), then it waits, as logind does, until every delay
inhibitor is released or 5 s pass), Wake() (PrepareForSleep(false)). Every event is one line on
stdout: "inhibitor taken", "inhibitor released", "slept after inhibitors released", "slept after
the delay timeout", "woke".

Usage: logind_peer.py UID
"""
import os
import sys
import time

import dbus
import dbus.service
from dbus.mainloop.glib import DBusGMainLoop
from gi.repository import GLib

MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
USER = "org.freedesktop.login1.User"
PROPS = "org.freedesktop.DBus.Properties"
TEST = "org.crampd.TestPeer"
SESSION_PATH = "/org/freedesktop/login1/session/_31"
DELAY_MAX_SECONDS = 5


def say(line):
    print(line, flush=True)


class Session(dbus.service.Object):
    def __init__(self, bus):
        super().__init__(bus, SESSION_PATH)
        self.props = {"Id": dbus.String("31"), "LockedHint": dbus.Boolean(False), "IdleHint": dbus.Boolean(False),
                      "IdleSinceHint": dbus.UInt64(0), "IdleSinceHintMonotonic": dbus.UInt64(0)}

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        return self.props[name]

    @dbus.service.method(PROPS, in_signature="s", out_signature="a{sv}")
    def GetAll(self, interface):
        return self.props if interface == SESSION else {}

    @dbus.service.signal(PROPS, signature="sa{sv}as")
    def PropertiesChanged(self, interface, changed, invalidated):
        pass

    def change(self, **values):
        self.props.update(values)
        self.PropertiesChanged(SESSION, values, [])


class User(dbus.service.Object):
    def __init__(self, bus, uid):
        super().__init__(bus, f"/org/freedesktop/login1/user/_{uid}")

    @dbus.service.method(PROPS, in_signature="ss", out_signature="v")
    def Get(self, interface, name):
        if interface == USER and name == "Display":
            return dbus.Struct(("31", dbus.ObjectPath(SESSION_PATH)), signature="so")
        raise dbus.exceptions.DBusException("org.freedesktop.DBus.Error.UnknownProperty", name)


class Manager(dbus.service.Object):
    def __init__(self, bus, uid, session):
        super().__init__(bus, "/org/freedesktop/login1")
        self.uid = uid
        self.session = session
        self.inhibitors = {}  # read end -> watch id
        self.waiting = None

    @dbus.service.method(MANAGER, in_signature="u", out_signature="o")
    def GetUser(self, uid):
        if uid != self.uid:
            raise dbus.exceptions.DBusException("org.freedesktop.login1.NoSuchUser", f"No user {uid} known")
        return dbus.ObjectPath(f"/org/freedesktop/login1/user/_{uid}")

    @dbus.service.method(MANAGER, in_signature="s", out_signature="o")
    def GetSession(self, session_id):
        if session_id != "31":
            raise dbus.exceptions.DBusException("org.freedesktop.login1.NoSuchSession", f"No session '{session_id}' known")
        return dbus.ObjectPath(SESSION_PATH)

    @dbus.service.method(MANAGER, in_signature="ssss", out_signature="h")
    def Inhibit(self, what, who, why, mode):
        if what != "sleep" or mode != "delay":
            raise dbus.exceptions.DBusException("org.freedesktop.DBus.Error.InvalidArgs", "only sleep delay locks here")
        read_end, write_end = os.pipe()
        self.inhibitors[read_end] = GLib.io_add_watch(read_end, GLib.IO_HUP | GLib.IO_ERR, self.released)
        say(f"inhibitor taken: {who}: {why}")
        fd = dbus.types.UnixFd(write_end)
        os.close(write_end)
        return fd

    def released(self, read_end, _condition):
        self.inhibitors.pop(read_end, None)
        os.close(read_end)
        say("inhibitor released")
        if self.waiting is not None and not self.inhibitors:
            GLib.source_remove(self.waiting)
            self.waiting = None
            say("slept after inhibitors released")
        return False

    @dbus.service.signal(MANAGER, signature="b")
    def PrepareForSleep(self, start):
        pass

    @dbus.service.method(TEST, in_signature="b")
    def SetLocked(self, locked):
        self.session.change(LockedHint=dbus.Boolean(locked))

    @dbus.service.method(TEST, in_signature="bt")
    def SetIdle(self, idle, since_usec):
        self.session.change(IdleHint=dbus.Boolean(idle), IdleSinceHint=dbus.UInt64(since_usec if idle else 0),
                            IdleSinceHintMonotonic=dbus.UInt64(int(time.monotonic() * 1e6) if idle else 0))

    @dbus.service.method(TEST)
    def Sleep(self):
        self.PrepareForSleep(True)
        if not self.inhibitors:
            say("slept after inhibitors released")
            return
        self.waiting = GLib.timeout_add_seconds(DELAY_MAX_SECONDS, self.timed_out)

    def timed_out(self):
        self.waiting = None
        say("slept after the delay timeout")
        return False

    @dbus.service.method(TEST)
    def Wake(self):
        say("woke")
        self.PrepareForSleep(False)


def main():
    DBusGMainLoop(set_as_default=True)
    bus = dbus.bus.BusConnection(os.environ["DBUS_SYSTEM_BUS_ADDRESS"])
    uid = int(sys.argv[1])
    session = Session(bus)
    User(bus, uid)
    Manager(bus, uid, session)
    name = dbus.service.BusName("org.freedesktop.login1", bus)
    say("ready")
    GLib.MainLoop().run()
    del name


if __name__ == "__main__":
    main()
