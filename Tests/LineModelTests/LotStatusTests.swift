import LineModel
import Testing

@Suite struct LotStatusTests {
    @Test func holdThenDispositions() throws {
        #expect(try LotStatus.released.applying(.hold) == .onHold)
        #expect(try LotStatus.onHold.applying(.quarantine) == .quarantined)
        #expect(try LotStatus.onHold.applying(.dispose(.release)) == .released)
        #expect(try LotStatus.quarantined.applying(.dispose(.useAsIs(concession: "C-17"))) == .released)
        #expect(try LotStatus.onHold.applying(.dispose(.rework)) == .rework)
        #expect(try LotStatus.rework.applying(.reinspect(passed: true)) == .released)
        #expect(try LotStatus.rework.applying(.reinspect(passed: false)) == .onHold)
        #expect(try LotStatus.onHold.applying(.dispose(.scrap)) == .scrapped)
        #expect(try LotStatus.onHold.applying(.hold) == .onHold)
    }

    @Test func illegalTransitionsAreErrors() {
        #expect(throws: LotTransitionError.self) { try LotStatus.released.applying(.dispose(.scrap)) }
        #expect(throws: LotTransitionError.self) { try LotStatus.scrapped.applying(.hold) }
        #expect(throws: LotTransitionError.self) { try LotStatus.released.applying(.quarantine) }
        #expect(throws: LotTransitionError.self) { try LotStatus.returnedToVendor.applying(.dispose(.release)) }
    }

    @Test func qualityCodesRoundTrip() {
        let all: [Quality] = [
            .good, .stale, .commError, .frozen, .deviceException(code: 6),
        ] + Quality.DecodeProblem.allCases.map { .decodeError($0) }
        for quality in all { #expect(Quality(code: quality.code) == quality) }
        #expect(Quality(code: "exception:x") == nil)
        #expect(Quality(code: "bogus") == nil)
    }

    @Test func specJudgement() {
        let limits = SpecLimits(lsl: 76.8, usl: 79.2, target: 78)
        #expect(limits.judge(76.8) == .within)
        #expect(limits.judge(76.79) == .below)
        #expect(limits.judge(79.21) == .above)
        #expect(SpecLimits(usl: 10).judge(-1e9) == .within)
    }
}
