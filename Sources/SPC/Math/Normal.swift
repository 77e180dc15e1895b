/// The standard normal distribution: density, distribution function with accurate tails, and
/// quantile. Pure Swift (R's `pnorm`/`qnorm` agree to about 1e-15 relative in the tested range).
public enum Normal {
    /// The density phi(x).
    public static func pdf(_ x: Double) -> Double {
        Elementary.invSqrt2Pi * Elementary.exp(-0.5 * x * x)
    }

    /// The distribution function Phi(x), relative accuracy kept in the lower tail.
    public static func cdf(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x < -40 { return 0 }
        if x > 9 { return 1 }
        if Swift.abs(x) < 3 {
            return 0.5 * (1 + erfSeries(x / Elementary.sqrt2))
        }
        let tail = 0.5 * erfcContinuedFraction(Swift.abs(x) / Elementary.sqrt2)
        return x < 0 ? tail : 1 - tail
    }

    /// The upper tail 1 - Phi(x), accurate for large x.
    public static func survival(_ x: Double) -> Double { cdf(-x) }

    /// The quantile function Phi^-1(p) for 0 < p < 1 (-inf/+inf at 0/1).
    public static func quantile(_ p: Double) -> Double {
        if p.isNaN || p < 0 || p > 1 { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        // Work in the lower tail q <= 0.5 where cdf keeps its relative accuracy.
        let q = p < 0.5 ? p : 1 - p
        // Abramowitz & Stegun 26.2.23 as the starting point (|error| < 4.5e-4).
        let t = (-2 * Elementary.log(q)).squareRoot()
        var x = -(t - (2.515517 + 0.802853 * t + 0.010328 * t * t)
            / (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t))
        // Halley steps on Phi(x) - q.
        for _ in 0..<6 {
            let e = cdf(x) - q
            let u = e / pdf(x)
            let step = u / (1 + 0.5 * x * u)
            x -= step
            if Swift.abs(step) <= 1e-16 * Swift.abs(x) { break }
        }
        return p < 0.5 ? x : -x
    }

    /// erf(t) = 2/sqrt(pi) e^{-t^2} sum 2^n t^{2n+1} / (1*3*...*(2n+1)); all terms positive.
    static func erfSeries(_ t: Double) -> Double {
        let t2 = t * t
        var term = t
        var sum = t
        var n = 0.0
        while true {
            n += 1
            term *= 2 * t2 / (2 * n + 1)
            sum += term
            if Swift.abs(term) <= 1e-17 * Swift.abs(sum) { break }
        }
        return 2 * Elementary.invSqrtPi * Elementary.exp(-t2) * sum
    }

    /// erfc(z) for z > 0 by its continued fraction (modified Lentz).
    static func erfcContinuedFraction(_ z: Double) -> Double {
        let tiny = 1e-300
        var f = z
        var c = z
        var d = 0.0
        var n = 1.0
        while n < 5000 {
            let a = n / 2
            d = z + a * d
            if d == 0 { d = tiny }
            c = z + a / c
            if c == 0 { c = tiny }
            d = 1 / d
            let delta = c * d
            f *= delta
            if Swift.abs(delta - 1) < 1e-16 { break }
            n += 1
        }
        return Elementary.invSqrtPi * Elementary.exp(-z * z) / f
    }
}
