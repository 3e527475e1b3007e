import Testing
import CrampDaemon  // TZDatabase.system
@testable import CrampCore
@testable import CrampProtocol

/// A response is input to the client like a request is to the daemon: no amount in it may
/// crash `crampd ctl` (issue 13 item 1). The line is the protocol fuzz input in
/// Tests/fuzz/regressions/protocol/today-huge-water-BlockBar-23.
@Suite struct ResponseAmountBoundsTests {
    @Test func aTodayWithAHugeWaterAmountRenders() throws {
        let line = #"{"id":42,"ok":{"today":{"cramps":[],"date":"2026-11-24","drinkCount":1,"electrolytes":[],"lastDrinkAt":1795510800000000,"stillDue":[],"waterGoalMilliliters":2000,"waterMilliliters":250000000000000000,"zoneName":"UTC"}},"version":1}"#
        let message = try ResponseMessage(line: Array(line.utf8))
        guard case .ok(let result) = message.response else { Issue.record("not ok: \(message.response)"); return }
        let text = ResultText.result(result, now: Instant(microseconds: 1_795_608_000_000_000), zone: .utc, zones: .system, terminalWidth: 80)
        #expect(text.contains("12500000000000000%"), "\(text)")
    }

    @Test func barsAndPercentagesAtTheEndsOfInt() {
        #expect(BlockBar.draw(value: .max, scale: 2000, width: 4) == "████")
        #expect(BlockBar.draw(value: .max / 2, scale: .max, width: 2) == "█ ")
        #expect(BlockBar.draw(value: 0, scale: .max, width: 4, goal: .max / 2) == " ┆  ")
        #expect(BlockBar.draw(value: .min, scale: 2000, width: 2, goal: .max) == " ┆")
        #expect(TextColumns.percent(.max, of: 1) == "922337203685477580700%")
        #expect(TextColumns.percent(250_000_000_000_000_000, of: 2000) == "12500000000000000%")
        #expect(TextColumns.percent(1500, of: 2000) == "75%")
    }
}
