/// A simulator run could not start or go on: which operation, on what, and why.
public struct SimulatorError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    /// The station, port or file concerned.
    public var subject: String
    public var message: String

    public init(operation: String, subject: String, message: String) {
        self.operation = operation
        self.subject = subject
        self.message = message
    }

    public var description: String { "simulator: \(operation) (\(subject)) failed: \(message)" }
}
