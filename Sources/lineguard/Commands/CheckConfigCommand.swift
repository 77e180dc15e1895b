import ArgumentParser
import Daemon

/// `lineguard check-config`: the start-up check on its own, with the resolved read plan.
struct CheckConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Check a configuration as the daemon would, and print the resolved read plan.",
        discussion: "Exit status 0 when the configuration is valid, 2 when it is not (every problem is listed).")

    @Argument(help: "The TOML configuration file (default: the embedded demo configuration).")
    var file: String?

    func run() throws {
        let configuration = try loadConfiguration(file)
        print(ReadPlanReport.text(for: configuration))
    }
}
