public import Charts
public import SPC

/// `lineguard capability`: the indices with their confidence intervals, expected and observed
/// ppm, over the good values of a window, and the histogram against the spec limits.
public struct CapabilityStudy: Sendable, Hashable {
    public var characteristic: String
    public var unit: String
    public var window: String
    public var values: [Double]
    public var report: CapabilityReport
    public var histogram: HistogramPicture

    /// The indices as a table: `index, value, lower, upper` (a one-sided specification has
    /// only the indices it defines).
    public var indexTable: FaceTable {
        let named: [(String, CapabilityIndex?)] = [
            ("cp", report.cp), ("cpl", report.cpl), ("cpu", report.cpu), ("cpk", report.cpk), ("cpm", report.cpm),
            ("pp", report.pp), ("ppl", report.ppl), ("ppu", report.ppu), ("ppk", report.ppk),
        ]
        return FaceTable(
            columns: ["index", "value", "lower", "upper"],
            rows: named.compactMap { name, index in
                index.map { [.text(name), .number($0.value), .number($0.lower), .number($0.upper)] }
            })
    }

    public var json: JSONText {
        .object([
            ("characteristic", .string(characteristic)), ("unit", .string(unit)), ("window", .string(window)),
            ("n", .integer(Int64(report.n))), ("mean", .number(report.center)),
            ("within_sigma", .number(report.withinSigma)), ("overall_sigma", .number(report.overallSigma)),
            ("lsl", report.lsl.map(JSONText.number) ?? .null), ("usl", report.usl.map(JSONText.number) ?? .null),
            ("target", report.target.map(JSONText.number) ?? .null), ("confidence", .number(report.confidence)),
            ("indices", indexTable.json),
            ("expected_ppm", Self.ppm(report.expected)), ("observed_ppm", Self.ppm(report.observed)),
        ])
    }

    private static func ppm(_ value: ExpectedPPM) -> JSONText {
        .object([("below", .number(value.below)), ("above", .number(value.above)), ("total", .number(value.total))])
    }

    /// The study for people, with a histogram in text.
    public func text(colour: Bool) -> String {
        let confidence = NumberFormat.significant(report.confidence * 100, 3)
        var out = [
            ANSIColour.heading("CAPABILITY of \(FaceText.clean(characteristic)) (\(window))", colour: colour),
            "  n \(report.n)   mean \(NumberFormat.significant(report.center, 6)) \(unit)"
                + "   sigma within \(NumberFormat.significant(report.withinSigma, 4))"
                + "  overall \(NumberFormat.significant(report.overallSigma, 4))",
            "  LSL \(NumberFormat.significant(report.lsl))   USL \(NumberFormat.significant(report.usl))"
                + "   target \(NumberFormat.significant(report.target))",
            "",
        ]
        out.append(indexTable.text(colour: false, title: "INDICES with \(confidence) % confidence intervals"))
        out.append("")
        out.append("  expected ppm (normal model): below \(NumberFormat.significant(report.expected.below, 4))"
            + "  above \(NumberFormat.significant(report.expected.above, 4))"
            + "  total \(NumberFormat.significant(report.expected.total, 4))")
        out.append("  observed ppm:                below \(NumberFormat.significant(report.observed.below, 4))"
            + "  above \(NumberFormat.significant(report.observed.above, 4))"
            + "  total \(NumberFormat.significant(report.observed.total, 4))")
        out.append("")
        out.append("HISTOGRAM")
        out += TextHistogram.lines(values: values, lsl: report.lsl, usl: report.usl)
        return out.joined(separator: "\n")
    }
}
