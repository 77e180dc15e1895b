/// A streaming run-rule evaluator on the standardized statistic z = (x - center) / sigma.
///
/// Conventions (reference README, qcc parity): a point carries the lowest-numbered rule it
/// violates in the chosen set's numbering; a run is flagged where it first reaches its length
/// and at every later point while it continues; in 2-of-3 and 4-of-5 the current point itself
/// must be beyond the zone, on the same side; short series are fine. "Beyond" is strict (> 2,
/// not >= 2); a point exactly on the center line is on neither side. O(1) work and a few words
/// of state per point; `Codable` so a monitor can be saved and restored.
public struct RunRuleEvaluator: Sendable, Hashable, Codable {
    public let selection: RuleSelection
    @usableFromInline var nelson: Bool
    @usableFromInline var mask: UInt16
    /// Signed length of the current run on one side of the center.
    @usableFromInline var sameSide: Int = 0
    /// Signed count of consecutive rising (+) or falling (-) steps.
    @usableFromInline var trend: Int = 0
    /// Count of consecutive steps alternating in direction.
    @usableFromInline var alternating: Int = 0
    @usableFromInline var lastStep: Int = 0
    @usableFromInline var within1: Int = 0
    @usableFromInline var beyond1: Int = 0
    /// Shift registers, newest point in bit 0: above +2, below -2, above +1, below -1 sigma.
    @usableFromInline var above2: UInt8 = 0
    @usableFromInline var below2: UInt8 = 0
    @usableFromInline var above1: UInt8 = 0
    @usableFromInline var below1: UInt8 = 0
    @usableFromInline var previous: Double = 0
    @usableFromInline var count: Int = 0

    public init(selection: RuleSelection) {
        self.selection = selection
        self.nelson = selection.ruleSet == .nelson
        self.mask = selection.mask
    }

    /// Forgets the history (the selection stays).
    public mutating func reset() { self = RunRuleEvaluator(selection: selection) }

    /// Feeds the next standardized point; returns the rule it violates (lowest number) or nil.
    @inlinable
    public mutating func next(z: Double) -> Int? {
        let up2: UInt8 = z > 2 ? 1 : 0
        let dn2: UInt8 = z < -2 ? 1 : 0
        let up1: UInt8 = z > 1 ? 1 : 0
        let dn1: UInt8 = z < -1 ? 1 : 0
        above2 = above2 &<< 1 | up2
        below2 = below2 &<< 1 | dn2
        above1 = above1 &<< 1 | up1
        below1 = below1 &<< 1 | dn1
        if z > 0 {
            sameSide = sameSide > 0 ? sameSide &+ 1 : 1
        } else if z < 0 {
            sameSide = sameSide < 0 ? sameSide &- 1 : -1
        } else {
            sameSide = 0
        }
        let outside1 = up1 | dn1
        within1 = (z < 1 && z > -1) ? within1 &+ 1 : 0
        beyond1 = outside1 != 0 ? beyond1 &+ 1 : 0
        if count > 0 {
            let step = z > previous ? 1 : (z < previous ? -1 : 0)
            if step > 0 {
                trend = trend > 0 ? trend &+ 1 : 1
            } else if step < 0 {
                trend = trend < 0 ? trend &- 1 : -1
            } else {
                trend = 0
            }
            alternating = (step != 0 && step == -lastStep) ? alternating &+ 1 : (step != 0 ? 1 : 0)
            lastStep = step
        }
        previous = z
        count &+= 1

        let beyond3 = z > 3 || z < -3
        let twoOfThree = (up2 != 0 && (above2 & 0b111).nonzeroBitCount >= 2)
            || (dn2 != 0 && (below2 & 0b111).nonzeroBitCount >= 2)
        let fourOfFive = (up1 != 0 && (above1 & 0b11111).nonzeroBitCount >= 4)
            || (dn1 != 0 && (below1 & 0b11111).nonzeroBitCount >= 4)
        let run = sameSide < 0 ? -sameSide : sameSide
        var flags: UInt16 = beyond3 ? 1 : 0
        if nelson {
            let rising = trend < 0 ? -trend : trend
            if run >= 9 { flags |= 1 << 1 }
            if rising >= 5 { flags |= 1 << 2 }
            if alternating >= 13 { flags |= 1 << 3 }
            if twoOfThree { flags |= 1 << 4 }
            if fourOfFive { flags |= 1 << 5 }
            if within1 >= 15 { flags |= 1 << 6 }
            if beyond1 >= 8 && above1 != 0 && below1 != 0 { flags |= 1 << 7 }
        } else {
            if twoOfThree { flags |= 1 << 1 }
            if fourOfFive { flags |= 1 << 2 }
            if run >= 8 { flags |= 1 << 3 }
        }
        let hit = flags & mask
        return hit == 0 ? nil : hit.trailingZeroBitCount + 1
    }

    /// Labels a whole standardized series (1-based violations by index position).
    public static func evaluate(_ zs: [Double], selection: RuleSelection) -> [Int?] {
        var evaluator = RunRuleEvaluator(selection: selection)
        return zs.map { evaluator.next(z: $0) }
    }
}
