import SPC

/// The in-control false-signal rate a characteristic's configured charts are designed for, per
/// charted value: the sum of the per-point rates 1/ARL0 of each chart that can signal (an upper
/// bound on the probability that a value raises at least one signal, by the union bound).
///
/// Conventions: zero-state ARLs for independent normal values with known parameters (SPC's
/// ARL functions, checked against R's spc): the X chart with its Western Electric rules by the
/// exact Markov chain; the MR chart (rule 1 on |x_t - x_{t-1}| > (d2 + 3 d3) sigma) at
/// P(|Z| > 3.6855 / sqrt 2) = 0.00916; EWMA with exact time-varying limits (restarted after a
/// signal, as the daemon does); two-sided CUSUM (Lucas-Crosier), restarted after a signal.
/// For an AR(1) model the EWMA's limits are those of the AR(1) EWMA, whose crossings are no
/// more frequent than the independent design's (the statistic is smoother), so the independent
/// rate is quoted. Estimated (Phase I) parameters make real rates somewhat higher than designed.
enum DesignFalseSignalRate {
    static func perValue(_ settings: CharacteristicSettings) -> Double {
        var rate = 0.0
        if settings.ruleSet == .we, !settings.rules.isEmpty,
            let selection = try? RuleSelection(ruleSet: .westernElectric, rules: settings.rules),
            let arl = try? ShewhartARL.arl(shift: 0, rules: selection)
        {
            rate += 1 / arl
        } else if settings.rules.contains(1) {
            rate += 0.0027
        }
        if settings.rules.contains(1) && settings.model.movingRangeSignals { rate += movingRangeRate }
        switch settings.chart {
        case .imr:
            break
        case .ewma:
            if let arl = try? EWMAARL.arl(
                lambda: settings.drift.ewmaLambda, width: settings.drift.ewmaWidth, shift: 0, limits: .exact)
            {
                rate += 1 / arl
            }
        case .cusum:
            if let arl = try? CUSUMARL.arl(k: settings.drift.cusumK, h: settings.drift.cusumH, shift: 0) { rate += 1 / arl }
        }
        return rate
    }

    /// A Hotelling T2 chart's per-observation false-signal probability: 1 - its confidence
    /// (the Phase II limit's F quantile), qcc's default (1 - 0.0027)^p when none is configured.
    static func perObservation(_ chart: MultivariateSettings) -> Double {
        1 - (chart.confidence ?? HotellingT2.defaultConfidence(variables: chart.variables.count))
    }

    /// 2 (1 - Phi(3.6855 / sqrt 2)): the MR chart's per-point false-alarm probability for
    /// independent normal values, with qcc's d2(2) = 1.128 and d3(2) = 0.8525.
    static var movingRangeRate: Double {
        let limit = (1.128 + 3 * 0.8525) / 2.0.squareRoot()
        return 2 * (1 - Normal.cdf(limit))
    }
}
