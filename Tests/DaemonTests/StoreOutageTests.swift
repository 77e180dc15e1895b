import Testing

@testable import Daemon

@Suite struct StoreOutageTests {
    @Test func anOutageIsToldOnceEvenWhenATransactionSlipsThrough() {
        var outage = StoreOutage(cleanPassesToEnd: 3)
        // Healthy passes say nothing.
        #expect(outage.pass(failed: false) == nil)
        #expect(outage.pass(failed: true) == .began)
        #expect(outage.pass(failed: true) == nil, "one line per outage, not per pass")
        #expect(outage.pass(failed: false) == nil, "one clean pass is no recovery")
        #expect(outage.pass(failed: true) == .relapsed)
        #expect(outage.isOpen)
        #expect(outage.pass(failed: false) == nil)
        #expect(outage.pass(failed: false) == nil)
        #expect(outage.pass(failed: false) == .ended)
        #expect(!outage.isOpen)
        #expect(outage.pass(failed: false) == nil)
        #expect(outage.pass(failed: true) == .began, "a later outage is a new one")
    }

    @Test func oneCleanPassCanBeEnough() {
        var outage = StoreOutage(cleanPassesToEnd: 1)
        #expect(outage.pass(failed: true) == .began)
        #expect(outage.pass(failed: false) == .ended)
    }
}
