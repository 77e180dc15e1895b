import Charts

/// A histogram for the terminal: one row per bin, bars of `#`, the bins outside the spec
/// limits flagged, the limits drawn as marker rows where they fall.
enum TextHistogram {
    static func lines(values: [Double], lsl: Double?, usl: Double?, bins requested: Int = 16, width: Int = 50) -> [String] {
        guard let low = values.min(), let high = values.max() else { return ["  (no values)"] }
        let bins = HistogramBins(values: values, range: low...Swift.max(high, low + 1e-12), count: requested)
        let peak = Swift.max(bins.counts.max() ?? 1, 1)
        var out: [String] = []
        var lslShown = lsl == nil || lsl! < bins.edge(0)
        var uslShown = usl == nil
        for (i, count) in bins.counts.enumerated() {
            let from = bins.edge(i)
            let to = bins.edge(i + 1)
            if !lslShown, let lsl, lsl < to {
                out.append("  ---- LSL \(NumberFormat.significant(lsl, 5)) ----")
                lslShown = true
            }
            if !uslShown, let usl, usl < from {
                out.append("  ---- USL \(NumberFormat.significant(usl, 5)) ----")
                uslShown = true
            }
            let bar = String(repeating: "#", count: count == 0 ? 0 : Swift.max(1, count * width / peak))
            let middle = (from + to) / 2
            let outside = (lsl.map { middle < $0 } ?? false) || (usl.map { middle > $0 } ?? false)
            out.append("  " + NumberFormat.pad(NumberFormat.significant(from, 5), 10) + " "
                + NumberFormat.padRight(bar, width) + " " + NumberFormat.pad(String(count), 6) + (outside ? "  out of spec" : ""))
        }
        if !uslShown, let usl { out.append("  ---- USL \(NumberFormat.significant(usl, 5)) ----") }
        return out
    }
}
