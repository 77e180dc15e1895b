/// Output format of the analysis commands.
public enum AnalysisFormat: String, Sendable, Hashable, CaseIterable {
    case text
    case json
}
