import LineModel
import Testing
@testable import Store

/// Every legal and illegal transition through the store, against `LotStatus.applying(_:)`.
@Suite struct LotStateMachineTests {
    static let events: [LotEvent] = [
        .hold, .quarantine, .dispose(.release), .dispose(.useAsIs(concession: "C-2026-017")), .dispose(.rework),
        .dispose(.regrade(grade: "B")), .dispose(.scrap), .dispose(.returnToVendor), .reinspect(passed: true),
        .reinspect(passed: false),
    ]

    /// The store events that bring a new lot to `status`.
    static func path(to status: LotStatus) -> [LotEvent] {
        switch status {
        case .released: []
        case .onHold: [.hold]
        case .quarantined: [.hold, .quarantine]
        case .rework: [.hold, .dispose(.rework)]
        case .regraded: [.hold, .dispose(.regrade(grade: "C"))]
        case .scrapped: [.hold, .dispose(.scrap)]
        case .returnedToVendor: [.hold, .dispose(.returnToVendor)]
        }
    }

    @Test func everyTransitionMatchesTheStateMachine() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let reader = try StoreReader(path: database.path)
        var legal = 0
        var illegal = 0
        for (statusIndex, status) in LotStatus.allCases.enumerated() {
            for (eventIndex, event) in Self.events.enumerated() {
                let lot = LotID("L-\(statusIndex)-\(eventIndex)")
                try await writer.startLot(lot, kind: .slitReel, station: "slitting", at: 10)
                for step in Self.path(to: status) {
                    try await writer.apply(step, to: lot, actor: "qe.setup", note: "setup", at: 20)
                }
                #expect(try reader.lot(lot)?.status == status)
                let auditBefore = try reader.audit(lot: lot).count
                let expected = Result { () throws(LotTransitionError) in try status.applying(event) }
                do {
                    try await writer.apply(event, to: lot, actor: "mrb.kim", note: "board 7", at: 30)
                    let next = try expected.get()
                    legal += 1
                    #expect(try reader.lot(lot)?.status == next, "\(status) + \(event.name)")
                    let last = try #require(try reader.audit(lot: lot).last { $0.entity == "lot" })
                    #expect(last.actor == "mrb.kim" && last.action == event.name)
                    #expect(last.fromState == status.rawValue && last.toState == next.rawValue)
                } catch let error as LotTransitionError {
                    illegal += 1
                    #expect(throws: LotTransitionError.self) { try expected.get() }
                    #expect(error.from == status)
                    #expect(try reader.lot(lot)?.status == status, "unchanged after illegal \(event.name)")
                    #expect(try reader.audit(lot: lot).count == auditBefore, "nothing audited for an illegal event")
                }
            }
        }
        #expect(legal + illegal == LotStatus.allCases.count * Self.events.count)
        #expect(legal == 20 && illegal == 50)
        await writer.close()
    }

    @Test func dispositionsCloseHoldsAndRecordTheDecision() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let reader = try StoreReader(path: database.path)
        let lot = LotID("FB-9")
        let outcome = try await writer.record(defect: Fixtures.fillDefect(value: 76.1, at: 100, lot: lot.rawValue), signalID: nil)
        try await writer.apply(.quarantine, to: lot, actor: "op.jo", note: "moved to cage 3", at: 110)
        // The schema refuses a use-as-is without a concession number; the error names the SQL.
        let refused = await #expect(throws: StoreError.self) {
            try await writer.apply(.dispose(.useAsIs(concession: "")), to: lot, actor: "mrb.kim", note: nil, at: 120)
        }
        #expect(refused?.code == 275, "SQLITE_CONSTRAINT_CHECK")
        #expect(refused?.sql?.contains("INSERT INTO disposition") == true)
        #expect(try reader.lot(lot)?.status == .quarantined)
        try await writer.apply(.dispose(.useAsIs(concession: "C-2026-017")), to: lot, actor: "mrb.kim", note: "customer ok", at: 130)
        #expect(try reader.lot(lot)?.status == .released)
        let disposition = try #require(try reader.dispositions(lot: lot).first)
        #expect(disposition.decision == "use-as-is" && disposition.concession == "C-2026-017" && disposition.decidedBy == "mrb.kim")
        let hold = try #require(try reader.holds(lot: lot).first)
        #expect(hold.id == outcome.holdID && hold.releasedAt == 130 && hold.releasedBy == "mrb.kim")
        #expect(hold.dispositionID == disposition.id)
        #expect(try reader.defects(lot: lot).first?.dispositionID == disposition.id)
        #expect(try reader.holds(lot: lot, openOnly: true).isEmpty)
        // A new defect after release opens a new hold for the same cause.
        let again = try await writer.record(defect: Fixtures.fillDefect(value: 76.2, at: 140, lot: lot.rawValue), signalID: nil)
        #expect(again.holdIsNew && again.holdID != outcome.holdID)

        try await writer.apply(.dispose(.rework), to: lot, actor: "mrb.kim", note: nil, at: 150)
        try await writer.apply(.reinspect(passed: false), to: lot, actor: "qe.anna", note: "still under", at: 160)
        #expect(try reader.lot(lot)?.status == .onHold)
        #expect(try reader.holds(lot: lot, openOnly: true).map(\.reason) == ["still under"])
        try await writer.apply(.dispose(.regrade(grade: "B")), to: lot, actor: "mrb.kim", note: nil, at: 170)
        #expect(try reader.lot(lot)?.grade == "B")
        #expect(try reader.lot(lot)?.status == .regraded)
        try await writer.close(defect: outcome.defectID, rootCause: "nozzle 3 worn", correctiveAction: "replaced nozzle",
                               actor: "qe.anna", at: 180)
        let closed = try #require(try reader.defects(lot: lot).first { $0.id == outcome.defectID })
        #expect(closed.rootCause == "nozzle 3 worn" && closed.closedBy == "qe.anna")
        await #expect(throws: StoreError.self) {
            try await writer.apply(.hold, to: LotID("nobody"), actor: "x", note: nil, at: 1)
        }
        await writer.close()
    }

    @Test func signalsAreAcknowledgedWithCauseAndAction() async throws {
        let database = try TemporaryDatabase()
        let writer = try await Fixtures.writer(database)
        let signal = RuleSignal(characteristic: Fixtures.slitBurr, statistic: "x", ruleSet: "nelson", rule: 3, value: 6.2,
                                lcl: nil, ucl: 7, time: Fixtures.time(50), lot: LotID("SR-1"))
        let id = try await writer.record(signal: signal)
        try await writer.acknowledge(signal: id, assignableCause: "knife wear", correctiveAction: "knife change",
                                     actor: "op.jo", at: 60)
        let reader = try StoreReader(path: database.path)
        #expect(try reader.signals(openOnly: true).isEmpty)
        let record = try #require(try reader.signals().first)
        #expect(record.chart == "imr" && record.rule == 3 && record.lot == "SR-1")
        #expect(record.assignableCause == "knife wear" && record.acknowledgedBy == "op.jo")
        #expect(try reader.audit(lot: LotID("SR-1")).contains { $0.entity == "signal" && $0.actor == "op.jo" })
        await #expect(throws: StoreError.self) {
            try await writer.acknowledge(signal: 999, assignableCause: "x", correctiveAction: nil, actor: "x", at: 1)
        }
        await writer.close()
    }
}
