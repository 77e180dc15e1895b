/// The data-quality keys of a simulated station in the daemon configuration: the device's
/// heartbeat and status word, and per characteristic the stream's bit of the quality word and
/// the frozen-value check (see `StationMap` for the registers).
extension DaemonConfigurationWriter {
    /// Status-word bits that make a station's values invalid: bit 1, the controller's fault bit.
    static let statusBadBits = [1]
    /// Units in a row with an identical value that make a per-unit value of a web station
    /// frozen: the simulated gauges publish full float32 resolution, whose noisy value never
    /// repeats bit for bit from one traverse to the next, so the first repeat is the stuck
    /// channel (a real gauge with a coarse resolution needs more).
    static let frozenUnits = 2
    /// Results in a row a continuous value may stay unchanged before it counts as frozen.
    static let frozenResults = 3

    /// The device's `heartbeat` line: the register counts every 100 ms, so the timeout is two
    /// seconds, or two polls when polls are slower than one a second.
    static func heartbeatLine(_ station: StationDefinition, pollMilliseconds: Int) -> String {
        let timeout = max(2000, 2 * pollMilliseconds)
        return "heartbeat = { register = \"holding\", address = \(station.map.heartbeat), type = \"uint16\", timeout_ms = \(timeout) }\n"
    }

    /// The device's `status` line (bit 0 running, 1 fault, 2 stopped, 3 awaiting acknowledge,
    /// 4 results lost): values read while the fault bit is set are not valid.
    static func statusLine(_ station: StationDefinition) -> String {
        let bits = statusBadBits.map(String.init).joined(separator: ", ")
        return "status = { register = \"holding\", address = \(station.map.status), type = \"uint16\", bad_bits = [\(bits)] }\n"
    }

    /// The characteristic's `quality` line: bit n of the quality word marks stream n + 1
    /// invalid (0-based `stream`; streams past 16 have no bit).
    static func qualityLine(_ station: StationDefinition, stream: Int) -> String {
        guard stream < 16 else { return "" }
        return "quality = { register = \"holding\", address = \(station.map.quality), bit = \(stream) }\n"
    }

    /// The frozen-value check of a web station's continuous values (empty for other stations):
    /// `frozen_after_units` when the value is read per result with a `sequence`, otherwise
    /// `frozen_after` in polls, enough for `frozenResults` results at `pollMilliseconds`.
    static func frozenLine(_ station: StationDefinition, hasSequence: Bool, speed: Double = 1, pollMilliseconds: Int = 1000) -> String {
        guard station.model.isWeb else { return "" }
        if hasSequence { return "frozen_after_units = \(frozenUnits)\n" }
        let resultMilliseconds = station.periodSeconds / max(speed, 1e-9) * 1000
        let polls = Int((Double(frozenResults) * resultMilliseconds / Double(max(1, pollMilliseconds))).rounded(.up)) + 1
        return "frozen_after = \(max(2, polls))\n"
    }
}
