/// The gamma family: log-gamma, the regularized incomplete gamma functions and the chi-square
/// distribution. Pure Swift; R's `lgamma`, `pgamma`, `qchisq` agree to about 1e-14 relative.
public enum GammaFunctions {
    /// ln Gamma(x) for x > 0: Stirling's series after shifting the argument to x >= 15.
    public static func logGamma(_ x: Double) -> Double {
        precondition(x > 0, "logGamma needs x > 0")
        var shift = 0.0
        var product = 1.0
        var y = x
        while y < 15 {
            product *= y
            y += 1
        }
        if product != 1 { shift = Elementary.log(product) }
        let inv = 1 / y
        let inv2 = inv * inv
        // Bernoulli terms B_{2k} / (2k (2k-1) y^{2k-1}) for k = 1...6.
        let series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
            + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360))))))
        let stirling = (y - 0.5) * Elementary.log(y) - y + 0.91893853320467274178 + series
        return stirling - shift
    }

    /// The regularized lower incomplete gamma P(a, x).
    public static func regularizedLower(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "incomplete gamma needs a > 0")
        if x <= 0 { return 0 }
        if x.isInfinite { return 1 }
        if x < a + 1 { return lowerSeries(a, x) }
        return 1 - upperContinuedFraction(a, x)
    }

    /// The regularized upper incomplete gamma Q(a, x) = 1 - P(a, x), accurate in the tail.
    public static func regularizedUpper(_ a: Double, _ x: Double) -> Double {
        precondition(a > 0, "incomplete gamma needs a > 0")
        if x <= 0 { return 1 }
        if x.isInfinite { return 0 }
        if x < a + 1 { return 1 - lowerSeries(a, x) }
        return upperContinuedFraction(a, x)
    }

    private static func prefactor(_ a: Double, _ x: Double) -> Double {
        Elementary.exp(-x + a * Elementary.log(x) - logGamma(a))
    }

    private static func lowerSeries(_ a: Double, _ x: Double) -> Double {
        var term = 1 / a
        var sum = term
        var n = 1.0
        while n < 100_000 {
            term *= x / (a + n)
            sum += term
            if Swift.abs(term) < Swift.abs(sum) * 1e-17 { break }
            n += 1
        }
        return sum * prefactor(a, x)
    }

    private static func upperContinuedFraction(_ a: Double, _ x: Double) -> Double {
        let tiny = 1e-300
        var b = x + 1 - a
        var c = 1 / tiny
        var d = 1 / b
        var h = d
        var i = 1.0
        while i < 100_000 {
            let an = -i * (i - a)
            b += 2
            d = an * d + b
            if Swift.abs(d) < tiny { d = tiny }
            c = b + an / c
            if Swift.abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if Swift.abs(delta - 1) < 1e-16 { break }
            i += 1
        }
        return prefactor(a, x) * h
    }

    /// The chi-square distribution function with `df` (possibly fractional) degrees of freedom.
    public static func chiSquareCDF(_ x: Double, df: Double) -> Double {
        regularizedLower(df / 2, x / 2)
    }

    /// The chi-square quantile: the x with P(X <= x) = p, found by bisection to the last bit.
    public static func chiSquareQuantile(_ p: Double, df: Double) -> Double {
        precondition(p > 0 && p < 1 && df > 0, "chi-square quantile needs 0 < p < 1 and df > 0")
        let a = df / 2
        // residual(x) > 0 when x is above the quantile; computed on the more accurate tail.
        func above(_ x: Double) -> Bool {
            if p < 0.5 { return regularizedLower(a, x / 2) > p }
            return regularizedUpper(a, x / 2) < 1 - p
        }
        var lo = 0.0
        var hi = Swift.max(1.0, df)
        while !above(hi) {
            lo = hi
            hi *= 2
        }
        return bisect(lo: lo, hi: hi, above: above)
    }

    /// Bisection on a monotone predicate to adjacent doubles.
    static func bisect(lo: Double, hi: Double, above: (Double) -> Bool) -> Double {
        var lo = lo
        var hi = hi
        for _ in 0..<2200 {
            let mid = lo + (hi - lo) / 2
            if mid <= lo || mid >= hi { break }
            if above(mid) { hi = mid } else { lo = mid }
        }
        return lo + (hi - lo) / 2
    }
}
