/// Control chart constants with qcc parity: d2 from qcc's 3-decimal table, d3 as qcc tabulates
/// it, c4 exact from the gamma function (`../shared/reference/spc/constants.csv`).
public enum ChartConstants {
    /// qcc's d2 table for n = 2...25 (index n - 2).
    static let d2Table: [Double] = [
        1.128, 1.693, 2.059, 2.326, 2.534, 2.704, 2.847, 2.970, 3.078, 3.173, 3.258, 3.336,
        3.407, 3.472, 3.532, 3.588, 3.640, 3.689, 3.735, 3.778, 3.819, 3.858, 3.895, 3.931,
    ]
    /// qcc's d3 table for n = 2...25 (index n - 2).
    static let d3Table: [Double] = [
        0.8525033, 0.8883697, 0.8798108, 0.8640855, 0.8480442, 0.8332108, 0.8198378, 0.8078413,
        0.7970584, 0.7873230, 0.7784873, 0.7704257, 0.7630330, 0.7562217, 0.7499188, 0.7440627,
        0.7386021, 0.7334929, 0.7286980, 0.7241851, 0.7199267, 0.7158987, 0.7120802, 0.7084528,
    ]

    /// The largest subgroup size with tabulated range constants.
    public static let maximumRangeSubgroupSize = 25

    /// d2(n), the mean of the range of n standard normals (qcc's table), n = 2...25.
    public static func d2(_ n: Int) -> Double? {
        (2...25).contains(n) ? d2Table[n - 2] : nil
    }

    /// d3(n), the standard deviation of that range (qcc's table), n = 2...25.
    public static func d3(_ n: Int) -> Double? {
        (2...25).contains(n) ? d3Table[n - 2] : nil
    }

    /// c4(n) = sqrt(2/(n-1)) Gamma(n/2) / Gamma((n-1)/2), exact, n >= 2.
    public static func c4(_ n: Int) -> Double {
        precondition(n >= 2, "c4 needs n >= 2")
        let nn = Double(n)
        return (2 / (nn - 1)).squareRoot()
            * Elementary.exp(GammaFunctions.logGamma(nn / 2) - GammaFunctions.logGamma((nn - 1) / 2))
    }
}
