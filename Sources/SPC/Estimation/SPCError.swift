/// An error in the input of an SPC computation, with the context needed to fix it.
public struct SPCError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}
