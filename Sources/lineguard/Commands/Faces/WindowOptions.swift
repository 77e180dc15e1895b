import ArgumentParser
import Daemon

/// Which samples a chart or capability study takes.
struct WindowOptions: ParsableArguments {
    @Option(name: .long, help: "From this time: 2026-11-29T10:00:00Z, 2026-11-29, 15m, 2h, 7d or epoch seconds.")
    var since: String?
    @Option(name: .long, help: "Up to this time (same forms as --since).") var until: String?
    @Option(name: .long, help: "Only the samples of this lot.") var lot: String?
    @Option(name: .long, help: "At most this many samples (the most recent).") var limit: Int?

    func window(defaultLimit: Int) throws(FaceError) -> SampleWindow {
        try SampleWindow(
            since: try FaceRun.time(since, option: "--since"), until: try FaceRun.time(until, option: "--until"), lot: lot,
            limit: limit ?? defaultLimit
        ).validated()
    }
}
