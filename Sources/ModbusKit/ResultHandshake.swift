public import LineModel

/// The result-ready handshake of a discrete station: the PLC latches a result block and then
/// increments a sequence counter; LineGuard reads the block when the counter changes and may
/// acknowledge. Each result is delivered once; lost sequence numbers are counted.
public struct ResultHandshake: Sendable, Hashable {
    /// Unique per device; keys the handshake's state.
    public var name: String
    /// The counter (an unsigned or signed integer type; compared over its full width, with wrap).
    public var sequence: PointDefinition
    /// The values of one result.
    public var block: [PointDefinition]
    /// Where to acknowledge a result, if the PLC expects it. The target must be in the device's
    /// `writeTargets`.
    public var acknowledge: Acknowledge?
    /// The last sequence already processed (from the store, after a restart). When nil, the
    /// first counter seen is taken as the baseline and its block is not read: a result that may
    /// have been read before the restart is never read twice.
    public var resumeAfter: UInt64?
    /// A jump larger than this is a counter reset (PLC restart), not lost results.
    public var maxPlausibleSkip: UInt64

    /// How a result is acknowledged.
    public enum Acknowledge: Sendable, Hashable {
        /// Write the sequence number (its low 16 bits) to a holding register.
        case echoSequence(unit: UInt8, address: UInt16)
        /// Set a coil; the PLC clears it when it latches the next result.
        case setCoil(unit: UInt8, address: UInt16)
    }

    public init(
        name: String, sequence: PointDefinition, block: [PointDefinition], acknowledge: Acknowledge? = nil,
        resumeAfter: UInt64? = nil, maxPlausibleSkip: UInt64 = 10_000
    ) {
        self.name = name
        self.sequence = sequence
        self.block = block
        self.acknowledge = acknowledge
        self.resumeAfter = resumeAfter
        self.maxPlausibleSkip = maxPlausibleSkip
    }

    /// Checks the handshake as a whole; the error names the field.
    public func validate() throws(ModbusConfigurationError) {
        try sequence.validate()
        for point in block { try point.validate() }
        switch sequence.type {
        case .uint16, .uint32, .uint64, .int16, .int32, .int64: break
        default:
            throw ModbusConfigurationError(
                key: "handshakes.\(name).sequence.type", value: sequence.type.name, expected: "an integer type")
        }
        if block.isEmpty {
            throw ModbusConfigurationError(key: "handshakes.\(name).block", value: "[]", expected: "at least one value")
        }
    }

    /// The counter's modulus as a bit width (16, 32 or 64).
    var sequenceBits: Int { sequence.type.registersNeeded * 16 }
}

/// What one handshake poll found.
public struct HandshakeResult: Sendable, Hashable {
    public enum Outcome: Sendable, Hashable {
        /// The counter did not move: nothing new.
        case unchanged
        /// First sight of the counter without `resumeAfter`: remembered, not read.
        case baseline
        /// A new result; `readings` holds its block.
        case result
        /// The counter or block could not be read (quality says why; `.stale` when the counter kept
        /// moving during three block reads); it is retried next poll.
        case failed(Quality)
    }

    public var outcome: Outcome
    /// The counter value the result (or baseline) belongs to.
    public var sequence: UInt64?
    /// The block's values, stamped with the time of their request (only for `.result`).
    public var readings: [PointReading]
    /// Sequence numbers lost between the previous result and this one.
    public var skipped: UInt64
    /// The counter jumped implausibly (PLC restart); `skipped` is 0 then.
    public var counterReset: Bool
    /// Why the acknowledge failed, when it did (the result is still delivered).
    public var acknowledgeError: ModbusError?

    public init(
        outcome: Outcome, sequence: UInt64? = nil, readings: [PointReading] = [], skipped: UInt64 = 0,
        counterReset: Bool = false, acknowledgeError: ModbusError? = nil
    ) {
        self.outcome = outcome
        self.sequence = sequence
        self.readings = readings
        self.skipped = skipped
        self.counterReset = counterReset
        self.acknowledgeError = acknowledgeError
    }
}

/// Counters of one handshake since the device was created.
public struct HandshakeStatistics: Sendable, Hashable {
    public var results = 0
    /// Total sequence numbers lost.
    public var skippedSequences: UInt64 = 0
    /// Block reads discarded because the counter moved while the block was read.
    public var tornReads = 0
    public var acknowledgeFailures = 0
    public var counterResets = 0
    public var failures = 0

    public init() {}
}

/// The per-handshake state a device keeps.
struct HandshakeState {
    var last: UInt64?
    var statistics = HandshakeStatistics()
}
