/// Elementary functions in pure Swift, so that `SPC` imports nothing (no Foundation, no libm).
///
/// Accuracy is a few units in the last place over the ranges the statistics need; the tests
/// compare them with known values. They are internal: other modules use their platform's libm.
enum Elementary {
    /// ln 2 split so that `k * ln2Hi` is exact for |k| < 2^11 (fdlibm's split).
    static let ln2Hi = 6.93147180369123816490e-01
    static let ln2Lo = 1.90821492927058770002e-10
    static let ln2 = 0.6931471805599453
    static let sqrt2 = 1.4142135623730951
    static let pi = 3.141592653589793
    /// 1 / sqrt(2 pi)
    static let invSqrt2Pi = 0.3989422804014327
    /// 1 / sqrt(pi)
    static let invSqrtPi = 0.5641895835477563

    /// e^x. Range reduction x = k ln 2 + r, |r| <= ln2/2, then a Taylor polynomial in Horner form.
    static func exp(_ x: Double) -> Double {
        if x.isNaN { return x }
        if x > 709.782712893384 { return .infinity }
        if x < -745.1332191019412 { return 0 }
        let k = (x / ln2).rounded(.toNearestOrEven)
        let r = (x - k * ln2Hi) - k * ln2Lo
        // Horner form of sum_{i=0}^{18} r^i / i!; |r| <= 0.35 so the truncation is below 1e-22.
        var sum = 1.0
        var i = 18.0
        while i >= 1 {
            sum = 1 + sum * r / i
            i -= 1
        }
        return scaleByPowerOfTwo(sum, Int(k))
    }

    /// x * 2^n, correct through the subnormal range.
    static func scaleByPowerOfTwo(_ x: Double, _ n: Int) -> Double {
        var value = x
        var e = n
        while e > 1000 {
            value *= Double(sign: .plus, exponent: 1000, significand: 1)
            e -= 1000
        }
        while e < -1000 {
            value *= Double(sign: .plus, exponent: -1000, significand: 1)
            e += 1000
        }
        return value * Double(sign: .plus, exponent: e, significand: 1)
    }

    /// Natural logarithm. x = m 2^e with m in [sqrt(1/2), sqrt(2)), log m = 2 atanh((m-1)/(m+1)).
    static func log(_ x: Double) -> Double {
        if x.isNaN || x < 0 { return .nan }
        if x == 0 { return -.infinity }
        if x.isInfinite { return .infinity }
        var e = Int(x.exponent)
        var m = x.significand
        if m > sqrt2 {
            m *= 0.5
            e += 1
        }
        let s = (m - 1) / (m + 1)
        let s2 = s * s
        // 2 (s + s^3/3 + ... + s^31/31); s2 <= 0.0295 so 16 terms reach 1e-24.
        var poly = 0.0
        var j = 31.0
        while j >= 3 {
            poly = (1 / j + poly) * s2
            j -= 2
        }
        let logm = 2 * s + 2 * s * poly
        let de = Double(e)
        return de * ln2Hi + (de * ln2Lo + logm)
    }

    /// x^y for x > 0.
    static func pow(_ x: Double, _ y: Double) -> Double {
        if y == 0 { return 1 }
        if x == 0 { return y > 0 ? 0 : .infinity }
        return exp(y * log(x))
    }

    /// x^n for integer n by repeated squaring (exact-ish, no log/exp rounding).
    static func pow(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        var base = n < 0 ? 1 / x : x
        var k = n < 0 ? -n : n
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return result
    }

    /// cos(x) for |x| <= 2 pi, by its Taylor series (only used for quadrature starting points).
    static func cos(_ x: Double) -> Double {
        var r = x
        while r > pi { r -= 2 * pi }
        while r < -pi { r += 2 * pi }
        let r2 = r * r
        var sum = 1.0
        var i = 30.0
        while i >= 2 {
            sum = 1 - sum * r2 / (i * (i - 1))
            i -= 2
        }
        return sum
    }
}
