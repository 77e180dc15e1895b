/// One characteristic at a glance: its current spec limits, last sample, current control
/// limits (of its first statistic, `x` or `xbar`) and counts of open signals and defects.
public struct CharacteristicStatus: Sendable, Hashable, Codable {
    public var id: String
    public var station: String
    public var unit: String
    public var lsl: Double?
    public var usl: Double?
    public var lastValue: Double?
    /// `Quality.code` of the last sample.
    public var lastQuality: String?
    public var lastTime: Double?
    public var lcl: Double?
    public var center: Double?
    public var ucl: Double?
    public var openSignals: Int
    /// Defects not yet closed or disposed.
    public var defects: Int

    public init(
        id: String, station: String, unit: String, lsl: Double?, usl: Double?, lastValue: Double?,
        lastQuality: String?, lastTime: Double?, lcl: Double?, center: Double?, ucl: Double?,
        openSignals: Int, defects: Int
    ) {
        self.id = id
        self.station = station
        self.unit = unit
        self.lsl = lsl
        self.usl = usl
        self.lastValue = lastValue
        self.lastQuality = lastQuality
        self.lastTime = lastTime
        self.lcl = lcl
        self.center = center
        self.ucl = ucl
        self.openSignals = openSignals
        self.defects = defects
    }
}
