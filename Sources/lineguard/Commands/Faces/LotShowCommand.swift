import ArgumentParser
import Daemon

/// `lineguard lot show ID` (a subcommand of the `lot` group).
struct LotShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Everything recorded about one lot.",
        discussion: """
            The lot, its genealogy up (what it was made from) and down (what was made from it) as \
            trees, a summary of its samples per characteristic, its signals, defects, holds and \
            dispositions. --format json gives the same as one object; for CSV use \
            `lineguard export samples|signals|defects --lot ID`.
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 no such lot.
            """)

    @Argument(help: "The lot id.") var lot: String
    @OptionGroup var options: FaceOptions

    func run() throws {
        try FaceRun.run("lot show") { () throws(FaceError) in
            if options.format.lowercased() == "csv" {
                throw FaceError(
                    .badArgument, "lot show has nested data: use --format text or json, or `lineguard export ... --lot ID` for CSV")
            }
            let format = try options.resolvedFormat(allowed: [.text, .json])
            let store = try options.store()
            let report = try store.lotReport(lot)
            let signals = try store.signalTable(report.signals)
            switch format {
            case .json: return report.json(signalTable: signals).rendered(pretty: true)
            default: return report.text(signalTable: signals, colour: ANSIColour.enabled)
            }
        }
    }
}
