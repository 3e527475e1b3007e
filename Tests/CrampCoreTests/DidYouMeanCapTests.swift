import CrampCore
import Testing

/// Issue 14 item 17: a did-you-mean never turns a safety cap into a target (or back).
@Suite struct DidYouMeanCapTests {
    @Test func aCapSuggestsTheCap() {
        let keys = ["magnesium_mg", "magnesium_max_mg", "sodium_mg", "sodium_max_mg", "water_ml"]
        #expect(DidYouMean.closest(to: "magnesium_max", among: keys) == "magnesium_max_mg")
        #expect(DidYouMean.closest(to: "sodium_max", among: keys) == "sodium_max_mg")
        #expect(DidYouMean.closest(to: "magnesium_m", among: keys) == "magnesium_mg")
        #expect(DidYouMean.closest(to: "magnesium_mx_mg", among: keys) == "magnesium_max_mg")
    }

    @Test func aCapWithoutACapToSuggestGetsNoSuggestion() {
        #expect(DidYouMean.closest(to: "magnesium_max", among: ["magnesium_mg"]) == nil)
    }
}
