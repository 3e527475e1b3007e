import CrampCore
import CrampProtocol
import Systemd

/// The journal entries for what `drink`, `take` and `cramp` logged (`CRAMPD_EVENT` "drink",
/// "dose", "cramp"), and "goal-met" when this drink brought today's water to the goal.
enum DiaryEvent {
    static func entries(for change: DiaryChange) -> [JournalEntry] {
        var entries: [JournalEntry] = []
        var today: [(String, String)] = []
        if let t = change.today {
            today.append(("CRAMPD_WATER_ML", String(t.waterMilliliters)))
            if let goal = t.waterGoalMilliliters { today.append(("CRAMPD_WATER_GOAL_ML", String(goal))) }
        }
        if let drink = change.drink {
            entries.append(JournalEntry(message: change.summary, priority: .info, messageID: .drinkLogged,
                fields: [("CRAMPD_EVENT", "drink"), ("CRAMPD_AMOUNT", String(drink.milliliters)), ("CRAMPD_UNIT", "ml")] + today))
            if let t = change.today, let goal = t.waterGoalMilliliters, t.waterMilliliters >= goal, t.waterMilliliters - drink.milliliters < goal {
                entries.append(JournalEntry(message: "Today's water goal is met: \(t.waterMilliliters) of \(goal) ml.", priority: .notice,
                                            messageID: .waterGoalMet, fields: [("CRAMPD_EVENT", "goal-met")] + today))
            }
        }
        if let dose = change.dose {
            entries.append(JournalEntry(message: change.summary, priority: .info, messageID: .doseLogged,
                fields: [("CRAMPD_EVENT", "dose"), ("CRAMPD_ELECTROLYTE", dose.electrolyte.rawValue),
                         ("CRAMPD_AMOUNT", String(dose.milligrams)), ("CRAMPD_UNIT", "mg")]))
        }
        if let cramp = change.cramp {
            var fields: [(String, String)] = [("CRAMPD_EVENT", "cramp"), ("CRAMPD_SEVERITY", String(cramp.severity)),
                                              ("CRAMPD_CRAMP_USEC", String(cramp.time.microseconds)), ("CRAMPD_NIGHT", cramp.atNight ? "1" : "0")]
            if let muscle = cramp.muscle { fields.append(("CRAMPD_MUSCLE", muscle)) }
            entries.append(JournalEntry(message: change.summary, priority: .info, messageID: .crampLogged, fields: fields))
        }
        return entries
    }
}
