import CrampCore
import Testing

/// `crampd ctl take NAME`: an electrolyte, or a reminder's id standing for its electrolyte and amount.
struct DoseChoiceTests {
    let config: Config

    init() throws {
        config = try validConfig("""
            [[reminder]]
            id = "electrolytes"
            kind = "electrolyte"
            electrolyte = "sodium"
            amount = 300
            at = "10:30"

            [[reminder]]
            id = "magnesium"
            kind = "electrolyte"
            electrolyte = "magnesium"
            amount = 200
            at = "19:00"
            """)
    }

    @Test func aReminderIDStandsForItsElectrolyteAndAmount() {
        #expect(DoseChoice("electrolytes", milligrams: nil, in: config) == DoseChoice.known("sodium", 300))
        #expect(DoseChoice("electrolytes", milligrams: 150, in: config) == DoseChoice.known("sodium", 150))
        #expect(DoseChoice("Magnesium", milligrams: nil, in: config) == DoseChoice.known("magnesium", 200))
        #expect(DoseChoice("potassium", milligrams: nil, in: config) == DoseChoice.known("potassium", nil))
        #expect(!DoseChoice("salt", milligrams: 5, in: config).isKnown)
    }
}

extension DoseChoice {
    static func known(_ electrolyte: String, _ milligrams: Int?) -> DoseChoice {
        DoseChoice(electrolyte: electrolyte, milligrams: milligrams, isKnown: true)
    }
}
