import SPC

/// The chart for small sustained shifts that runs beside a characteristic's individuals chart
/// once its limits are frozen: EWMA with exact time-varying limits (for AR(1) values the exact
/// limits of the EWMA of such a process), or a two-sided tabular CUSUM. Both restart after
/// each signal (z back to the center, C+ and C- back to 0), so that a signal episode is one
/// signal and a lasting shift signals again after a fresh run, as the ARL of the design counts
/// it, not at every point.
struct DriftChart: Sendable {
    enum Kind: Sendable, Hashable {
        case none
        case ewma(lambda: Double, width: Double)
        case cusum(k: Double, h: Double)

        init(_ chart: ChartKind, _ settings: DriftChartSettings) {
            switch chart {
            case .imr: self = .none
            case .ewma: self = .ewma(lambda: settings.ewmaLambda, width: settings.ewmaWidth)
            case .cusum: self = .cusum(k: settings.cusumK, h: settings.cusumH)
            }
        }
    }

    private enum Monitor: Sendable {
        case ewma(AR1EWMAMonitor)
        case cusum(CUSUMMonitor)
    }

    private var monitor: Monitor

    /// nil for `.none` or parameters the monitors reject (checked at configuration time).
    /// `phi`: the lag-1 autocorrelation of AR(1) values (nil or 0: independent values).
    init?(_ kind: Kind, center: Double, sigma: Double, phi: Double? = nil) {
        switch kind {
        case .none:
            return nil
        case .ewma(let lambda, let width):
            guard let monitor = try? AR1EWMAMonitor(center: center, sigma: sigma, phi: phi ?? 0, lambda: lambda, width: width)
            else { return nil }
            self.monitor = .ewma(monitor)
        case .cusum(let k, let h):
            guard let monitor = try? CUSUMMonitor(center: center, sigma: sigma, k: k, h: h) else { return nil }
            self.monitor = .cusum(monitor)
        }
    }

    /// Feeds the next value; returns a violation when the drift chart signals.
    mutating func next(_ x: Double) -> LiveChart.Violation? {
        switch monitor {
        case .ewma(var ewma):
            let point = ewma.next(x)
            if point.violation != nil { ewma.restart() }
            monitor = .ewma(ewma)
            guard point.violation != nil else { return nil }
            return LiveChart.Violation(
                statistic: "ewma", rule: 1, value: point.ewma, lcl: point.limits.lcl, ucl: point.limits.ucl)
        case .cusum(var cusum):
            let point = cusum.next(x)
            guard point.violation != nil else {
                monitor = .cusum(cusum)
                return nil
            }
            cusum.restart()
            monitor = .cusum(cusum)
            return LiveChart.Violation(
                statistic: "cusum", rule: 1, value: max(point.upper, point.lower), lcl: nil, ucl: cusum.h)
        }
    }
}
