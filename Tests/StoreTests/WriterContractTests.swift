import Foundation
import LineModel
import Testing
@testable import Store

@Suite struct WriterContractTests {
    @Test func samplesSignalsDefectsAndStatusRoundTrip() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        try await writer.startLot(LotID("FB-1"), kind: .cellBatch, station: "filling", at: 1_001)
        try await writer.append(samples: [
            Fixtures.sample(Fixtures.fillWeight, 78.1, at: 1_010, lot: "FB-1"),
            Fixtures.sample(Fixtures.fillWeight, .nan, at: 1_011, lot: "FB-1", quality: .decodeError(.notANumber)),
            Fixtures.sample(Fixtures.coatingWeight, 20.1, at: 1_012, lot: "CR-1"),
        ])
        let signal = RuleSignal(characteristic: Fixtures.fillWeight, statistic: "x", ruleSet: "we", rule: 1, value: 76.5,
                                lcl: 77.1, ucl: 78.9, time: Fixtures.time(1_020), lot: LotID("FB-1"))
        let signalID = try await writer.record(signal: signal, points: [1_020])
        let outcome = try await writer.record(defect: Fixtures.fillDefect(value: 76.5, at: 1_020, lot: "FB-1"), signalID: signalID)
        #expect(outcome.holdIsNew)
        #expect(outcome.holdID != nil)
        #expect(outcome.lotStatus == .onHold)
        try await writer.updateDevice(name: "filler-plc", state: "up", lastPoll: 1_021, roundTripSeconds: 0.004)
        try await writer.save(limits: ControlLimits(
            characteristic: Fixtures.fillWeight, statistic: "x", center: 78, sigma: 0.3, lcl: 77.1, ucl: 78.9,
            estimator: "mr", phase1Count: 25, excluded: [3, 17], computedAt: 1_005, approvedBy: "qe.anna", approvedAt: 1_006))
        try await writer.saveMonitorState(characteristic: Fixtures.fillWeight, blob: [1, 2, 3])
        try await writer.record(event: DataQualityEvent(kind: .frozenSensor, device: "filler-plc",
                                                        characteristic: Fixtures.fillWeight, detail: "mr=0 x 20",
                                                        time: Fixtures.time(1_022)))

        let reader = try StoreReader(path: database.path)
        let status = try reader.status()
        let fill = try #require(status.characteristics.first { $0.id == Fixtures.fillWeight.rawValue })
        #expect(fill.lastValue == nil)
        #expect(fill.lastQuality == "decode:nan")
        #expect(fill.lastTime == 1_011)
        #expect(fill.lsl == 76.8 && fill.usl == 79.2)
        #expect(fill.lcl == 77.1 && fill.center == 78 && fill.ucl == 78.9)
        #expect(fill.openSignals == 1 && fill.defects == 1)
        #expect(status.devices.first { $0.name == "filler-plc" }?.state == "up")
        #expect(status.defects.map(\.id) == [outcome.defectID])
        #expect(status.defects.first?.signalID == signalID)
        #expect(status.defects.first?.holdID == outcome.holdID)
        #expect(status.openSignals.first?.points == [1_020])
        #expect(status.heldLots.map(\.id) == ["FB-1"])
        #expect(Set(status.openLots.map(\.id)) == ["FB-1", "CR-1"])
        #expect(try reader.lot(LotID("CR-1"))?.kind == .coatedRoll)
        #expect(try reader.currentLimits(Fixtures.fillWeight, statistic: "x")?.excluded == [3, 17])
        #expect(try reader.monitorState(characteristic: Fixtures.fillWeight) == [1, 2, 3])
        #expect(try reader.dataQualityEvents().first?.kind == "frozen_sensor")
        let samples = try reader.samples(characteristic: Fixtures.fillWeight, from: 0, to: 2_000)
        #expect(samples.count == 2)
        #expect(samples[0].value == 78.1 && samples[0].lot == LotID("FB-1"))
        #expect(samples[1].value.isNaN && samples[1].quality == .decodeError(.notANumber))
        let encoded = try JSONEncoder().encode(status)
        #expect(try JSONDecoder().decode(StatusReport.self, from: encoded) == status)
        await writer.close()
    }

    @Test func repeatedDefectsOfOneCauseKeepOneHold() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let first = try await writer.record(defect: Fixtures.fillDefect(value: 76.0, at: 1_100, lot: "FB-2"), signalID: nil)
        let second = try await writer.record(defect: Fixtures.fillDefect(value: 75.9, at: 1_101, lot: "FB-2"), signalID: nil)
        #expect(first.holdIsNew && !second.holdIsNew)
        #expect(first.holdID == second.holdID)
        let manual = try await writer.hold(lot: LotID("FB-2"), trigger: .manual, reason: "supervisor check", actor: "sup.li", at: 1_102)
        #expect(manual != nil)
        #expect(try await writer.hold(lot: LotID("FB-2"), trigger: .manual, reason: "supervisor check", actor: "sup.li", at: 1_103) == nil)
        let reader = try StoreReader(path: database.path)
        #expect(try reader.holds(lot: LotID("FB-2")).count == 2)
        #expect(try reader.defects(lot: LotID("FB-2")).count == 2)
        await writer.close()
    }

    @Test func defectWithoutLotIsStillRecorded() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let outcome = try await writer.record(defect: Fixtures.fillDefect(value: 80, at: 1_200, lot: nil), signalID: nil)
        #expect(outcome.holdID == nil && outcome.lotStatus == nil)
        #expect(try StoreReader(path: database.path).defects().map(\.verdict) == ["above"])
        await writer.close()
    }

    @Test func aBadSampleBatchNeverBlocksADefect() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        writer.enqueue(samples: [Fixtures.sample(CharacteristicID("not.configured"), 1, at: 1)])
        let outcome = try await writer.record(defect: Fixtures.fillDefect(value: 76, at: 2, lot: "FB-3"), signalID: nil)
        #expect(outcome.holdIsNew)
        #expect(await writer.pendingSampleCount == 0)
        #expect(writer.lostSampleCount == 1)
        #expect(try StoreReader(path: database.path).defects().count == 1)
        await writer.close()
    }

    @Test func readerNeedsAnExistingLineGuardFile() throws {
        let database = try TemporaryDatabase()
        #expect(throws: StoreError.self) { try StoreReader(path: database.path) }
        #expect(!FileManager.default.fileExists(atPath: database.path), "a read-only open creates nothing")
    }

    @Test func unknownCharacteristicIsAClearError() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        await #expect {
            try await writer.append(samples: [Fixtures.sample(CharacteristicID("nope"), 1, at: 1)])
        } throws: { error in
            (error as? StoreError)?.kind == .notFound
        }
        await writer.close()
        await #expect(throws: StoreError.self) { try await writer.append(samples: [Fixtures.sample(Fixtures.fillWeight, 1, at: 1)]) }
    }
}
