import Foundation
import Hummingbird
import LineModel
import Logging
import Store

/// The control API: HTTP/JSON on the daemon's Unix socket. Reads come from the store; every
/// state change goes through the one writing connection, is audited with its actor, and holds
/// and releases drive the interlocks after they are committed.
struct ControlAPI: Sendable {
    let store: StoreWriter
    let databasePath: String
    let configuration: ConfigurationHolder
    let lotBoard: LotBoard
    let interlocks: InterlockService
    let limitUpdates: LimitUpdates
    let proposals: LimitProposals
    let reload: @Sendable () async -> ReloadOutcome
    let logger: Logger
    /// Who may declare which actor (F1); the daemon's own user may act for anyone.
    let actorPolicy = ControlActorPolicy(daemonUID: UInt32(geteuid()))

    func router() -> Router<ControlRequestContext> {
        let router = Router(context: ControlRequestContext.self)
        router.get("/v1/status") { _, _ in
            try JSONReply(try StoreReader(path: databasePath).status())
        }
        router.post("/v1/lots/start") { request, context in
            let body = try await checked(try await request.decode(as: LotStartBody.self, context: context), context)
            let current = configuration.current
            guard let station = current.stations.first(where: { $0.name == body.station }) else {
                throw HTTPError(.notFound, message: "unknown station \(body.station)")
            }
            guard station.lot == nil else {
                throw HTTPError(.conflict, message: "station \(body.station) takes its lot from a register")
            }
            guard let lot = LotIdentifierText.validated(body.lot) else {
                throw HTTPError(.badRequest, message: "lot id must be 1-64 printable ASCII characters")
            }
            let kind = try body.kind.map { text -> LotKind in
                guard let kind = LotKind(rawValue: text) else { throw HTTPError(.badRequest, message: "unknown lot kind \(text)") }
                return kind
            } ?? station.lotKind
            let now = Clocks.wallNow()
            if let previous = lotBoard.current(station: station.name) { try await store.endLot(previous, at: now) }
            try await store.startLot(lot, kind: kind, station: station.name, at: now)
            lotBoard.set(lot, station: station.name)
            logger.notice("lot started", metadata: ["lot.id": "\(lot)", "station.name": "\(station.name)", "actor": "\(body.actor)"])
            return try JSONReply(ControlResult(ok: true, message: "lot \(lot) started at \(station.name)"))
        }
        router.post("/v1/lots/end") { request, context in
            let body = try await checked(try await request.decode(as: LotEndBody.self, context: context), context)
            guard let lot = lotBoard.set(nil, station: body.station) else {
                throw HTTPError(.notFound, message: "station \(body.station) has no lot started through the API")
            }
            try await store.endLot(lot, at: Clocks.wallNow())
            return try JSONReply(ControlResult(ok: true, message: "lot \(lot) ended"))
        }
        router.post("/v1/lots/:lot/hold") { request, context in
            let lot = try lotParameter(context)
            let body = try await checked(try await request.decode(as: HoldBody.self, context: context), context)
            guard let record = try StoreReader(path: databasePath).lot(lot) else {
                throw HTTPError(.notFound, message: "unknown lot \(lot)")
            }
            var id: Int64?
            try await mapped {
                id = try await store.hold(lot: lot, trigger: .manual, reason: body.reason, actor: body.actor, at: Clocks.wallNow())
            }
            if id != nil, let station = record.station { interlocks.lotHeld(lot, station: station) }
            logger.notice("lot put on hold", metadata: ["lot.id": "\(lot)", "actor": "\(body.actor)", "reason": "\(body.reason)"])
            return try JSONReply(
                ControlResult(
                    ok: true, message: id == nil ? "lot \(lot) was already on hold for this reason" : "lot \(lot) on hold",
                    ids: id.map { [$0] } ?? []))
        }
        router.post("/v1/lots/:lot/release") { request, context in
            let lot = try lotParameter(context)
            let body = try await checked(try await request.decode(as: ReleaseBody.self, context: context), context)
            return try await dispose(lot, .release, note: body.note, actor: body.actor)
        }
        router.post("/v1/lots/:lot/disposition") { request, context in
            let lot = try lotParameter(context)
            let body = try await checked(try await request.decode(as: DispositionBody.self, context: context), context)
            let disposition: Disposition
            switch body.as {
            case "release": disposition = .release
            case "use-as-is":
                guard let concession = body.concession, !concession.isEmpty else {
                    throw HTTPError(.badRequest, message: "use-as-is needs a concession number")
                }
                disposition = .useAsIs(concession: concession)
            case "rework": disposition = .rework
            case "regrade":
                guard let grade = body.grade, !grade.isEmpty else { throw HTTPError(.badRequest, message: "regrade needs a grade") }
                disposition = .regrade(grade: grade)
            case "scrap": disposition = .scrap
            case "return-to-vendor": disposition = .returnToVendor
            default:
                throw HTTPError(
                    .badRequest, message: "disposition must be release, use-as-is, rework, regrade, scrap or return-to-vendor")
            }
            return try await dispose(lot, disposition, note: body.note, actor: body.actor)
        }
        router.post("/v1/signals/:id/ack") { request, context in
            guard let id = context.parameters.get("id", as: Int64.self) else {
                throw HTTPError(.badRequest, message: "signal id must be a number")
            }
            let body = try await checked(try await request.decode(as: AcknowledgeBody.self, context: context), context)
            try await mapped {
                try await store.acknowledge(
                    signal: id, assignableCause: body.cause, correctiveAction: body.action, actor: body.actor,
                    at: Clocks.wallNow())
            }
            return try JSONReply(ControlResult(ok: true, message: "signal \(id) acknowledged", ids: [id]))
        }
        router.post("/v1/limits/:characteristic/recompute") { request, context in
            let id = try characteristicParameter(context)
            let body = try await checked(try await request.decode(as: RecomputeBody.self, context: context), context)
            guard let settings = configuration.current.characteristics.first(where: { $0.id == id }) else {
                throw HTTPError(.notFound, message: "unknown characteristic \(id)")
            }
            if settings.model.known != nil {
                throw HTTPError(
                    .conflict,
                    message: "\(id) charts against known_limits from its configuration (a capability study): change them there and reload")
            }
            let window = try body.window.map { text -> Int in
                guard let value = Int(text), value >= 2 else {
                    throw HTTPError(.badRequest, message: "window must be a whole number of at least 2 samples, got \(text)")
                }
                return value
            } ?? settings.phase1
            let samples = try StoreReader(path: databasePath).samples(characteristic: id, from: 0, to: Clocks.wallNow() + 1)
            let values = Array(samples.filter(\.quality.isGood).suffix(window).map(\.value))
            guard values.count == window, let estimate = LiveChart.estimate(values, model: settings.model) else {
                throw HTTPError(
                    .conflict, message: "\(id) has \(values.count) good samples with spread; \(window) are needed")
            }
            let proposal = LiveChart.limits(
                characteristic: id, estimate: estimate, model: settings.model, count: window, at: Clocks.wallNow(),
                approvedBy: nil)
            proposals.set(proposal, for: id)
            logger.notice("control limits recomputed, awaiting approval", metadata: ["characteristic.id": "\(id)", "actor": "\(body.actor)"])
            let x = proposal[0]
            return try JSONReply(
                ControlResult(
                    ok: true,
                    message: "\(id): proposed x limits \(x.lcl ?? .nan) / \(x.center) / \(x.ucl ?? .nan) (sigma \(x.sigma), "
                        + "\(window) samples); approve with `lineguard limits approve \(id)`"))
        }
        router.post("/v1/limits/:characteristic/approve") { request, context in
            let id = try characteristicParameter(context)
            let body = try await checked(try await request.decode(as: ApproveBody.self, context: context), context)
            guard let proposal = proposals.take(id) else {
                throw HTTPError(.conflict, message: "no recomputed limits of \(id) await approval (recompute first)")
            }
            let now = Clocks.wallNow()
            var ids: [Int64] = []
            for var limits in proposal {
                limits.approvedBy = body.actor
                limits.approvedAt = now
                ids.append(try await store.save(limits: limits))
                // The individuals chart's limits (x, or ln_x on the log scale) go to the live chart.
                if LiveChart.isIndividuals(limits.statistic) { limitUpdates.post(limits) }
            }
            logger.notice("control limits approved", metadata: ["characteristic.id": "\(id)", "actor": "\(body.actor)"])
            return try JSONReply(ControlResult(ok: true, message: "\(id): approved limits in force", ids: ids))
        }
        router.post("/v1/reload") { _, _ in
            let outcome = await reload()
            return try JSONReply(
                ControlResult(ok: outcome.applied, message: outcome.message),
                status: outcome.applied ? .ok : .unprocessableContent)
        }
        return router
    }

    /// The body, once its free text passed `FreeText` (HTTP 400 otherwise) and the caller may
    /// use its actor (`ControlActorPolicy`, HTTP 403 otherwise); its actor is then the text the
    /// audit log records: the declared name with the caller's uid and login name.
    private func checked<Body: CheckedBody>(_ body: Body, _ context: ControlRequestContext) async throws -> Body {
        do {
            try body.check()
        } catch {
            throw HTTPError(.badRequest, message: error.description)
        }
        let peer = await PeerCredentials.of(context.channel)
        switch actorPolicy.admit(declared: body.actor, peer: peer) {
        case .success(let recorded):
            var admitted = body
            admitted.actor = recorded
            return admitted
        case .failure(let refusal):
            logger.warning(
                "control request refused: actor not the caller's",
                metadata: [
                    "actor": "\(body.actor)", "peer.uid": "\(peer.map { String($0.uid) } ?? "unknown")",
                    "peer.pid": "\(peer.map { String($0.pid) } ?? "unknown")",
                ])
            throw HTTPError(.forbidden, message: refusal.message)
        }
    }

    private func lotParameter(_ context: ControlRequestContext) throws -> LotID {
        guard let lot = ControlPathParameter.lot(context.parameters.get("lot")) else {
            throw HTTPError(.badRequest, message: "lot id must be 1-64 printable ASCII characters")
        }
        return lot
    }

    private func characteristicParameter(_ context: ControlRequestContext) throws -> CharacteristicID {
        guard let id = ControlPathParameter.characteristic(context.parameters.get("characteristic")) else {
            throw HTTPError(.badRequest, message: "characteristic id missing")
        }
        return id
    }

    private func dispose(_ lot: LotID, _ disposition: Disposition, note: String?, actor: String) async throws -> JSONReply {
        try await mapped {
            try await store.apply(.dispose(disposition), to: lot, actor: actor, note: note, at: Clocks.wallNow())
        }
        if let station = try StoreReader(path: databasePath).lot(lot)?.station {
            interlocks.lotReleased(station: station)
        }
        logger.notice(
            "lot disposition", metadata: ["lot.id": "\(lot)", "disposition": "\(disposition.name)", "actor": "\(actor)"])
        return try JSONReply(ControlResult(ok: true, message: "lot \(lot): \(disposition.name)"))
    }

    /// Store and state-machine errors as HTTP answers.
    private func mapped(_ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as LotTransitionError {
            throw HTTPError(.conflict, message: error.description)
        } catch let error as StoreError where error.kind == .notFound {
            throw HTTPError(.notFound, message: error.message)
        } catch let error as StoreError where error.kind == .invalidArgument {
            throw HTTPError(.badRequest, message: error.message)
        }
    }
}

/// A JSON response with snake_case keys.
struct JSONReply: ResponseGenerator {
    let data: Data
    let status: HTTPResponse.Status

    init(_ value: some Encodable, status: HTTPResponse.Status = .ok) throws {
        self.status = status
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        data = try encoder.encode(value)
    }

    func response(from request: Request, context: some RequestContext) throws -> Response {
        Response(
            status: status, headers: [.contentType: "application/json"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
