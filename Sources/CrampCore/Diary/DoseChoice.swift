/// What `crampd ctl take NAME [MG]` logs: NAME is an electrolyte (`magnesium`), or the id of an
/// electrolyte reminder (`electrolytes`), which stands for its electrolyte and its amount.
public struct DoseChoice: Equatable, Sendable {
    /// The electrolyte's name, or NAME as typed when it is neither (the diary refuses it with the list).
    public var electrolyte: String
    /// MG, else the amount of the reminder named, else of the first reminder for that electrolyte.
    public var milligrams: Int?
    /// NAME is a known electrolyte or reminder.
    public var isKnown: Bool

    public init(electrolyte: String, milligrams: Int?, isKnown: Bool) {
        self.electrolyte = electrolyte; self.milligrams = milligrams; self.isKnown = isKnown
    }

    public init(_ name: String, milligrams: Int?, in config: Config) {
        if let electrolyte = Electrolyte(rawValue: name.lowercased()) {
            self.electrolyte = electrolyte.rawValue
            self.milligrams = milligrams ?? config.defaultDoseMilligrams(of: electrolyte)
            isKnown = true
        } else if let reminder = config.reminder(id: name), let electrolyte = reminder.electrolyte {
            self.electrolyte = electrolyte.rawValue
            self.milligrams = milligrams ?? reminder.amount
            isKnown = true
        } else {
            self.electrolyte = name
            self.milligrams = milligrams
            isKnown = false
        }
    }
}
