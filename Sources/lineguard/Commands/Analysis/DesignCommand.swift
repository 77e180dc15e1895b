import ArgumentParser
import Daemon

/// `lineguard design --chart ewma|cusum --arl0 A [--lambda L | --k K]`: the EWMA limit width L or
/// the CUSUM decision interval h with the given in-control ARL.
struct DesignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "design",
        abstract: "The EWMA L or CUSUM h that gives a target in-control ARL.")

    @Option(help: "ewma or cusum.")
    var chart: String

    @Option(name: .customLong("arl0"), help: "The target in-control ARL.")
    var arl0: Double

    @Option(help: "EWMA smoothing constant (default 0.2).")
    var lambda: Double?

    @Option(help: "CUSUM reference value (default 0.5).")
    var k: Double?

    @Option(help: "CUSUM: one or two sided (default two).")
    var sided: String?

    @Option(help: "text (default) or json.")
    var format = "text"

    func run() throws {
        try AnalysisCommandOutput.run("design") {
            let output = try AnalysisFormat.parse(format)
            let request = try DesignRequest.make(chart: chart, arl0: arl0, lambda: lambda, k: k, sided: sided)
            let value = try request.run()
            print(output == .json ? request.json(value).rendered() : request.text(value), terminator: output == .json ? "\n" : "")
        }
    }
}
