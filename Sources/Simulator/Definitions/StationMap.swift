/// Where a simulated station publishes its data: 0-based protocol addresses of holding
/// registers on the station's own Modbus device. Every station has the common header
/// (heartbeat, status word, sequence counter, quality flags, lot id); the rest is optional.
///
/// Status word bits: 0 running, 1 fault, 2 line stopped, 3 result waiting for its
/// acknowledge, 4 result queue overflowed (results lost). Quality word: bit n set = stream
/// n + 1's measurement is not valid (the instrument knows it is bad).
public struct StationMap: Sendable, Hashable {
    /// uint16, +1 every 100 ms of wall time while the controller is alive (wraps).
    public var heartbeat: UInt16
    public var status: UInt16
    /// uint32, +1 with every latched result (the result-ready handshake counter).
    public var sequence: UInt16
    /// uint16 bit field, one bit per stream.
    public var quality: UInt16
    /// Where a poller acknowledges a result by writing the sequence's low 16 bits (optional).
    public var acknowledge: UInt16?
    /// The current lot id, ASCII (high byte first), `lotRegisters` registers, NUL padded.
    public var lot: UInt16
    public var lotRegisters: Int
    /// The parent lot id (slurry batch for coating, coated roll for calendering, knife set for
    /// slitting, ...), same encoding (optional).
    public var parentLot: UInt16?
    /// float32 metre counter on the current roll, in the station's byte order (web stations).
    public var metre: UInt16?
    /// The unit id of the latched result (a cell serial), string of `lotRegisters` registers.
    public var unitID: UInt16?
    /// Per stream: uint32 count of results (stride 2), for pollers that key on a per-stream counter.
    public var streamCounters: UInt16?
    /// Per stream: uint32 unit serial number of the stream's latest result (stride 2).
    public var streamUnits: UInt16?

    public init(
        heartbeat: UInt16 = 0, status: UInt16 = 1, sequence: UInt16 = 2, quality: UInt16 = 4, acknowledge: UInt16? = 6,
        lot: UInt16 = 10, lotRegisters: Int = 8, parentLot: UInt16? = nil, metre: UInt16? = nil, unitID: UInt16? = nil,
        streamCounters: UInt16? = nil, streamUnits: UInt16? = nil
    ) {
        self.heartbeat = heartbeat
        self.status = status
        self.sequence = sequence
        self.quality = quality
        self.acknowledge = acknowledge
        self.lot = lot
        self.lotRegisters = lotRegisters
        self.parentLot = parentLot
        self.metre = metre
        self.unitID = unitID
        self.streamCounters = streamCounters
        self.streamUnits = streamUnits
    }

    /// Status word bits.
    public enum StatusBit {
        public static let running: UInt16 = 1 << 0
        public static let fault: UInt16 = 1 << 1
        public static let stopped: UInt16 = 1 << 2
        public static let awaitingAcknowledge: UInt16 = 1 << 3
        public static let overflow: UInt16 = 1 << 4
    }

    /// Every (first address, register count) the header occupies, for overlap checks and sizing.
    func spans(streams: Int) -> [(name: String, first: Int, count: Int)] {
        var spans: [(String, Int, Int)] = [
            ("heartbeat", Int(heartbeat), 1), ("status", Int(status), 1), ("sequence", Int(sequence), 2),
            ("quality", Int(quality), 1), ("lot", Int(lot), lotRegisters),
        ]
        if let acknowledge { spans.append(("acknowledge", Int(acknowledge), 1)) }
        if let parentLot { spans.append(("parent_lot", Int(parentLot), lotRegisters)) }
        if let metre { spans.append(("metre", Int(metre), 2)) }
        if let unitID { spans.append(("unit_id", Int(unitID), lotRegisters)) }
        if let streamCounters { spans.append(("stream_counters", Int(streamCounters), 2 * streams)) }
        if let streamUnits { spans.append(("stream_units", Int(streamUnits), 2 * streams)) }
        return spans
    }
}
