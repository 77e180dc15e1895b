import Foundation

/// The wall clock in one place, as seconds since the epoch (UTC).
enum Clocks {
    static func wallNow() -> Double { Date().timeIntervalSince1970 }
}
