import ArgumentParser
import Daemon

/// `lineguard signals`: control-chart signals, newest first.
struct SignalsFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signals", abstract: "List control-chart signals (newest first).",
        discussion: """
              lineguard signals --db line.sqlite --open --station filling
              lineguard signals --station filling --since 2h --format json
            Acknowledge one with `lineguard signal ack ID --cause ...`.
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 unknown characteristic.
            """)

    @OptionGroup var options: FaceOptions
    @OptionGroup var filters: EventFilterOptions
    @Flag(name: .long, help: "Only signals not yet acknowledged.") var open = false

    func run() throws {
        try FaceRun.run("signals") { () throws(FaceError) in
            let format = try options.resolvedFormat()
            let store = try options.store()
            if let characteristic = filters.characteristic { _ = try store.characteristic(characteristic) }
            let signals = try store.signals(try filters.filter(openOnly: open))
            return try store.signalTable(signals).rendered(format, colour: ANSIColour.enabled, title: "SIGNALS")
        }
    }
}
