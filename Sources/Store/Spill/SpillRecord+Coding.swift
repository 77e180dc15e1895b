import LineModel

extension SpillRecord {
    /// The payload format written by this LineGuard (2: control limits carry the lag-1
    /// autocorrelation).
    static let payloadVersion: UInt8 = 2

    private enum Tag: UInt8 {
        case defect = 1, signal, limits, lotStarted, lotEnded, dataQuality
    }

    /// The payload of one spill frame: format version, idempotency key, kind, fields.
    func encoded() -> [UInt8] {
        var out = ByteWriter()
        out.u8(Self.payloadVersion)
        out.string(idempotencyKey)
        switch self {
        case .defect(let defect, let signal):
            out.u8(Tag.defect.rawValue)
            Self.write(defect, to: &out)
            out.optional(signal) { Self.write($1, to: &$0) }
        case .signal(let signal, let holdLot):
            out.u8(Tag.signal.rawValue)
            Self.write(signal, to: &out)
            out.bool(holdLot)
        case .limits(let limits):
            out.u8(Tag.limits.rawValue)
            Self.write(limits, to: &out)
        case .lotStarted(let lot, let kind, let station, let at):
            out.u8(Tag.lotStarted.rawValue)
            out.string(lot.rawValue)
            out.string(kind.rawValue)
            out.string(station)
            out.double(at)
        case .lotEnded(let lot, let at):
            out.u8(Tag.lotEnded.rawValue)
            out.string(lot.rawValue)
            out.double(at)
        case .dataQuality(let event):
            out.u8(Tag.dataQuality.rawValue)
            out.string(event.kind.rawValue)
            out.string(event.device)
            out.optional(event.characteristic) { $0.string($1.rawValue) }
            out.string(event.detail)
            Self.write(event.time, to: &out)
        }
        return out.bytes
    }

    /// Decodes a payload written by `encoded()`; the key it carries must match the record.
    init(decoding payload: ArraySlice<UInt8>) throws(SpillDecodingError) {
        var input = ByteReader(payload)
        let version = try input.u8()
        guard version == Self.payloadVersion else { throw SpillDecodingError(reason: "payload version \(version)") }
        let key = try input.string()
        let tagByte = try input.u8()
        guard let tag = Tag(rawValue: tagByte) else { throw SpillDecodingError(reason: "record kind \(tagByte)") }
        switch tag {
        case .defect:
            let defect = try Self.readDefect(&input)
            let signal = try input.optional { (input: inout ByteReader) throws(SpillDecodingError) in try Self.readSignal(&input) }
            self = .defect(defect, signal: signal)
        case .signal:
            self = .signal(try Self.readSignal(&input), holdLot: try input.bool())
        case .limits:
            self = .limits(try Self.readLimits(&input))
        case .lotStarted:
            let lot = LotID(try input.string())
            let kind = try Self.known(LotKind(rawValue: try input.string()), "lot kind")
            self = .lotStarted(lot, kind: kind, station: try input.string(), at: try input.double())
        case .lotEnded:
            self = .lotEnded(LotID(try input.string()), at: try input.double())
        case .dataQuality:
            let kind = try Self.known(DataQualityEvent.Kind(rawValue: try input.string()), "event kind")
            let device = try input.string()
            let characteristic = try input.optional { (input: inout ByteReader) throws(SpillDecodingError) in
                CharacteristicID(try input.string())
            }
            self = .dataQuality(
                DataQualityEvent(
                    kind: kind, device: device, characteristic: characteristic, detail: try input.string(),
                    time: try Self.readTime(&input)))
        }
        guard input.isAtEnd else { throw SpillDecodingError(reason: "bytes after the record") }
        guard key == idempotencyKey else { throw SpillDecodingError(reason: "idempotency key does not match the record") }
    }

    private static func known<T>(_ value: T?, _ what: String) throws(SpillDecodingError) -> T {
        guard let value else { throw SpillDecodingError(reason: "unknown \(what)") }
        return value
    }

    private static func write(_ time: SampleTime, to out: inout ByteWriter) {
        out.double(time.wall)
        out.u64(time.monotonicNanos)
    }

    private static func readTime(_ input: inout ByteReader) throws(SpillDecodingError) -> SampleTime {
        SampleTime(wall: try input.double(), monotonicNanos: try input.u64())
    }

    private static func write(_ defect: Defect, to out: inout ByteWriter) {
        out.string(defect.characteristic.rawValue)
        out.string(defect.code)
        out.string(defect.severity.rawValue)
        out.double(defect.value)
        out.optional(defect.limits.lsl) { $0.double($1) }
        out.optional(defect.limits.usl) { $0.double($1) }
        out.optional(defect.limits.target) { $0.double($1) }
        out.string(defect.verdict.rawValue)
        out.string(defect.station)
        out.optional(defect.equipment) { $0.string($1) }
        write(defect.time, to: &out)
        out.optional(defect.lot) { $0.string($1.rawValue) }
        out.optional(defect.sequence) { $0.u64($1) }
    }

    private static func readDefect(_ input: inout ByteReader) throws(SpillDecodingError) -> Defect {
        let characteristic = CharacteristicID(try input.string())
        let code = try input.string()
        let severity = try known(Severity(rawValue: try input.string()), "severity")
        let value = try input.double()
        let limits = SpecLimits(lsl: try input.optional(Self.readDouble), usl: try input.optional(Self.readDouble),
                                target: try input.optional(Self.readDouble))
        let verdict = try known(SpecVerdict(rawValue: try input.string()), "verdict")
        let station = try input.string()
        let equipment = try input.optional(Self.readString)
        let time = try readTime(&input)
        let lot = try input.optional(Self.readString).map(LotID.init(rawValue:))
        let sequence = try input.optional(Self.readU64)
        return Defect(
            characteristic: characteristic, code: code, severity: severity, value: value, limits: limits,
            verdict: verdict, station: station, equipment: equipment, time: time, lot: lot, sequence: sequence)
    }

    private static func write(_ signal: RuleSignal, to out: inout ByteWriter) {
        out.string(signal.characteristic.rawValue)
        out.string(signal.statistic)
        out.string(signal.ruleSet)
        out.i64(Int64(signal.rule))
        out.double(signal.value)
        out.optional(signal.lcl) { $0.double($1) }
        out.optional(signal.ucl) { $0.double($1) }
        write(signal.time, to: &out)
        out.optional(signal.lot) { $0.string($1.rawValue) }
        out.optional(signal.sequence) { $0.u64($1) }
    }

    private static func readSignal(_ input: inout ByteReader) throws(SpillDecodingError) -> RuleSignal {
        RuleSignal(
            characteristic: CharacteristicID(try input.string()), statistic: try input.string(),
            ruleSet: try input.string(), rule: Int(try input.i64()), value: try input.double(),
            lcl: try input.optional(Self.readDouble), ucl: try input.optional(Self.readDouble),
            time: try readTime(&input), lot: try input.optional(Self.readString).map(LotID.init(rawValue:)),
            sequence: try input.optional(Self.readU64))
    }

    private static func write(_ limits: ControlLimits, to out: inout ByteWriter) {
        out.string(limits.characteristic.rawValue)
        out.string(limits.statistic)
        out.double(limits.center)
        out.double(limits.sigma)
        out.optional(limits.lcl) { $0.double($1) }
        out.optional(limits.ucl) { $0.double($1) }
        out.string(limits.estimator)
        out.i64(Int64(limits.phase1Count))
        out.u32(UInt32(limits.excluded.count))
        for index in limits.excluded { out.i64(Int64(index)) }
        out.double(limits.computedAt)
        out.optional(limits.approvedBy) { $0.string($1) }
        out.optional(limits.approvedAt) { $0.double($1) }
        out.optional(limits.autocorrelation) { $0.double($1) }
    }

    private static func readLimits(_ input: inout ByteReader) throws(SpillDecodingError) -> ControlLimits {
        let characteristic = CharacteristicID(try input.string())
        let statistic = try input.string()
        let center = try input.double()
        let sigma = try input.double()
        let lcl = try input.optional(Self.readDouble)
        let ucl = try input.optional(Self.readDouble)
        let estimator = try input.string()
        let phase1Count = Int(try input.i64())
        let excludedCount = Int(try input.u32())
        var excluded: [Int] = []
        for _ in 0..<excludedCount { excluded.append(Int(try input.i64())) }
        let computedAt = try input.double()
        let approvedBy = try input.optional(Self.readString)
        let approvedAt = try input.optional(Self.readDouble)
        return ControlLimits(
            characteristic: characteristic, statistic: statistic, center: center, sigma: sigma, lcl: lcl, ucl: ucl,
            estimator: estimator, phase1Count: phase1Count, excluded: excluded, computedAt: computedAt,
            approvedBy: approvedBy, approvedAt: approvedAt, autocorrelation: try input.optional(Self.readDouble))
    }

    private static func readDouble(_ input: inout ByteReader) throws(SpillDecodingError) -> Double { try input.double() }
    private static func readString(_ input: inout ByteReader) throws(SpillDecodingError) -> String { try input.string() }
    private static func readU64(_ input: inout ByteReader) throws(SpillDecodingError) -> UInt64 { try input.u64() }
}
