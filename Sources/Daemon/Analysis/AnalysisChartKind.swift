/// The chart kinds of `lineguard analyze --chart KIND`.
public enum AnalysisChartKind: String, Sendable, Hashable, CaseIterable {
    case xbarR = "xbar-r"
    case xbarS = "xbar-s"
    case imr
    case p
    case np
    case c
    case u
    case ewma
    case cusum
    case t2
    case zmr

    /// Whether the chart reads `subgroup,count,size` files.
    var isAttribute: Bool { [.p, .np, .c, .u].contains(self) }
}
