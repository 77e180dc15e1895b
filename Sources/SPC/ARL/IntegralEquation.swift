/// Numerical building blocks of the EWMA and CUSUM run-length integral equations
/// (Nystroem method with Gauss-Legendre nodes).
enum IntegralEquation {
    /// Solves (I - K) g = 1 for g at the nodes, where K[i][j] = kernel(i, j) (already weighted).
    static func solveUnitRHS(n: Int, kernel: (Int, Int) -> Double) -> [Double]? {
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n { a[i * n + j] = -kernel(i, j) }
            a[i * n + i] += 1
        }
        return LinearSystem.solve(&a, [Double](repeating: 1, count: n), n: n)
    }
}
