import LineModel
import ModbusKit

/// What one endpoint's poller reads each cycle, and how each read maps back to the line: the
/// value points of characteristics, their unit counters, and station lot ids.
struct AcquisitionPlan: Sendable, Hashable {
    let endpoint: ModbusEndpoint
    /// The devices (unit ids) behind the endpoint that this plan covers.
    let deviceNames: [String]
    let interval: Duration
    let options: DeviceOptions
    let points: [PointDefinition]
    let requests: [ReadRequest]
    let characteristics: [CharacteristicSettings]
    /// Stations whose lot id register is read with this plan.
    let lotStations: [StationSettings]
    /// The devices behind the endpoint, with their heartbeat and status word (if any).
    var devices: [DeviceSettings] = []
    /// Unit counters read in another request than their value: read again after each cycle's
    /// requests (see `EndpointPoller.readConsistently`).
    var sequenceRecheck: [ReadRequest] = []

    static func valuePoint(_ id: CharacteristicID) -> String { id.rawValue }
    static func sequencePoint(_ id: CharacteristicID) -> String { id.rawValue + "#sequence" }
    static func lotPoint(_ station: String) -> String { "station:" + station + "#lot" }

    /// One plan per endpoint: devices that share an endpoint (unit ids behind one gateway)
    /// share one connection and one poll loop, at the fastest of their intervals.
    static func plans(for configuration: DaemonConfiguration) -> [AcquisitionPlan] {
        var byEndpoint: [ModbusEndpoint: [DeviceSettings]] = [:]
        var order: [ModbusEndpoint] = []
        for device in configuration.devices {
            if byEndpoint[device.endpoint] == nil { order.append(device.endpoint) }
            byEndpoint[device.endpoint, default: []].append(device)
        }
        return order.map { endpoint in
            let devices = byEndpoint[endpoint] ?? []
            let names = Set(devices.map(\.name))
            let units = Dictionary(devices.map { ($0.name, $0.unit) }, uniquingKeysWith: { first, _ in first })
            let characteristics = configuration.characteristics.filter { names.contains($0.device) }
            let stations = configuration.stations.filter { $0.lot.map { names.contains($0.device) } ?? false }
            var points: [PointDefinition] = []
            for characteristic in characteristics {
                let unit = units[characteristic.device] ?? 1
                points.append(
                    PointDefinition(
                        name: valuePoint(characteristic.id), unit: unit, kind: characteristic.kind,
                        address: characteristic.address, type: characteristic.type, order: characteristic.order,
                        scale: characteristic.scale, offset: characteristic.offset,
                        physicalRange: characteristic.physicalRange, frozenAfter: characteristic.frozenAfter))
                if let sequence = characteristic.sequence {
                    points.append(source(sequence, name: sequencePoint(characteristic.id), unit: unit))
                }
            }
            for station in stations {
                guard let lot = station.lot else { continue }
                points.append(source(lot, name: lotPoint(station.name), unit: units[lot.device] ?? 1))
            }
            points += dataQualityPoints(devices: devices, characteristics: characteristics, units: units)
            points += acknowledgePoints(devices: devices)
            // The most conservative pacing and caps of the devices behind one endpoint.
            var options = devices.first?.options ?? DeviceOptions()
            for device in devices.dropFirst() {
                options.maxRegistersPerRequest = min(options.maxRegistersPerRequest, device.options.maxRegistersPerRequest)
                options.maxBitsPerRequest = min(options.maxBitsPerRequest, device.options.maxBitsPerRequest)
                options.maxGap = min(options.maxGap, device.options.maxGap)
                options.oneRequestPerValue = options.oneRequestPerValue || device.options.oneRequestPerValue
                options.pauseBetweenRequests = max(options.pauseBetweenRequests, device.options.pauseBetweenRequests)
                options.writeTargets += device.options.writeTargets
            }
            let interval = devices.map(\.pollIntervalMilliseconds).min() ?? 1000
            var plan = AcquisitionPlan(
                endpoint: endpoint, deviceNames: devices.map(\.name), interval: .milliseconds(interval),
                options: options, points: points, requests: RequestPlanner.plan(points, options: options),
                characteristics: characteristics, lotStations: stations, devices: devices)
            plan.sequenceRecheck = plan.tornReadGuard()
            return plan
        }
    }

    private static func source(_ source: RegisterSource, name: String, unit: UInt8) -> PointDefinition {
        PointDefinition(name: name, unit: unit, kind: source.kind, address: source.address, type: source.type, order: source.order)
    }
}
