import CrampCore
import Glibc
import Testing
import TOML

/// Issue 13 item 3: loading is linear in the size of the config, errors included.
/// bench/config-scale.sh has the figures; this keeps the shape: ×10 input within ×25 time
/// (quadratic work gives ×100; the best of three runs keeps a busy machine out of it).
@Suite struct ConfigScaleTests {
    static func seconds(_ body: () -> Void) -> Double {
        var best = Double.infinity
        for _ in 0..<3 {
            var start = timespec(), end = timespec()
            clock_gettime(CLOCK_MONOTONIC, &start)
            body()
            clock_gettime(CLOCK_MONOTONIC, &end)
            best = min(best, Double(end.tv_sec - start.tv_sec) + Double(end.tv_nsec - start.tv_nsec) / 1e9)
        }
        return best
    }

    static func ratio(_ text: (Int) -> String, small: Int) -> Double {
        func run(_ n: Int) -> Double {
            let source = SourceText(name: "config.toml", text: text(n))
            return seconds {
                if case .failure(let failure) = ConfigLoader.load([source]) { _ = failure.renderedEach(); _ = failure.rendered() }
            }
        }
        return run(small * 10) / run(small)
    }

    @Test func remindersLoadInLinearTime() {
        let ratio = Self.ratio({ n in (0..<n).map { "[[reminder]]\nid = \"r\($0)\"\nkind = \"hydration\"\nevery = \"1h\"\n" }.joined() }, small: 1000)
        #expect(ratio < 25, "×10 reminders took ×\(ratio)")
    }

    @Test func errorsRenderInLinearTime() {
        let ratio = Self.ratio({ n in String(repeating: "[[reminder]]\n", count: n) }, small: 1000)
        #expect(ratio < 25, "×10 empty tables took ×\(ratio)")
    }

    @Test func aHugeKeyCostsOnePass() {
        let ratio = Self.ratio({ n in "[daemon]\n" + String(repeating: "k", count: n) + " = 1\n" }, small: 100_000)
        #expect(ratio < 25, "×10 key length took ×\(ratio)")
    }
}

/// A 10 MB key is not quoted whole in its message, nor printed whole under it.
@Suite struct LongLineMessageTests {
    @Test func aHugeKeyIsShortenedInTheMessageAndTheExcerpt() {
        let key = String(repeating: "k", count: 1_000_000)
        let errors = configErrors("[daemon]\n" + key + " = 1\n")
        #expect(errors == ["config.toml:2:1: unknown key \"" + String(repeating: "k", count: 63) + "…\" in [daemon] (known: "
                           + ConfigSection.daemon.keys.map(\.name).joined(separator: ", ") + ")"])
        guard case .failure(let failure) = loadConfig("[daemon]\n" + key + " = 1\n") else { return }
        #expect(failure.rendered().utf8.count < 1_000)
    }

    @Test func theCaretStaysUnderTheSpotInACutLine() {
        let source = SourceText(name: "f", text: String(repeating: "a", count: 200) + "é" + String(repeating: "b", count: 200))
        let rendered = source.render(message: "here", at: 200)
        #expect(rendered == "f:1:201: here\n    …" + String(repeating: "a", count: 80) + "é" + String(repeating: "b", count: 78) + "…\n    "
                + String(repeating: " ", count: 81) + "^")
    }
}

/// A reload with thousands of errors renders a screenful and a count, not megabytes.
@Suite struct RenderedLimitTests {
    @Test func pastTheLimitOneLineSaysHowManyMore() {
        guard case .failure(let failure) = loadConfig(String(repeating: "[[reminder]]\n", count: 150)) else {
            Issue.record("loaded")
            return
        }
        let each = failure.renderedEach()
        #expect(failure.countText == "150 errors")
        #expect(each.count == ConfigLoadFailure.renderedLimit + 1)
        #expect(each.last == "… and 50 more errors (the first 100 are shown)")
        #expect(each[99].hasPrefix("config.toml:100:3: [[reminder]] has no \"id\""))
        #expect(failure.rendered() == each.joined(separator: "\n"))
    }

    @Test func noHintAmongThousandsOfIDs() {
        // 2,000 reminders a drop-in defines without a schedule: each an error; no n² hints.
        let dropIn = (0..<2_000).map { "[[reminder]]\nid = \"r\($0)\"\nkind = \"hydration\"\n" }.joined()
        let errors = configErrors("", dropIns: [dropIn])
        #expect(errors.count == 2_000)
        #expect(errors[0] == "d1.toml:2:6: reminder \"r0\" has no schedule; set one of \"every\", \"at\", \"calendar\" or \"after\" (no earlier file defines \"r0\")")
    }
}
