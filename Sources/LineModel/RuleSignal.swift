/// A control-chart rule that fired on a characteristic: an early warning, not a defect.
public struct RuleSignal: Sendable, Hashable {
    public var characteristic: CharacteristicID
    /// The chart statistic that signalled (`x`, `mr`, `xbar`, `ewma`, `cusum`, ...).
    public var statistic: String
    /// The rule set (`we` or `nelson`) and the rule number in that set's numbering.
    public var ruleSet: String
    public var rule: Int
    /// The charted value, and the limits it was judged against.
    public var value: Double
    public var lcl: Double?
    public var ucl: Double?
    public var time: SampleTime
    public var lot: LotID?
    /// The device sequence number of the measurement that completed the rule, if any.
    public var sequence: UInt64?

    public init(
        characteristic: CharacteristicID, statistic: String, ruleSet: String, rule: Int,
        value: Double, lcl: Double?, ucl: Double?, time: SampleTime, lot: LotID?, sequence: UInt64? = nil
    ) {
        self.characteristic = characteristic
        self.statistic = statistic
        self.ruleSet = ruleSet
        self.rule = rule
        self.value = value
        self.lcl = lcl
        self.ucl = ucl
        self.time = time
        self.lot = lot
        self.sequence = sequence
    }
}
