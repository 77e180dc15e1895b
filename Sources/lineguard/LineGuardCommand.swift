import ArgumentParser

/// `lineguard`: the one executable. Argument parsing only; the work is in `Daemon`.
@main
struct LineGuardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lineguard",
        abstract: "Statistical process control for battery production lines, over Modbus TCP.",
        discussion: """
            LineGuard polls line sensors and PLCs, charts every characteristic, records lots,
            samples, signals, defects and holds in SQLite, and puts suspect lots on hold.

            Start with `lineguard demo`: a simulated filling station, the daemon, and what it found.
            """,
        version: LineGuardVersion.current,
        subcommands: [
            RunCommand.self, StatusCommand.self, CheckConfigCommand.self, SimulateCommand.self, DemoCommand.self,
            HoldCommand.self, ReleaseCommand.self, DispositionCommand.self, LotCommand.self, SignalCommand.self,
            ReloadCommand.self, LimitsCommand.self,
        ])
}
