import ArgumentParser
import Daemon
import Store

/// `lineguard status`: what the line looks like now, read from the database (works while the
/// daemon runs, and when it is stopped).
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show devices, characteristics, open signals, defects and held lots.",
        discussion: "Reads the database read-only. Exit status 0, or 1 when the database cannot be read.")

    @Option(name: .long, help: "The SQLite database the daemon writes.")
    var db: String

    @Option(name: .long, help: "Output format: text or json.")
    var format: OutputFormat = .text

    func run() throws {
        let report: StatusReport
        do {
            let reader = try StoreReader(path: db)
            report = try reader.status()
        } catch {
            printError("lineguard status: cannot read \(db): \(error)")
            throw ExitCode(1)
        }
        switch format {
        case .text: print(StatusRenderer.text(report, database: db))
        case .json: print(try StatusRenderer.json(report))
        }
    }
}

/// `--format` of the reading commands.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}
