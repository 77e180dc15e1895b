import LineModel
import Logging
import Store

extension RecordWriter {
    /// Takes up what an earlier run left in the spill: its records wait first, and since they
    /// are durable, the interlocks act on them now.
    func recoverSpill(_ state: inout WriterState) async {
        guard let spill else { return }
        let contents: SpillContents
        do {
            contents = try await spill.contents()
        } catch {
            logger.error("cannot read the spill: its records are not replayed", metadata: ["spill.path": "\(spill.path)", "error": "\(error)"])
            return
        }
        if contents.undecodable > 0 {
            logger.error(
                "spill entries this version cannot read are not replayed",
                metadata: ["spill.path": "\(spill.path)", "records.unreadable": "\(contents.undecodable)"])
        }
        guard !contents.records.isEmpty else { return }
        logger.notice(
            "replaying records an earlier run spilled while the disk was full",
            metadata: ["spill.path": "\(spill.path)", "records.spilled": "\(contents.records.count)"])
        var recovered: [WaitingRecord] = []
        for record in contents.records {
            let waiting = WaitingRecord(PipelineRecord(spilled: record), spilled: true, acted: true, retried: true)
            act(on: waiting.record)
            recovered.append(waiting)
        }
        state.pending = recovered + state.pending
        state.spillHoldsRecords = true
    }

    /// Appends the failed records that are not in the spill yet, in order, with one sync;
    /// then the interlocks act on the holds among them. When they do not fit, they all wait
    /// in memory (an alarm, logged once until the spill has room again).
    func spillWaiting(_ failed: inout [WaitingRecord], state: inout WriterState) async {
        guard let spill else { return }
        let indices = failed.indices.filter { !failed[$0].spilled && failed[$0].record.spillRecord != nil }
        guard !indices.isEmpty else { return }
        do {
            try await spill.append(indices.compactMap { failed[$0].record.spillRecord })
        } catch {
            if !state.spillFull {
                state.spillFull = true
                let status = await spill.status
                let full = error.kind == .full
                logger.critical(
                    full
                        ? "spill full: records waiting for the disk now live in memory only and die with the process"
                        : "cannot write the spill: records waiting for the disk now live in memory only and die with the process",
                    metadata: [
                        "spill.path": "\(spill.path)", "spill.bytes": "\(status.usedBytes)",
                        "spill.capacity": "\(status.capacityBytes)", "records.in_memory": "\(indices.count)",
                        "error": "\(error)",
                    ])
            }
            return
        }
        state.spillHoldsRecords = true
        for index in indices {
            failed[index].spilled = true
            if !failed[index].acted {
                act(on: failed[index].record)
                failed[index].acted = true
            }
        }
    }

    /// Empties the spill once nothing in it waits any more (every spilled record committed).
    func resetSpill(_ state: inout WriterState) async {
        guard let spill, state.spillHoldsRecords else { return }
        do {
            try await spill.reset()
        } catch {
            logger.error("cannot reset the spill: retried at the next pass", metadata: ["spill.path": "\(spill.path)", "error": "\(error)"])
            return
        }
        state.spillHoldsRecords = false
        if state.spillFull {
            state.spillFull = false
            logger.notice("spill has room again: its records are committed", metadata: ["spill.path": "\(spill.path)"])
        }
    }

    /// Asks the interlocks for the hold a durable record calls for: a defect of a lot, or a
    /// signal that holds its lot.
    func act(on record: PipelineRecord) {
        switch record {
        case .defect(let defect, _, _):
            if let lot = defect.lot { onHold(lot, defect.station) }
        case .signal(let signal, let holdLot):
            if holdLot, let lot = signal.lot, let station = stationOf(signal.characteristic) { onHold(lot, station) }
        case .sample, .limits, .lotStarted, .lotEnded, .dataQuality, .deviceState:
            break
        }
    }
}
