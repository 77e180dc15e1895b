/// The static shape of a line as configured: stations, their Modbus devices and the
/// characteristics measured there. The store keeps a copy synchronised from configuration.
public struct LineDescription: Sendable, Hashable {
    public var name: String
    public var stations: [StationDescription]

    public init(name: String, stations: [StationDescription]) {
        self.name = name
        self.stations = stations
    }

    /// Every characteristic of every station, in configuration order.
    public var characteristics: [CharacteristicDescription] { stations.flatMap(\.characteristics) }
}

/// A station of the line (coating, filling, grading, ...).
public struct StationDescription: Sendable, Hashable {
    public var name: String
    /// The kind of lot this station makes or processes (what its lot-id register names).
    public var lotKind: LotKind
    public var devices: [DeviceDescription]
    public var characteristics: [CharacteristicDescription]

    public init(
        name: String, lotKind: LotKind, devices: [DeviceDescription],
        characteristics: [CharacteristicDescription]
    ) {
        self.name = name
        self.lotKind = lotKind
        self.devices = devices
        self.characteristics = characteristics
    }
}

/// A Modbus device (a PLC, gauge or tester) as the store records it.
public struct DeviceDescription: Sendable, Hashable {
    public var name: String
    /// `host:port` of the Modbus TCP endpoint.
    public var endpoint: String
    public var unit: UInt8

    public init(name: String, endpoint: String, unit: UInt8) {
        self.name = name
        self.endpoint = endpoint
        self.unit = unit
    }
}

/// A characteristic as the store and the reports see it.
public struct CharacteristicDescription: Sendable, Hashable {
    public var id: CharacteristicID
    public var station: String
    public var device: String
    /// The equipment within the station this stream belongs to (a nozzle, a lane), if any.
    public var equipment: String?
    /// Engineering unit, e.g. `g`, `um`, `mg/cm2`.
    public var unit: String
    public var spec: SpecLimits
    /// Defect codes used when a value falls below the LSL or above the USL.
    public var defectCodeLow: String
    public var defectCodeHigh: String
    public var severity: Severity
    /// The chart kind that judges it (`imr`, `xbar-r`, `ewma`, ...).
    public var chart: String

    public init(
        id: CharacteristicID, station: String, device: String, equipment: String?, unit: String,
        spec: SpecLimits, defectCodeLow: String, defectCodeHigh: String, severity: Severity,
        chart: String
    ) {
        self.id = id
        self.station = station
        self.device = device
        self.equipment = equipment
        self.unit = unit
        self.spec = spec
        self.defectCodeLow = defectCodeLow
        self.defectCodeHigh = defectCodeHigh
        self.severity = severity
        self.chart = chart
    }
}
