/// Zero-state ARL of a two-sided EWMA chart of a normal statistic (shift in sigmas of the
/// statistic), z_0 = 0, by the Nystroem method on the run-length integral equation, as R's spc
/// `xewma.arl` computes it. Fixed limits +-L sqrt(lambda/(2-lambda)) are spc's default;
/// `exact` uses the time-varying limits +-L sqrt(lambda/(2-lambda) (1-(1-lambda)^(2t))) (spc
/// "vacl"), propagating the surviving density until the limits reach their asymptote.
public enum EWMAARL {
    public enum Limits: String, Sendable, Hashable, Codable {
        case fixed
        case exact
    }

    public static func arl(
        lambda: Double, width: Double, shift: Double, limits: Limits = .fixed, nodes: Int = 40
    ) throws(SPCError) -> Double {
        guard lambda > 0, lambda <= 1 else { throw SPCError("lambda must be in (0, 1], got \(lambda)") }
        guard width > 0 else { throw SPCError("L must be positive, got \(width)") }
        let c = width * (lambda / (2 - lambda)).squareRoot()
        let gl = GaussLegendre(count: nodes, from: -c, to: c)
        func kernel(_ from: Double, _ to: Double) -> Double {
            Normal.pdf((to - (1 - lambda) * from) / lambda - shift) / lambda
        }
        guard let g = IntegralEquation.solveUnitRHS(n: nodes, kernel: { i, j in
            gl.weights[j] * kernel(gl.nodes[i], gl.nodes[j])
        }) else { throw SPCError("the EWMA ARL system is singular") }
        if limits == .fixed {
            var arl = 1.0
            for j in 0..<nodes { arl += gl.weights[j] * kernel(0, gl.nodes[j]) * g[j] }
            return arl
        }
        // Time-varying limits: P(RL > 0) = 1; f_1 is the density of z_1 = lambda x_1 on (-c_1, c_1).
        var arl = 1.0
        var t = 1
        var grid = GaussLegendre(count: nodes, from: -c * factor(lambda, 1), to: c * factor(lambda, 1))
        var density = grid.nodes.map { kernel(0, $0) }
        while true {
            let survival = zip(grid.weights, density).reduce(0) { $0 + $1.0 * $1.1 }
            if 1 - factor(lambda, t) < 1e-13 || survival < 1e-300 {
                // Limits have reached the asymptote: the rest is the fixed-limit ARL from f_t,
                // with g carried to the current nodes through the integral equation itself.
                var rest = 0.0
                for i in 0..<nodes {
                    var gi = 1.0
                    for j in 0..<nodes { gi += gl.weights[j] * kernel(grid.nodes[i], gl.nodes[j]) * g[j] }
                    rest += grid.weights[i] * density[i] * gi
                }
                return arl + rest
            }
            arl += survival
            t += 1
            let next = GaussLegendre(count: nodes, from: -c * factor(lambda, t), to: c * factor(lambda, t))
            var nextDensity = [Double](repeating: 0, count: nodes)
            for j in 0..<nodes {
                var sum = 0.0
                for i in 0..<nodes { sum += grid.weights[i] * density[i] * kernel(grid.nodes[i], next.nodes[j]) }
                nextDensity[j] = sum
            }
            grid = next
            density = nextDensity
        }
    }

    /// sqrt(1 - (1-lambda)^(2t)), the time-varying limit factor.
    static func factor(_ lambda: Double, _ t: Int) -> Double {
        (1 - Elementary.pow(1 - lambda, 2 * t)).squareRoot()
    }
}
