/// Streaming EWMA for a stationary AR(1) process (positively autocorrelated individual values,
/// such as a scanning gauge's profile means): z_t = lambda x_t + (1 - lambda) z_{t-1}, z_0 = center,
/// with limits center +- width * sd(z_t), where sd(z_t) is the EXACT standard deviation of z_t
/// when x_t - center is AR(1) with marginal sigma `sigma` and lag-1 autocorrelation `phi`
/// (the EWMAST chart of Zhang (1998) with rho(k) = phi^k; phi = 0 gives the ordinary EWMA
/// with exact time-varying limits, as `EWMAMonitor` and qcc's `ewma`).
///
/// With w = 1 - lambda and A_t = sum_{j<t} w^j e_{t-j} (so z_t - center = lambda A_t), in units
/// of sigma^2: Var(A_t) = 1 + w^2 Var(A_{t-1}) + 2 w B_{t-1} with B_t = phi + w phi B_{t-1},
/// B_0 = 0, Var(A_0) = 0. O(1) work and memory per point.
public struct AR1EWMAMonitor: Sendable, Hashable, Codable {
    public struct Point: Sendable, Hashable, Codable {
        public var value: Double
        public var ewma: Double
        public var limits: ChartLimits
        public var violation: Int?
    }

    public let center: Double
    /// Marginal sigma of the individual values.
    public let sigma: Double
    public let phi: Double
    public let lambda: Double
    public let width: Double
    var z: Double
    var variance = 0.0
    var covariance = 0.0

    public init(center: Double, sigma: Double, phi: Double, lambda: Double, width: Double) throws(SPCError) {
        guard lambda > 0, lambda <= 1 else { throw SPCError("lambda must be in (0, 1], got \(lambda)") }
        guard width > 0, sigma > 0, sigma.isFinite else { throw SPCError("L and sigma must be positive") }
        guard phi > -1, phi < 1 else { throw SPCError("an AR(1) process needs -1 < phi < 1, got \(phi)") }
        self.center = center
        self.sigma = sigma
        self.phi = phi
        self.lambda = lambda
        self.width = width
        self.z = center
    }

    /// The standard deviation of z_t in the limit t -> infinity.
    public var asymptoticSigma: Double {
        let w = 1 - lambda
        let b = phi / (1 - w * phi)
        return sigma * lambda * ((1 + 2 * w * b) / (1 - w * w)).squareRoot()
    }

    public mutating func next(_ value: Double) -> Point {
        let w = 1 - lambda
        z = lambda * value + w * z
        variance = 1 + w * w * variance + 2 * w * covariance
        covariance = phi + w * phi * covariance
        let limits = ChartLimits(center: center, sigma: sigma * lambda * variance.squareRoot(), width: width)
        return Point(value: value, ewma: z, limits: limits, violation: limits.isOutside(z) ? 1 : nil)
    }

    /// Restarts from z = center (with the start-up limits again).
    public mutating func restart() {
        z = center
        variance = 0
        covariance = 0
    }
}
