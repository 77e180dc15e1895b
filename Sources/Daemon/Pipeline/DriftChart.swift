import SPC

/// The chart for small sustained shifts that runs beside a characteristic's individuals chart
/// once its limits are frozen: EWMA with exact time-varying limits, or a two-sided tabular CUSUM
/// restarted after each signal (so a lasting shift signals again, not at every point).
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
        case ewma(EWMAMonitor)
        case cusum(CUSUMMonitor)
    }

    private var monitor: Monitor

    /// nil for `.none` or parameters the monitors reject (checked at configuration time).
    init?(_ kind: Kind, center: Double, sigma: Double) {
        switch kind {
        case .none:
            return nil
        case .ewma(let lambda, let width):
            guard let monitor = try? EWMAMonitor(center: center, sigma: sigma, lambda: lambda, width: width) else { return nil }
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
