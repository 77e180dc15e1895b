/// How a nonconformance was detected (the domain document's detection kinds).
public enum DetectionKind: String, Sendable, Hashable, CaseIterable, Codable {
    /// By an inline gauge or tester on the running line.
    case inline
    /// On a sample taken from the line.
    case sample
    /// By the laboratory (Karl Fischer, peel test, ...).
    case lab
    /// At end-of-line test or grading.
    case endOfLine = "end_of_line"
}
