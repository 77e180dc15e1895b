import Foundation

/// One run of a subject against the farm at one unit period: warm-up, then a measured window.
struct Trial {
    let subject: any Subject
    let farm: DeviceFarm
    /// Seconds between two units of a characteristic.
    let period: Double
    /// Seconds measured after the warm-up.
    let window: Double
    /// Whether to time probes (needs the Phase I of every characteristic done first).
    let probes: Bool

    struct Result {
        var subject: String
        var period: Double
        var pollInterval: Double
        var window: Double
        var unitsInWindow: Int
        var committedInWindow: Int
        /// Units the subject did not see in the window (gaps in the stored unit counters).
        var missedInWindow: Int
        /// Its own totals over the whole run (start-up included).
        var summary: SubjectSummary
        /// CPU seconds per wall second over the window (1.0 = one core busy).
        var cpuShare: Double
        var residentMiB: Double
        var peakResidentMiB: Double
        /// Register write to signal row seen, in seconds, one per probe written in the window.
        var latencies: [Double]
        var probesWritten: Int

        var expectedInWindow: Int { unitsInWindow * DeviceFarm.devices * DeviceFarm.characteristics }
        var samplesPerSecond: Double { Double(committedInWindow) / window }

        /// Zero dropped, everything accepted committed, the commits keeping pace with the units
        /// made (within 6 %: a window holds a whole number of commit batches), and at most one
        /// unit in a thousand missed (a poll delayed past a whole unit period by the load of a
        /// shared box; the count is reported either way).
        var sustained: Bool {
            summary.dropped == 0 && summary.committed == summary.accepted
                && Double(committedInWindow) >= 0.94 * Double(expectedInWindow)
                && Double(missedInWindow) <= 0.001 * Double(expectedInWindow)
        }

        var verdict: String {
            var reasons: [String] = []
            if summary.dropped > 0 { reasons.append("\(summary.dropped) dropped") }
            if Double(missedInWindow) > 0.001 * Double(expectedInWindow) { reasons.append("\(missedInWindow) units missed") }
            if summary.committed != summary.accepted { reasons.append("\(summary.accepted - summary.committed) not committed") }
            if Double(committedInWindow) < 0.94 * Double(expectedInWindow) {
                reasons.append("committed \(committedInWindow) of \(expectedInWindow)")
            }
            return reasons.isEmpty ? "sustained" : "not sustained: " + reasons.joined(separator: ", ")
        }
    }

    /// The subject's poll interval: whole milliseconds just under half the unit period, so at
    /// least two polls see every unit, and not a divisor of the period, so the poll cycle drifts
    /// against the units and probes land at every phase of it (an exact half would lock the
    /// phase and make the latency depend on when the subject happened to start).
    var pollInterval: Double {
        Double(max(1, Int((period * 500).rounded(.up)) - 1)) / 1000
    }

    func run() throws -> Result {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "pipeline-bench-\(getpid())-\(subject.name)-\(Int(period * 1000))ms")
        try? FileManager.default.removeItem(at: directory)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("bench.sqlite").path

        farm.start(period: period)
        defer { farm.stop() }
        let process = try subject.start(pollInterval: pollInterval, database: database, farm: farm, directory: directory)
        let watcher = probes ? SignalWatcher(path: database) : nil
        var stopped = false
        defer {
            if !stopped {
                _ = watcher?.stop()
                process.terminateGracefully()
            }
        }

        // Started: samples are being committed.
        var reader: SQLiteReader?
        let startDeadline = Monotonic.now() + 60
        while reader.map({ $0.integer("SELECT max(id) FROM sample") }) ?? 0 == 0 {
            guard process.isRunning, Monotonic.now() < startDeadline else {
                if !process.isRunning {
                    // Its own report (or its log, when it has none) says why.
                    let summary = try subject.summary(of: process, database: database, directory: directory)
                    throw SubjectError(subject: subject.name, message: "exited before committing a sample: \(summary)")
                }
                throw SubjectError(subject: subject.name, message: "committed no sample within 60 s (running: \(process.isRunning))")
            }
            Monotonic.sleep(until: Monotonic.now() + 0.05)
            if reader == nil { reader = SQLiteReader(path: database) }
        }
        guard let reader else { throw SubjectError(subject: subject.name, message: "database vanished") }
        // Warm-up: every characteristic through Phase I (its limits stored), then two seconds
        // for the writer to work off the burst of limit records, so the window sees steady state.
        let characteristics = Int64(DeviceFarm.devices * DeviceFarm.characteristics)
        let phaseOneDeadline = Monotonic.now() + 40 * period + 60
        while reader.integer("SELECT count(DISTINCT characteristic_id) FROM control_limit") < characteristics {
            guard process.isRunning, Monotonic.now() < phaseOneDeadline else {
                throw SubjectError(subject: subject.name, message: "did not store the Phase I limits of every characteristic in time")
            }
            Monotonic.sleep(until: Monotonic.now() + 0.1)
        }
        Monotonic.sleep(until: Monotonic.now() + 2)
        if probes { farm.startProbing(everyTicks: max(1, Int((0.25 / period).rounded()))) }

        let pid = process.processIdentifier
        let start = Monotonic.now()
        let ticks0 = farm.ticks
        let committed0 = reader.integer("SELECT max(id) FROM sample")
        let cpu0 = ProcessProbe.cpuSeconds(pid: pid) ?? 0
        Monotonic.sleep(until: start + window)
        let end = Monotonic.now()
        let ticks1 = farm.ticks
        let committed1 = reader.integer("SELECT max(id) FROM sample")
        let cpu1 = ProcessProbe.cpuSeconds(pid: pid) ?? cpu0
        let memory = ProcessProbe.memory(pid: pid) ?? (resident: .nan, peak: .nan)
        // Units missed in the window: gaps in each characteristic's unit counters.
        let missed = reader.integer(
            """
            SELECT coalesce(sum(span - n), 0) FROM (SELECT max(sequence) - min(sequence) + 1 AS span, count(*) AS n
            FROM sample WHERE id > \(committed0) AND id <= \(committed1) GROUP BY characteristic_id)
            """)

        // Let the last probes of the window reach the disk (at most 5 s), then stop everything.
        farm.stopProbing()
        let inWindow = farm.probes.filter { $0.writtenAt >= start && $0.writtenAt <= end }
        if let watcher {
            let deadline = Monotonic.now() + 5
            while Monotonic.now() < deadline,
                inWindow.contains(where: { watcher.seen[SignalWatcher.Key(characteristic: $0.characteristic, sequence: $0.sequence)] == nil })
            {
                Monotonic.sleep(until: Monotonic.now() + 0.05)
            }
        }
        let seen = watcher?.stop() ?? [:]
        process.terminateGracefully()
        stopped = true
        let summary = try subject.summary(of: process, database: database, directory: directory)

        let latencies = inWindow.compactMap { probe in
            seen[SignalWatcher.Key(characteristic: probe.characteristic, sequence: probe.sequence)].map { $0 - probe.writtenAt }
        }
        return Result(
            subject: subject.name, period: period, pollInterval: pollInterval, window: end - start, unitsInWindow: ticks1 - ticks0,
            committedInWindow: Int(committed1 - committed0), missedInWindow: Int(missed), summary: summary, cpuShare: (cpu1 - cpu0) / (end - start),
            residentMiB: memory.resident, peakResidentMiB: memory.peak, latencies: latencies, probesWritten: inWindow.count)
    }
}
