/// One edge of the genealogy: the child was made from the parent, consuming the parent's
/// metres `fromMetre...toMetre` (web material) and/or a quantity.
public struct GenealogyLink: Sendable, Hashable, Codable {
    public var parent: String
    public var child: String
    public var fromMetre: Double?
    public var toMetre: Double?
    public var quantity: Double?

    public init(parent: String, child: String, fromMetre: Double?, toMetre: Double?, quantity: Double?) {
        self.parent = parent
        self.child = child
        self.fromMetre = fromMetre
        self.toMetre = toMetre
        self.quantity = quantity
    }
}
