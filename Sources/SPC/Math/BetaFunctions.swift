/// The regularized incomplete beta function and the Beta and F quantiles, as used by Hotelling
/// T2 limits (qcc parity with R's `qbeta`/`qf`). Pure Swift.
public enum BetaFunctions {
    /// ln B(a, b).
    public static func logBeta(_ a: Double, _ b: Double) -> Double {
        GammaFunctions.logGamma(a) + GammaFunctions.logGamma(b) - GammaFunctions.logGamma(a + b)
    }

    /// I_x(a, b), the Beta(a, b) distribution function.
    public static func regularized(_ x: Double, _ a: Double, _ b: Double) -> Double {
        precondition(a > 0 && b > 0, "incomplete beta needs a, b > 0")
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let front = Elementary.exp(a * Elementary.log(x) + b * Elementary.log(1 - x) - logBeta(a, b))
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x, a, b) / a
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b
    }

    /// The continued fraction of the incomplete beta function (modified Lentz).
    private static func continuedFraction(_ x: Double, _ a: Double, _ b: Double) -> Double {
        let tiny = 1e-300
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if Swift.abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        var m = 1.0
        while m < 100_000 {
            let m2 = 2 * m
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if Swift.abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) < 1e-16 { break }
            m += 1
        }
        return h
    }

    /// The Beta(a, b) quantile.
    public static func quantile(_ p: Double, _ a: Double, _ b: Double) -> Double {
        precondition(p > 0 && p < 1, "beta quantile needs 0 < p < 1")
        if p > 0.5 {
            // Solve the complement, where the tail keeps its precision.
            return 1 - quantile(1 - p, b, a)
        }
        return GammaFunctions.bisect(lo: 0, hi: 1) { regularized($0, a, b) > p }
    }

    /// The F(d1, d2) quantile; uses 1/(1 + d1 F/d2) ~ Beta(d2/2, d1/2) to keep the upper tail exact.
    public static func fQuantile(_ p: Double, d1: Double, d2: Double) -> Double {
        precondition(p > 0 && p < 1 && d1 > 0 && d2 > 0, "F quantile needs 0 < p < 1, d1, d2 > 0")
        let y = quantile(1 - p, d2 / 2, d1 / 2)
        return (d2 / d1) * (1 - y) / y
    }

    /// The F(d1, d2) distribution function.
    public static func fCDF(_ f: Double, d1: Double, d2: Double) -> Double {
        if f <= 0 { return 0 }
        return 1 - regularized(d2 / (d2 + d1 * f), d2 / 2, d1 / 2)
    }
}
