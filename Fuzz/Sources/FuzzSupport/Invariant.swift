/// Traps (a crash for libFuzzer, which then saves the input) when an invariant of the code
/// under test does not hold. Unlike `assert`, it is checked in every build configuration.
public func invariant(
    _ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String,
    file: StaticString = #fileID, line: UInt = #line
) {
    guard condition() else {
        fatalError("invariant violated: \(message())", file: file, line: line)
    }
}
