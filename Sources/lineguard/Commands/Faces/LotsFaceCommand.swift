import ArgumentParser
import Daemon
import LineModel

/// `lineguard lots`: the lots, newest first.
struct LotsFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lots", abstract: "List lots with their status (newest first).",
        discussion: """
            Reads the database read-only (the daemon may run or not).
              lineguard lots --db line.sqlite --status on_hold
              lineguard lots --db line.sqlite --since 8h --format csv > lots.csv
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments.
            """)

    @OptionGroup var options: FaceOptions
    @Option(name: .long, help: "Only lots with this status: \(LotStatus.allCases.map(\.rawValue).joined(separator: ", ")).")
    var status: String?
    @Option(name: .long, help: "Only this station.") var station: String?
    @Option(name: .long, help: "Only lots started, or still open, since: 2026-11-29T10:00:00Z, 8h, 7d, ...")
    var since: String?
    @Option(name: .long, help: "At most this many lots.") var limit: Int = 1_000

    func run() throws {
        try FaceRun.run("lots") { () throws(FaceError) in
            let format = try options.resolvedFormat()
            var wanted: LotStatus?
            if let status {
                guard let parsed = LotStatus(rawValue: status) else {
                    throw FaceError(
                        .badArgument,
                        "--status '\(status)' is not one of \(LotStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                wanted = parsed
            }
            let since = try FaceRun.time(since, option: "--since")
            let store = try options.store()
            let lots = try store.lots(status: wanted, station: station, since: since, limit: limit)
            return FaceStore.lotTable(lots).rendered(format, colour: ANSIColour.enabled, title: "LOTS")
        }
    }
}
