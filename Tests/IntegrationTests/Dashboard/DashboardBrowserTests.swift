import Foundation
import Testing

/// The dashboard served by the real binary (`lineguard dashboard`) on the record of a real
/// simulator run, loaded in headless Chromium: the DOM names the held lot, the station tile is
/// red, the characteristic page carries its chart, and a screenshot is not blank.
@Suite(.serialized, .enabled(if: Chromium.path != nil, Comment(rawValue: Chromium.missingMessage)))
struct DashboardBrowserTests {
    /// Starts the dashboard on a free loopback port; returns it and its base URL.
    static func startDashboard(
        _ database: String, in directory: String, extra: [String] = []
    ) async throws -> (LineGuardProcess, String) {
        let portFile = directory + "/dashboard.port"
        let dashboard = try LineGuardProcess.start(
            ["dashboard", "--db", database, "--listen", "127.0.0.1:0", "--port-file", portFile] + extra,
            stderrPath: directory + "/dashboard.log")
        for _ in 0..<200 {
            if let text = try? String(contentsOfFile: portFile, encoding: .utf8),
                let port = Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
            {
                return (dashboard, "http://127.0.0.1:\(port)")
            }
            if !dashboard.process.isRunning { break }
            try await Task.sleep(for: .milliseconds(50))
        }
        _ = dashboard.stop()
        throw DemoDatabase.Failure(description: "the dashboard did not start:\n\(dashboard.log)")
    }

    @Test(.timeLimit(.minutes(2))) func overviewNamesTheHeldLotAndShowsARedStation() async throws {
        let demo = try DemoDatabase.get()
        let directory = try TemporaryDirectory()
        let (dashboard, base) = try await Self.startDashboard(demo.path, in: directory.path)
        defer { _ = dashboard.stop() }
        let profile = directory.path + "/chromium"

        let overview = try Chromium.dumpDOM(base + "/", profile: profile)
        #expect(overview.contains("Line overview"))
        #expect(overview.contains(demo.heldLot), "the held lot must be named on the page")
        #expect(overview.contains("data-station=\"filling\" data-health=\"red\""))
        #expect(overview.contains("http-equiv=\"refresh\""))
        #expect(!overview.contains("src=\"http") && !overview.contains("href=\"http"), "no external assets")

        let held = try Chromium.dumpDOM(base + "/held", profile: profile)
        #expect(held.contains("data-lot=\"\(demo.heldLot)\""))

        let screenshot = directory.path + "/overview.png"
        try Chromium.screenshot(base + "/", to: screenshot, width: 1280, height: 800, profile: profile)
        let colours = try PNGColours.measure(screenshot, colours: ["b71c1c", "1a1a1a"])
        #expect(colours.width == 1280 && colours.height == 800)
        #expect(colours.distinct > 20, "a blank page has a handful of colours")
        #expect(colours.nonBackground > 0.05)
        #expect((colours.near["b71c1c"] ?? 0) > 5_000, "the red station tile must be visible")
        #expect((colours.near["1a1a1a"] ?? 0) > 5_000, "the header bar must be visible")
        #expect(dashboard.stop() == 0, "SIGTERM stops the dashboard cleanly; log:\n\(dashboard.log)")
    }

    @Test(.timeLimit(.minutes(2))) func characteristicPageCarriesItsLiveChart() async throws {
        let demo = try DemoDatabase.get()
        let directory = try TemporaryDirectory()
        let (dashboard, base) = try await Self.startDashboard(demo.path, in: directory.path)
        defer { _ = dashboard.stop() }
        let profile = directory.path + "/chromium"

        let page = try Chromium.dumpDOM(base + "/characteristic/" + demo.stepped, profile: profile)
        #expect(page.contains("<svg"))
        #expect(page.contains("data-limit=\"ucl\"") && page.contains("data-limit=\"lsl\""))
        #expect(page.contains("data-rule=\"1\""), "signalled points are marked with their rule")
        #expect(page.contains("data-lot=\"\(demo.heldLot)\""))

        let screenshot = directory.path + "/characteristic.png"
        try Chromium.screenshot(base + "/characteristic/" + demo.stepped, to: screenshot, width: 1280, height: 900, profile: profile)
        let colours = try PNGColours.measure(screenshot, colours: ["c62828", "6a1b9a", "d50000"])
        #expect(colours.distinct > 50)
        #expect((colours.near["c62828"] ?? 0) > 300, "the dashed red control limits must be visible")
        #expect((colours.near["6a1b9a"] ?? 0) > 300, "the purple spec limits must be visible")

        let unknown = try Chromium.dumpDOM(base + "/characteristic/no.such", profile: profile)
        #expect(unknown.contains("no characteristic"))
    }
}
