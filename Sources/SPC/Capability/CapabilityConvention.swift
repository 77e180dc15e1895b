/// Degrees-of-freedom convention of the confidence intervals.
public enum CapabilityConvention: String, Sendable, Hashable, Codable {
    /// qcc: N - 1 for every index (N individual values).
    case qcc
    /// Minitab: the within-subgroup indices use the degrees of freedom of the pooled
    /// within-subgroup variance, sum (n_i - 1); the overall indices N - 1.
    case minitab
}
