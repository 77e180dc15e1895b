/// One ground-truth fact of a simulated run, written as one JSON line (snake_case keys, absent
/// fields omitted). `event` is one of:
///
/// - `run_started`: scenario, seed, speed, line (in `detail`);
/// - `lot_started`: a lot of `lot_kind` began at `station` (`parents` when known then);
/// - `lot_link`: `lot` consumed `parent` over metres `from_m`..`to_m` (web genealogy);
/// - `equipment_change`: e.g. a knife change at the slitter (`detail` names the new set);
/// - `fault_began`: fault `fault` of `kind` began at `line_time` on `station` (`characteristic`,
///   `streams`), `data_integrity` true for faults that change only the reported data;
/// - `fault_touched_lot`: the fault's first unit in a lot (`unit`, `sequence`);
/// - `first_out_of_spec`: the first unit really out of spec because of the fault;
/// - `out_of_spec`: any unit whose true value is out of spec (`faults`: the faults active on it);
/// - `results_lost`: the station's result queue overflowed (`units` = how many);
/// - `fault_ended` / `fault_summary` (at the end of the run for faults still active):
///   `units` touched, `lots`, `first_unit`, `last_unit`;
/// - `run_stopped`.
///
/// `line_time` is line seconds since the run started; `wall_time` (ISO 8601, UTC) and
/// `wall_epoch` are when the fact became visible on the registers (run start + line time / speed).
public struct TruthEvent: Sendable, Hashable, Codable {
    public var event: String
    public var lineTime: Double
    public var wallTime: String?
    public var wallEpoch: Double?
    public var fault: String?
    public var kind: String?
    public var dataIntegrity: Bool?
    public var station: String?
    public var characteristic: String?
    /// 1-based streams.
    public var streams: [Int]?
    /// 1-based stream of an out-of-spec value.
    public var stream: Int?
    public var sequence: UInt64?
    public var unit: String?
    public var lot: String?
    public var lotKind: String?
    public var parent: String?
    public var parents: [String]?
    public var fromM: Double?
    public var toM: Double?
    public var value: Double?
    public var lsl: Double?
    public var usl: Double?
    public var faults: [String]?
    public var units: Int?
    public var lots: [String]?
    public var firstUnit: String?
    public var lastUnit: String?
    public var detail: String?

    public init(event: String, lineTime: Double) {
        self.event = event
        self.lineTime = lineTime
    }

    enum CodingKeys: String, CodingKey {
        case event, lineTime = "line_time", wallTime = "wall_time", wallEpoch = "wall_epoch", fault, kind
        case dataIntegrity = "data_integrity", station, characteristic, streams, stream, sequence, unit, lot
        case lotKind = "lot_kind", parent, parents, fromM = "from_m", toM = "to_m", value, lsl, usl, faults, units, lots
        case firstUnit = "first_unit", lastUnit = "last_unit", detail
    }
}
