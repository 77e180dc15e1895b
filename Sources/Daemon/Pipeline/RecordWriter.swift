import Logging
import LineModel
import Store

/// Moves records from the queue into the store: consecutive samples as one batched
/// transaction, everything else durably and one by one, in arrival order.
///
/// A record the store could not take (disk full, I/O error) is kept and retried before
/// anything newer, except raw samples, which are counted and dropped after a failed batch.
/// When the disk is full, the kept records also go to the spill beside the database (synced
/// before anything acts on them), so that a crash does not lose them; they are replayed from
/// it at the next start. A retried or replayed record is looked up first and written only if
/// it is not committed yet.
struct RecordWriter: Sendable {
    let queue: RecordQueue
    let store: StoreWriter
    let interval: Duration
    let progress: PipelineProgress
    /// Called after a hold was made durable (never before): committed, or in the spill. The
    /// lot and its station.
    let onHold: @Sendable (LotID, String) -> Void
    /// The station of a characteristic in the configuration in force (signals do not carry it).
    let stationOf: @Sendable (CharacteristicID) -> String?
    let logger: Logger
    /// The durable spill (`<database>.spill`); nil when it could not be opened (records then
    /// wait in memory only).
    let spill: Spill?

    /// A writer whose spill of `spillBytes` bytes is opened (created and allocated if needed)
    /// beside the database. A spill that cannot be opened is logged; the writer then works
    /// without one.
    init(
        queue: RecordQueue, store: StoreWriter, interval: Duration, progress: PipelineProgress,
        onHold: @escaping @Sendable (LotID, String) -> Void, stationOf: @escaping @Sendable (CharacteristicID) -> String?,
        logger: Logger, spillBytes: Int = DaemonSettings.defaultSpillBytes
    ) {
        self.queue = queue
        self.store = store
        self.interval = interval
        self.progress = progress
        self.onHold = onHold
        self.stationOf = stationOf
        self.logger = logger
        let path = Spill.path(forDatabase: store.path)
        do {
            spill = try Spill(path: path, capacity: spillBytes)
        } catch {
            logger.critical(
                "cannot open the spill: records waiting for a full disk would live in memory only",
                metadata: ["spill.path": "\(path)", "error": "\(error)"])
            spill = nil
        }
    }

    /// Runs until the queue is finished, then writes what is left. Records left in the spill
    /// by an earlier run go first.
    func run() async {
        var state = WriterState()
        await recoverSpill(&state)
        if !state.pending.isEmpty { await pass(&state, adding: []) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [queue, interval] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    queue.ring()
                }
            }
            for await _ in queue.wakeups {
                DaemonMetrics.queueDepth(queue.depth)
                await pass(&state, adding: queue.drain())
                progress.completedWriterPass()
            }
            group.cancelAll()
        }
        await pass(&state, adding: queue.drain())
        let spilled = state.pending.filter(\.spilled).count
        let lost = state.pending.filter { !$0.spilled && $0.record.spillRecord != nil }.count
        if lost > 0 {
            logger.critical(
                "records could not be stored before shutdown",
                metadata: ["records.lost": "\(lost)", "records.spilled": "\(spilled)"])
        } else if spilled > 0 {
            logger.warning(
                "records wait in the spill for the next start", metadata: ["records.spilled": "\(spilled)"])
        }
        await spill?.close()
    }

    /// Writes what an earlier run left in the spill, for a start that wants it in the
    /// database before polling begins. What cannot be written yet stays in the spill, and
    /// `run()` takes it up.
    func replaySpill() async {
        var state = WriterState()
        await recoverSpill(&state)
        guard !state.pending.isEmpty else { return }
        await pass(&state, adding: [])
    }

    /// One pass: the records waiting from earlier passes, then `fresh` ones, in order. Those
    /// that fail wait for the next pass (and go to the spill when the disk is full).
    private func pass(_ state: inout WriterState, adding fresh: [PipelineRecord]) async {
        var pass = Pass()
        let attempted = !state.pending.isEmpty || !fresh.isEmpty
        var failed = await write(state.pending + fresh.map { WaitingRecord($0) }, pass: &pass)
        if let error = pass.error, await store.isDiskFull(error) {
            await spillWaiting(&failed, state: &state)
        }
        if !failed.contains(where: \.spilled) { await resetSpill(&state) }
        state.pending = failed
        // The spill's fill level (read from it only while it holds records or writes fail).
        let spillStatus = state.spillHoldsRecords || pass.error != nil ? await spill?.status : nil
        if spill != nil { DaemonMetrics.spill(usedBytes: spillStatus?.usedBytes ?? 0, full: state.spillFull) }
        let degradation = pass.error.map { StoreDegradation(error: $0, spill: spillStatus, spillFull: state.spillFull) }
        progress.storePass(failed: degradation, pending: failed.count, lostSamples: pass.lostSamples)
        DaemonMetrics.store(degraded: pass.error != nil, pending: failed.count, lostSamples: pass.lostSamples)
        // A pass with nothing to write proves nothing about the disk.
        if attempted || degradation != nil { logOutage(&state, degradation: degradation, waiting: failed.count) }
    }

    /// The log tells an outage once: a critical line when it begins, a notice when it ends
    /// (see `StoreOutage`).
    private func logOutage(_ state: inout WriterState, degradation: StoreDegradation?, waiting: Int) {
        let error = degradation.map { "\($0)" } ?? ""
        switch state.outage.pass(failed: degradation != nil) {
        case .began:
            logger.critical(
                spill == nil
                    ? "store cannot write: polling and judging go on; defects, signals and holds wait in memory"
                    : "store cannot write: polling and judging go on; defects, signals and holds wait in the spill and in memory",
                metadata: ["error": "\(error)", "records.waiting": "\(waiting)"])
        case .relapsed:
            logger.info(
                "store failed again before its recovery was confirmed",
                metadata: ["error": "\(error)"])
        case .ended:
            logger.notice(
                "store writes again: waiting records committed",
                metadata: ["samples.lost": "\(progress.storeHealth.lostSamples)"])
        case nil:
            break
        }
    }

    /// What went wrong in one pass.
    private struct Pass {
        var error: (any Error)?
        var lostSamples = 0
    }

    private func write(_ records: [WaitingRecord], pass: inout Pass) async -> [WaitingRecord] {
        var samples: [Sample] = []
        var failed: [WaitingRecord] = []
        // Control limits depend on nothing else in the queue: all of a pass go in one durable
        // transaction (the end of Phase I of many characteristics is one sync, not thousands).
        let limits = records.filter { if case .limits = $0.record { true } else { false } }
        if !limits.isEmpty {
            do {
                try await save(limits)
            } catch {
                pass.error = error
                failed += limits.map { $0.failed() }
            }
        }
        for waiting in records {
            if case .sample(let sample) = waiting.record {
                samples.append(sample)
                continue
            }
            if case .limits = waiting.record { continue }
            await flush(&samples, pass: &pass)
            if !failed.isEmpty {
                // Keep order: once something failed, everything after it waits too.
                failed.append(waiting)
                continue
            }
            do {
                try await store(waiting)
            } catch {
                let partial = error as? PartlyStored
                let cause = partial?.error ?? error
                if let refusal = cause as? StoreError, refusal.kind == .notFound || refusal.kind == .invalidArgument {
                    // The store refuses it for good (a characteristic, device or lot it does
                    // not know): retrying cannot help, and it must not hold back all after it.
                    logger.error(
                        "record refused by the store and dropped",
                        metadata: ["record": "\(waiting.record)", "error": "\(refusal)"])
                    continue
                }
                pass.error = cause
                failed.append(waiting.failed(remainder: partial?.remainder))
            }
        }
        await flush(&samples, pass: &pass)
        return failed
    }

    /// Saves control-limit versions in one transaction, except those a retry finds committed.
    private func save(_ limits: [WaitingRecord]) async throws {
        var versions: [ControlLimits] = []
        for waiting in limits {
            guard case .limits(let version) = waiting.record else { continue }
            if waiting.retried, try await store.isCommitted(.limits(version)) { continue }
            versions.append(version)
        }
        if !versions.isEmpty { try await store.save(limits: versions) }
    }

    private func flush(_ samples: inout [Sample], pass: inout Pass) async {
        guard !samples.isEmpty else { return }
        let clock = ContinuousClock()
        let start = clock.now
        do {
            try await store.append(samples: samples)
            progress.committed(samples: samples.count)
            let elapsed = (clock.now - start).components
            DaemonMetrics.commit(seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) * 1e-18, rows: samples.count)
        } catch {
            // Raw samples are the one kind of record the daemon may lose; counted, and the
            // store's state says so (no log line per batch while the disk stays full).
            pass.error = error
            pass.lostSamples += samples.count
        }
        samples.removeAll(keepingCapacity: true)
    }

    private func store(_ waiting: WaitingRecord) async throws {
        let retried = waiting.retried
        switch waiting.record {
        case .sample(let sample):
            try await store.append(samples: [sample])
        case .defect(let defect, let signal, var signalID):
            if retried, try await store.isCommitted(.defect(defect, signal: signal)) {
                if !waiting.acted, let lot = defect.lot { onHold(lot, defect.station) }
                return
            }
            if let signal, signalID == nil {
                if retried { signalID = try await store.committedSignalID(signal) }
                if signalID == nil { signalID = try await store.record(signal: signal) }
            }
            let outcome: DefectOutcome
            do {
                outcome = try await store.record(defect: defect, signalID: signalID)
            } catch {
                // The signal is in; only the defect is retried.
                throw PartlyStored(remainder: .defect(defect, signal: signal, signalID: signalID), error: error)
            }
            if outcome.holdIsNew, let lot = defect.lot {
                DaemonMetrics.hold(count: 1 + outcome.propagatedHoldIDs.count)
                if !waiting.acted { onHold(lot, defect.station) }
            }
        case .signal(let signal, let holdLot):
            // A retry finds the signal committed if only its hold failed.
            let committed = retried ? try await store.committedSignalID(signal) : nil
            if committed == nil { _ = try await store.record(signal: signal) }
            if holdLot, let lot = signal.lot, let station = stationOf(signal.characteristic) {
                let placed = try await store.hold(
                    lot: lot, trigger: .spcSignal,
                    reason: "\(signal.characteristic): \(signal.ruleSet) rule \(signal.rule) on \(signal.statistic)",
                    actor: "lineguard", at: signal.time.wall)
                if placed != nil {
                    DaemonMetrics.hold()
                    if !waiting.acted { onHold(lot, station) }
                }
            }
        case .limits(let limits):
            if retried, try await store.isCommitted(.limits(limits)) { return }
            _ = try await store.save(limits: limits)
        case .lotStarted(let lot, let kind, let station, let at):
            try await store.startLot(lot, kind: kind, station: station, at: at)
        case .lotEnded(let lot, let at):
            try await store.endLot(lot, at: at)
        case .dataQuality(let event):
            if retried, try await store.isCommitted(.dataQuality(event)) { return }
            try await store.record(event: event)
        case .deviceState(let name, let state, let at, let roundTrip):
            try await store.updateDevice(name: name, state: state, lastPoll: at, roundTripSeconds: roundTrip)
        }
    }
}

/// A record of which a first part was committed: retry only `remainder`.
private struct PartlyStored: Error {
    var remainder: PipelineRecord
    var error: any Error
}
