import Store

/// One station of the line overview: red when a lot of it is held or one of its devices is
/// down, amber when a chart signal is open, green otherwise.
struct StationTile: Sendable, Hashable {
    enum Health: String, Sendable {
        case green, amber, red

    }

    /// What the colour means here, in words (colour is never the only cue).
    var word: String {
        switch health {
        case .green: return "running normally"
        case .amber: return "open signals: review the charts"
        case .red:
            var reasons: [String] = []
            if !heldLots.isEmpty { reasons.append(heldLots.count == 1 ? "lot on hold" : "\(heldLots.count) lots on hold") }
            if devices.contains(where: \.isDown) { reasons.append("device down") }
            return reasons.joined(separator: ", ")
        }
    }

    var station: String
    var health: Health
    var characteristics: [CharacteristicStatus]
    var heldLots: [LotRecord]
    var devices: [DeviceStatus]
    var openSignals: Int
    var openDefects: Int

    /// One tile per station named by a characteristic, a lot or the configuration, in line
    /// order. `devicesByStation` maps station -> device names (from the configuration; without
    /// it a device down turns every tile red, since it cannot be placed).
    static func tiles(_ report: StatusReport, stationOrder: [String], devicesByStation: [String: [String]]?) -> [StationTile] {
        var names = stationOrder
        for name in report.characteristics.map(\.station) + report.heldLots.compactMap(\.station) where !names.contains(name) {
            names.append(name)
        }
        return names.map { station in
            let characteristics = report.characteristics.filter { $0.station == station }
            let held = report.heldLots.filter { $0.station == station }
            let devices: [DeviceStatus]
            if let devicesByStation {
                let wanted = Set(devicesByStation[station] ?? [])
                devices = report.devices.filter { wanted.contains($0.name) }
            } else {
                devices = report.devices
            }
            let signals = characteristics.reduce(0) { $0 + $1.openSignals }
            let defects = characteristics.reduce(0) { $0 + $1.defects }
            let down = devices.contains(where: \.isDown)
            let health: Health = !held.isEmpty || down ? .red : (signals > 0 ? .amber : .green)
            return StationTile(
                station: station, health: health, characteristics: characteristics, heldLots: held, devices: devices,
                openSignals: signals, openDefects: defects)
        }
    }
}

extension DeviceStatus {
    /// True when the poller reports the device down (any letter case).
    var isDown: Bool { state.lowercased() == "down" }

    /// True when the poller reports the device up.
    var isUp: Bool { state.lowercased() == "up" }
}
