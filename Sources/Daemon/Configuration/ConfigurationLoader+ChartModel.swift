extension ConfigurationLoader {
    /// Reads `sigma_estimator`, `moving_range_chart`, `autocorrelation` and `transform` of a
    /// characteristic table, and checks them against its chart and rules: an AR(1) model needs
    /// the EWMA chart (the only chart whose limits it adjusts), the overall-SD sigma and rule 1
    /// alone. Returns nil after reporting an error.
    static func parseChartModel(_ table: TableReader, chart: ChartKind?, rules: [Int]?) -> ChartModelSettings? {
        var model = ChartModelSettings()
        var ok = true
        let sigma = table.choice(
            "sigma_estimator", required: false, ChartModelSettings.SigmaChoice.allCases.map(\.rawValue),
            ChartModelSettings.SigmaChoice.init(rawValue:))
        let movingRange = table.bool("moving_range_chart", required: false)
        let autocorrelation = table.choice(
            "autocorrelation", required: false, ChartModelSettings.Autocorrelation.allCases.map(\.rawValue),
            ChartModelSettings.Autocorrelation.init(rawValue:))
        let transform = table.choice(
            "transform", required: false, ChartModelSettings.Transform.allCases.map(\.rawValue),
            ChartModelSettings.Transform.init(rawValue:))
        if table.has("sigma_estimator") && sigma == nil || table.has("moving_range_chart") && movingRange == nil
            || table.has("autocorrelation") && autocorrelation == nil || table.has("transform") && transform == nil
        {
            ok = false
        }
        model.sigma = sigma ?? .mr
        model.movingRangeSignals = movingRange ?? true
        model.autocorrelation = autocorrelation ?? .none
        model.transform = transform ?? .none
        if let known = table.subtable("known_limits", required: false) {
            defer { known.finish() }
            let center = known.double("center", expected: "the center line in the charted scale")
            let sigma = known.double("sigma", expected: "a positive sigma of individual values")
            let phi = known.double("phi", required: false, expected: "a lag-1 autocorrelation in [0, 1)")
            if let sigma, sigma <= 0 { known.report("sigma", expected: "a positive sigma of individual values") }
            if let phi, phi < 0 || phi >= 1 { known.report("phi", expected: "a lag-1 autocorrelation in [0, 1)") }
            if phi != nil && model.autocorrelation != .ar1 {
                known.report("phi", expected: "no phi unless autocorrelation = \"ar1\"")
            }
            if phi == nil && model.autocorrelation == .ar1 {
                known.report("phi", expected: "the lag-1 autocorrelation of the study, in [0, 1), with autocorrelation = \"ar1\"")
            }
            if let center, let sigma, sigma > 0, (phi.map { $0 >= 0 && $0 < 1 } ?? true),
                (phi != nil) == (model.autocorrelation == .ar1)
            {
                model.known = ChartModelSettings.KnownLimits(center: center, sigma: sigma, phi: phi)
            } else {
                ok = false
            }
        } else if table.has("known_limits") {
            ok = false
        }
        if model.autocorrelation == .ar1 {
            if (chart ?? .imr) != .ewma {
                table.report("chart", expected: "\"ewma\" with autocorrelation = \"ar1\" (the EWMA's limits are the ones adjusted for it)")
                ok = false
            }
            if sigma != .sd {
                table.report(
                    "sigma_estimator",
                    expected: "\"sd\" with autocorrelation = \"ar1\" (MR-bar/d2 estimates only sigma * sqrt(1 - phi) of such values)")
                ok = false
            }
            if let rules, rules.contains(where: { $0 != 1 }) {
                table.report("rules", expected: "[1] with autocorrelation = \"ar1\" (run rules 2 and up assume independent values)")
                ok = false
            }
        }
        return ok ? model : nil
    }
}
