extension LineSimulator {
    /// Ground truth for results the simulator made but no client could have seen: when one
    /// wake-up of the run loop hands a station several results (the process was late), every
    /// one but the last is replaced in a latch without acknowledge before it reached the
    /// registers. One `results_unshown` event per such result (`station`, `sequence`), so that
    /// a checker does not blame the poller for a counter skip the simulator caused.
    static func unshown(_ records: [StationRecord], line: LineDefinition) -> [TruthEvent] {
        var last: [Int: Int] = [:]
        for (index, record) in records.enumerated() { last[record.stationIndex] = index }
        var events: [TruthEvent] = []
        for (index, record) in records.enumerated()
        where last[record.stationIndex] != index && !line.stations[record.stationIndex].acknowledgeRequired {
            var event = TruthEvent(event: "results_unshown", lineTime: record.lineTime)
            event.station = record.station
            event.sequence = record.sequence
            events.append(event)
        }
        return events
    }
}
