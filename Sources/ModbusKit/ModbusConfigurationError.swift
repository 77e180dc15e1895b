/// A configuration value ModbusKit cannot use: names the key, the bad value and what was expected.
public struct ModbusConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The key path or field (`endpoint`, `points.fill_weight.address`, ...).
    public var key: String
    /// The offending value as text.
    public var value: String
    /// What would have been accepted.
    public var expected: String

    public init(key: String, value: String, expected: String) {
        self.key = key
        self.value = value
        self.expected = expected
    }

    public var description: String { "\(key): '\(value)' is not valid; expected \(expected)" }
}
