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

/// Zero-state ARL of tabular CUSUM charts of a normal statistic, as R's spc `xcusum.arl`:
/// one-sided (upper) by the Nystroem method on the integral equation with the atom at 0;
/// two-sided from the one-sided ARLs by the Lucas-Crosier relation (exact for the head starts
/// spc accepts, hs <= h/2 + k).
public enum CUSUMARL {
    public enum Sides: String, Sendable, Hashable, Codable {
        case one
        case two
    }

    public static func arl(
        k: Double, h: Double, shift: Double, headStart: Double = 0, sides: Sides = .two, nodes: Int = 60
    ) throws(SPCError) -> Double {
        guard h > 0 else { throw SPCError("h must be positive, got \(h)") }
        guard k >= 0 else { throw SPCError("k must not be negative, got \(k)") }
        guard headStart >= 0, headStart < h else { throw SPCError("the head start must be in [0, h), got \(headStart)") }
        switch sides {
        case .one:
            return try upper(k: k, h: h, shift: shift, headStart: headStart, nodes: nodes)
        case .two:
            let a1 = try upper(k: k, h: h, shift: shift, headStart: 0, nodes: nodes)
            let a3 = try upper(k: k, h: h, shift: -shift, headStart: 0, nodes: nodes)
            if headStart == 0 { return a1 * a3 / (a1 + a3) }
            let a2 = try upper(k: k, h: h, shift: shift, headStart: headStart, nodes: nodes)
            let a4 = try upper(k: k, h: h, shift: -shift, headStart: headStart, nodes: nodes)
            return (a2 * a3 + a1 * a4 - a1 * a3) / (a1 + a3)
        }
    }

    /// The upper one-sided CUSUM S_t = max(0, S_{t-1} + x_t - k), signal when S_t > h.
    static func upper(k: Double, h: Double, shift: Double, headStart: Double, nodes n: Int) throws(SPCError) -> Double {
        let gl = GaussLegendre(count: n, from: 0, to: h)
        let size = n + 1
        var a = [Double](repeating: 0, count: size * size)
        for i in 0...n {
            let s = i < n ? gl.nodes[i] : 0
            for j in 0..<n { a[i * size + j] = -gl.weights[j] * Normal.pdf(gl.nodes[j] + k - s - shift) }
            a[i * size + n] = -Normal.cdf(k - s - shift)
            a[i * size + i] += 1
        }
        guard let g = LinearSystem.solve(&a, [Double](repeating: 1, count: size), n: size) else {
            throw SPCError("the CUSUM ARL system is singular")
        }
        var arl = 1 + Normal.cdf(k - headStart - shift) * g[n]
        for j in 0..<n { arl += gl.weights[j] * Normal.pdf(gl.nodes[j] + k - headStart - shift) * g[j] }
        return arl
    }
}
