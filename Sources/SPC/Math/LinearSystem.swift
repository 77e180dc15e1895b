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
