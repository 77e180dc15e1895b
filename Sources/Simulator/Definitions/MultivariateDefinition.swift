public import LineModel

/// A `[[multivariate]]` table of a line file: a Hotelling T2 chart the daemon configuration
/// gets, over characteristics of one or more stations (failure mode 8, coupled drift).
///
/// When a variable is measured per stream (lane), the chart is written once per stream with
/// that stream's values (variables measured once are shared), and its id ends in the chart
/// station's stream prefix and number: `calendering.t2_loading_thickness_density.lane3`.
public struct MultivariateDefinition: Sendable, Hashable {
    /// The chart's name within its station (the id is `station.name[.<stream>]`).
    public var name: String
    public var station: String
    /// `station.characteristic` of each variable, in the order of the observation vector.
    public var variables: [String]
    /// The variable whose new value forms an observation (nil: the last).
    public var trigger: String?
    /// How much older (line seconds) the other variables' values may be.
    public var maxAgeSeconds: Double
    public var phase1: Int?
    public var confidence: Double?
    public var holdOnSignal: Bool
    public var severity: Severity

    public init(
        name: String, station: String, variables: [String], trigger: String? = nil, maxAgeSeconds: Double, phase1: Int? = nil,
        confidence: Double? = nil, holdOnSignal: Bool = false, severity: Severity = .major
    ) {
        self.name = name
        self.station = station
        self.variables = variables
        self.trigger = trigger
        self.maxAgeSeconds = maxAgeSeconds
        self.phase1 = phase1
        self.confidence = confidence
        self.holdOnSignal = holdOnSignal
        self.severity = severity
    }
}
