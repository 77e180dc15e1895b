import ArgumentParser
import Daemon

/// `lineguard limits show CHARACTERISTIC`.
struct LimitsShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "The current control limits (per charted statistic) and spec limits.",
        discussion: """
            One row per statistic (x, mr, ...): center, sigma, LCL, UCL, the estimator, the Phase I \
            window, when they were computed and who approved them; then the spec limits.
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 unknown characteristic.
            """)

    @Argument(help: "The characteristic, e.g. filling.fill_weight.n3.") var characteristic: String
    @OptionGroup var options: FaceOptions

    func run() throws {
        try FaceRun.run("limits show") { () throws(FaceError) in
            let format = try options.resolvedFormat()
            let table = try options.store().limitsTable(characteristic)
            return table.rendered(format, colour: ANSIColour.enabled, title: "LIMITS of \(characteristic)")
        }
    }
}
