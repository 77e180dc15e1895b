import ArgumentParser
import Daemon

/// `lineguard export samples|signals|defects`: data for Minitab, Excel, pandas.
struct ExportFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export samples, signals or defects as CSV or JSON.",
        discussion: """
            CSV is RFC 4180 with a header row (times in UTC ISO 8601); JSON is an array of objects \
            with the same keys.
              lineguard export samples --station filling --since 1d > filling.csv
              lineguard export defects --db line.sqlite --format json
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 unknown characteristic or lot.
            """)

    @Argument(help: "What to export: samples, signals or defects.") var what: String
    @Option(name: .long, help: "csv or json.") var format: String = "csv"
    @Option(name: .long, help: "The SQLite database the daemon writes (default: $LINEGUARD_DB).") var db: String?
    @OptionGroup var filters: EventFilterOptions

    func run() throws {
        try FaceRun.run("export") { () throws(FaceError) in
            let chosen = try FaceOptions.format(format, allowed: [.csv, .json])
            let store = try FaceStore(databasePath: try FaceOptions.databasePath(db))
            if let characteristic = filters.characteristic { _ = try store.characteristic(characteristic) }
            if let lot = filters.lot { _ = try store.lot(lot) }
            let table: FaceTable
            switch what {
            case "samples":
                table = try store.sampleTable(try filters.filter())
            case "signals":
                table = try store.signalTable(try store.signals(try filters.filter()))
            case "defects":
                table = FaceStore.defectTable(try store.defects(try filters.filter()))
            default:
                throw FaceError(.badArgument, "export '\(what)': choose samples, signals or defects")
            }
            return table.rendered(chosen)
        }
    }
}
