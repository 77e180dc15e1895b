import LineModel
import Simulator

/// The values a scenario run's line really made, by characteristic id and sequence number:
/// the line engine replayed with the run's line, scenario and seed (pure and deterministic, so
/// the same results as the served run; data-integrity faults change only what the devices
/// report, never these values).
struct TrueValues: Sendable {
    /// id -> sequence -> value.
    private var values: [String: [UInt64: Double]] = [:]

    init(_ result: ScenarioRun.Result) throws {
        var engine = try LineEngine(line: result.line, scenario: result.scenario, seed: result.seed)
        for record in engine.advance(to: result.scenario.duration) {
            let station = result.line.stations[record.stationIndex]
            for (index, characteristic) in station.characteristics.enumerated() {
                for (stream, value) in record.values[index].enumerated() {
                    let id = DaemonConfigurationWriter.characteristicID(station, characteristic, stream: stream)
                    values[id, default: [:]][record.sequence] = value
                }
            }
        }
    }

    /// True when the stored sample is the line's value for its sequence number, as the device
    /// encodes it (a float32 register: relative 1e-6), or when it cannot be checked (no
    /// sequence, a unit the replay did not reach).
    func matches(_ id: String, _ sample: Sample) -> Bool {
        guard let sequence = sample.sequence, let truth = values[id]?[sequence] else { return true }
        return abs(sample.value - truth) <= 1e-6 * max(1, abs(truth))
    }
}
