/// The outcome of a Phase I estimation: the frozen limits (or model), and which Phase I
/// points (1-based) were excluded as signalling, over how many passes.
public struct PhaseOneResult<Model: Sendable>: Sendable {
    public var model: Model
    public var excluded: [Int]
    public var iterations: Int
}

extension PhaseOneResult: Equatable where Model: Equatable {}
extension PhaseOneResult: Hashable where Model: Hashable {}
extension PhaseOneResult: Encodable where Model: Encodable {}
extension PhaseOneResult: Decodable where Model: Decodable {}
