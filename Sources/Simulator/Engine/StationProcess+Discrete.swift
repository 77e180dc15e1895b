import Foundation

extension StationProcess {
    /// Dry room: dew-point transmitters (AR(1) noise, excursions); lots are shifts.
    mutating func dryRoom(at time: Double) -> StationRecord {
        let shift = Int(time / station.parameter("shift_s")) + 1
        if shift != lotNumber {
            lotNumber = shift
            lotStarted(lotName(station.lotPrefix, shift), kind: "shift", at: time, parents: [])
        }
        let active = activeFaults(at: time)
        let values = genericValues(at: time, active: active)
        noteTouched(active)
        let lot = lotName(station.lotPrefix, shift)
        return nextRecord(at: time, lot: lot, parent: nil, unit: "\(station.name)#\(sequence + 1)", values: values)
    }

    /// Vacuum drying: one Karl Fischer result per oven batch; the batch holds the reels slit
    /// since the previous one. `under_drying` replaces the result with a wet one.
    mutating func vacuumDrying(at time: Double, state: inout LineState) -> StationRecord {
        lotNumber += 1
        let lot = lotName(station.lotPrefix, lotNumber)
        lotStarted(lot, kind: nil, at: time, parents: state.reelsAwaitingDrying)
        state.reelsAwaitingDrying = []
        state.latestOvenBatch = lot
        let active = activeFaults(at: time)
        var values = genericValues(at: time, active: active)
        for fault in active where fault.kind == .underDrying {
            guard let characteristic = fault.characteristic.flatMap(station.characteristicIndex) else { continue }
            for stream in values[characteristic].indices where fault.covers(stream: stream) {
                let low = fault.parameter("min")
                values[characteristic][stream] = low + (fault.parameter("max") - low) * events.nextUnit()
            }
        }
        noteTouched(active)
        return nextRecord(at: time, lot: lot, parent: nil, unit: lot, values: values)
    }

    /// Filling: every machine cycle each nozzle fills one cell (serials numbered across
    /// nozzles); a cell batch every `cycles_per_lot` cycles, built from the latest oven batch.
    mutating func filling(at time: Double, state: inout LineState) -> StationRecord {
        let perLot = Int(station.parameter("cycles_per_lot"))
        let lotIndex = Int(sequence) / perLot + 1
        if lotIndex != lotNumber {
            lotNumber = lotIndex
            lotStarted(lotName(station.lotPrefix, lotIndex), kind: nil, at: time, parents: state.latestOvenBatch.map { [$0] } ?? [])
        }
        let active = activeFaults(at: time)
        let values = genericValues(at: time, active: active)
        noteTouched(active)
        let first = UInt32(truncatingIfNeeded: Int(sequence) * station.streams + 1)
        var record = nextRecord(
            at: time, lot: lotName(station.lotPrefix, lotIndex), parent: state.latestOvenBatch,
            unit: StationRecord.cellSerial(first), values: values)
        record.streamUnits = (0..<station.streams).map { first + UInt32($0) }
        return record
    }

    /// Grading: one cell per result (cells built before the run, after aging); aging lots of
    /// `cells_per_lot` cells. `contamination` gives a share of the cells in its window a high
    /// self-discharge K (uniform in [k_min, k_max]).
    mutating func grading(at time: Double) -> StationRecord {
        let perLot = Int(station.parameter("cells_per_lot"))
        let lotIndex = Int(sequence) / perLot + 1
        if lotIndex != lotNumber {
            lotNumber = lotIndex
            lotStarted(lotName(station.lotPrefix, lotIndex), kind: nil, at: time, parents: [])
        }
        let active = activeFaults(at: time)
        var values = genericValues(at: time, active: active)
        noteTouched(active)
        for fault in active where fault.kind == .contamination {
            guard let characteristic = fault.characteristic.flatMap(station.characteristicIndex) else { continue }
            // Drawn for every cell in the window, so that the pattern depends only on the seed.
            let hit = events.nextUnit() < fault.parameter("rate")
            let k = fault.parameter("k_min") + (fault.parameter("k_max") - fault.parameter("k_min")) * events.nextUnit()
            if hit {
                values[characteristic] = values[characteristic].map { _ in k }
                touchedBy[fault.id] = [0]
            }
        }
        let serial = UInt32(truncatingIfNeeded: Int(station.parameter("first_serial")) + Int(sequence))
        var record = nextRecord(
            at: time, lot: lotName(station.lotPrefix, lotIndex), parent: nil, unit: StationRecord.cellSerial(serial), values: values)
        record.streamUnits = Array(repeating: serial, count: station.streams)
        return record
    }
}
