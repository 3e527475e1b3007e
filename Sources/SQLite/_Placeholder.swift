// The SQLite target; see DESIGN.md.
