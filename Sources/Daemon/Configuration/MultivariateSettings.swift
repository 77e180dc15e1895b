public import LineModel

/// `[[multivariate]]`: a Hotelling T2 chart on individual observations of 2 to 10
/// characteristics that drift together (failure mode 8: loading, thickness and density).
///
/// A new good sample of `trigger` forms an observation with the latest good values of the other
/// variables, each at most `maxAgeSeconds` older than it (else the observation is skipped and
/// counted). The first `phase1` observations estimate the mean vector and covariance; then the
/// model is frozen and each observation's T2 is judged against the Phase II limit.
public struct MultivariateSettings: Sendable, Hashable {
    /// A characteristic-like id (`station.name`), e.g. `calendering.t2_loading_thickness_density`.
    public var id: CharacteristicID
    /// The station the chart belongs to (its signals and holds are that station's).
    public var station: String
    /// The charted characteristics, in the order of the observation vector.
    public var variables: [CharacteristicID]
    /// The variable whose new good sample forms an observation.
    public var trigger: CharacteristicID
    /// How much older (wall seconds) than the trigger sample another variable's value may be.
    public var maxAgeSeconds: Double
    /// Observations in the Phase I window (at least variables + 2).
    public var phase1: Int
    /// The confidence level of the limits (`HotellingT2.defaultConfidence` when nil).
    public var confidence: Double?
    /// Whether a signal puts the trigger sample's lot on hold.
    public var holdOnSignal: Bool
    public var severity: Severity

    public init(
        id: CharacteristicID, station: String, variables: [CharacteristicID], trigger: CharacteristicID,
        maxAgeSeconds: Double, phase1: Int, confidence: Double?, holdOnSignal: Bool, severity: Severity
    ) {
        self.id = id
        self.station = station
        self.variables = variables
        self.trigger = trigger
        self.maxAgeSeconds = maxAgeSeconds
        self.phase1 = phase1
        self.confidence = confidence
        self.holdOnSignal = holdOnSignal
        self.severity = severity
    }

    /// The chart as the store records it: a characteristic row (signals and limits refer to it)
    /// with no device, no specification limits and chart `t2`.
    public var description: CharacteristicDescription {
        let code = String(id.rawValue.uppercased().map { $0 == "." ? "_" : $0 })
        return CharacteristicDescription(
            id: id, station: station, device: "", equipment: nil, unit: "T2", spec: SpecLimits(),
            defectCodeLow: "\(code).LOW", defectCodeHigh: "\(code).HIGH", severity: severity, chart: "t2")
    }
}
