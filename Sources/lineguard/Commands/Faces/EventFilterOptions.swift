import ArgumentParser
import Daemon

/// The filters of `signals`, `defects` and `export`.
struct EventFilterOptions: ParsableArguments {
    @Option(name: .long, help: "Only this station.") var station: String?
    @Option(name: .long, help: "Only this characteristic (e.g. filling.fill_weight.n3).") var characteristic: String?
    @Option(name: .long, help: "Only this lot.") var lot: String?
    @Option(name: .long, help: "From this time: 2026-11-29T10:00:00Z, 2026-11-29, 15m, 2h, 7d or epoch seconds.")
    var since: String?
    @Option(name: .long, help: "Up to this time (same forms as --since).") var until: String?
    @Option(name: .long, help: "At most this many rows (the newest).") var limit: Int = 1_000

    func filter(openOnly: Bool = false) throws(FaceError) -> EventFilter {
        EventFilter(
            station: station, characteristic: characteristic, lot: lot, since: try FaceRun.time(since, option: "--since"),
            until: try FaceRun.time(until, option: "--until"), openOnly: openOnly, limit: limit)
    }
}
