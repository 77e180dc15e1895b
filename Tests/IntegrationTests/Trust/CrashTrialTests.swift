import Foundation
import LineModel
import Store
import Testing

/// Crash trials: the real daemon on the simulated filling line at full speed, killed with
/// SIGKILL at random moments (some during start-up), restarted each time. After every kill the
/// file passes `PRAGMA integrity_check`, nothing committed before the kill is lost, changed or
/// duplicated, and no restart runs Phase I again. At the end the recorded signals are compared
/// with an uninterrupted chart over the committed samples: a run that began before a crash
/// must still be seen after it.
@Suite(.serialized) struct CrashTrialTests {
    static let trials = 50
    static let characteristics = (1...8).map { CharacteristicID("filling.fill_weight.n\($0)") }

    @Test(.timeLimit(.minutes(4))) func killNineUnderLoadLosesNothingCommitted() async throws {
        let started = Date()
        let seed = ProcessInfo.processInfo.environment["LINEGUARD_CRASH_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 1...UInt64.max)
        var random = SplitMix64(seed: seed)
        // The stepped nozzle makes a defect, a signal and a hold every cell (20 cells/s per nozzle
        // at speed 60); the seven others are in control, where WE rule 4 runs come and go.
        let line = try await LineFixture(scenario: "filling-nozzle-step", speed: 60)
        try line.writeConfiguration { $0.replacingOccurrences(of: "rules = [1]", with: "rules = [1, 4]") }
        var trial = CrashTrial(line: line)
        try await trial.launch(waitForSocket: true)
        let frozen = try await line.waitFor(seconds: 30) { status in
            status.characteristics.count == Self.characteristics.count && status.characteristics.allSatisfy { $0.center != nil }
        }
        try #require(frozen, "Phase I did not complete: \(trial.log)")
        let limits = try Self.currentLimits(line.database)
        var previous = try CommittedRecords(path: line.database)
        let limitVersions = previous.limitVersions
        #expect(limitVersions == 2 * Self.characteristics.count, "x and mr limits per characteristic: \(previous.summary)")

        var failures: [String] = []
        var kills: [Double] = []
        var earlyKills = 0
        var operations = 0
        for number in 1...Self.trials {
            let early = number % 7 == 0
            if early {
                // Killed while it opens the store, migrates, syncs the line or binds its socket.
                try await Task.sleep(for: .milliseconds(Int.random(in: 20...300, using: &random)))
                earlyKills += 1
            } else {
                try await Task.sleep(for: .milliseconds(Int.random(in: 300...1_400, using: &random)))
                if number % 2 == 0, try trial.holdAndScrapAFinishedLot(note: "crash trial \(number)", failures: &failures) {
                    operations += 1
                }
            }
            let snapshot = try CommittedRecords(path: line.database)
            trial.kill()
            // After the process is gone: every committed point was read before this moment.
            kills.append(Date().timeIntervalSince1970)
            let integrity = try StoreReader(path: line.database).integrityCheck()
            if integrity != ["ok"] { failures.append("trial \(number): integrity_check \(integrity.prefix(5))") }
            failures += snapshot.lost(since: previous).prefix(10).map { "trial \(number): \($0)" }
            failures += snapshot.duplicated.prefix(10).map { "trial \(number): duplicated \($0)" }
            if snapshot.limitVersions != limitVersions {
                failures.append("trial \(number): \(snapshot.limitVersions) control-limit versions, expected \(limitVersions)")
            }
            previous = snapshot
            try await trial.launch(waitForSocket: !((number + 1) % 7 == 0))
        }

        // The last start runs undisturbed, then stops cleanly; its record must hold everything.
        if !trial.socketReady { try await trial.waitForSocket() }
        try await Task.sleep(for: .seconds(2))
        #expect(trial.stop() == 0, "the last daemon must stop cleanly: \(trial.log.suffix(2000))")
        let final = try CommittedRecords(path: line.database)
        #expect(try StoreReader(path: line.database).integrityCheck() == ["ok"])
        failures += final.lost(since: previous).prefix(10).map { "after the last stop: \($0)" }
        failures += final.duplicated.prefix(10).map { "after the last stop: duplicated \($0)" }
        #expect(final.limitVersions == limitVersions, "no new Phase I after a restart: \(final.summary)")
        #expect(try Self.currentLimits(line.database) == limits, "the frozen limits are the ones restored")
        for (index, log) in trial.logs.enumerated().dropFirst() where log.contains("control limits frozen after Phase I") {
            failures.append("start \(index) ran Phase I again")
        }
        #expect(failures.isEmpty, "\(failures.count) problem(s):\n\(failures.prefix(30).joined(separator: "\n"))")
        #expect(final.defects.count > 0 && final.holds.count > 0 && final.dispositions.count > 0 && operations > 0)

        let runs = try UninterruptedReplay(path: line.database, characteristics: Self.characteristics, limits: limits, kills: kills)
        #expect(runs.missing.isEmpty, "signals an uninterrupted chart raises on committed points:\n\(runs.missing.prefix(20).joined(separator: "\n"))")
        #expect(runs.unexpected.isEmpty, "signals no uninterrupted chart raises:\n\(runs.unexpected.prefix(20).joined(separator: "\n"))")
        // A restart replays the latest stored samples through each chart, so a run that began
        // before a crash is still seen after it. (About 20-30 such runs per test; none would
        // mean the check saw nothing.)
        #expect(runs.required > 0 && runs.acrossCrash > 0, "the reference must have signals to compare")
        #expect(runs.missedAcrossCrash.isEmpty, "runs that began before a crash and were not seen after it:\n\(runs.missedAcrossCrash.prefix(20).joined(separator: "\n"))")
        #expect(runs.samplesWithoutDefect.isEmpty, "committed out-of-spec samples without a defect:\n\(runs.samplesWithoutDefect.prefix(20).joined(separator: "\n"))")
        print(
            "crash trials: \(Self.trials) kills (\(earlyKills) during start-up), \(operations) hold+scrap operations, "
                + "seed \(seed), \(String(format: "%.1f", Date().timeIntervalSince(started))) s; \(final.summary); "
                + "reference signals: \(runs.required) (\(runs.missing.count) missing), "
                + "\(runs.acrossCrash) across a crash (\(runs.missedAcrossCrash.count) missed), \(runs.lastBeforeKill) on the last point before a kill, "
                + "\(runs.signalsWithoutSample) recorded whose sample died in a kill; "
                + "\(runs.outOfSpecSamples) out-of-spec samples (\(runs.outOfSpecLastBeforeKill) the last before a kill), "
                + "\(runs.samplesWithoutDefect.count) without a defect")
    }

    static func currentLimits(_ path: String) throws -> [CharacteristicID: ControlLimits] {
        let reader = try StoreReader(path: path)
        defer { reader.close() }
        var limits: [CharacteristicID: ControlLimits] = [:]
        for id in characteristics { limits[id] = try reader.currentLimits(id, statistic: "x") }
        return limits
    }
}

/// A small seeded generator, so a run's kill moments can be replayed (LINEGUARD_CRASH_SEED).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
