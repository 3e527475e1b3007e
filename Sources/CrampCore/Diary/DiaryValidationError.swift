/// Why a diary entry from user input was refused. Rendered at the edge with `message`.
public enum DiaryValidationError: Error, Sendable, Equatable {
    case amountNotPositive(amount: Int, unit: String)
    case amountImplausible(amount: Int, unit: String, limit: Int, what: String)
    case severityOutOfRange(Int)
    case unknownElectrolyte(String)
    case textTooLong(field: String, length: Int, limit: Int)
    case dateMalformed(String)
    case dateInTheFuture(String, today: CivilDate)

    public var message: String {
        switch self {
        case let .amountNotPositive(amount, unit):
            "amount must be at least 1 \(unit), got \(amount) \(unit)"
        case let .amountImplausible(amount, unit, limit, what):
            "\(amount) \(unit) is more than the \(limit) \(unit) accepted for \(what); check the unit, or log it in parts"
        case let .severityOutOfRange(severity):
            "severity must be from \(Cramp.severityRange.lowerBound) to \(Cramp.severityRange.upperBound), got \(severity)"
        case let .unknownElectrolyte(name):
            "unknown electrolyte \"\(name)\"; expected one of: \(Electrolyte.allCases.map(\.rawValue).joined(separator: ", "))"
        case let .textTooLong(field, length, limit):
            "\(field) is \(length) characters long; at most \(limit) are kept"
        case let .dateMalformed(text):
            "expected a date like \"2026-12-01\", got \"\(text)\""
        case let .dateInTheFuture(text, today):
            "expected a date up to today (\(today.isoText)), got \"\(text)\""
        }
    }
}
