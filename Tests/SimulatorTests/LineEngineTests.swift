import Simulator
import Testing

@Suite struct LineEngineTests {
    @Test func sameSeedSameResultsOtherSeedOtherResults() throws {
        let scenario = try Fixtures.scenario("coating-drift")
        let first = try Fixtures.play(scenario, seconds: 3600)
        let second = try Fixtures.play(scenario, seconds: 3600)
        #expect(first.records == second.records)
        #expect(first.truth == second.truth)
        let other = try Fixtures.play(scenario, seed: 7, seconds: 3600)
        #expect(other.records.count == first.records.count)
        #expect(other.records != first.records)
    }

    @Test func advancingInSmallStepsGivesTheSameLine() throws {
        let scenario = try Fixtures.scenario("knife-wear")
        var stepped = try LineEngine(line: Fixtures.line, scenario: scenario)
        var records: [StationRecord] = []
        var time = 0.0
        while time < 7200 {
            time += 37.5
            records += stepped.advance(to: time)
        }
        #expect(records == (try Fixtures.play(scenario, seconds: 7200)).records)
    }

    @Test func aFaultDoesNotChangeTheInControlValuesOfOtherStations() throws {
        let baseline = try Fixtures.play(try Fixtures.scenario("baseline"), seed: 5, seconds: 1800).records
        let faulty = try Fixtures.play(try Fixtures.scenario("nozzle-step-gross"), seed: 5, seconds: 1800).records
        #expect(baseline.filter { $0.station == "coating" } == faulty.filter { $0.station == "coating" })
        let before = { (records: [StationRecord]) in records.filter { $0.station == "filling" && $0.lineTime < 600 } }
        #expect(before(baseline) == before(faulty))
    }

    @Test func everyScenarioFaultIsInTheGroundTruth() throws {
        for name in Fixtures.scenarioPaths.keys.sorted() {
            let scenario = try Fixtures.scenario(name)
            let truth = try Fixtures.play(scenario).truth
            #expect(truth.first?.event == "run_started")
            #expect(truth.last?.event == "run_stopped")
            for fault in scenario.faults {
                let began = truth.first { $0.event == "fault_began" && $0.fault == fault.id }
                #expect(began != nil, "\(name): \(fault.id) never began")
                #expect(began?.dataIntegrity == fault.kind.isDataIntegrity)
                if fault.afterUnit == nil { #expect(began?.lineTime == fault.start, "\(name): \(fault.id)") }
                let closing = truth.first { ($0.event == "fault_ended" || $0.event == "fault_summary") && $0.fault == fault.id }
                let units = closing?.units ?? 0
                let lots = closing?.lots ?? []
                #expect(units > 0, "\(name): \(fault.id) touched no unit")
                #expect(!lots.isEmpty, "\(name): \(fault.id) touched no lot")
                #expect(truth.contains { $0.event == "fault_touched_lot" && $0.fault == fault.id })
            }
            if scenario.faults.isEmpty { #expect(!truth.contains { $0.event == "fault_began" }) }
        }
    }

    @Test func processFaultsRecordTheirFirstOutOfSpecUnitAfterTheyBegan() throws {
        let expected = [
            "coating-drift", "calender-wear", "knife-wear", "nozzle-step-gross", "contamination", "dew-point-excursion",
            "oven-under-drying", "coupled-drift",
        ]
        for name in expected {
            let scenario = try Fixtures.scenario(name)
            let truth = try Fixtures.play(scenario).truth
            let first = truth.first { $0.event == "first_out_of_spec" }
            #expect(first != nil, "\(name) has no out-of-spec unit")
            guard let first, let fault = scenario.faults.first(where: { $0.id == first.fault }) else { continue }
            #expect(first.lineTime >= fault.start)
            #expect(first.unit != nil && first.lot != nil)
            let value = first.value ?? .nan
            let below = first.lsl.map { value < $0 } ?? false
            let above = first.usl.map { value > $0 } ?? false
            #expect(below || above)
        }
        // Data-integrity faults never make product out of spec.
        for name in Fixtures.scenarioPaths.keys where name.hasPrefix("di-") {
            let truth = try Fixtures.play(try Fixtures.scenario(name)).truth
            #expect(!truth.contains { $0.event == "first_out_of_spec" }, "\(name)")
        }
    }

    @Test func theDriftRampsAtItsRate() throws {
        let scenario = try Fixtures.scenario("coating-drift")
        let records = try Fixtures.play(scenario).records.filter { $0.station == "coating" }
        func mean(_ range: Range<Double>) -> Double {
            let values = records.filter { range.contains($0.lineTime) }.flatMap { $0.values[0] }
            return values.reduce(0, +) / Double(values.count)
        }
        let before = mean(0..<1800)
        let late = mean(9000..<10800)
        // +0.5 %/h of 30 mg/cm2 for ~2.25 h on average: +0.34 (batch steps add a little noise).
        #expect(abs(before - 30.0) < 0.05)
        #expect(late - before > 0.22 && late - before < 0.46)
    }

    @Test func genealogyLinksRollsBatchesReelsAndCells() throws {
        let truth = try Fixtures.play(try Fixtures.scenario("baseline")).truth
        let started = truth.filter { $0.event == "lot_started" }
        let kinds = Set(started.compactMap(\.lotKind))
        #expect(kinds.isSuperset(of: ["slurry_batch", "coated_roll", "calendered_roll", "slit_reel", "oven_batch", "cell_batch", "aging_lot"]))
        let calendered = started.first { $0.lotKind == "calendered_roll" }
        #expect(calendered?.parents == ["CR-000001"])
        let links = truth.filter { $0.event == "lot_link" && $0.lot == "CR-000001" }
        #expect(links.map(\.parent) == ["SB-000001", "SB-000002"])
        let windows = links.map { [$0.fromM ?? -1, $0.toM ?? -1] }
        #expect(windows == [[0, 1800], [1800, 3000]])
        let ovenParents = started.filter { $0.lotKind == "oven_batch" }.compactMap(\.parents).first { !$0.isEmpty } ?? []
        #expect(!ovenParents.isEmpty)
        #expect(ovenParents.allSatisfy { $0.hasPrefix("SR-") })
    }

    @Test func knivesWearAndChangeAndTheGaugeIsHeldDuringTheCalenderStop() throws {
        let truth = try Fixtures.play(try Fixtures.scenario("knife-wear")).truth
        let slit = try Fixtures.play(try Fixtures.scenario("knife-wear")).records.filter { $0.station == "slitting" }
        let early = slit.filter { $0.lineTime < 3600 }.flatMap { $0.values[0] }
        let late = slit.filter { $0.lineTime > 14400 }.flatMap { $0.values[0] }
        let earlyMean: Double = early.reduce(0, +) / Double(early.count)
        let lateMean: Double = late.reduce(0, +) / Double(late.count)
        #expect(lateMean > earlyMean + 3)
        #expect(truth.contains { $0.event == "out_of_spec" && $0.characteristic == "burr" })
        let ripple = try Fixtures.scenario("calender-ripple")
        let calendered = try Fixtures.play(ripple, seconds: 5000).records.filter { $0.station == "calendering" }
        #expect(!calendered.contains { $0.lineTime >= 3600 && $0.lineTime < 4200 })
        #expect(calendered.contains { $0.lineTime >= 4200 })
    }
}
