import ArgumentParser
import Daemon

/// `lineguard arl --chart shewhart|ewma|cusum [...] --shift S...`: zero-state average run lengths.
struct ARLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "arl",
        abstract: "Zero-state ARL of Shewhart (with WE rules), EWMA or CUSUM charts for mean shifts.",
        discussion: "Shifts are in sigmas of the charted statistic; negative shifts as --shift=-0.5 or in a list 0,-0.5.")

    @Option(help: "shewhart, ewma or cusum.")
    var chart: String

    @Option(help: "Shewhart: we or a list of Western Electric rules like 1,4 (default: 1).")
    var rules: String?

    @Option(help: "EWMA smoothing constant (default 0.2).")
    var lambda: Double?

    @Option(name: .customLong("L"), help: "EWMA limit width (default 3).")
    var width: Double?

    @Option(help: "EWMA limits: fixed (default, as spc's xewma.arl) or exact (time-varying).")
    var limits: String?

    @Option(help: "CUSUM reference value (default 0.5).")
    var k: Double?

    @Option(help: "CUSUM decision interval (default 5).")
    var h: Double?

    @Option(name: .customLong("head-start"), help: "CUSUM head start (default 0).")
    var headStart: Double?

    @Option(help: "CUSUM: one or two sided (default two).")
    var sided: String?

    @Option(help: "Shewhart limit width (default 3).")
    var nsigmas: Double?

    @Option(parsing: .upToNextOption, help: "One or more shifts (also comma-separated lists).")
    var shift: [String] = []

    @Option(help: "text (default) or json.")
    var format = "text"

    func run() throws {
        try AnalysisCommandOutput.run("arl") {
            let output = try AnalysisFormat.parse(format)
            let shifts = try Self.parseShifts(shift)
            let request = try RunLengthRequest.make(
                chart: chart, rules: rules, lambda: lambda, width: width, k: k, h: h, headStart: headStart, sided: sided,
                limits: limits, nsigmas: nsigmas, shifts: shifts)
            let results = try request.run()
            print(output == .json ? request.json(results).rendered() : request.text(results), terminator: output == .json ? "\n" : "")
        }
    }

    /// `--shift` values: each argument may hold a comma-separated list.
    static func parseShifts(_ arguments: [String]) throws(AnalysisError) -> [Double] {
        var out: [Double] = []
        for argument in arguments {
            for part in argument.split(separator: ",") {
                guard let value = Double(part), value.isFinite else {
                    throw AnalysisError("--shift: '\(part)' is not a number")
                }
                out.append(value)
            }
        }
        return out
    }
}
