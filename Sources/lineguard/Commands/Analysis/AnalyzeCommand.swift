import ArgumentParser
import Daemon
import Foundation

/// `lineguard analyze --chart KIND [options] FILE.csv`: offline control-chart analysis.
struct AnalyzeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "analyze",
        abstract: "Chart a CSV file (Phase I limits, run rules, capability) as qcc does.",
        discussion: """
            CSV with a header. Variables: subgroup,value (or just value). Attributes: subgroup,count,size. \
            Multivariate (t2): subgroup (optional) then one column per variable. zmr: part,value. \
            A trial column (TRUE/FALSE) marks the Phase I rows when --phase1 is absent. Exit code 2 on bad input.
            """)

    @Option(help: "xbar-r, xbar-s, imr, p, np, c, u, ewma, cusum, t2 or zmr.")
    var chart: String

    @Option(help: "The first N subgroups set the limits (default: all).")
    var phase1: Int?

    @Option(help: "we, nelson, none, or a list like 1,2,5 in the --rule-set numbering (default: WE 1,4 as qcc).")
    var rules: String?

    @Option(name: .customLong("rule-set"), help: "we or nelson: the numbering of a --rules list.")
    var ruleSet: String?

    @Option(parsing: .unconditional, help: "Lower specification limit (capability).")
    var lsl: Double?

    @Option(parsing: .unconditional, help: "Upper specification limit (capability).")
    var usl: Double?

    @Option(parsing: .unconditional, help: "Target (default: the spec midpoint).")
    var target: Double?

    @Option(help: "EWMA smoothing constant (default 0.2).")
    var lambda: Double?

    @Option(name: .customLong("L"), help: "EWMA limit width in sigmas (default 3).")
    var width: Double?

    @Option(help: "CUSUM reference value in standard errors (default 0.5).")
    var k: Double?

    @Option(help: "CUSUM decision interval in standard errors (default 5).")
    var h: Double?

    @Option(name: .customLong("head-start"), help: "CUSUM head start (default 0).")
    var headStart: Double?

    @Option(parsing: .unconditional, help: "Known process center (replaces the Phase I estimate).")
    var center: Double?

    @Option(help: "Known process sigma (replaces the Phase I estimate).")
    var sigma: Double?

    @Option(help: "Limit width in sigmas (default 3).")
    var nsigmas: Double?

    @Option(help: "Sigma estimator r, s, pooled, mr or sd (default per chart, as qcc).")
    var estimator: String?

    @Option(help: "T2 confidence level (default (1-0.0027)^p, as qcc).")
    var confidence: Double?

    @Flag(name: .customLong("exclude-signals"), help: "Phase I: drop signalling subgroups and re-estimate until none signal.")
    var excludeSignals = false

    @Option(name: .customLong("capability-df"), help: "Capability interval convention: qcc (default) or minitab.")
    var capabilityDF: String?

    @Option(help: "text (default) or json.")
    var format = "text"

    @Option(help: "Also draw the charts as an SVG picture to this file.")
    var plot: String?

    @Argument(help: "The CSV file.")
    var file: String

    func run() throws {
        try AnalysisCommandOutput.run("analyze") {
            let output = try AnalysisFormat.parse(format)
            let request = try AnalysisRequest.make(
                chart: chart, phase1: phase1, rules: rules, ruleSet: ruleSet, lsl: lsl, usl: usl, target: target,
                lambda: lambda, width: width, k: k, h: h, headStart: headStart, center: center, sigma: sigma,
                nsigmas: nsigmas, estimator: estimator, confidence: confidence, excludeSignals: excludeSignals,
                capabilityDF: capabilityDF)
            let report = try AnalysisRunner.run(request, path: file)
            print(output == .json ? report.json.rendered() : report.text, terminator: output == .json ? "\n" : "")
            if let plot {
                let svg = AnalysisPlot.svg(report, file: file, lsl: lsl, usl: usl, target: target)
                guard FileManager.default.createFile(atPath: plot, contents: Data(svg.utf8)) else {
                    throw AnalysisError("cannot write the plot to \(plot)")
                }
            }
        }
    }
}
