import LineModel
import ModbusKit

/// The data-quality sources of one poller, judged cycle by cycle: each device's heartbeat and
/// status word, each characteristic's quality flag, per-unit values that stop changing
/// (`frozen_after_units`) and values that jump further than is plausible (`max_step`). It
/// decides which values must stay out of SPC, defects and lot changes, and reports each
/// episode once: one event when it begins, one when it ends.
///
/// Pure (no clock, no I/O): the time is the monotonic time of the reads themselves.
struct DataQualityWatch: Sendable {
    /// A device-level reason not to trust any value of a device.
    enum DeviceCondition: String, Sendable, Hashable, CaseIterable {
        /// The heartbeat stopped: the controller is hung, what it shows is not current.
        case heartbeatLost = "heartbeat"
        /// The status word says the data is not valid.
        case statusInvalid = "status"
    }

    /// What the watch made of one value.
    struct Review: Sendable, Hashable {
        var quality: Quality
        /// True when the watch downgraded the value and reports the episode itself (the caller
        /// must not report the downgraded quality again, value by value).
        var reported: Bool
        var events: [DataQualityEvent]
    }

    private var heartbeats: [String: HeartbeatWatch] = [:]
    /// The current status-word problem per device (absent: valid).
    private var statusProblems: [String: String] = [:]
    /// Characteristics whose quality flag currently says invalid.
    private var flagged: Set<CharacteristicID> = []
    /// The last good per-unit value and how many units in a row showed it.
    private var repeats: [CharacteristicID: (value: Double, units: Int)] = [:]
    /// The plausibility guard of each characteristic with a `max_step`.
    private var steps: [CharacteristicID: StepGuard] = [:]
    /// Device conditions as last published to the metrics.
    private var published: [String: Bool] = [:]

    init() {}

    /// The quality every good value of `device` gets now, or nil when the device is trusted.
    func deviceQuality(_ device: String) -> Quality? {
        isStale(device) || statusProblems[device] != nil ? .stale : nil
    }

    /// True while the device's heartbeat is lost: nothing it shows is current, lot ids included.
    func isStale(_ device: String) -> Bool { heartbeats[device]?.isLost ?? false }

    /// The device's active conditions.
    func conditions(of device: String) -> [DeviceCondition] {
        var result: [DeviceCondition] = []
        if isStale(device) { result.append(.heartbeatLost) }
        if statusProblems[device] != nil { result.append(.statusInvalid) }
        return result
    }

    /// The state word shown for a device: the connection's state (`UP`, `DEGRADED`, `DOWN`)
    /// unless the device answers but cannot be trusted: `STALE` (heartbeat lost) or `INVALID`
    /// (its status word says so).
    func deviceState(_ device: String, connection: String) -> String {
        guard connection != DeviceHealth.State.down.rawValue else { return connection }
        if isStale(device) { return "STALE" }
        if statusProblems[device] != nil { return "INVALID" }
        return connection
    }

    /// Reads this cycle's heartbeats and status words; returns the episodes that began or ended.
    mutating func observeDevices(_ devices: [DeviceSettings], readings: [String: PointReading]) -> [DataQualityEvent] {
        var events: [DataQualityEvent] = []
        for device in devices {
            if let settings = device.heartbeat, let reading = readings[AcquisitionPlan.heartbeatPoint(device.name)] {
                var watch = heartbeats[device.name] ?? HeartbeatWatch(timeoutMilliseconds: settings.timeoutMilliseconds)
                let change = watch.observe(reading)
                heartbeats[device.name] = watch
                switch change {
                case .lost(let value, let seconds)?:
                    events.append(
                        DataQualityEvent(
                            kind: .heartbeatLost, device: device.name,
                            detail: "heartbeat \(value) unchanged for \(Self.text(seconds)) s (timeout "
                                + "\(Self.text(Double(settings.timeoutMilliseconds) / 1000)) s): values of the device are stale",
                            time: reading.time))
                case .restored(let seconds)?:
                    events.append(
                        DataQualityEvent(
                            kind: .deviceUp, device: device.name,
                            detail: "heartbeat moving again after \(Self.text(seconds)) s lost", time: reading.time))
                case nil:
                    break
                }
            }
            if let settings = device.status, let reading = readings[AcquisitionPlan.statusPoint(device.name)],
                reading.quality.isGood, let number = reading.value?.doubleValue
            {
                let word = Self.word(number)
                let problem = settings.problem(word)
                let previous = statusProblems[device.name]
                statusProblems[device.name] = problem
                let shown = "0x" + String(word & Self.mask(settings.source.type), radix: 16, uppercase: true)
                if let problem, previous == nil {
                    events.append(
                        DataQualityEvent(
                            kind: .deviceDegraded, device: device.name,
                            detail: "status word \(shown): \(problem); values of the device are not valid",
                            time: reading.time))
                } else if problem == nil, previous != nil {
                    events.append(
                        DataQualityEvent(
                            kind: .deviceUp, device: device.name, detail: "status word \(shown): data valid again",
                            time: reading.time))
                }
            }
        }
        return events
    }

    /// Judges one value read for `characteristic`, after the device-level sources of the cycle.
    /// - Parameters:
    ///   - quality: the quality of the read itself (a bad read stays as it is).
    ///   - newUnit: true when the value belongs to a unit not seen before (per-unit values).
    mutating func review(
        _ quality: Quality, value: Double, of characteristic: CharacteristicSettings, newUnit: Bool,
        readings: [String: PointReading]
    ) -> Review {
        var review = Review(quality: quality, reported: false, events: [])
        if let flag = characteristic.quality {
            review.events += observeFlag(flag, of: characteristic, reading: readings[AcquisitionPlan.qualityPoint(characteristic.id)])
        }
        guard quality.isGood else {
            repeats[characteristic.id] = nil
            return review
        }
        if deviceQuality(characteristic.device) != nil || flagged.contains(characteristic.id) {
            repeats[characteristic.id] = nil
            review.quality = .stale
            review.reported = true
            return review
        }
        if let limit = characteristic.frozenAfterUnits, newUnit {
            let previous = repeats[characteristic.id]
            let units = previous.map { $0.value == value ? $0.units + 1 : 1 } ?? 1
            repeats[characteristic.id] = (value, units)
            if units >= limit { review.quality = .frozen }
        }
        if let maxStep = characteristic.maxStep, review.quality.isGood {
            var guardian = steps[characteristic.id] ?? StepGuard(maxStep: maxStep)
            // A refused value is reported by the poller as a quality change (decode:step), and
            // the confirmed new level as the change back to good: one event each.
            if case .refused = guardian.observe(value) { review.quality = .decodeError(.implausibleStep) }
            steps[characteristic.id] = guardian
        }
        return review
    }

    /// The device conditions whose metric changed since the last call (every one at first).
    mutating func conditionUpdates(_ devices: [DeviceSettings]) -> [(device: String, condition: DeviceCondition, active: Bool)] {
        var updates: [(String, DeviceCondition, Bool)] = []
        for device in devices {
            var watched: [DeviceCondition] = []
            if device.heartbeat != nil { watched.append(.heartbeatLost) }
            if device.status != nil { watched.append(.statusInvalid) }
            let active = conditions(of: device.name)
            for condition in watched {
                let key = device.name + "#" + condition.rawValue
                let now = active.contains(condition)
                guard published[key] != now else { continue }
                published[key] = now
                updates.append((device.name, condition, now))
            }
        }
        return updates
    }

    /// Follows a characteristic's quality flag; an unreadable flag keeps its last state.
    private mutating func observeFlag(
        _ flag: QualityFlagSettings, of characteristic: CharacteristicSettings, reading: PointReading?
    ) -> [DataQualityEvent] {
        guard let reading, reading.quality.isGood, let bit = reading.value?.doubleValue else { return [] }
        let invalid = (bit != 0) == flag.invalidWhenSet
        let flagText = flag.bit.map { "quality bit \($0) of register \(flag.source.address)" } ?? "quality flag \(flag.source.address)"
        if invalid, flagged.insert(characteristic.id).inserted {
            return [
                DataQualityEvent(
                    kind: .decodeError, device: characteristic.device, characteristic: characteristic.id,
                    detail: "\(flagText) says the value is not valid", time: reading.time)
            ]
        }
        if !invalid, flagged.remove(characteristic.id) != nil {
            return [
                DataQualityEvent(
                    kind: .deviceUp, device: characteristic.device, characteristic: characteristic.id,
                    detail: "\(flagText) says the value is valid again", time: reading.time)
            ]
        }
        return []
    }

    /// The bits of a decoded integer (two's complement for negative signed words).
    private static func word(_ number: Double) -> UInt64 {
        guard number.isFinite else { return 0 }
        if number < 0 { return UInt64(bitPattern: Int64(max(number, -9.2e18))) }
        return UInt64(min(number, 1.8e19))
    }

    private static func mask(_ type: ValueType) -> UInt64 {
        switch type.registersNeeded {
        case 1: 0xFFFF
        case 2: 0xFFFF_FFFF
        default: .max
        }
    }

    private static func text(_ seconds: Double) -> String {
        let tenths = (seconds * 10).rounded() / 10
        return "\(tenths)"
    }
}
