/// The version printed by `lineguard --version` and recorded in the store.
enum LineGuardVersion {
    static let current = "0.1.0"
}
