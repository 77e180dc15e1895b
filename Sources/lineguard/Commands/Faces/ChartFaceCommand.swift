import ArgumentParser
import Daemon

/// `lineguard chart CHARACTERISTIC --out FILE.svg|.png`.
struct ChartFaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chart", abstract: "Draw a characteristic's control chart (individuals and moving range).",
        discussion: """
            The picture shows the center line, the control limits and the 1- and 2-sigma zones, the \
            spec limits, the points that signalled marked with their rule number, and lot changes; \
            its title says what it shows. The limits are those the daemon froze and recorded (until \
            there are none: trial limits from the data shown, and the subtitle says so).
              lineguard chart filling.fill_weight.n3 --db line.sqlite --out n3.svg
              lineguard chart filling.fill_weight.n3 --lot B-0042 --out n3.png
            PNG needs rsvg-convert (Debian package librsvg2-bin).
            Exit status: 0 ok, 1 cannot read the database or write the file, 2 bad arguments, \
            5 unknown characteristic or lot.
            """)

    @Argument(help: "The characteristic, e.g. filling.fill_weight.n3.") var characteristic: String
    @Option(name: .long, help: "The picture to write: FILE.svg, FILE.png, or - for SVG on stdout.") var out: String
    @Option(name: .long, help: "The SQLite database the daemon writes (default: $LINEGUARD_DB).") var db: String?
    @OptionGroup var window: WindowOptions
    @Option(name: .long, help: "Picture width in pixels.") var width: Int = 1200
    @Option(name: .long, help: "Picture height in pixels.") var height: Int = 760

    func run() throws {
        try FaceRun.run("chart") { () throws(FaceError) in
            guard (400...8000).contains(width), (300...8000).contains(height) else {
                throw FaceError(.badArgument, "--width must be 400-8000 and --height 300-8000 pixels")
            }
            let store = try FaceStore(databasePath: try FaceOptions.databasePath(db))
            let chart = try store.chartSVG(
                characteristic, window: try window.window(defaultLimit: 500), width: Double(width), height: Double(height))
            try PictureFile.write(svg: chart.svg, to: out)
            return out == "-" ? "" : "wrote \(out): \(chart.points) points, \(chart.signalled) signalled"
        }
    }
}
