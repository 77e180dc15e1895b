import ArgumentParser
import Daemon

/// `lineguard defects`: nonconformances, newest first.
struct DefectsFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "defects", abstract: "List defects (out-of-specification units, newest first).",
        discussion: """
              lineguard defects --db line.sqlite --open
              lineguard defects --db line.sqlite --lot B-0042 --format csv
            Exit status: 0 ok, 1 cannot read the database, 2 bad arguments, 5 unknown characteristic.
            """)

    @OptionGroup var options: FaceOptions
    @OptionGroup var filters: EventFilterOptions
    @Flag(name: .long, help: "Only defects neither closed nor disposed.") var open = false

    func run() throws {
        try FaceRun.run("defects") { () throws(FaceError) in
            let format = try options.resolvedFormat()
            let store = try options.store()
            if let characteristic = filters.characteristic { _ = try store.characteristic(characteristic) }
            let defects = try store.defects(try filters.filter(openOnly: open))
            return FaceStore.defectTable(defects).rendered(format, colour: ANSIColour.enabled, title: "DEFECTS")
        }
    }
}
