/// The chart families of `lineguard arl` and `lineguard design`.
public enum RunLengthChart: String, Sendable, Hashable, CaseIterable {
    case shewhart
    case ewma
    case cusum
}
