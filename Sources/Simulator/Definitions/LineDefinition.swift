/// A simulated battery line as a line file (`seeds/lines/*.toml`) defines it: which stations,
/// with which models, figures and register maps. Load with `LineDefinition.load(path:)`.
public struct LineDefinition: Sendable, Hashable {
    public var name: String
    public var summary: String
    public var stations: [StationDefinition]
    /// `[[multivariate]]`: Hotelling T2 charts for the daemon configuration.
    public var multivariate: [MultivariateDefinition] = []

    public init(name: String, summary: String = "", stations: [StationDefinition]) {
        self.name = name
        self.summary = summary
        self.stations = stations
    }

    public func station(named name: String) -> StationDefinition? { stations.first { $0.name == name } }

    /// The first station of a model kind.
    public func station(model: StationModelKind) -> StationDefinition? { stations.first { $0.model == model } }
}
