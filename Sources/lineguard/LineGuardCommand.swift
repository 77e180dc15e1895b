import ArgumentParser
import Daemon
import Foundation

/// `lineguard`: the one executable. Argument parsing only; the work is in `Daemon`.
@main
struct LineGuardCommand: AsyncParsableCommand {
    /// Runs the command; a usage error exits with status 2 (ArgumentParser's own would be 64),
    /// so that every command reports bad arguments the same way.
    static func main() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                var standardError = StandardError()
                print(fullMessage(for: error), to: &standardError)
                _exit(2)
            }
            exit(withError: error)
        }
    }

    static let configuration = CommandConfiguration(
        commandName: "lineguard",
        abstract: "Statistical process control for battery production lines, over Modbus TCP.",
        discussion: """
            LineGuard polls line sensors and PLCs, charts every characteristic, records lots,
            samples, signals, defects and holds in SQLite, and puts suspect lots on hold.

            Start with `lineguard demo`: a simulated filling station, the daemon, and what it found.
            """,
        version: LineGuardBuild.version,
        subcommands: [
            RunCommand.self, StatusCommand.self, CheckConfigCommand.self, SimulateCommand.self, DemoCommand.self,
            HoldCommand.self, ReleaseCommand.self, DispositionCommand.self, LotCommand.self, SignalCommand.self,
            ReloadCommand.self, LimitsCommand.self, LotsFaceCommand.self, SignalsFaceCommand.self,
            DefectsFaceCommand.self, CapabilityFaceCommand.self, ExportFaceCommand.self, ChartFaceCommand.self,
            DashboardFaceCommand.self, AnalyzeCommand.self, ARLCommand.self, DesignCommand.self, ScenariosCommand.self,
            FaultsCommand.self,
        ])
}

/// Standard error as a `TextOutputStream`.
struct StandardError: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
