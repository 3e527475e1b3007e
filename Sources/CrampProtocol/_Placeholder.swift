// The CrampProtocol target; see DESIGN.md.
