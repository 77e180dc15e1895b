/// The statistic a chart plots (the names of the `analyze` JSON).
public enum ChartStatistic: String, Sendable, Hashable, Codable, CaseIterable {
    case xbar, r, s, x, mr, p, np, c, u, ewma, cusum, t2, z
}
