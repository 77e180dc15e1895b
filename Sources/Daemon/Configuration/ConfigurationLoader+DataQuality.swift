import ModbusKit

/// The data-quality sources of a configuration: a device's `heartbeat` and `status` word, a
/// characteristic's `quality` flag, `frozen_after_units` and `max_step`. Checked like every
/// other key: each issue names its key path, the bad value and what was expected.
extension ConfigurationLoader {
    /// What a characteristic table says about its own data quality.
    struct CharacteristicQualityKeys {
        var flag: QualityFlagSettings?
        var frozenAfterUnits: Int?
        var maxStep: Double?

        func apply(to settings: inout CharacteristicSettings) {
            settings.quality = flag
            settings.frozenAfterUnits = frozenAfterUnits
            settings.maxStep = maxStep
        }
    }

    /// Marks a device's subtables (data-quality sources, acknowledge) as seen when the device
    /// itself is invalid (its issues are already reported; they cannot be resolved without it).
    static func skipDeviceSubtables(_ table: TableReader) {
        for key in ["heartbeat", "status", "acknowledge"] where table.has(key) {
            _ = table.subtable(key, required: false)
        }
    }

    /// Reads `heartbeat` and `status` of a device into `device`; false when either is invalid.
    static func parseDeviceQualitySources(_ table: TableReader, into device: inout DeviceSettings) -> Bool {
        var valid = true
        if table.has("heartbeat") {
            if let heartbeat = table.subtable("heartbeat", required: false) {
                defer { heartbeat.finish() }
                let source = parseSource(
                    heartbeat, deviceKey: false, devices: [:], declared: [], defaultDevice: device, allowString: false)
                let minimum = max(1, 2 * device.pollIntervalMilliseconds)
                let timeout = heartbeat.int(
                    "timeout_ms", in: minimum...86_400_000,
                    expected: "milliseconds from \(minimum) (twice the device's poll_interval_ms) to 86400000")
                if let source, let timeout {
                    device.heartbeat = HeartbeatSettings(source: source, timeoutMilliseconds: timeout)
                } else {
                    valid = false
                }
            } else {
                valid = false
            }
        }
        if table.has("status") {
            if let status = table.subtable("status", required: false) {
                defer { status.finish() }
                if let settings = parseStatusWord(status, device: device) {
                    device.status = settings
                } else {
                    valid = false
                }
            } else {
                valid = false
            }
        }
        return valid
    }

    private static func parseStatusWord(_ table: TableReader, device: DeviceSettings) -> StatusWordSettings? {
        let source = parseSource(table, deviceKey: false, devices: [:], declared: [], defaultDevice: device, allowString: false)
        var width: Int?
        switch source?.type {
        case .int16?, .uint16?: width = 16
        case .int32?, .uint32?: width = 32
        case .int64?, .uint64?: width = 64
        case nil: break
        default:
            table.report("type", expected: "an integer type for a status word: \"uint16\", \"int16\", \"uint32\", \"int32\", \"uint64\" or \"int64\"")
        }
        let bad = bitList(table, "bad_bits", width: width ?? 64)
        let required = bitList(table, "required_bits", width: width ?? 64)
        guard let source, width != nil, let bad, let required else { return nil }
        if bad.isEmpty && required.isEmpty {
            table.report("bad_bits", expected: "at least one bit number in bad_bits or required_bits (otherwise the status word says nothing)")
            return nil
        }
        if !Set(bad).isDisjoint(with: required) {
            table.report("required_bits", expected: "bit numbers that are not also in bad_bits")
            return nil
        }
        return StatusWordSettings(source: source, badBits: bad, requiredBits: required)
    }

    /// An optional list of distinct bit numbers below `width`; nil after an issue.
    private static func bitList(_ table: TableReader, _ key: String, width: Int) -> [Int]? {
        let expected = "a list of bit numbers from 0 to \(width - 1)"
        guard table.has(key) else { return [] }
        guard let numbers = table.numberArray(key, required: false, expected: expected) else { return nil }
        let bits = numbers.map { Int(exactly: $0) }
        guard bits.allSatisfy({ $0.map { (0..<width).contains($0) } ?? false }) else {
            table.report(key, expected: expected)
            return nil
        }
        return Array(Set(bits.compactMap { $0 })).sorted()
    }

    /// Reads `quality`, `frozen_after_units` and `max_step` of a characteristic; nil after an issue.
    /// - Parameters:
    ///   - device: the value's device (nil when it could not be resolved: already reported).
    ///   - hasSequence: whether the characteristic reads a per-unit counter.
    static func parseCharacteristicQuality(
        _ table: TableReader, device: DeviceSettings?, hasSequence: Bool
    ) -> CharacteristicQualityKeys? {
        var keys = CharacteristicQualityKeys()
        var valid = true
        if table.has("frozen_after_units") {
            keys.frozenAfterUnits = table.int("frozen_after_units", required: false, in: 2...1_000_000)
            if keys.frozenAfterUnits == nil {
                valid = false
            } else if !hasSequence {
                table.report(
                    "frozen_after_units",
                    expected: "frozen_after_units only together with sequence (it counts units; a continuous value uses frozen_after, which counts polls)")
                valid = false
            }
        }
        if table.has("max_step") {
            let expected = "a positive number: the largest plausible change between two accepted values, in the value's unit"
            let step = table.double("max_step", required: false, expected: expected)
            if let step, step > 0 {
                keys.maxStep = step
            } else {
                if step != nil { table.report("max_step", expected: expected) }
                valid = false
            }
        }
        if table.has("quality") {
            if let quality = table.subtable("quality", required: false) {
                defer { quality.finish() }
                keys.flag = parseQualityFlag(quality, device: device)
                valid = valid && (keys.flag != nil || device == nil)
            } else {
                valid = false
            }
        }
        return valid ? keys : nil
    }

    /// `{ register = "holding", address = 4, bit = 4, invalid_when = 1 }`, on the value's device.
    private static func parseQualityFlag(_ table: TableReader, device: DeviceSettings?) -> QualityFlagSettings? {
        let kind = table.choice("register", required: false, RegisterKind.allNames, RegisterKind.init(rawValue:))
        let registerKind = kind ?? .holdingRegister
        let address = table.int("address", in: 0...65536, expected: "a register address from 0 to 65535 (after the device's address_base)")
        let bit = table.int(
            "bit", required: !registerKind.isBit, in: 0...15,
            expected: "the bit number (0 to 15) within the register")
        var typeValid = true
        if registerKind.isBit, bit != nil {
            table.report("bit", expected: "no bit for a coil or discrete input (the flag is the bit itself)")
            typeValid = false
        }
        let invalidWhen = table.int(
            "invalid_when", required: false, in: 0...1,
            expected: "1 (a set flag marks the value invalid, the default) or 0 (a clear flag marks it invalid)")
        if table.has("invalid_when") && invalidWhen == nil { typeValid = false }
        guard let device, let address, typeValid else { return nil }
        let type: ValueType
        if registerKind.isBit {
            type = .bool
        } else if let bit {
            type = .bit(bit)
        } else {
            return nil
        }
        let first = address - device.addressBase
        guard (0...65535).contains(first) else {
            table.report("address", expected: "an address within 0...65535 after address_base \(device.addressBase)")
            return nil
        }
        return QualityFlagSettings(
            source: RegisterSource(
                device: device.name, kind: registerKind, address: UInt16(first), type: type, order: device.byteOrder),
            invalidWhenSet: (invalidWhen ?? 1) == 1)
    }
}
