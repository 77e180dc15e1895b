import ArgumentParser

/// `lineguard hold LOT --reason ...`
struct HoldCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "hold", abstract: "Put a lot on hold (and its descendants), through the daemon.",
        discussion: "The hold, its reason and who placed it are recorded; configured interlocks are set.")

    @Argument(help: "The lot id.") var lot: String
    @Option(name: .long, help: "Why the lot is suspect.") var reason: String
    @OptionGroup var control: ControlOptions

    func run() throws { try control.send("POST", "/v1/lots/\(lotPath(lot))/hold", ["reason": reason]) }
}

/// `lineguard release LOT`
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Release a held lot (disposition 'release'), through the daemon.")

    @Argument(help: "The lot id.") var lot: String
    @Option(name: .long, help: "A note for the record.") var note: String?
    @OptionGroup var control: ControlOptions

    func run() throws { try control.send("POST", "/v1/lots/\(lotPath(lot))/release", ["note": note]) }
}

/// `lineguard disposition LOT --as ...`
struct DispositionCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disposition", abstract: "Record the review board's disposition of a held lot, through the daemon.",
        discussion: "use-as-is needs --concession, regrade needs --grade. Illegal transitions are refused (exit 3).")

    @Argument(help: "The lot id.") var lot: String
    @Option(name: .customLong("as"), help: "release, use-as-is, rework, regrade, scrap or return-to-vendor.") var disposition: String
    @Option(name: .long, help: "Concession number (use-as-is).") var concession: String?
    @Option(name: .long, help: "New grade (regrade), e.g. B.") var grade: String?
    @Option(name: .long, help: "A note for the record.") var note: String?
    @OptionGroup var control: ControlOptions

    func run() throws {
        try control.send(
            "POST", "/v1/lots/\(lotPath(lot))/disposition",
            ["as": disposition, "concession": concession, "grade": grade, "note": note])
    }
}

/// `lineguard lot start|end`
struct LotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lot", abstract: "Show a lot; start or end a station's lot (stations without a lot-id register).",
        subcommands: [Start.self, End.self, LotShowCommand.self])

    struct Start: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Start a lot at a station; samples belong to it from now on.")
        @Argument(help: "The new lot id.") var lot: String
        @Option(name: .long, help: "The station.") var station: String
        @Option(name: .long, help: "The lot kind (default: the station's).") var kind: String?
        @OptionGroup var control: ControlOptions

        func run() throws { try control.send("POST", "/v1/lots/start", ["lot": lot, "station": station, "kind": kind]) }
    }

    struct End: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "End the current lot of a station.")
        @Option(name: .long, help: "The station.") var station: String
        @OptionGroup var control: ControlOptions

        func run() throws { try control.send("POST", "/v1/lots/end", ["station": station]) }
    }
}

/// `lineguard signal ack ID`
struct SignalCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signal", abstract: "Work with control-chart signals.", subcommands: [Ack.self])

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "ack", abstract: "Acknowledge a signal with its assignable cause and corrective action.")
        @Argument(help: "The signal id (see lineguard status).") var id: Int64
        @Option(name: .long, help: "The assignable cause found.") var cause: String
        @Option(name: .long, help: "The corrective action taken.") var action: String?
        @OptionGroup var control: ControlOptions

        func run() throws { try control.send("POST", "/v1/signals/\(id)/ack", ["cause": cause, "action": action]) }
    }
}

/// `lineguard reload`
struct ReloadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reload", abstract: "Ask the daemon to reload its configuration file (like SIGHUP).",
        discussion: "An invalid file is refused (exit 3) and the running configuration stays.")

    @OptionGroup var control: ControlOptions

    func run() throws { try control.send("POST", "/v1/reload") }
}

/// `lineguard limits recompute|approve CHARACTERISTIC`
struct LimitsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "limits", abstract: "Show control limits; recompute and approve them (Phase I) through the daemon.",
        discussion: "Control limits change only when an engineer recomputes them from recent good samples and approves the result.",
        subcommands: [LimitsShowCommand.self, Recompute.self, Approve.self])

    struct Recompute: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Propose new limits from the latest good samples.")
        @Argument(help: "The characteristic id.") var characteristic: String
        @Option(name: .long, help: "How many of the latest good samples (default: the characteristic's phase1).") var window: Int?
        @OptionGroup var control: ControlOptions

        func run() throws {
            try control.send(
                "POST", "/v1/limits/\(lotPath(characteristic))/recompute", ["window": window.map { "\($0)" }])
        }
    }

    struct Approve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Approve the proposed limits: they are recorded and take effect at once.")
        @Argument(help: "The characteristic id.") var characteristic: String
        @OptionGroup var control: ControlOptions

        func run() throws { try control.send("POST", "/v1/limits/\(lotPath(characteristic))/approve") }
    }
}
