/// A streaming run-rule evaluator on the standardized statistic z = (x - center) / sigma.
///
/// Conventions (reference README, qcc parity): a point carries the lowest-numbered rule it
/// violates in the chosen set's numbering; a run is flagged where it first reaches its length
/// and at every later point while it continues; in 2-of-3 and 4-of-5 the current point itself
/// must be beyond the zone, on the same side; short series are fine. "Beyond" is strict (> 2,
/// not >= 2); a point exactly on the center line is on neither side, and equal neighbours
/// break a rising/falling or alternating run. O(1) work and a few words of state per point;
/// `Codable` so a monitor can be saved and restored.
///
/// Implementation: the point's zone comes from one exact conversion (ceil |z| capped at 4);
/// the state is four 8-point shift registers packed in one word, five run lengths and the last
/// point's side and step, updated with masks, adds and small bit tables only: on in-control
/// data every comparison is a coin toss, so no branch may depend on the data.
public struct RunRuleEvaluator: Sendable, Hashable, Codable {
    public let selection: RuleSelection
    /// Length of the current run on one side of the center line.
    @usableFromInline var sideRun: Int = 0
    /// Steps in the current run of rising (or of falling) points.
    @usableFromInline var trendRun: Int = 0
    /// Steps in the current run of alternating directions.
    @usableFromInline var alternatingRun: Int = 0
    /// Points in the current runs within and beyond 1 sigma.
    @usableFromInline var withinRun: Int = 0
    @usableFromInline var beyondRun: Int = 0
    /// Bytes, newest point in bit 0: above +2, below -2, above +1, below -1 sigma.
    @usableFromInline var history: UInt32 = 0
    /// The previous point's side (bits 0-1) and step direction (bits 2-3).
    @usableFromInline var lastCode: UInt32 = 0
    /// The previous z; NaN before the first point, so the first step is neither up nor down.
    @usableFromInline var previous: Double = .nan
    @usableFromInline let nelson: Bool
    @usableFromInline let mask: UInt16

    public init(selection: RuleSelection) {
        self.selection = selection
        self.nelson = selection.ruleSet == .nelson
        self.mask = selection.mask
    }

    /// Forgets the history (the selection stays).
    public mutating func reset() { self = RunRuleEvaluator(selection: selection) }

    /// Feeds the next standardized point; returns the rule it violates (lowest number) or nil.
    /// A NaN point counts as beyond the upper 3-sigma limit.
    @inlinable @inline(__always)
    public mutating func next(z: Double) -> Int? {
        // The zone from one conversion: level = ceil(|z|) capped at 4, computed exactly
        // (floor by truncation, plus one unless |z| is an integer), so |z| > k <=> level > k
        // and |z| < 1 <=> floor(|z|) = 0, with the strict inequalities of the rules.
        let magnitude = Swift.abs(z)
        let clamped = magnitude < 7.5 ? magnitude : 7.5
        let floor = Int(clamped)
        let level = Swift.min(floor &+ Int(Self.bit(Double(floor) != clamped)), 4)
        let negative = Self.bit(z < 0)
        // Side of the center: 1 above, 2 below, 0 on the line.
        let side = Self.bit(level > 0) &<< negative
        // Direction of the step: 1 up, 2 down, 0 level (or the first point).
        let direction = Self.bit(z > previous) | (Self.bit(z < previous) &<< 1)
        previous = z
        let last = lastCode
        lastCode = side | (direction &<< 2)
        let lastSide = last & 0b11
        let lastDirection = last >> 2
        // Shift registers: beyond 2 sigma in bytes 0 (above) / 1 (below), beyond 1 sigma in
        // bytes 2 / 3; the side picks the byte by a shift of 0 or 8.
        let spread = (Self.bit(level >= 3) | (Self.bit(level >= 2) &<< 16)) &<< (negative &<< 3)
        let h = ((history &<< 1) & 0xFEFE_FEFE) | spread
        history = h
        // Run lengths as masks and adds rather than selects, so no branch depends on the data
        // (a continued run always has a side or a direction, so the add restarts at 1).
        let moved = Int(Self.bit(direction != 0))
        sideRun = (sideRun & -Int(Self.bit(side & lastSide != 0))) &+ Int(Self.bit(side != 0))
        trendRun = (trendRun & -Int(Self.bit(direction & lastDirection != 0))) &+ moved
        alternatingRun = (alternatingRun & -Int(Self.bit(direction | lastDirection == 3))) &+ moved
        withinRun = (withinRun &+ 1) & -Int(Self.bit(floor == 0))
        beyondRun = (beyondRun &+ 1) & -Int(Self.bit(level >= 2))
        // 2 of 3 and 4 of 5 beyond 2 and 1 sigma on the current point's side (the current point
        // is bit 0 of that side's register): bit x of each table is set when x has enough bits
        // (3, 5, 6, 7 and 15, 23, 27, 29, 30, 31).
        let twoOfThreeTable: UInt32 = 0xE8
        let fourOfFiveTable: UInt32 = 0xE880_8000
        let sideShift = negative &<< 3
        let beyond2Register = (h >> sideShift) & 0b111
        let beyond1Register = (h >> (16 &+ sideShift)) & 0b11111
        let twoOfThree = (twoOfThreeTable >> beyond2Register) & beyond2Register & 1
        let fourOfFive = (fourOfFiveTable >> beyond1Register) & beyond1Register & 1
        var flags = Self.bit(level >= 4)
        if nelson {
            let bothSides = Self.bit(h & 0x00FF_0000 != 0) & Self.bit(h >> 24 != 0)
            flags |= Self.bit(sideRun >= 9) << 1
            flags |= Self.bit(trendRun >= 5) << 2
            flags |= Self.bit(alternatingRun >= 13) << 3
            flags |= twoOfThree << 4
            flags |= fourOfFive << 5
            flags |= Self.bit(withinRun >= 15) << 6
            flags |= (Self.bit(beyondRun >= 8) & bothSides) << 7
        } else {
            flags |= twoOfThree << 1
            flags |= fourOfFive << 2
            flags |= Self.bit(sideRun >= 8) << 3
        }
        let hit = UInt16(truncatingIfNeeded: flags) & mask
        return hit == 0 ? nil : hit.trailingZeroBitCount + 1
    }

    /// 1 or 0 without a branch.
    @inlinable @inline(__always)
    static func bit(_ condition: Bool) -> UInt32 { UInt32(unsafeBitCast(condition, to: UInt8.self)) }

    /// Labels a whole standardized series (1-based violations by index position).
    public static func evaluate(_ zs: [Double], selection: RuleSelection) -> [Int?] {
        var evaluator = RunRuleEvaluator(selection: selection)
        return zs.map { evaluator.next(z: $0) }
    }
}
