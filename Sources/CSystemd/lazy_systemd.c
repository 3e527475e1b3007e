// The libsystemd functions crampd calls, loaded on first use: see lazy_library.h.
// A failed load reads as -ELIBACC ("Can not access a needed shared library") from the
// entry points (journal, notify, listen fds, bus); the others need an object only those make.
#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/uio.h>
// The real function, not the macro that adds the caller's file and line.
#define SD_JOURNAL_SUPPRESS_LOCATION 1
#include "lazy_library.h"

// Hidden: the forwarders serve crampd's own calls and stay out of its dynamic symbol table.
#pragma GCC visibility push(hidden)
#include "shim.h"

static crampd_lazy_library systemd = CRAMPD_LAZY_LIBRARY("libsystemd.so.0");

#define FORWARD(fallback, ret, name, params, args) CRAMPD_LAZY_FORWARD(systemd, fallback, ret, name, params, args)

// sd-daemon(3), sd-journal(3)
FORWARD(-ELIBACC, int, sd_notify, (int unset_environment, const char *state), (unset_environment, state))
FORWARD(-ELIBACC, int, sd_listen_fds, (int unset_environment), (unset_environment))
FORWARD(-ELIBACC, int, sd_is_socket_unix, (int fd, int type, int listening, const char *path, size_t length), (fd, type, listening, path, length))
FORWARD(-ELIBACC, int, sd_watchdog_enabled, (int unset_environment, uint64_t *usec), (unset_environment, usec))
FORWARD(-ELIBACC, int, sd_journal_sendv, (const struct iovec *iov, int n), (iov, n))

// sd-bus(3): the bus
FORWARD(-ELIBACC, int, sd_bus_new, (sd_bus **ret), (ret))
FORWARD(-ELIBACC, int, sd_bus_open_user, (sd_bus **ret), (ret))
FORWARD(-ELIBACC, int, sd_bus_open_system, (sd_bus **ret), (ret))
FORWARD(-ELIBACC, int, sd_bus_set_address, (sd_bus *bus, const char *address), (bus, address))
FORWARD(-ELIBACC, int, sd_bus_set_bus_client, (sd_bus *bus, int b), (bus, b))
FORWARD(-ELIBACC, int, sd_bus_start, (sd_bus *bus), (bus))
FORWARD(NULL, sd_bus *, sd_bus_close_unref, (sd_bus *bus), (bus))
FORWARD(-ELIBACC, int, sd_bus_is_open, (sd_bus *bus), (bus))
FORWARD(-ELIBACC, int, sd_bus_is_ready, (sd_bus *bus), (bus))
FORWARD(-ELIBACC, int, sd_bus_get_fd, (sd_bus *bus), (bus))
FORWARD(-ELIBACC, int, sd_bus_get_events, (sd_bus *bus), (bus))
FORWARD(-ELIBACC, int, sd_bus_get_timeout, (sd_bus *bus, uint64_t *timeout_usec), (bus, timeout_usec))
FORWARD(-ELIBACC, int, sd_bus_get_unique_name, (sd_bus *bus, const char **unique), (bus, unique))
FORWARD(-ELIBACC, int, sd_bus_process, (sd_bus *bus, sd_bus_message **r), (bus, r))
FORWARD(-ELIBACC, int, sd_bus_call_async,
        (sd_bus *bus, sd_bus_slot **slot, sd_bus_message *m, sd_bus_message_handler_t callback, void *userdata, uint64_t usec),
        (bus, slot, m, callback, userdata, usec))
FORWARD(-ELIBACC, int, sd_bus_match_signal_async,
        (sd_bus *bus, sd_bus_slot **ret, const char *sender, const char *path, const char *interface, const char *member,
         sd_bus_message_handler_t match_callback, sd_bus_message_handler_t add_callback, void *userdata),
        (bus, ret, sender, path, interface, member, match_callback, add_callback, userdata))
FORWARD(-ELIBACC, int, sd_bus_add_match_async,
        (sd_bus *bus, sd_bus_slot **slot, const char *match, sd_bus_message_handler_t callback,
         sd_bus_message_handler_t install_callback, void *userdata),
        (bus, slot, match, callback, install_callback, userdata))

// sd-bus(3): slots
FORWARD(NULL, sd_bus_slot *, sd_bus_slot_unref, (sd_bus_slot *slot), (slot))
FORWARD(-ELIBACC, int, sd_bus_slot_set_floating, (sd_bus_slot *slot, int b), (slot, b))
FORWARD(-ELIBACC, int, sd_bus_slot_set_destroy_callback, (sd_bus_slot *s, sd_bus_destroy_t callback), (s, callback))

// sd-bus(3): messages
FORWARD(-ELIBACC, int, sd_bus_message_new_method_call,
        (sd_bus *bus, sd_bus_message **m, const char *destination, const char *path, const char *interface, const char *member),
        (bus, m, destination, path, interface, member))
FORWARD(NULL, sd_bus_message *, sd_bus_message_ref, (sd_bus_message *m), (m))
FORWARD(NULL, sd_bus_message *, sd_bus_message_unref, (sd_bus_message *m), (m))
FORWARD(-ELIBACC, int, sd_bus_message_append_basic, (sd_bus_message *m, char type, const void *p), (m, type, p))
FORWARD(-ELIBACC, int, sd_bus_message_read_basic, (sd_bus_message *m, char type, void *p), (m, type, p))
FORWARD(-ELIBACC, int, sd_bus_message_open_container, (sd_bus_message *m, char type, const char *contents), (m, type, contents))
FORWARD(-ELIBACC, int, sd_bus_message_close_container, (sd_bus_message *m), (m))
FORWARD(-ELIBACC, int, sd_bus_message_enter_container, (sd_bus_message *m, char type, const char *contents), (m, type, contents))
FORWARD(-ELIBACC, int, sd_bus_message_exit_container, (sd_bus_message *m), (m))
FORWARD(-ELIBACC, int, sd_bus_message_skip, (sd_bus_message *m, const char *types), (m, types))
FORWARD(-ELIBACC, int, sd_bus_message_peek_type, (sd_bus_message *m, char *type, const char **contents), (m, type, contents))
FORWARD(NULL, const sd_bus_error *, sd_bus_message_get_error, (sd_bus_message *m), (m))
FORWARD(NULL, const char *, sd_bus_message_get_interface, (sd_bus_message *m), (m))
FORWARD(NULL, const char *, sd_bus_message_get_member, (sd_bus_message *m), (m))
FORWARD(NULL, const char *, sd_bus_message_get_path, (sd_bus_message *m), (m))
FORWARD(NULL, const char *, sd_bus_message_get_sender, (sd_bus_message *m), (m))

#pragma GCC visibility pop
