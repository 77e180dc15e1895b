/// A control-chart signal as stored, with its acknowledgement.
public struct SignalRecord: Sendable, Hashable, Codable {
    public var id: Int64
    public var characteristic: String
    /// The chart kind of the characteristic (`imr`, `ewma`, ...) and the statistic that signalled.
    public var chart: String
    public var statistic: String
    public var ruleSet: String
    public var rule: Int
    public var value: Double?
    public var lcl: Double?
    public var ucl: Double?
    public var time: Double
    public var lot: String?
    public var sequence: Int64?
    /// Times (seconds since the epoch) of the points the rule covered, when the caller gave them.
    public var points: [Double]
    public var acknowledgedAt: Double?
    public var acknowledgedBy: String?
    public var assignableCause: String?
    public var correctiveAction: String?

    public init(
        id: Int64, characteristic: String, chart: String, statistic: String, ruleSet: String, rule: Int,
        value: Double?, lcl: Double?, ucl: Double?, time: Double, lot: String?, sequence: Int64?,
        points: [Double], acknowledgedAt: Double?, acknowledgedBy: String?, assignableCause: String?,
        correctiveAction: String?
    ) {
        self.id = id
        self.characteristic = characteristic
        self.chart = chart
        self.statistic = statistic
        self.ruleSet = ruleSet
        self.rule = rule
        self.value = value
        self.lcl = lcl
        self.ucl = ucl
        self.time = time
        self.lot = lot
        self.sequence = sequence
        self.points = points
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
        self.assignableCause = assignableCause
        self.correctiveAction = correctiveAction
    }
}
