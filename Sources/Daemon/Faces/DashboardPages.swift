import Charts
import Foundation
import LineModel
import Store

/// The dashboard's pages as HTML strings (a store in, a page out), so that they are tested
/// without a server.
struct DashboardPages: Sendable {
    let databasePath: String
    /// The configuration in force, asked on every page (a reload shows at once).
    let configuration: @Sendable () -> DaemonConfiguration?
    let refreshSeconds: Int
    /// Points on a characteristic's live chart.
    let chartPoints: Int

    init(
        databasePath: String, configuration: @escaping @Sendable () -> DaemonConfiguration?, refreshSeconds: Int = 5,
        chartPoints: Int = 200
    ) {
        self.databasePath = databasePath
        self.configuration = configuration
        self.refreshSeconds = refreshSeconds
        self.chartPoints = chartPoints
    }

    /// The line's name, its stations in order, and which devices serve each station (nil
    /// without a configuration: the record alone does not say).
    private struct Layout {
        var lineName: String
        var stationOrder: [String]
        var devicesByStation: [String: [String]]?
    }

    private var layout: Layout {
        guard let configuration = configuration() else {
            return Layout(
                lineName: databasePath.split(separator: "/").last.map(String.init) ?? databasePath, stationOrder: [],
                devicesByStation: nil)
        }
        var devices: [String: [String]] = [:]
        for characteristic in configuration.characteristics {
            devices[characteristic.station, default: []].append(characteristic.device)
        }
        for station in configuration.stations {
            if let device = station.lot?.device { devices[station.name, default: []].append(device) }
        }
        return Layout(
            lineName: configuration.line.name, stationOrder: configuration.stations.map(\.name), devicesByStation: devices)
    }

    private func page(_ title: String, _ body: String) -> String {
        HTML.page(title: title, line: layout.lineName, refreshSeconds: refreshSeconds, generated: FaceStore.now(), body: body)
    }

    private func link(_ characteristic: String) -> String {
        "/characteristic/" + (characteristic.addingPathEscapes)
    }

    /// The line overview: one tile per station, the held lots, the newest open signals.
    func overview() throws(FaceError) -> String {
        let store = try FaceStore(databasePath: databasePath)
        let report = try store.read { try store.reader.status(recentDefects: 50) }
        let layout = self.layout
        let tiles = StationTile.tiles(report, stationOrder: layout.stationOrder, devicesByStation: layout.devicesByStation)
        var body = "<h1>Line overview</h1>\n<section class=\"tiles\">\n"
        for tile in tiles {
            body += "<div class=\"tile \(tile.health.rawValue)\" data-station=\"\(HTML.escape(tile.station))\" data-health=\"\(tile.health.rawValue)\">\n"
            body += "<h2>\(HTML.escape(tile.station))</h2>\n<div class=\"state\">\(HTML.escape(tile.word))</div>\n<ul>\n"
            if !tile.heldLots.isEmpty {
                body += "<li><strong>on hold: " + tile.heldLots.map { HTML.escape($0.id) }.joined(separator: ", ") + "</strong></li>\n"
            }
            for device in tile.devices where !device.isUp {
                body += "<li>device \(HTML.escape(device.name)) \(HTML.escape(device.state))</li>\n"
            }
            body += "<li>\(tile.openSignals) open signal\(tile.openSignals == 1 ? "" : "s"), \(tile.openDefects) open defect\(tile.openDefects == 1 ? "" : "s")</li>\n"
            for characteristic in tile.characteristics.prefix(8) {
                let flag = characteristic.openSignals > 0 ? " &#9888;" : ""
                body += "<li><a href=\"\(HTML.escape(link(characteristic.id)))\">\(HTML.escape(characteristic.id))</a> "
                    + "\(HTML.escape(NumberFormat.significant(characteristic.lastValue, 5))) \(HTML.escape(characteristic.unit))\(flag)</li>\n"
            }
            if tile.characteristics.count > 8 { body += "<li>and \(tile.characteristics.count - 8) more</li>\n" }
            body += "</ul>\n</div>\n"
        }
        if tiles.isEmpty { body += "<p class=\"empty\">No stations recorded yet.</p>\n" }
        body += "</section>\n"
        body += "<h2>Held lots (\(report.heldLots.count))</h2>\n" + heldTable(report.heldLots, holds: try store.read { try store.reader.holds(openOnly: true) })
        body += "<h2>Open signals (\(report.openSignals.count))</h2>\n" + signalList(Array(report.openSignals.prefix(10)))
        return page("Line overview", body)
    }

    /// The held lots with the reasons of their open holds.
    func held() throws(FaceError) -> String {
        let store = try FaceStore(databasePath: databasePath)
        let report = try store.read { try store.reader.status(recentDefects: 0) }
        let holds = try store.read { try store.reader.holds(openOnly: true) }
        return page("Held lots", "<h1>Held lots (\(report.heldLots.count))</h1>\n" + heldTable(report.heldLots, holds: holds))
    }

    /// One characteristic: its live chart, limits, and recent signals.
    func characteristic(_ id: String) throws(FaceError) -> String {
        let store = try FaceStore(databasePath: databasePath)
        let status = try store.characteristic(id)
        let picture = try store.chartPicture(id, window: SampleWindow(limit: chartPoints))
        let svg = ControlChartRenderer(width: 1400, height: 820).render(picture, standalone: false)
        var body = "<h1>\(HTML.escape(id)) <small>at \(HTML.escape(status.station))</small></h1>\n"
        body += "<p>last value <strong>\(HTML.escape(NumberFormat.significant(status.lastValue, 6))) \(HTML.escape(status.unit))</strong>"
            + " (\(HTML.escape(status.lastQuality ?? "-")), \(HTML.escape(TimeText.iso(status.lastTime))))"
            + " &middot; LSL \(HTML.escape(NumberFormat.significant(status.lsl, 5))) &middot; USL \(HTML.escape(NumberFormat.significant(status.usl, 5)))"
            + " &middot; \(status.openSignals) open signals &middot; \(status.defects) open defects</p>\n"
        body += "<div class=\"chart\">\n\(svg)</div>\n"
        let signals = try store.signals(EventFilter(characteristic: id, limit: 15))
        body += "<h2>Recent signals</h2>\n" + signalList(signals)
        return page(id, body)
    }

    /// A page that says what went wrong (the dashboard stays up when the record cannot be read).
    func failure(_ error: FaceError) -> String {
        page("Not available", "<h1>Not available</h1>\n<p>\(HTML.escape(error.message))</p>\n")
    }

    private func heldTable(_ lots: [LotRecord], holds: [HoldRecord]) -> String {
        guard !lots.isEmpty else { return "<p class=\"empty\">No lot is on hold.</p>\n" }
        var html = "<table class=\"held\">\n<tr><th>Lot</th><th>Kind</th><th>Station</th><th>Status</th><th>Since</th><th>Why</th></tr>\n"
        for lot in lots {
            let reasons = holds.filter { $0.lot == lot.id }.map { "\($0.trigger.rawValue): \($0.reason)" }
            html += "<tr data-lot=\"\(HTML.escape(lot.id))\"><td class=\"lot\"><strong>\(HTML.escape(lot.id))</strong></td>"
                + "<td>\(HTML.escape(lot.kind.rawValue))</td><td>\(HTML.escape(lot.station ?? "-"))</td>"
                + "<td><span class=\"badge red\">\(HTML.escape(lot.status.rawValue))</span></td>"
                + "<td class=\"time\">\(HTML.escape(TimeText.iso(lot.statusChangedAt)))</td>"
                + "<td>\(HTML.escape(reasons.isEmpty ? "-" : reasons.joined(separator: "; ")))</td></tr>\n"
        }
        return html + "</table>\n"
    }

    private func signalList(_ signals: [SignalRecord]) -> String {
        guard !signals.isEmpty else { return "<p class=\"empty\">No signals.</p>\n" }
        var html = "<table class=\"signals\">\n<tr><th>#</th><th>Time</th><th>Characteristic</th><th>Rule</th><th>Value</th><th>Lot</th><th>State</th></tr>\n"
        for s in signals {
            html += "<tr><td class=\"num\">\(s.id)</td><td class=\"time\">\(HTML.escape(TimeText.iso(s.time)))</td>"
                + "<td><a href=\"\(HTML.escape(link(s.characteristic)))\">\(HTML.escape(s.characteristic))</a></td>"
                + "<td>\(HTML.escape(s.ruleSet.uppercased())) \(s.rule) on \(HTML.escape(s.statistic))</td>"
                + "<td class=\"num\">\(HTML.escape(NumberFormat.significant(s.value, 6)))</td>"
                + "<td>\(HTML.escape(s.lot ?? "-"))</td><td>\(s.acknowledgedAt == nil ? "open" : "acknowledged")</td></tr>\n"
        }
        return html + "</table>\n"
    }
}
