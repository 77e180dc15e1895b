/// One result a simulated station latches: a traverse profile, a machine cycle, a sample, a
/// cell, an oven batch. Values hold the true (physical) values, before any data-integrity
/// fault changes what the device reports.
public struct StationRecord: Sendable, Hashable {
    /// Index of the station in the line definition.
    public var stationIndex: Int
    public var station: String
    /// 1-based result number (the device's sequence counter).
    public var sequence: UInt64
    /// Line seconds since the start of the run.
    public var lineTime: Double
    public var lot: String
    public var parentLot: String?
    /// Metres on the current roll at the end of this result (web stations).
    public var metre: Double?
    /// The unit this result belongs to (`CR-000002@1520m`, a cell serial, an oven batch).
    public var unit: String
    /// Per stream: the unit's serial number (filling cells), when streams make separate units.
    public var streamUnits: [UInt32]?
    /// `values[c][s]`: characteristic c (line-definition order), stream s.
    public var values: [[Double]]

    public init(
        stationIndex: Int, station: String, sequence: UInt64, lineTime: Double, lot: String, parentLot: String? = nil,
        metre: Double? = nil, unit: String, streamUnits: [UInt32]? = nil, values: [[Double]]
    ) {
        self.stationIndex = stationIndex
        self.station = station
        self.sequence = sequence
        self.lineTime = lineTime
        self.lot = lot
        self.parentLot = parentLot
        self.metre = metre
        self.unit = unit
        self.streamUnits = streamUnits
        self.values = values
    }

    /// The unit id of `stream` (a cell serial for per-cell streams, else the record's unit).
    public func unit(stream: Int) -> String {
        guard let streamUnits, stream < streamUnits.count else { return unit }
        return Self.cellSerial(streamUnits[stream])
    }

    /// The text form of a cell serial number.
    public static func cellSerial(_ number: UInt32) -> String { "C" + zeroPadded(Int(number), width: 8) }
}

/// `prefix-000042`.
func lotName(_ prefix: String, _ number: Int) -> String { prefix + "-" + zeroPadded(number, width: 6) }

func zeroPadded(_ number: Int, width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
}
