// The cost of the agenda for 10,000 reminders (target: under 10 ms), release build.
// Run through bench/agenda.sh; prints one line per scenario: median and min of the runs.
import CrampCore
import CrampDaemon  // the system tzdata (SystemZoneFiles)

let reminderCount = Int(CommandLine.arguments.dropFirst().first ?? "") ?? 10_000
/// Only the scenarios whose label contains this (for profiling one of them).
let only = CommandLine.arguments.dropFirst(2).first
func time(_ label: String, runs: Int = 31, _ body: () -> Int) {
    if let only, !label.contains(only) { return }
    var samples: [Double] = []
    var checksum = 0
    for _ in 0..<runs {
        let start = ContinuousClock.now
        checksum &+= body()
        let elapsed = ContinuousClock.now - start
        samples.append(Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15)
    }
    samples.sort()
    let median = samples[samples.count / 2], best = samples[0]
    let label = label + String(repeating: " ", count: max(0, 50 - label.count))
    print("\(label) median \(format3(median)) ms   min \(format3(best)) ms   (\(reminderCount) reminders, \(runs) runs, checksum \(checksum % 1000))")
}

func format3(_ x: Double) -> String {
    let thousandths = Int((x * 1000).rounded())
    let fraction = String(thousandths % 1000)
    return "\(thousandths / 1000).\(String(repeating: "0", count: 3 - fraction.count))\(fraction)"
}

/// A realistic mix: half `every` (a third with a daytime window, some anchored on
/// the last confirmation), half `at` with one to four times; one quiet window.
func makeConfig() -> Config {
    var reminders: [Reminder] = []
    reminders.reserveCapacity(reminderCount)
    for i in 0..<reminderCount {
        let schedule: Schedule
        if i % 2 == 0 {
            let windows = i % 3 == 0 ? [DailyWindow(start: TimeOfDay(hour: 8, minute: 0), end: TimeOfDay(hour: 21, minute: 0))] : []
            schedule = .every(EverySchedule(interval: .minutes(Int64(15 + (i % 8) * 15)), windows: windows,
                                            anchor: i % 10 == 0 ? .lastDone : .window))
        } else {
            let times = (0...(i % 4)).map { TimeOfDay(hour: (7 + $0 * 4 + i % 3) % 24, minute: (i * 7) % 60) }
            schedule = .at(AtSchedule(times: times))
        }
        reminders.append(Reminder(id: "reminder-\(i)", kind: i % 2 == 0 ? .hydration : .electrolyte, message: "Drink",
                                  schedule: schedule, skipIfLoggedWithin: i % 4 == 0 ? .minutes(20) : nil))
    }
    return Config(daemon: DaemonSettings(quietHours: [DailyWindow(start: TimeOfDay(hour: 22, minute: 30), end: TimeOfDay(hour: 7, minute: 0))]),
                  goals: Goals(waterMilliliters: 2500), reminders: reminders)
}

let config = makeConfig()
let zone = try Zone.named("Europe/Berlin")
let start = Instant(seconds: 1_795_604_400)  // 2026-11-25 08:20 UTC, a Wednesday morning in Berlin
let intake = IntakeFacts(lastDrink: start - .minutes(50), waterTodayMilliliters: 600)

// Steady state: every reminder has state, as after a day of running.
var state = Agenda.step(config: config, zone: zone, state: .empty, now: start - .hours(24), intake: intake).state
var wake = start - .hours(24)
while let next = Agenda.plan(config: config, zone: zone, state: state, now: wake, intake: intake).nextWake, next <= start {
    state = Agenda.step(config: config, zone: zone, state: state, now: next, intake: intake).state
    wake = next
}
let steady = state
let firstWake = Agenda.plan(config: config, zone: zone, state: steady, now: start, intake: intake).nextWake!

time("plan, no state yet (start-up)") {
    Agenda.plan(config: config, zone: zone, state: .empty, now: start, intake: intake).entries.count
}
time("plan, steady state (ctl list, STATUS=)") {
    Agenda.plan(config: config, zone: zone, state: steady, now: start, intake: intake).entries.count
}
time("step at a timer wake") {
    Agenda.step(config: config, zone: zone, state: steady, now: firstWake, intake: intake).actions.count
}
time("step after 2 h suspend (most miss, catch up)") {
    Agenda.step(config: config, zone: zone, state: steady, now: start + .hours(2), intake: intake).actions.count
}
time("step after 3 days down (restart)", runs: 5) {
    Agenda.step(config: config, zone: zone, state: steady, now: start + .hours(72), intake: intake).actions.count
}

print("  (at the timer wake \(Agenda.plan(config: config, zone: zone, state: steady, now: firstWake, intake: intake).dueNow.count) of \(reminderCount) reminders are due)")

// For scale: the schedule engine alone, one nextDue per reminder.
time("Schedule.nextDue once per reminder (engine only)") {
    var n = 0
    for reminder in config.reminders where reminder.schedule.nextDue(after: start, in: zone, lastDone: nil) != nil { n += 1 }
    return n
}
