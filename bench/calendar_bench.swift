// Benchmark: next-elapse computations per second (calendar expressions) and next-due
// computations per second (at/every schedules), chained over a year or more of elapses
// in Europe/Berlin (two DST changes a year). Built by bench/calendar.sh with -O.
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

@main
enum CalendarBench {
    static func main() {
        let zones = TZDatabase(SystemZoneFiles())
        let zone = try! Zone.named("Europe/Berlin", in: zones)
        let start = Instant(seconds: 1_767_225_600)  // 2026-01-01T00:00:00Z
        let expressions = [
            "daily", "hourly", "*:0/15", "Mon..Fri *-*-* 08:30", "*-*-* 08,12,18:00", "Sat,Sun 10:00",
            "*-*-01 09:00", "*-*~01 18:00", "Mon *-*-* 07:00 Europe/Berlin", "quarterly", "*-*-* 02:30", "*-02-29 12:00",
        ]
        let perExpression = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 20_000

        var total = 0
        var sink: Int64 = 0
        let t0 = now()
        for text in expressions {
            let e = try! CalendarExpression.parse(text, localZone: zone, zones: zones)
            var t = start
            for _ in 0..<perExpression {
                guard let n = e.nextElapse(after: t, in: zone) else { break }
                t = n
                total += 1
            }
            sink &+= t.microseconds
        }
        let t1 = now()
        print("calendar: \(total) next-elapse computations in \(format1(t1 - t0)) s = \(Int(Double(total) / (t1 - t0))) per second (\(expressions.count) expressions, Europe/Berlin)")

        let schedules: [Schedule] = [
            .every(EverySchedule(interval: .minutes(45), windows: [DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 22, minute: 0))])),
            .every(EverySchedule(interval: .hours(2), windows: [DailyWindow(start: TimeOfDay(hour: 22, minute: 0), end: TimeOfDay(hour: 2, minute: 0))], days: [.friday, .saturday])),
            .every(EverySchedule(interval: .minutes(90), anchor: .lastDone)),
            .at(AtSchedule(times: [TimeOfDay(hour: 8, minute: 30), TimeOfDay(hour: 13, minute: 0), TimeOfDay(hour: 21, minute: 0)])),
            .at(AtSchedule(times: [TimeOfDay(hour: 2, minute: 30)], days: [.sunday])),
        ]
        var dueCount = 0
        let t2 = now()
        for s in schedules {
            var t = start
            for _ in 0..<perExpression {
                guard let n = s.nextDue(after: t, in: zone, lastDone: t - .minutes(30)) else { break }
                t = n
                dueCount += 1
            }
            sink &+= t.microseconds
        }
        let t3 = now()
        print("schedules: \(dueCount) next-due computations in \(format1(t3 - t2)) s = \(Int(Double(dueCount) / (t3 - t2))) per second (\(schedules.count) at/every schedules)")
        if sink == 42 { print("") }

    }
}

func format1(_ x: Double) -> String {
    let ms = Int((x * 1000).rounded())
    return "\(ms / 1000).\(String(repeating: "0", count: 3 - String(ms % 1000).count))\(ms % 1000)"
}
