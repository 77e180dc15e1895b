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
