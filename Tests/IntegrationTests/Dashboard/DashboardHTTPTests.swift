import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
#if canImport(FoundationXML)
import FoundationXML
#endif

/// The dashboard's pages over HTTP (no browser needed): tile colours, escaping of ids that come
/// from PLCs, status codes, the chart alone, and a page that says so when the record is gone.
@Suite(.serialized) struct DashboardHTTPTests {
    static func get(_ url: String) async throws -> (status: Int, type: String, body: String) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, http.value(forHTTPHeaderField: "Content-Type") ?? "", String(decoding: data, as: UTF8.self))
    }

    @Test(.timeLimit(.minutes(3))) func tilesEscapingStatusCodesAndTheChart() async throws {
        let directory = try TemporaryDirectory()
        let database = directory.path + "/three.sqlite"
        try await ThreeStationRecord.write(to: database)
        let (dashboard, base) = try await DashboardBrowserTests.startDashboard(database, in: directory.path)
        defer { _ = dashboard.stop() }

        let overview = try await Self.get(base + "/")
        #expect(overview.status == 200 && overview.type.hasPrefix("text/html"))
        #expect(overview.body.contains("data-station=\"mixing\" data-health=\"amber\""))
        #expect(overview.body.contains("data-station=\"coating\" data-health=\"red\""))
        #expect(overview.body.contains("data-station=\"drying\" data-health=\"green\""))
        #expect(overview.body.contains("ROLL-&lt;7&gt;&amp;&quot;x&quot;"), "the held lot is named, escaped")
        #expect(!overview.body.contains("<7>"), "markup in a lot id never reaches the page raw")
        #expect(overview.body.contains("edge &lt;burr&gt; check"))

        let held = try await Self.get(base + "/held")
        #expect(held.status == 200 && held.body.contains("Held lots (1)"))

        let page = try await Self.get(base + "/characteristic/mixing.viscosity")
        #expect(page.status == 200 && page.body.contains("<svg") && page.body.contains("data-rule=\"4\""))

        let chart = try await Self.get(base + "/chart/coating.weight.svg")
        #expect(chart.status == 200 && chart.type == "image/svg+xml")
        #expect(XMLParser(data: Data(chart.body.utf8)).parse())

        #expect(try await Self.get(base + "/characteristic/no.such").status == 404)
        #expect(try await Self.get(base + "/chart/no.such.svg").status == 404)
        #expect(try await Self.get(base + "/healthz").body == "ok\n")

        // The record disappears (a disk swap): the page says so instead of failing silently.
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database + suffix) }
        let gone = try await Self.get(base + "/")
        #expect(gone.status == 503 && gone.body.contains("Not available") && gone.body.contains("cannot read"))
    }

    @Test(.timeLimit(.minutes(3))) func aDeviceDownTurnsOnlyItsStationRed() async throws {
        let directory = try TemporaryDirectory()
        let database = directory.path + "/three.sqlite"
        try await ThreeStationRecord.write(to: database, downDevice: "drying-plc")
        let config = directory.path + "/three.toml"
        try ThreeStationRecord.configuration(database: database).write(toFile: config, atomically: true, encoding: .utf8)
        let check = try LineGuardProcess.run(["check-config", config])
        try #require(check.status == 0, "the test configuration must load: \(check.stderr)")
        let (dashboard, base) = try await DashboardBrowserTests.startDashboard(
            database, in: directory.path, extra: ["--config", config])
        defer { _ = dashboard.stop() }
        let overview = try await Self.get(base + "/")
        #expect(overview.body.contains("three-station line"))
        #expect(overview.body.contains("data-station=\"drying\" data-health=\"red\""))
        #expect(overview.body.contains("device drying-plc down"))
        #expect(overview.body.contains("data-station=\"mixing\" data-health=\"amber\""))
        #expect(overview.body.contains("data-station=\"coating\" data-health=\"red\""))
        // Station order is the configuration's.
        let mixing = try #require(overview.body.range(of: "data-station=\"mixing\""))
        let drying = try #require(overview.body.range(of: "data-station=\"drying\""))
        #expect(mixing.lowerBound < drying.lowerBound)
    }

    @Test func dashboardRefusesBadArguments() async throws {
        let directory = try TemporaryDirectory()
        let missing = try LineGuardProcess.run(["dashboard", "--db", directory.path + "/none.sqlite", "--listen", "127.0.0.1:0"])
        #expect(missing.status == 1 && missing.stderr.contains("cannot read"))
        let database = directory.path + "/three.sqlite"
        try await ThreeStationRecord.write(to: database)
        let listen = try LineGuardProcess.run(["dashboard", "--db", database, "--listen", "nowhere"])
        #expect(listen.status == 2 && listen.stderr.contains("is not host:port"))
    }
}
