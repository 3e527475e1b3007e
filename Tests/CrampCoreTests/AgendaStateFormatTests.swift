import FoundationEssentials
import Testing
@testable import CrampCore

/// Issue 15 item 7: the state file has a version, and the state of the previous release loads.
@Suite struct AgendaStateFormatTests {
    /// state.json exactly as crampd at commit 4c3bb7d (format 1, no "version") wrote it after
    /// `ctl snooze water 10m`, `ctl done potassium`, `ctl skip electrolytes`, `ctl pause 2h`.
    static let previousRelease = """
        {
          "pause" : {
            "since" : 1796584863643866,
            "until" : 1796592063643866
          },
          "reminders" : {
            "calf-stretch" : {
              "handledThrough" : 1796584861384715,
              "skipNext" : false
            },
            "electrolytes" : {
              "handledThrough" : 1796584861384715,
              "skipNext" : true
            },
            "potassium" : {
              "handledThrough" : 1796584861384715,
              "lastDone" : 1796584863365159,
              "skipNext" : false
            },
            "water" : {
              "handledThrough" : 1796584861384715,
              "skipNext" : false,
              "snoozedUntil" : 1796585463308942
            }
          }
        }
        """

    @Test func theStateOfThePreviousReleaseLoads() throws {
        let state = try JSONDecoder().decode(AgendaState.self, from: Data(Self.previousRelease.utf8))
        let handled = Instant(microseconds: 1_796_584_861_384_715)
        #expect(state.pause == Pause(since: Instant(microseconds: 1_796_584_863_643_866), until: Instant(microseconds: 1_796_592_063_643_866)))
        #expect(state.reminders == [
            "calf-stretch": ReminderState(handledThrough: handled),
            "electrolytes": ReminderState(handledThrough: handled, skipNext: true),
            "potassium": ReminderState(handledThrough: handled, lastDone: Instant(microseconds: 1_796_584_863_365_159)),
            "water": ReminderState(handledThrough: handled, snoozedUntil: Instant(microseconds: 1_796_585_463_308_942)),
        ])
        #expect(state.runningSince == nil)
        #expect(state.rateLimit == .fresh)
    }

    @Test func theCurrentFormatSaysItsVersionAndReadsBack() throws {
        let state = AgendaState(reminders: ["water": ReminderState(handledThrough: agendaDay(12), lastDone: agendaDay(11))],
                                pause: Pause(since: agendaDay(12), until: nil), runningSince: agendaDay(10),
                                rateLimit: EventRateLimit(fullAt: agendaDay(12, 1), droppingSince: agendaDay(12)))
        let data = try JSONEncoder().encode(state)
        #expect(String(decoding: data, as: UTF8.self).contains("\"version\":4"))
        #expect(try JSONDecoder().decode(AgendaState.self, from: data) == state)
    }

    @Test func aNewerFormatIsRefused() {
        let newer = #"{"version":5,"reminders":{}}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(AgendaState.self, from: Data(newer.utf8)) }
    }
}
