/// Maps a closed interval of data values linearly onto an interval of picture coordinates and
/// proposes "nice" tick values (1, 2, 2.5 or 5 times a power of ten).
public struct LinearScale: Sendable, Hashable {
    public var domain: ClosedRange<Double>
    /// The picture coordinates of `domain.lowerBound` and `domain.upperBound` (may be reversed:
    /// SVG's y grows downwards).
    public var from: Double
    public var to: Double

    /// A scale over `domain`; an empty or degenerate domain is widened so that it has extent.
    public init(domain: ClosedRange<Double>, from: Double, to: Double) {
        var low = domain.lowerBound
        var high = domain.upperBound
        if !(high - low > 0) || !(high - low).isFinite {
            let pad = Swift.max(Swift.abs(low) * 0.01, 1e-9)
            low -= pad
            high += pad
        }
        self.domain = low...high
        self.from = from
        self.to = to
    }

    /// The picture coordinate of `value`.
    public func position(_ value: Double) -> Double {
        from + (value - domain.lowerBound) / (domain.upperBound - domain.lowerBound) * (to - from)
    }

    /// About `count` round tick values inside the domain, ascending.
    public func ticks(count: Int = 6) -> [Double] {
        let span = domain.upperBound - domain.lowerBound
        let step = Self.niceStep(span / Double(Swift.max(count, 1)))
        guard step > 0, step.isFinite else { return [] }
        var value = (domain.lowerBound / step).rounded(.up) * step
        var ticks: [Double] = []
        while value <= domain.upperBound + step * 1e-9, ticks.count < 50 {
            ticks.append(Swift.abs(value) < step * 1e-9 ? 0 : value)
            value += step
        }
        return ticks
    }

    /// The smallest of 1, 2, 2.5, 5, 10 times a power of ten that is at least `raw`.
    static func niceStep(_ raw: Double) -> Double {
        guard raw > 0, raw.isFinite else { return 0 }
        var power = 1.0
        while power * 10 <= raw { power *= 10 }
        while power > raw { power /= 10 }
        for factor in [1.0, 2.0, 2.5, 5.0, 10.0] where factor * power >= raw {
            return factor * power
        }
        return 10 * power
    }
}
