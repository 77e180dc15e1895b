public import LineModel
public import ModbusKit

/// One measured characteristic of a simulated station: its in-control figures (from the CTQ
/// catalog), where its value lives in the result block and how the daemon should chart it.
public struct CharacteristicDefinition: Sendable, Hashable {
    /// Short name within the station (`cathode_loading`); the daemon id is
    /// `station.name` or `station.name.<stream prefix><n>`.
    public var name: String
    /// The ctq-catalog row it stands for (documentation and traceability).
    public var ctq: String?
    public var unit: String
    public var nominal: Double
    public var lsl: Double?
    public var usl: Double?
    /// In-control standard deviation (for `lognormal` characteristics: sigma of ln(value)).
    public var sigma: Double
    /// AR(1) coefficient of the in-control noise (0: independent samples).
    public var arPhi: Double
    /// `normal` or `lognormal` in-control distribution.
    public var distribution: Distribution
    /// Address of stream 1's value; stream n lives at `address + stride * (n - 1)`.
    public var address: UInt16
    public var stride: Int
    public var type: ValueType
    /// Overrides the station's byte order for this value (nil: the station's).
    public var byteOrder: ByteOrder?
    /// One value per stream (lane, nozzle), or a single value.
    public var perStream: Bool
    public var physicalRange: ClosedRange<Double>
    /// The largest plausible change between two readings, in the value's unit (nil: none):
    /// written as the daemon's `max_step`, so that a reading that jumps further (a word-swapped
    /// float inside the physical range) is a data-quality event, not a measurement.
    public var maxStep: Double?
    /// Charting hints for the daemon configuration the simulator writes.
    public var phase1: Int
    public var rules: [Int]
    public var chart = ChartHints()
    public var defectCodeLow: String?
    public var defectCodeHigh: String?
    public var severity: Severity

    /// The in-control distribution of a characteristic.
    public enum Distribution: String, Sendable, Hashable, CaseIterable {
        case normal
        /// `nominal` is the median; `sigma` the standard deviation of ln(value).
        case lognormal
    }

    public init(
        name: String, ctq: String? = nil, unit: String, nominal: Double, lsl: Double?, usl: Double?, sigma: Double,
        arPhi: Double = 0, distribution: Distribution = .normal, address: UInt16, stride: Int = 2,
        type: ValueType = .float32, byteOrder: ByteOrder? = nil, perStream: Bool = true,
        physicalRange: ClosedRange<Double>, phase1: Int = 25, rules: [Int] = [1, 2, 3, 4],
        defectCodeLow: String? = nil, defectCodeHigh: String? = nil, severity: Severity = .major
    ) {
        self.name = name
        self.ctq = ctq
        self.unit = unit
        self.nominal = nominal
        self.lsl = lsl
        self.usl = usl
        self.sigma = sigma
        self.arPhi = arPhi
        self.distribution = distribution
        self.address = address
        self.stride = stride
        self.type = type
        self.byteOrder = byteOrder
        self.perStream = perStream
        self.physicalRange = physicalRange
        self.phase1 = phase1
        self.rules = rules
        self.defectCodeLow = defectCodeLow
        self.defectCodeHigh = defectCodeHigh
        self.severity = severity
    }

    /// True when `value` lies outside the specification limits.
    public func isOutOfSpec(_ value: Double) -> Bool {
        if let lsl, value < lsl { return true }
        if let usl, value > usl { return true }
        return false
    }

    /// The protocol address of `stream`'s value (0-based stream).
    public func address(stream: Int) -> UInt16 { address + UInt16(perStream ? stride * stream : 0) }
}
