import ArgumentParser
import Daemon

/// `lineguard capability CHARACTERISTIC`.
struct CapabilityFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "capability", abstract: "Process capability: indices with intervals, histogram, expected ppm.",
        discussion: """
            Over the good values of a window (default: the most recent 1000): Cp, Cpk, Cpm, Pp, Ppk \
            with confidence intervals (qcc's method), the expected ppm out of specification under a \
            normal model, the observed ppm, and a histogram against the spec limits. Within sigma \
            is MR-bar / d2, as the individuals chart estimates it.
              lineguard capability filling.fill_weight.n3 --db line.sqlite --since 8h
              lineguard capability filling.fill_weight.n3 --lot B-0042 --histogram n3.svg
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 unknown characteristic \
            or lot, or fewer than 2 values.
            """)

    @Argument(help: "The characteristic, e.g. filling.fill_weight.n3.") var characteristic: String
    @OptionGroup var options: FaceOptions
    @OptionGroup var window: WindowOptions
    @Option(name: .long, help: "Confidence level of the intervals.") var confidence: Double = 0.95
    @Option(name: .long, help: "Also draw the histogram: FILE.svg or FILE.png.") var histogram: String?

    func run() throws {
        try FaceRun.run("capability") { () throws(FaceError) in
            let format = try options.resolvedFormat()
            let study = try options.store().capability(
                characteristic, window: try window.window(defaultLimit: 1_000), confidence: confidence)
            if let histogram {
                try PictureFile.write(svg: study.histogramSVG, to: histogram)
            }
            switch format {
            case .text: return study.text(colour: ANSIColour.enabled)
            case .json: return study.json.rendered(pretty: true)
            case .csv: return study.indexTable.rendered(.csv)
            }
        }
    }
}
