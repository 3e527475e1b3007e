// The CrampDaemon target; see DESIGN.md.
