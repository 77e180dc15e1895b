public import LineModel
public import ModbusKit

/// A whole, checked LineGuard configuration. Built only by `ConfigurationLoader`, which
/// validates every key before anything starts.
public struct DaemonConfiguration: Sendable, Hashable {
    public var daemon: DaemonSettings
    public var line: LineSettings
    public var devices: [DeviceSettings]
    public var stations: [StationSettings]
    public var characteristics: [CharacteristicSettings]
    public var interlocks: [InterlockSettings]
    /// `[[multivariate]]`: Hotelling T2 charts over several characteristics.
    public var multivariate: [MultivariateSettings] = []

    /// The line as the store records it.
    public var lineDescription: LineDescription {
        LineDescription(
            name: line.name,
            stations: stations.map { station in
                StationDescription(
                    name: station.name, lotKind: station.lotKind,
                    devices: devices.filter { device in
                        characteristics.contains { $0.station == station.name && $0.device == device.name }
                            || station.lot?.device == device.name
                    }.map { DeviceDescription(name: $0.name, endpoint: $0.endpoint.description, unit: $0.unit) },
                    characteristics: characteristics.filter { $0.station == station.name }.map(\.description)
                        + multivariate.filter { $0.station == station.name }.map(\.description))
            })
    }

    public func device(named name: String) -> DeviceSettings? { devices.first { $0.name == name } }
}

/// `[daemon]`: where records go and how the daemon behaves.
public struct DaemonSettings: Sendable, Hashable {
    /// SQLite database file.
    public var database: String
    public var logLevel: String
    /// Raw samples are committed in batches: at the latest after this many milliseconds...
    public var commitIntervalMilliseconds: Int
    /// ... or when this many rows are waiting.
    public var commitMaxRows: Int
    /// Samples waiting for the store beyond this are dropped (counted and logged); defects and
    /// signals are never dropped.
    public var queueCapacity: Int
    /// The control API's Unix socket (nil: no control API).
    public var controlSocket: String?
    /// The group that may use the control socket (mode 0660), when it exists.
    public var controlSocketGroup: String
    /// `host:port` of the Prometheus metrics listener (nil: off).
    public var metricsListen: String?
    /// `host:port` of the dashboard's web pages (nil: off).
    public var dashboardListen: String?
    /// Raw samples older than this many days are pruned (nil: kept for ever).
    public var retentionDays: Double?
    /// Size of the durable spill beside the database (`<database>.spill`), allocated at
    /// start: where defects, signals, holds and lot changes wait while the disk is full.
    public var spillBytes: Int = DaemonSettings.defaultSpillBytes

    /// `spill_bytes` when the configuration does not set it: 8 MiB.
    public static let defaultSpillBytes = 8 * 1024 * 1024
}

/// `[line]`.
public struct LineSettings: Sendable, Hashable {
    public var name: String
}

/// `[[devices]]`: one Modbus TCP endpoint and unit.
public struct DeviceSettings: Sendable, Hashable {
    public var name: String
    public var endpoint: ModbusEndpoint
    public var unit: UInt8
    /// Added to configured addresses to get protocol (0-based) addresses: 0 when the
    /// configuration writes protocol addresses, -1 for 1-based register numbers.
    public var addressBase: Int
    public var pollIntervalMilliseconds: Int
    public var byteOrder: ByteOrder
    public var options: DeviceOptions
    /// A register the controller changes while alive (nil: not watched).
    public var heartbeat: HeartbeatSettings? = nil
    /// A status word whose bits say whether the device's data is valid (nil: not read).
    public var status: StatusWordSettings? = nil
    /// The result handshake's acknowledge (nil: results are read without acknowledging).
    public var acknowledge: AcknowledgeSettings? = nil
}

/// `[[stations]]`.
public struct StationSettings: Sendable, Hashable {
    public var name: String
    public var lotKind: LotKind
    /// Where the station publishes its current lot id, if it does.
    public var lot: RegisterSource?
}

/// A value read from a register: the lot id of a station, or a unit counter.
public struct RegisterSource: Sendable, Hashable {
    public var device: String
    public var kind: RegisterKind
    /// Protocol (0-based) address, after the device's address base was applied.
    public var address: UInt16
    public var type: ValueType
    public var order: ByteOrder
}

/// `[[characteristics]]`: what is measured, how it is read, judged and acted on.
public struct CharacteristicSettings: Sendable, Hashable {
    public var id: CharacteristicID
    public var station: String
    public var equipment: String?
    public var device: String
    public var kind: RegisterKind
    public var address: UInt16
    public var type: ValueType
    public var order: ByteOrder
    public var scale: Double
    public var offset: Double
    public var unit: String
    public var physicalRange: ClosedRange<Double>?
    /// The value's quality becomes `frozen` when its registers repeat unchanged for this many
    /// polls in a row (nil: never); for continuous signals, not for per-unit results.
    public var frozenAfter: Int?
    public var spec: SpecLimits
    /// A per-unit counter read with the value: a sample is taken only when it changes, so no
    /// unit is charted twice; a jump of more than one is reported as skipped units.
    public var sequence: RegisterSource?
    public var chart: ChartKind
    public var drift: DriftChartSettings
    /// Points in the Phase I window that sets the control limits.
    public var phase1: Int
    public var ruleSet: RuleSetName
    /// Rule numbers in the rule set's own numbering.
    public var rules: [Int]
    /// Whether a rule signal (not only a defect) puts the lot on hold.
    public var holdOnSignal: Bool
    public var defectCodeLow: String
    public var defectCodeHigh: String
    public var severity: Severity
    /// The instrument's own valid/invalid flag, read with the value (nil: none).
    public var quality: QualityFlagSettings? = nil
    /// With a `sequence`: the value is `frozen` when it repeats unchanged for this many units
    /// in a row (nil: never). Continuous values use `frozenAfter` (polls) instead.
    public var frozenAfterUnits: Int? = nil
    /// The largest plausible change between two accepted values, in the value's unit (nil:
    /// unchecked). A value further away is `decode:step` (see `StepGuard`).
    public var maxStep: Double? = nil
    /// How values are modelled for the charts (sigma estimator, MR chart, autocorrelation,
    /// transform).
    public var model = ChartModelSettings()

    public var description: CharacteristicDescription {
        CharacteristicDescription(
            id: id, station: station, device: device, equipment: equipment, unit: unit, spec: spec,
            defectCodeLow: defectCodeLow, defectCodeHigh: defectCodeHigh, severity: severity,
            chart: chart.rawValue)
    }
}

/// The control charts the daemon runs on live data. Every kind keeps the individuals and
/// moving-range chart with the configured run rules (gross shifts show at once there); `ewma`
/// and `cusum` add a chart for small sustained shifts (limit crossings only).
public enum ChartKind: String, Sendable, CaseIterable {
    /// Individuals and moving range.
    case imr
    /// Individuals and moving range, plus EWMA (`ewma_lambda`, `ewma_width`; exact limits).
    case ewma
    /// Individuals and moving range, plus a two-sided tabular CUSUM (`cusum_k`, `cusum_h`),
    /// restarted after each signal.
    case cusum
}

/// Parameters of the drift charts (in sigma units of individual values).
public struct DriftChartSettings: Sendable, Hashable {
    public var ewmaLambda: Double = 0.2
    public var ewmaWidth: Double = 3
    public var cusumK: Double = 0.5
    public var cusumH: Double = 5

    public init() {}
}

/// The two run-rule sets and their numbering.
public enum RuleSetName: String, Sendable, CaseIterable {
    /// Western Electric rules 1-4.
    case we
    /// Nelson rules 1-8.
    case nelson

    public var ruleCount: Int { self == .we ? 4 : 8 }
}

/// `[[interlocks]]`: a coil or register of a named device that LineGuard writes when a lot of a
/// station goes on hold (after the hold is committed), and writes back when no lot of that
/// station is on hold any more. Nothing else is ever written to a PLC.
public struct InterlockSettings: Sendable, Hashable {
    public var station: String
    public var device: String
    public var kind: RegisterKind
    /// Protocol (0-based) address.
    public var address: UInt16
    public var holdValue: UInt16
    public var releaseValue: UInt16
}
