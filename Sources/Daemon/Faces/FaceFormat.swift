/// How a read command prints its data: for people, for programs, for spreadsheets.
public enum FaceFormat: String, Sendable, Hashable, CaseIterable {
    case text
    case json
    case csv
}
