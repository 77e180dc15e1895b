import LineModel
import Testing
@testable import Store

/// Coated roll -> calendered roll -> slit reels -> cells (-> module), with metre windows.
@Suite struct HoldPropagationTests {
    /// Builds the genealogy and returns an open writer and reader on it.
    static func genealogy(_ database: TemporaryDatabase) async throws -> (StoreWriter, StoreReader) {
        let writer = try await Fixtures.writer(database, configuration: StoreConfiguration(propagationMarginMetres: 2))
        func start(_ id: String, _ kind: LotKind, _ station: String, _ time: Double) async throws {
            try await writer.startLot(LotID(id), kind: kind, station: station, at: time)
        }
        func link(_ parent: String, _ child: String, _ from: Double?, _ to: Double?) async throws {
            try await writer.link(parent: LotID(parent), child: LotID(child), fromMetre: from, toMetre: to, quantity: nil)
        }
        try await start("CR-1", .coatedRoll, "coating", 100)
        try await start("CAL-1", .calenderedRoll, "calendering", 200)
        try await link("CR-1", "CAL-1", 0, 1_000)
        for reel in ["SR-1A", "SR-1B", "SR-2A", "SR-2B"] { try await start(reel, .slitReel, "slitting", 300) }
        try await link("CAL-1", "SR-1A", 0, 500)
        try await link("CAL-1", "SR-1B", 0, 500)
        try await link("CAL-1", "SR-2A", 500, 1_000)
        try await link("CAL-1", "SR-2B", 500, 1_000)
        let cells: [(String, String, Double, Double)] = [
            ("C-1", "SR-1A", 0, 100), ("C-2", "SR-1A", 100, 200), ("C-3", "SR-1A", 200, 300), ("C-4", "SR-1A", 300, 500),
            ("C-5", "SR-2A", 0, 250), ("C-6", "SR-2A", 250, 500),
        ]
        for (cell, reel, from, to) in cells {
            try await start(cell, .cell, "stacking", 400)
            try await link(reel, cell, from, to)
        }
        try await start("M-1", .module, "module", 500)
        try await link("C-2", "M-1", nil, nil)
        try await link("C-3", "M-1", nil, nil)
        return (writer, try StoreReader(path: database.path))
    }

    static func held(_ reader: StoreReader) throws -> Set<String> {
        Set(try reader.lots(status: .onHold).map(\.id))
    }

    @Test func windowHoldReachesOnlyOverlappingDescendants() async throws {
        let database = try TemporaryDatabase()
        let (writer, reader) = try await Self.genealogy(database)
        let outcome = try await writer.hold(lot: LotID("CR-1"), window: MetreWindow(from: 120, to: 180),
                                            trigger: .spcSignal, reason: "loading drift", actor: "lineguard", at: 1_000)
        #expect(outcome.placed.count == 1)
        #expect(try Self.held(reader) == ["CR-1", "CAL-1", "SR-1A", "SR-1B", "C-2", "M-1"])
        #expect(outcome.propagated.count == 5)
        let reelHold = try #require(try reader.holds(lot: LotID("SR-1A")).first)
        #expect(reelHold.trigger == .upstreamHold && reelHold.window == MetreWindow(from: 118, to: 182))
        #expect(reelHold.sourceHoldID == outcome.placed.first)
        #expect(reelHold.cause == "upstream:CR-1/spc_signal:loading drift")
        #expect(try reader.holds(lot: LotID("C-2")).first?.window == MetreWindow(from: 18, to: 82))
        // Reached through C-2 only (C-3 is outside the window): one record.
        #expect(try reader.holds(lot: LotID("M-1")).count == 1)
        await writer.close()
    }

    @Test func windowAcrossTheSlitBoundaryUsesTheMargin() async throws {
        let database = try TemporaryDatabase()
        let (writer, reader) = try await Self.genealogy(database)
        try await writer.hold(lot: LotID("CR-1"), window: MetreWindow(from: 501, to: 505), trigger: .specFailure,
                              reason: "thickness", actor: "lineguard", at: 1_000)
        // 501...505 widened by 2 m touches metre 499-500 of the first reels and C-4 at their end.
        #expect(try Self.held(reader) == ["CR-1", "CAL-1", "SR-1A", "SR-1B", "SR-2A", "SR-2B", "C-4", "C-5"])
        #expect(try reader.holds(lot: LotID("SR-2A")).first?.window == MetreWindow(from: 0, to: 7))
        #expect(try reader.holds(lot: LotID("SR-1A")).first?.window == MetreWindow(from: 499, to: 500))
        await writer.close()
    }

    @Test func defectHoldsEveryDescendantOncePerCause() async throws {
        let database = try TemporaryDatabase()
        let (writer, reader) = try await Self.genealogy(database)
        let limits = SpecLimits(lsl: 19, usl: 21, target: 20)
        let defect = Defect(characteristic: Fixtures.coatingWeight, code: "COAT.WEIGHT_HIGH", severity: .major, value: 21.4,
                            limits: limits, verdict: limits.judge(21.4), station: "coating", equipment: nil,
                            time: Fixtures.time(1_000), lot: LotID("CR-1"))
        let outcome = try await writer.record(defect: defect, signalID: nil)
        let all: Set<String> = ["CR-1", "CAL-1", "SR-1A", "SR-1B", "SR-2A", "SR-2B", "C-1", "C-2", "C-3", "C-4", "C-5", "C-6", "M-1"]
        #expect(try Self.held(reader) == all)
        #expect(outcome.propagatedHoldIDs.count == all.count - 1)
        #expect(try reader.holds(lot: LotID("M-1")).count == 1, "M-1 is reached through C-2 and C-3")
        // A second defect of the same cause adds nothing anywhere.
        let again = try await writer.record(defect: defect, signalID: nil)
        #expect(!again.holdIsNew && again.propagatedHoldIDs.isEmpty)
        #expect(try reader.holds().count == all.count)
        // A child linked later to a held parent is held at once.
        try await writer.startLot(LotID("C-7"), kind: .cell, station: "stacking", at: 1_100)
        let linked = try await writer.link(parent: LotID("SR-2B"), child: LotID("C-7"), fromMetre: 0, toMetre: 80, quantity: 1)
        #expect(linked.propagated.count == 1)
        #expect(try reader.holds(lot: LotID("C-7")).first?.cause == "upstream:CR-1/spec_failure:coating.weight")
        // A scrapped descendant is not held again.
        try await writer.apply(.dispose(.scrap), to: LotID("C-6"), actor: "mrb.kim", note: nil, at: 1_200)
        try await writer.hold(lot: LotID("SR-2A"), trigger: .manual, reason: "recheck", actor: "qe.anna", at: 1_300)
        #expect(try reader.lot(LotID("C-6"))?.status == .scrapped)
        #expect(try reader.holds(lot: LotID("C-5"), openOnly: true).count == 2)
        await writer.close()
    }

    @Test func linksRefuseCyclesAndUnknownLots() async throws {
        let database = try TemporaryDatabase()
        let (writer, reader) = try await Self.genealogy(database)
        await #expect {
            try await writer.link(parent: LotID("C-1"), child: LotID("CR-1"), fromMetre: nil, toMetre: nil, quantity: nil)
        } throws: { ($0 as? StoreError)?.kind == .invalidArgument }
        await #expect {
            try await writer.link(parent: LotID("CR-1"), child: LotID("ghost"), fromMetre: nil, toMetre: nil, quantity: nil)
        } throws: { ($0 as? StoreError)?.kind == .notFound }
        #expect(try reader.children(of: LotID("CAL-1")).map(\.child) == ["SR-1A", "SR-1B", "SR-2A", "SR-2B"])
        #expect(try reader.parents(of: LotID("M-1")).map(\.parent) == ["C-2", "C-3"])
        #expect(try reader.parents(of: LotID("C-5")).first?.fromMetre == 0)
        await writer.close()
    }

    @Test func siblingHoldTakesLotsOfTheSameEquipmentSinceTheOnset() async throws {
        let database = try TemporaryDatabase()
        let (writer, reader) = try await Self.genealogy(database)
        try await writer.recordUse(lot: LotID("SR-1A"), equipment: "knife-1", station: "slitting", at: 300)
        try await writer.recordUse(lot: LotID("SR-2A"), equipment: "knife-1", station: "slitting", at: 320)
        try await writer.recordUse(lot: LotID("SR-1B"), equipment: "knife-2", station: "slitting", at: 320)
        try await writer.startLot(LotID("SR-3A"), kind: .slitReel, station: "slitting", at: 340)
        // SR-3A has only burr samples (characteristic on knife-1), no recorded use.
        try await writer.append(samples: [Fixtures.sample(Fixtures.slitBurr, 6.5, at: 345, lot: "SR-3A")])
        let outcome = try await writer.holdSiblings(equipment: "knife-1", since: 310, reason: "burr trend", actor: "qe.anna", at: 400)
        #expect(outcome.placed.count == 2)
        #expect(try Self.held(reader) == ["SR-2A", "SR-3A", "C-5", "C-6"])
        #expect(try reader.holds(lot: LotID("SR-2A")).first?.trigger == .sibling)
        await writer.close()
    }

    @Test func timeWindowHoldTakesLotsOpenDuringTheExcursion() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let intervals: [(String, Double, Double?)] = [("K-1", 0, 90), ("K-2", 50, 150), ("K-3", 120, nil), ("K-4", 210, 260), ("K-5", 100, 200)]
        for (cell, start, end) in intervals {
            try await writer.startLot(LotID(cell), kind: .cell, station: "stacking", at: start)
            if let end { try await writer.endLot(LotID(cell), at: end) }
        }
        try await writer.startLot(LotID("FB-1"), kind: .cellBatch, station: "filling", at: 110)
        let outcome = try await writer.holdOverlapping(from: 100, to: 200, kinds: [.cell], reason: "dew point -30 degC",
                                                       actor: "lineguard", at: 300)
        let reader = try StoreReader(path: database.path)
        #expect(outcome.placed.count == 3)
        #expect(try Self.held(reader) == ["K-2", "K-3", "K-5"])
        #expect(try reader.lot(LotID("K-1"))?.endedAt == 90)
        let byStation = try await writer.holdOverlapping(from: 100, to: 200, stations: ["filling"], reason: "dew point -30 degC",
                                                         actor: "lineguard", at: 300)
        #expect(byStation.placed.count == 1)
        #expect(try reader.lot(LotID("FB-1"))?.status == .onHold)
        await writer.close()
    }
}
