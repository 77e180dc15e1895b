import Logging
import LineModel
import Store

/// Moves records from the queue into the store: consecutive samples as one batched
/// transaction, everything else durably and one by one, in arrival order.
///
/// A record the store could not take (disk full, I/O error) is kept and retried before
/// anything newer, except raw samples, which are counted and dropped after a failed batch.
struct RecordWriter: Sendable {
    let queue: RecordQueue
    let store: StoreWriter
    let interval: Duration
    let progress: PipelineProgress
    /// Called after a hold was committed (never before): the lot and its station.
    let onHold: @Sendable (LotID, String) -> Void
    /// The station of a characteristic in the configuration in force (signals do not carry it).
    let stationOf: @Sendable (CharacteristicID) -> String?
    let logger: Logger

    /// Runs until the queue is finished, then writes what is left.
    func run() async {
        var pending: [PipelineRecord] = []
        await withTaskGroup(of: Void.self) { group in
            group.addTask { [queue, interval] in
                while !Task.isCancelled {
                    do { try await Task.sleep(for: interval) } catch { return }
                    queue.ring()
                }
            }
            for await _ in queue.wakeups {
                DaemonMetrics.queueDepth(queue.depth)
                pending = await write(pending + queue.drain())
                progress.completedWriterPass()
            }
            group.cancelAll()
        }
        pending = await write(pending + queue.drain())
        if !pending.isEmpty {
            logger.critical(
                "records could not be stored before shutdown", metadata: ["records.lost": "\(pending.count)"])
        }
    }

    /// Writes records in order; returns those that failed and must be retried.
    private func write(_ records: [PipelineRecord]) async -> [PipelineRecord] {
        var pass = Pass()
        let failed = await write(records, pass: &pass)
        let previous = progress.storePass(failed: pass.error, pending: failed.count, lostSamples: pass.lostSamples)
        DaemonMetrics.store(degraded: pass.error != nil, pending: failed.count, lostSamples: pass.lostSamples)
        if let error = pass.error, !previous.isDegraded {
            logger.critical(
                "store cannot write: polling and judging go on; defects, signals and holds wait in memory",
                metadata: ["error": "\(error)", "records.waiting": "\(failed.count)"])
        } else if pass.error == nil, previous.isDegraded {
            logger.notice(
                "store writes again: waiting records committed",
                metadata: ["samples.lost": "\(progress.storeHealth.lostSamples)"])
        }
        return failed
    }

    /// What went wrong in one pass.
    private struct Pass {
        var error: (any Error)?
        var lostSamples = 0
    }

    private func write(_ records: [PipelineRecord], pass: inout Pass) async -> [PipelineRecord] {
        var samples: [Sample] = []
        var failed: [PipelineRecord] = []
        // Control limits depend on nothing else in the queue: all of a pass go in one durable
        // transaction (the end of Phase I of many characteristics is one sync, not thousands).
        let limits = records.compactMap { record -> ControlLimits? in
            if case .limits(let limits) = record { limits } else { nil }
        }
        if !limits.isEmpty {
            do {
                try await store.save(limits: limits)
            } catch {
                pass.error = error
                failed += limits.map(PipelineRecord.limits)
            }
        }
        for record in records {
            if case .sample(let sample) = record {
                samples.append(sample)
                continue
            }
            if case .limits = record { continue }
            await flush(&samples, pass: &pass)
            if !failed.isEmpty {
                // Keep order: once something failed, everything after it waits too.
                failed.append(record)
                continue
            }
            do {
                try await store(record)
            } catch let partial as PartlyStored {
                pass.error = partial.error
                failed.append(partial.remainder)
            } catch {
                pass.error = error
                failed.append(record)
            }
        }
        await flush(&samples, pass: &pass)
        return failed
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

    private func store(_ record: PipelineRecord) async throws {
        switch record {
        case .sample(let sample):
            try await store.append(samples: [sample])
        case .defect(let defect, let signal, var signalID):
            if let signal, signalID == nil { signalID = try await store.record(signal: signal) }
            let outcome: DefectOutcome
            do {
                outcome = try await store.record(defect: defect, signalID: signalID)
            } catch {
                // The signal is in; only the defect is retried.
                throw PartlyStored(remainder: .defect(defect, signal: signal, signalID: signalID), error: error)
            }
            if outcome.holdIsNew, let lot = defect.lot {
                DaemonMetrics.hold(count: 1 + outcome.propagatedHoldIDs.count)
                onHold(lot, defect.station)
            }
        case .signal(let signal, let holdLot):
            _ = try await store.record(signal: signal)
            if holdLot, let lot = signal.lot, let station = stationOf(signal.characteristic) {
                let placed = try await store.hold(
                    lot: lot, trigger: .spcSignal,
                    reason: "\(signal.characteristic): \(signal.ruleSet) rule \(signal.rule) on \(signal.statistic)",
                    actor: "lineguard", at: signal.time.wall)
                if placed != nil {
                    DaemonMetrics.hold()
                    onHold(lot, station)
                }
            }
        case .limits(let limits):
            _ = try await store.save(limits: limits)
        case .lotStarted(let lot, let kind, let station, let at):
            try await store.startLot(lot, kind: kind, station: station, at: at)
        case .lotEnded(let lot, let at):
            try await store.endLot(lot, at: at)
        case .dataQuality(let event):
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
