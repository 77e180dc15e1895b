import SPC

extension AnalysisReport {
    /// The report for people: one table per chart, then capability.
    public var text: String {
        var out = "\(title) -- Phase I: \(phase1Count) subgroups"
        if [.ewma, .cusum, .t2].contains(chart) {
            out += "; limit crossings only"
        } else if ruleSelection.rules.isEmpty {
            out += "; no run rules"
        } else {
            out += "; rules: \(ruleSelection.ruleSet.rawValue) \(ruleSelection.rules.map(String.init).joined(separator: ","))"
        }
        out += "\n"
        if !parameters.isEmpty {
            out += parameters.keys.sorted().map { "\($0) = \(parameters[$0]!)" }.joined(separator: ", ") + "\n"
        }
        if !excluded.isEmpty { out += "excluded from Phase I: \(excluded.map(String.init).joined(separator: ", "))\n" }
        for chart in charts { out += "\n" + chartText(chart) }
        if let capability { out += "\n" + Self.capabilityText(capability) }
        return out
    }

    var title: String {
        switch chart {
        case .xbarR: "X-bar/R chart"
        case .xbarS: "X-bar/S chart"
        case .imr: "Individuals/moving range chart"
        case .p: "p chart"
        case .np: "np chart"
        case .c: "c chart"
        case .u: "u chart"
        case .ewma: "EWMA chart"
        case .cusum: "CUSUM chart"
        case .t2: "Hotelling T2 chart"
        case .zmr: "Short-run Z-MR chart"
        }
    }

    func chartText(_ chart: ControlChart) -> String {
        let f = { (d: Double?) in NumberFormat.significant(d, 7) }
        var out = "\(chart.statistic.rawValue): center \(f(chart.center))"
        if let s = chart.processSigma { out += "  sigma \(f(s))" }
        out += "  LCL \(chart.lcl.map(f) ?? "varies")  UCL \(chart.ucl.map(f) ?? "varies")"
        if let h = chart.decisionInterval { out += "  h \(f(h))" }
        out += "\n"
        let isCUSUM = chart.statistic == .cusum
        let isEWMA = chart.statistic == .ewma
        var header = NumberFormat.pad("#", 5) + "  " + NumberFormat.padRight("subgroup", 12) + NumberFormat.pad("value", 14)
        if isEWMA { header += NumberFormat.pad("ewma", 14) }
        if isCUSUM { header += NumberFormat.pad("upper", 14) + NumberFormat.pad("lower", 14) }
        header += NumberFormat.pad("LCL", 14) + NumberFormat.pad("UCL", 14) + NumberFormat.pad("phase", 7) + "  rule\n"
        out += header
        for p in chart.points {
            var line = NumberFormat.pad(String(p.source + 1), 5) + "  " + NumberFormat.padRight(labels[p.source], 12)
            line += NumberFormat.pad(f(p.value), 14)
            if isEWMA { line += NumberFormat.pad(f(p.smoothed), 14) }
            if isCUSUM { line += NumberFormat.pad(f(p.upper), 14) + NumberFormat.pad(f(p.lower.map { $0 == 0 ? 0 : -$0 }), 14) }
            line += NumberFormat.pad(f(p.limits.lcl), 14) + NumberFormat.pad(f(p.limits.ucl), 14)
            line += NumberFormat.pad(String(p.phase), 7) + (p.violation.map { "  \($0) *" } ?? "")
            out += line + "\n"
        }
        let signals = chart.points.filter { $0.violation != nil }.count
        out += "\(signals) point\(signals == 1 ? "" : "s") signalling\n"
        return out
    }

    static func capabilityText(_ c: CapabilityReport) -> String {
        let f = { (d: Double?) in NumberFormat.significant(d, 5) }
        var out = "Capability (n = \(c.n), center \(NumberFormat.significant(c.center, 7)), sigma within "
        out += "\(NumberFormat.significant(c.withinSigma, 6)), overall \(NumberFormat.significant(c.overallSigma, 6)))\n"
        out += "LSL \(f(c.lsl))  USL \(f(c.usl))  target \(f(c.target))\n"
        let level = NumberFormat.significant(c.confidence * 100, 3)
        out += NumberFormat.padRight("index", 8) + NumberFormat.pad("value", 10) + NumberFormat.pad("\(level)% lower", 14)
            + NumberFormat.pad("upper", 10) + "\n"
        let rows: [(String, CapabilityIndex?)] = [
            ("Cp", c.cp), ("Cpl", c.cpl), ("Cpu", c.cpu), ("Cpk", c.cpk), ("Cpm", c.cpm),
            ("Pp", c.pp), ("Ppl", c.ppl), ("Ppu", c.ppu), ("Ppk", c.ppk), ("Ppm", c.ppm),
        ]
        for (name, index) in rows {
            guard let index else { continue }
            out += NumberFormat.padRight(name, 8) + NumberFormat.pad(f(index.value), 10) + NumberFormat.pad(f(index.lower), 14)
                + NumberFormat.pad(f(index.upper), 10) + "\n"
        }
        let e = c.expected
        out += "expected ppm: below \(NumberFormat.significant(e.below, 4)), above \(NumberFormat.significant(e.above, 4)), "
        out += "total \(NumberFormat.significant(e.total, 4))"
        out += "; observed: \(NumberFormat.significant(c.observed.total, 4))\n"
        return out
    }
}
