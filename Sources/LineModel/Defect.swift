/// A nonconformance: one measurement outside its specification limits.
public struct Defect: Sendable, Hashable {
    public var characteristic: CharacteristicID
    /// A code of the plant's taxonomy, `STATION.PROBLEM` (e.g. `FILL.UNDER`, `SLIT.BURR`).
    public var code: String
    public var severity: Severity
    public var value: Double
    public var limits: SpecLimits
    public var verdict: SpecVerdict
    public var station: String
    /// The equipment within the station (a nozzle, a lane, a welder), if named.
    public var equipment: String?
    public var time: SampleTime
    public var lot: LotID?
    public var sequence: UInt64?

    public init(
        characteristic: CharacteristicID, code: String, severity: Severity, value: Double,
        limits: SpecLimits, verdict: SpecVerdict, station: String, equipment: String?,
        time: SampleTime, lot: LotID?, sequence: UInt64? = nil
    ) {
        self.characteristic = characteristic
        self.code = code
        self.severity = severity
        self.value = value
        self.limits = limits
        self.verdict = verdict
        self.station = station
        self.equipment = equipment
        self.time = time
        self.lot = lot
        self.sequence = sequence
    }
}
