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
    /// Lengths of the current runs above and below the center line.
    @usableFromInline var above: Int = 0
    @usableFromInline var below: Int = 0
    /// Lengths of the current runs of rising and of falling steps.
    @usableFromInline var rising: Int = 0
    @usableFromInline var falling: Int = 0
    /// Count of consecutive steps alternating in direction, and the last step's direction.
    @usableFromInline var alternating: Int = 0
    @usableFromInline var lastUp: Int = 0
    @usableFromInline var lastDown: Int = 0
    @usableFromInline var within1: Int = 0
    @usableFromInline var beyond1: Int = 0
    /// Shift registers, newest point in bit 0: above +2, below -2, above +1, below -1 sigma.
    @usableFromInline var above2: UInt8 = 0
    @usableFromInline var below2: UInt8 = 0
    @usableFromInline var above1: UInt8 = 0
    @usableFromInline var below1: UInt8 = 0
    /// The previous z; NaN before the first point, so the first step is neither up nor down.
    @usableFromInline var previous: Double = .nan

    public init(selection: RuleSelection) {
        self.selection = selection
        self.nelson = selection.ruleSet == .nelson
        self.mask = selection.mask
    }

    /// Forgets the history (the selection stays).
    public mutating func reset() { self = RunRuleEvaluator(selection: selection) }

    /// Feeds the next standardized point; returns the rule it violates (lowest number) or nil.
    /// Written without data-dependent branches: on in-control data every comparison is a coin
    /// toss, and mispredicted branches would dominate the cost.
    @inlinable @inline(__always)
    public mutating func next(z: Double) -> Int? {
        let magnitude = Swift.abs(z)
        let up2 = Self.bit(z > 2)
        let dn2 = Self.bit(z < -2)
        let up1 = Self.bit(z > 1)
        let dn1 = Self.bit(z < -1)
        above2 = above2 &<< 1 | up2
        below2 = below2 &<< 1 | dn2
        above1 = above1 &<< 1 | up1
        below1 = below1 &<< 1 | dn1
        above = (above &+ 1) & -Int(Self.bit(z > 0))
        below = (below &+ 1) & -Int(Self.bit(z < 0))
        within1 = (within1 &+ 1) & -Int(Self.bit(magnitude < 1))
        beyond1 = (beyond1 &+ 1) & -Int(Self.bit(magnitude > 1))
        let up = Int(Self.bit(z > previous))
        let down = Int(Self.bit(z < previous))
        rising = (rising &+ 1) & -up
        falling = (falling &+ 1) & -down
        let turned = (up & lastDown) | (down & lastUp)
        alternating = turned &* (alternating &+ 1) &+ (1 &- turned) &* (up | down)
        lastUp = up
        lastDown = down
        previous = z

        // "At least 2 of 3" and "at least 4 of 5" by table: bit x of the constant is set when x
        // has that many bits set (3, 5, 6, 7 and 15, 23, 27, 29, 30, 31).
        let twoOfThreeTable: UInt32 = 0b1110_1000
        let fourOfFiveTable: UInt32 = 0b1110_1000_1000_0000_1000_0000_0000_0000
        let twoOfThree = UInt16(truncatingIfNeeded:
            (UInt32(up2) & (twoOfThreeTable >> UInt32(above2 & 0b111)))
            | (UInt32(dn2) & (twoOfThreeTable >> UInt32(below2 & 0b111))))
        let fourOfFive = UInt16(truncatingIfNeeded:
            (UInt32(up1) & (fourOfFiveTable >> UInt32(above1 & 0b11111)))
            | (UInt32(dn1) & (fourOfFiveTable >> UInt32(below1 & 0b11111))))
        let run = Swift.max(above, below)
        var flags = UInt16(Self.bit(magnitude > 3))
        if nelson {
            flags |= UInt16(Self.bit(run >= 9)) << 1
            flags |= UInt16(Self.bit(rising >= 5) | Self.bit(falling >= 5)) << 2
            flags |= UInt16(Self.bit(alternating >= 13)) << 3
            flags |= twoOfThree << 4
            flags |= fourOfFive << 5
            flags |= UInt16(Self.bit(within1 >= 15)) << 6
            flags |= UInt16(Self.bit(beyond1 >= 8) & Self.bit(above1 != 0) & Self.bit(below1 != 0)) << 7
        } else {
            flags |= twoOfThree << 1
            flags |= fourOfFive << 2
            flags |= UInt16(Self.bit(run >= 8)) << 3
        }
        let hit = flags & mask
        return hit == 0 ? nil : hit.trailingZeroBitCount + 1
    }

    /// 1 or 0 without a branch.
    @inlinable
    static func bit(_ condition: Bool) -> UInt8 { unsafeBitCast(condition, to: UInt8.self) }

    /// Labels a whole standardized series (1-based violations by index position).
    public static func evaluate(_ zs: [Double], selection: RuleSelection) -> [Int?] {
        var evaluator = RunRuleEvaluator(selection: selection)
        return zs.map { evaluator.next(z: $0) }
    }
}
