#ifndef CRAMPD_CX11_SHIM_H
#define CRAMPD_CX11_SHIM_H
// Headers from Debian's libx11-dev and libxext-dev; the libraries are loaded on first use.
#include <X11/Xlib.h>
#include <X11/extensions/sync.h>

// Why libX11 or libXext could not be loaded, or "" when they were.
const char *crampd_x11_load_error(void);

// Sync extension constants that are macros Swift does not import.
static const unsigned long crampd_sync_alarm_attributes =
    XSyncCACounter | XSyncCAValueType | XSyncCAValue | XSyncCATestType | XSyncCADelta | XSyncCAEvents;
static const int crampd_sync_alarm_notify = XSyncAlarmNotify;
#endif
