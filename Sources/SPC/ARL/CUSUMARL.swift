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
