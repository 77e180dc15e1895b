/// Equal-width bins over a range; a value on an inner edge goes to the upper bin, the maximum to
/// the last bin.
public struct HistogramBins: Sendable, Hashable {
    public var lower: Double
    public var width: Double
    public var counts: [Int]

    public init(values: [Double], range: ClosedRange<Double>, count: Int) {
        let count = Swift.max(count, 1)
        lower = range.lowerBound
        let span = range.upperBound - range.lowerBound
        width = span > 0 ? span / Double(count) : 1
        var counts = Array(repeating: 0, count: count)
        for value in values where value.isFinite && range.contains(value) {
            let bin = Swift.min(Int((value - lower) / width), count - 1)
            counts[Swift.max(bin, 0)] += 1
        }
        self.counts = counts
    }

    /// The default bin count for `n` values: about sqrt(n), 6 to 40.
    public static func defaultCount(for n: Int) -> Int {
        var root = 1
        while (root + 1) * (root + 1) <= n { root += 1 }
        return Swift.min(Swift.max(root, 6), 40)
    }

    /// Lower edge of bin `i`.
    public func edge(_ i: Int) -> Double { lower + Double(i) * width }
}
