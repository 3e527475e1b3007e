import TestSupport
import CrampProtocol
import Testing

/// Random and mutated request lines never crash the decoder: each is a request or an error.
struct RequestFuzzTests {
    @Test func mutatedRequestsDecodeOrFailCleanly() {
        var rng = SplitMix64(state: 7)
        let seeds = Samples.commands.map { Array(Request(id: 1, command: $0).encodedLine().dropLast()) }
        let alphabet = Array(#"{}[]":,0123456789-.eE truefalsnul\"#.utf8) + [0, 0xff, 0xc3, 0x80]
        var decoded = 0, refused = 0
        for _ in 0..<20_000 {
            var line = seeds.randomElement(using: &rng)!
            for _ in 0..<Int.random(in: 1...4, using: &rng) {
                let i = Int.random(in: 0..<line.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: line[i] = alphabet.randomElement(using: &rng)!
                case 1: line.remove(at: i)
                default: line.insert(alphabet.randomElement(using: &rng)!, at: i)
                }
                if line.isEmpty { break }
            }
            do {
                let request = try Request(line: line)
                // Whatever decoded must survive its own round trip.
                #expect(try Request(line: request.encodedLine().dropLast()) == request)
                decoded += 1
            } catch {
                #expect(!error.error.message.isEmpty)
                refused += 1
            }
        }
        #expect(decoded > 0 && refused > 0)
    }

    @Test func randomBytesAreRefused() {
        var rng = SplitMix64(state: 11)
        for _ in 0..<5_000 {
            let line = (0..<Int.random(in: 0...200, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(throws: RequestDecodingError.self) { try Request(line: line) }
        }
    }
}
