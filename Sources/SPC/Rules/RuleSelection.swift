/// A numbering of run rules. Western Electric: 1 beyond 3 sigma; 2 two of three beyond 2 sigma,
/// same side; 3 four of five beyond 1 sigma, same side; 4 eight in a row on one side. Nelson:
/// 1 beyond 3 sigma; 2 nine on one side; 3 six rising or falling; 4 fourteen alternating;
/// 5 two of three beyond 2 sigma; 6 four of five beyond 1 sigma; 7 fifteen within 1 sigma;
/// 8 eight beyond 1 sigma with both sides represented (qcc's numbering).
public enum RuleSet: String, Sendable, Hashable, Codable, CaseIterable {
    case westernElectric = "we"
    case nelson = "nelson"

    /// How many rules the set numbers.
    public var ruleCount: Int { self == .westernElectric ? 4 : 8 }
}

/// A rule set and the subset of its rules that is applied. The default, `qccDefault`, is qcc's
/// (Western Electric rules 1 and 4).
public struct RuleSelection: Sendable, Hashable, Codable {
    public var ruleSet: RuleSet
    /// Bit (r - 1) set when rule r is applied.
    public var mask: UInt16

    /// Applies `rules` (numbers in the set's numbering). Throws for a number the set lacks.
    public init(ruleSet: RuleSet, rules: [Int]) throws(SPCError) {
        var mask: UInt16 = 0
        for r in rules {
            guard (1...ruleSet.ruleCount).contains(r) else {
                throw SPCError("rule \(r) does not exist in the \(ruleSet.rawValue) set (1...\(ruleSet.ruleCount))")
            }
            mask |= 1 << UInt16(r - 1)
        }
        self.ruleSet = ruleSet
        self.mask = mask
    }

    private init(ruleSet: RuleSet, mask: UInt16) {
        self.ruleSet = ruleSet
        self.mask = mask
    }

    /// The rule numbers applied, ascending.
    public var rules: [Int] { (1...ruleSet.ruleCount).filter { mask & (1 << UInt16($0 - 1)) != 0 } }

    /// All four Western Electric rules.
    public static let westernElectric = RuleSelection(ruleSet: .westernElectric, mask: 0b1111)
    /// All eight Nelson rules.
    public static let nelson = RuleSelection(ruleSet: .nelson, mask: 0xFF)
    /// qcc's default: Western Electric rules 1 and 4.
    public static let qccDefault = RuleSelection(ruleSet: .westernElectric, mask: 0b1001)
    /// Only limit crossings (rule 1).
    public static let limitsOnly = RuleSelection(ruleSet: .westernElectric, mask: 0b0001)
    /// No rules at all.
    public static let none = RuleSelection(ruleSet: .westernElectric, mask: 0)
}
