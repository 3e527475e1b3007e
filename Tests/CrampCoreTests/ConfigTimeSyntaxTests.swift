import CrampCore
import Testing

@Suite struct ConfigTimeSyntaxTests {
    @Test func parsesTimes() {
        #expect(TimeSyntax.parseTime("08:30") == TimeOfDay(hour: 8, minute: 30))
        #expect(TimeSyntax.parseTime("8:30") == TimeOfDay(hour: 8, minute: 30))
        #expect(TimeSyntax.parseTime("21:00:15") == TimeOfDay(hour: 21, minute: 0, second: 15))
        for bad in ["24:00", "08:60", "08:30:60", "0830", "08:3", "08:30:", "a8:30", "008:30", ""] {
            #expect(TimeSyntax.parseTime(bad) == nil, "\(bad)")
        }
    }

    @Test func parsesWindowsAndTheirDirection() throws {
        let day = try TimeSyntax.parseWindow("08:00-21:00").get()
        #expect(day == DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 21, minute: 0)))
        #expect(!day.crossesMidnight)
        #expect(try TimeSyntax.parseWindow("22:30 - 07:00").get().crossesMidnight)
        #expect(TimeSyntax.parseWindow("08:00-08:00") == .failure(.empty))
        #expect(TimeSyntax.parseWindow("08:00") == .failure(.malformed))
        #expect(TimeSyntax.parseWindow("8-21") == .failure(.malformed))
    }

    @Test func parsesDaysAndRanges() {
        #expect(TimeSyntax.parseDays("mon") == [.monday])
        #expect(TimeSyntax.parseDays("sunday") == [.sunday])
        #expect(TimeSyntax.parseDays("mon..fri") == [.monday, .tuesday, .wednesday, .thursday, .friday])
        #expect(TimeSyntax.parseDays("fri..mon") == [.friday, .saturday, .sunday, .monday])
        #expect(TimeSyntax.parseDays("Mon") == nil)
        #expect(TimeSyntax.parseDays("mon.fri") == nil)
    }

    @Test func formatsDaysInRuns() {
        #expect(TimeSyntax.format(Set([.monday, .tuesday, .wednesday, .thursday, .friday])) == "mon..fri")
        #expect(TimeSyntax.format(Set([.saturday, .sunday])) == "sat,sun")
        #expect(TimeSyntax.format(Set([.monday, .wednesday, .friday])) == "mon,wed,fri")
    }

    @Test func suggestsNearNames() {
        #expect(DidYouMean.closest(to: "evry", among: ["every", "at", "id"]) == "every")
        #expect(DidYouMean.closest(to: "mangesium", among: ["magnesium", "sodium"]) == "magnesium")
        #expect(DidYouMean.closest(to: "xyz", among: ["every", "at"]) == nil)
        #expect(DidYouMean.editDistance("kitten", "sitting") == 3)
    }
}
