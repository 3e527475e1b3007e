import CrampCore

/// The diary commands of `crampd ctl`, end to end for the daemon's handlers: validate, write
/// (returning after COMMIT), and say what happened. Amount defaults (`drink` without ML) are
/// the handler's to resolve from the config before calling.
extension DiaryStore {
    /// `crampd ctl drink ML [--note …]`
    public func logDrink(milliliters: Int, note: String? = nil, goals: Goals, zone: Zone, now: Instant) throws(DiaryCommandError) -> DiaryLogged {
        let drink: Drink
        do { drink = try Drink.validated(milliliters: milliliters, time: now, note: note) } catch { throw .invalid(error) }
        return try log(.drink(drink), goals: goals, zone: zone, now: now)
    }

    /// `crampd ctl take ELECTROLYTE MG`; the name as typed ("Magnesium" is fine).
    public func logDose(electrolyte name: String, milligrams: Int, goals: Goals, zone: Zone, now: Instant) throws(DiaryCommandError) -> DiaryLogged {
        let dose: Dose
        do {
            dose = try Dose.validated(electrolyte: try Dose.electrolyte(named: name), milligrams: milligrams, time: now)
        } catch {
            throw .invalid(error)
        }
        // Read before the insert: the dose just logged is not the last one it is kept apart from.
        let lastDose: Instant?
        do { lastDose = goals.minimumGap[dose.electrolyte] == nil ? nil : try lastDoseTimes(atOrBefore: now)[dose.electrolyte] } catch { throw .store(error) }
        var logged = try log(.dose(dose), goals: goals, zone: zone, now: now)
        if let warning = DoseSpacing.takeWarning(dose.electrolyte, at: now, lastDose: lastDose, gap: goals.minimumGap[dose.electrolyte], zone: zone) {
            logged.message += " " + warning
        }
        return logged
    }

    /// `crampd ctl cramp [--muscle M] [--severity N] [--at HH:MM] [--note …]`: `at` is the most
    /// recent such wall-clock time (a night cramp logged in the morning lands on the right night).
    public func logCramp(muscle: String? = nil, severity: Int = Cramp.defaultSeverity, at time: TimeOfDay? = nil, note: String? = nil,
                         goals: Goals, zone: Zone, now: Instant, rule: CrampInsightRule = .default) throws(DiaryCommandError) -> DiaryLogged {
        let when = time.map { LocalDay.mostRecent($0, atOrBefore: now, in: zone) } ?? now
        let cramp: Cramp
        do { cramp = try Cramp.validated(time: when, muscle: muscle, severity: severity, note: note, zone: zone) } catch { throw .invalid(error) }
        var logged = try log(.cramp(cramp), goals: goals, zone: zone, now: now)
        do { logged.insight = try crampInsight(now: now, rule: rule) } catch { throw .store(error) }
        return logged
    }

    /// `crampd ctl undo`: the removed entry (nil when there was none) and the answer for people.
    public func undo(zone: Zone) throws(DiaryCommandError) -> (removed: DiaryEntry?, message: String) {
        do {
            let removed = try undoLast()
            return (removed, DiaryConfirmation.undone(removed, zone: zone))
        } catch {
            throw .store(error)
        }
    }

    private func log(_ entry: DiaryEntry, goals: Goals, zone: Zone, now: Instant) throws(DiaryCommandError) -> DiaryLogged {
        do {
            let id = try insert(entry)
            let today = try self.today(goals: goals, zone: zone, now: now)
            return DiaryLogged(entry: entry, id: id, today: today,
                               message: DiaryConfirmation.logged(entry, today: today, zone: zone), insight: nil)
        } catch {
            throw .store(error)
        }
    }
}
