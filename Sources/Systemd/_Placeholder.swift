// The Systemd target; see DESIGN.md.
