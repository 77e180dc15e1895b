import LineModel
import Testing
@testable import Store

/// The payload of a spill entry: every kind round-trips exactly, keys are stable and tell
/// records apart, and a damaged payload is refused rather than misread.
@Suite struct SpillRecordTests {
    static let signal = RuleSignal(
        characteristic: Fixtures.fillWeight, statistic: "x", ruleSet: "we", rule: 1, value: 79.6, lcl: 76.9, ucl: 79.1,
        time: Fixtures.time(1_000.25), lot: LotID("B-7"), sequence: 42)

    static let every: [SpillRecord] = [
        .defect(Fixtures.fillDefect(value: 76.1, at: 1_000.25, lot: "B-7"), signal: signal),
        .defect(
            Defect(characteristic: Fixtures.slitBurr, code: "SLIT.BURR", severity: .critical, value: -0.0,
                   limits: SpecLimits(usl: 10), verdict: .above, station: "slitting", equipment: nil,
                   time: SampleTime(wall: 1.5e9, monotonicNanos: .max), lot: nil, sequence: nil),
            signal: nil),
        .signal(signal, holdLot: true),
        .signal(RuleSignal(characteristic: Fixtures.coatingWeight, statistic: "ewma", ruleSet: "nelson", rule: 7,
                           value: .infinity, lcl: nil, ucl: nil, time: Fixtures.time(2_000), lot: nil), holdLot: false),
        .limits(ControlLimits(characteristic: Fixtures.fillWeight, statistic: "x", center: 78, sigma: 0.4, lcl: 76.8,
                              ucl: 79.2, estimator: "mr", phase1Count: 100, excluded: [3, 17], computedAt: 1_000,
                              approvedBy: "system", approvedAt: 1_001)),
        .limits(ControlLimits(characteristic: Fixtures.fillWeight, statistic: "mr", center: 0.45, sigma: 0.4, lcl: nil,
                              ucl: 1.47, estimator: "mr", phase1Count: 99, computedAt: 1_000)),
        .lotStarted(LotID("B-7 ünïcode"), kind: .cellBatch, station: "filling", at: 999.5),
        .lotEnded(LotID("B-7"), at: 1_800),
        .dataQuality(DataQualityEvent(kind: .decodeError, device: "filler-plc", characteristic: Fixtures.fillWeight,
                                      detail: "NaN in registers 40010-40011", time: Fixtures.time(1_000.5))),
        .dataQuality(DataQualityEvent(kind: .deviceDown, device: "filler-plc", detail: "", time: Fixtures.time(1_001))),
    ]

    @Test(arguments: every) func everyKindRoundTrips(_ record: SpillRecord) throws {
        let payload = record.encoded()
        let decoded = try SpillRecord(decoding: payload[...])
        #expect(decoded == record)
        #expect(decoded.idempotencyKey == record.idempotencyKey)
        #expect(decoded.encoded() == payload, "stable bytes")
    }

    @Test func keysTellRecordsApartAndIgnoreWhatIsNotTheirIdentity() {
        #expect(Set(Self.every.map(\.idempotencyKey)).count == Self.every.count)
        var later = Self.signal
        later.time = Fixtures.time(1_000.5)
        #expect(SpillRecord.signal(later, holdLot: true).idempotencyKey != SpillRecord.signal(Self.signal, holdLot: true).idempotencyKey)
        // The same signal, spilled once with and once without its hold, is one record.
        #expect(SpillRecord.signal(Self.signal, holdLot: false).idempotencyKey == SpillRecord.signal(Self.signal, holdLot: true).idempotencyKey)
        #expect(Self.every[0].idempotencyKey.hasPrefix("defect/filling.fill_weight.n3/"))
    }

    @Test func aDamagedPayloadIsRefused() {
        let payload = Self.every[0].encoded()
        #expect(throws: SpillDecodingError.self) { try SpillRecord(decoding: payload.dropLast()[...]) }
        #expect(throws: SpillDecodingError.self) { try SpillRecord(decoding: (payload + [0])[...]) }
        var newer = payload
        newer[0] = 99
        #expect(throws: SpillDecodingError.self) { try SpillRecord(decoding: newer[...]) }
        // A payload whose key does not belong to its fields (a writer bug, not a torn write).
        var wrongKey = payload
        let keyStart = 1 + 4
        wrongKey[keyStart] = UInt8(ascii: "X")
        #expect(throws: SpillDecodingError.self) { try SpillRecord(decoding: wrongKey[...]) }
    }

    @Test func anEntryThisVersionCannotDecodeIsCountedNotReplayed() async throws {
        let database = try TemporaryDatabase()
        let path = Spill.path(forDatabase: database.path)
        var unknown = Self.every[7].encoded()
        unknown[0] = SpillRecord.payloadVersion + 1
        do {
            let file = try SpillFile(path: path, capacity: SpillLayout.minimumCapacity)
            try file.append([Self.every[7].encoded(), unknown, Self.every[6].encoded()])
            file.close()
        }
        let spill = try Spill(path: path, capacity: SpillLayout.minimumCapacity)
        let contents = try await spill.contents()
        #expect(contents.records == [Self.every[7], Self.every[6]])
        #expect(contents.undecodable == 1)
    }
}
