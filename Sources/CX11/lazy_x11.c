// The libX11 and libXext functions crampd calls for the X server's idle counter (XSync
// IDLETIME alarms), loaded on first use: see lazy_library.h. Only the daemon's X11 presence
// source calls them, so `crampd ctl` never loads either library. A failed load reads as
// XOpenDisplay returning NULL (crampd_x11_load_error says why), or the extension missing.
#include <stddef.h>
#include "lazy_library.h"

#pragma GCC visibility push(hidden)
#include "shim.h"

static crampd_lazy_library x11 = CRAMPD_LAZY_LIBRARY("libX11.so.6");
static crampd_lazy_library xext = CRAMPD_LAZY_LIBRARY("libXext.so.6");

#define FORWARD_X11(fallback, ret, name, params, args) CRAMPD_LAZY_FORWARD(x11, fallback, ret, name, params, args)
#define FORWARD_XEXT(fallback, ret, name, params, args) CRAMPD_LAZY_FORWARD(xext, fallback, ret, name, params, args)

const char *crampd_x11_load_error(void) {
    const char *error = crampd_lazy_error(&x11);
    return error[0] ? error : crampd_lazy_error(&xext);
}

// Xlib(3)
FORWARD_X11(NULL, Display *, XOpenDisplay, (const char *name), (name))
FORWARD_X11(0, int, XCloseDisplay, (Display *display), (display))
FORWARD_X11(-1, int, XConnectionNumber, (Display *display), (display))
FORWARD_X11(0, int, XPending, (Display *display), (display))
FORWARD_X11(0, int, XNextEvent, (Display *display, XEvent *event), (display, event))
FORWARD_X11(0, int, XFlush, (Display *display), (display))
FORWARD_X11(NULL, XErrorHandler, XSetErrorHandler, (XErrorHandler handler), (handler))
FORWARD_X11(NULL, XIOErrorHandler, XSetIOErrorHandler, (XIOErrorHandler handler), (handler))
// libX11 1.7 and later: without it a lost server ends the process, as Xlib always did.
void XSetIOErrorExitHandler(Display *display, XIOErrorExitHandler handler, void *data) {
    static void *slot;
    void (*real)(Display *, XIOErrorExitHandler, void *) =
        (void (*)(Display *, XIOErrorExitHandler, void *))crampd_lazy_symbol(&x11, &slot, "XSetIOErrorExitHandler");
    if (real) real(display, handler, data);
}

// XSync(3): the SYNC extension
FORWARD_XEXT(False, Status, XSyncQueryExtension, (Display *display, int *event_base, int *error_base), (display, event_base, error_base))
FORWARD_XEXT(False, Status, XSyncInitialize, (Display *display, int *major, int *minor), (display, major, minor))
FORWARD_XEXT(NULL, XSyncSystemCounter *, XSyncListSystemCounters, (Display *display, int *count), (display, count))
void XSyncFreeSystemCounterList(XSyncSystemCounter *list) {
    static void *slot;
    void (*real)(XSyncSystemCounter *) = (void (*)(XSyncSystemCounter *))crampd_lazy_symbol(&xext, &slot, "XSyncFreeSystemCounterList");
    if (real) real(list);
}
FORWARD_XEXT(None, XSyncAlarm, XSyncCreateAlarm, (Display *display, unsigned long mask, XSyncAlarmAttributes *attributes),
             (display, mask, attributes))
FORWARD_XEXT(False, Status, XSyncQueryCounter, (Display *display, XSyncCounter counter, XSyncValue *value), (display, counter, value))

#pragma GCC visibility pop
