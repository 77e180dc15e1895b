import ArgumentParser
import Daemon
import Foundation
import Store

/// `lineguard status`: what the line looks like now, read from the database (works while the
/// daemon runs, and when it is stopped).
struct StatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show devices, characteristics (last value, limits, recent Cpk), open signals, defects and lots.",
        discussion: """
            Reads the database read-only. JSON keys are listed in the README. Exit status 0, or 1
            when the database cannot be read.
            """)

    @Option(name: .long, help: "The SQLite database the daemon writes (default: $LINEGUARD_DB).")
    var db: String?

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    @Flag(name: .long, help: "Refresh until interrupted (text on a terminal).")
    var watch = false

    @Option(name: .long, help: "Seconds between refreshes with --watch.")
    var interval: Double = 2

    func validate() throws {
        guard interval > 0 else { throw ValidationError("--interval must be positive, got \(interval)") }
        guard db != nil || ProcessInfo.processInfo.environment["LINEGUARD_DB"] != nil else {
            throw ValidationError("--db is required (or set LINEGUARD_DB)")
        }
    }

    func run() async throws {
        let path = db ?? ProcessInfo.processInfo.environment["LINEGUARD_DB"] ?? ""
        let terminal = isatty(STDOUT_FILENO) == 1
        repeat {
            let status: (report: StatusReport, cpk: [String: Double])
            do {
                status = try StatusRenderer.read(database: path)
            } catch {
                printError("lineguard status: cannot read \(path): \(error)")
                throw ExitCode(1)
            }
            if watch && terminal { print("\u{1B}[H\u{1B}[2J", terminator: "") }
            switch format {
            case .text: print(StatusRenderer.text(status.report, database: path, cpk: status.cpk))
            case .json: print(try StatusRenderer.json(status.report, cpk: status.cpk))
            }
            if watch { try await Task.sleep(for: .milliseconds(Int(interval * 1000))) }
        } while watch
    }
}

/// `--format` of the reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
