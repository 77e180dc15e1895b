/// Consecutive holding registers to store from `address` on.
public struct RegisterWrite: Sendable, Hashable {
    public var address: UInt16
    public var words: [UInt16]

    public init(address: UInt16, words: [UInt16]) {
        self.address = address
        self.words = words
    }
}
