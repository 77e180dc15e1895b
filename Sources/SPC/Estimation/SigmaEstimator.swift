/// How the within-process sigma is estimated (the conventions of the reference README, qcc
/// names in parentheses). The defaults follow qcc: R-bar/d2 for X-bar/R, S-bar/c4 for X-bar/S,
/// moving range for individuals; pooled when a subgroup exceeds 25.
public enum SigmaEstimator: String, Sendable, Hashable, Codable, CaseIterable {
    /// mean(R_i / d2(n_i)) ("UWAVE-R").
    case range = "r"
    /// mean(s_i / c4(n_i)) ("UWAVE-SD").
    case standardDeviation = "s"
    /// sqrt(sum (n_i - 1) s_i^2 / sum (n_i - 1)) / c4(sum (n_i - 1) + 1) ("RMSDF").
    case pooled = "pooled"
    /// mean |x_i - x_{i-1}| / d2(2) for individuals.
    case movingRange = "mr"
    /// The overall sample standard deviation of all values.
    case overall = "sd"
}
