import ArgumentParser
import CrampCore

/// `crampd default-config`: the built-in default, a start for your own file.
struct DefaultConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "default-config",
        abstract: "Print the built-in default config, every key commented.",
        discussion: """
            crampd uses this config while you have none. To start your own:
              mkdir -p ~/.config/crampd
              crampd default-config > ~/.config/crampd/config.toml
            then edit it, check it with `crampd check-config`, and apply it with \
            `systemctl --user reload crampd`.
            """
    )

    func run() {
        print(DefaultConfig.text, terminator: "")
    }
}
