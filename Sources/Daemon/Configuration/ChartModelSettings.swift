/// How a characteristic's values are modelled for its control charts: the Phase I sigma
/// estimator, whether the moving-range chart signals, autocorrelation and a transform.
///
/// Defaults are the classic individuals chart of independent values (qcc's `xbar.one`):
/// sigma from the mean moving range, MR chart on, no autocorrelation, values as read.
public struct ChartModelSettings: Sendable, Hashable {
    /// `sigma_estimator`: how Phase I estimates the sigma of individual values.
    public enum SigmaChoice: String, Sendable, CaseIterable {
        /// Mean moving range / d2(2) (short-term sigma; qcc's default for individuals).
        case mr
        /// The overall sample standard deviation (n - 1 divisor) of the Phase I window: the
        /// marginal sigma, the right one for autocorrelated values, where MR-bar/d2 estimates
        /// only sigma * sqrt(1 - phi) and the limits come out far too tight.
        case sd
    }

    /// `autocorrelation`: the model of successive values.
    public enum Autocorrelation: String, Sendable, CaseIterable {
        /// Independent values.
        case none
        /// A stationary AR(1) process: Phase I estimates the lag-1 autocorrelation phi and the
        /// EWMA's limits use the exact standard deviation of the EWMA of such a process (Zhang's
        /// EWMAST with rho(k) = phi^k). Run rules 2-4 assume independent values and are refused.
        case ar1
    }

    /// `transform`: what the charts see.
    public enum Transform: String, Sendable, CaseIterable {
        case none
        /// The natural logarithm (for log-normal characteristics such as a self-discharge rate):
        /// limits and signals are in ln units (statistic `ln_x`); spec limits still judge the
        /// value as read; values <= 0 are judged against the spec but not charted.
        case log
    }

    /// `known_limits = { center = C, sigma = S }` (and `phi` for an AR(1) model): limits from an
    /// earlier capability study, in force from the first value (no Phase I; qcc's `center` and
    /// `std.dev` arguments). In the charted scale (ln units with transform = "log").
    public struct KnownLimits: Sendable, Hashable {
        public var center: Double
        public var sigma: Double
        public var phi: Double?
    }

    public var sigma: SigmaChoice = .mr
    /// `moving_range_chart`: whether the moving-range chart signals (rule 1 on MR). Its false
    /// alarm rate alone is about 0.9 % per point for independent normal values (P(|Z| > 2.606)),
    /// more than three times the individuals chart's 0.27 %.
    public var movingRangeSignals = true
    public var autocorrelation: Autocorrelation = .none
    public var transform: Transform = .none
    public var known: KnownLimits?

    public init() {}
}
