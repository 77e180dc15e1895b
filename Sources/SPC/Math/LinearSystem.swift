/// Dense linear algebra for the small systems of the ARL integral equations and Hotelling T2:
/// LU decomposition with partial pivoting, row-major storage.
struct LinearSystem {
    /// Solves A x = b in place (A is n x n row-major and is overwritten). Returns nil if singular.
    static func solve(_ a: inout [Double], _ b: [Double], n: Int) -> [Double]? {
        var x = b
        var pivots = [Int](repeating: 0, count: n)
        guard decompose(&a, n: n, pivots: &pivots) else { return nil }
        substitute(a, n: n, pivots: pivots, &x)
        return x
    }

    /// The inverse of an n x n row-major matrix, or nil if singular.
    static func inverse(_ matrix: [Double], n: Int) -> [Double]? {
        var a = matrix
        var pivots = [Int](repeating: 0, count: n)
        guard decompose(&a, n: n, pivots: &pivots) else { return nil }
        var inv = [Double](repeating: 0, count: n * n)
        for col in 0..<n {
            var e = [Double](repeating: 0, count: n)
            e[col] = 1
            substitute(a, n: n, pivots: pivots, &e)
            for row in 0..<n { inv[row * n + col] = e[row] }
        }
        return inv
    }

    private static func decompose(_ a: inout [Double], n: Int, pivots: inout [Int]) -> Bool {
        for k in 0..<n {
            var best = k
            var bestValue = Swift.abs(a[k * n + k])
            for i in (k + 1)..<Swift.max(k + 1, n) where Swift.abs(a[i * n + k]) > bestValue {
                best = i
                bestValue = Swift.abs(a[i * n + k])
            }
            if bestValue == 0 || !bestValue.isFinite { return false }
            pivots[k] = best
            if best != k {
                for j in 0..<n { a.swapAt(k * n + j, best * n + j) }
            }
            let diagonal = a[k * n + k]
            for i in (k + 1)..<Swift.max(k + 1, n) {
                let factor = a[i * n + k] / diagonal
                a[i * n + k] = factor
                if factor == 0 { continue }
                for j in (k + 1)..<n { a[i * n + j] -= factor * a[k * n + j] }
            }
        }
        return true
    }

    private static func substitute(_ lu: [Double], n: Int, pivots: [Int], _ x: inout [Double]) {
        for k in 0..<n where pivots[k] != k { x.swapAt(k, pivots[k]) }
        for i in 0..<n {
            var sum = x[i]
            for j in 0..<i { sum -= lu[i * n + j] * x[j] }
            x[i] = sum
        }
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for j in (i + 1)..<n { sum -= lu[i * n + j] * x[j] }
            x[i] = sum / lu[i * n + i]
        }
    }
}

/// Gauss-Legendre quadrature nodes and weights on an interval (Newton iteration on P_n).
struct GaussLegendre {
    var nodes: [Double]
    var weights: [Double]

    init(count n: Int, from a: Double, to b: Double) {
        var x = [Double](repeating: 0, count: n)
        var w = [Double](repeating: 0, count: n)
        let half = (b - a) / 2
        let mid = (b + a) / 2
        let m = (n + 1) / 2
        for i in 0..<m {
            var z = Elementary.cos(Elementary.pi * (Double(i) + 0.75) / (Double(n) + 0.5))
            var derivative = 0.0
            for _ in 0..<100 {
                var p0 = 1.0
                var p1 = 0.0
                for j in 1...n {
                    let p2 = p1
                    p1 = p0
                    p0 = ((2 * Double(j) - 1) * z * p1 - (Double(j) - 1) * p2) / Double(j)
                }
                derivative = Double(n) * (z * p0 - p1) / (z * z - 1)
                let step = p0 / derivative
                z -= step
                if Swift.abs(step) < 1e-16 { break }
            }
            x[i] = mid - half * z
            x[n - 1 - i] = mid + half * z
            w[i] = 2 * half / ((1 - z * z) * derivative * derivative)
            w[n - 1 - i] = w[i]
        }
        nodes = x
        weights = w
    }
}
