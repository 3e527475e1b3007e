import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif
@testable import CrampCore
import CrampDaemon  // SystemZoneFiles: the system tzdata, handed in

/// `GlibcClock.mktime` against this machine's glibc `mktime`: the same sequence of calls
/// (glibc keeps state between them) around DST changes, with out-of-range fields and all
/// three `tm_isdst` values, must give the same instants and normalized fields.
@Suite struct GlibcMktimeTests {
    /// Reads "Y M D h m s isdst" lines and prints mktime's result and the normalized fields.
    static let probeSource = """
        #include <stdio.h>
        #include <time.h>
        int main(void) {
          int Y, M, D, h, m, s, dst;
          while (scanf("%d %d %d %d %d %d %d", &Y, &M, &D, &h, &m, &s, &dst) == 7) {
            struct tm tm = {0};
            tm.tm_year = Y - 1900; tm.tm_mon = M - 1; tm.tm_mday = D;
            tm.tm_hour = h; tm.tm_min = m; tm.tm_sec = s; tm.tm_isdst = dst;
            long t = (long) mktime(&tm);
            printf("%ld %d %d %d %d %d %d %d\\n", t, tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                   tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_isdst);
          }
          return 0;
        }
        """

    /// The probe's output for `input` lines in `zoneName`, compiled and removed again in one
    /// shell (nothing is left in /tmp); nil without a C compiler.
    static func probe(_ zoneName: String, _ input: String) -> String? {
        let out = shellOutput("""
            dir=$(mktemp -d /tmp/crampd-mktime-probe.XXXXXX) && trap 'rm -rf "$dir"' EXIT
            cat > "$dir/probe.c" <<'EOF'
            \(probeSource)
            EOF
            cc -O1 -o "$dir/probe" "$dir/probe.c" >/dev/null 2>&1 || { echo no-compiler; exit; }
            TZ=\(zoneName) "$dir/probe" <<'EOF'
            \(input)
            EOF
            """)
        return out.hasPrefix("no-compiler") ? nil : out
    }

    @Test(arguments: ["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Europe/Dublin",
                      "America/Sao_Paulo", "Asia/Kolkata"])
    func agreesWithGlibc(zoneName: String) throws {
        let zone = try Zone.named(zoneName)
        var g = SplitMix64(seed: 0x6d6b_7469_6d65)
        // Inputs near every change of 2018-2019 and 2026-2028 (and a few far years), many out of range.
        let changes = zdump(zoneName, from: 2018, to: 2029).map(\.instant) + [utc(2040, 3, 30, 1), utc(2101, 10, 1)]
        var inputs: [BrokenDownTime] = []
        for _ in 0..<3000 {
            let around = changes.isEmpty ? utc(2026, 6, 1) : changes[g.int(0...changes.count - 1)]
            let shifted = around.seconds + Int64(g.int(-7200...7200)) + Int64(zone.offsetSeconds(at: around))
            var tm = BrokenDownTime(secondsAsUTC: shifted, isDST: g.int(-1...1))
            switch g.int(0...9) {
            case 0: tm.hour += 24
            case 1: tm.minute += 60
            case 2: tm.second = 60
            case 3: tm.day = g.int(29...32)
            case 4: tm.minute = g.int(0...1) * 30
            default: break
            }
            inputs.append(tm)
        }
        let text = inputs.map { "\($0.year) \($0.month) \($0.day) \($0.hour) \($0.minute) \($0.second) \($0.isDST)" }.joined(separator: "\n")
        let output = try #require(Self.probe(zoneName, text), "a C compiler is needed for this test")
        let lines = output.split(separator: "\n")
        try #require(lines.count == inputs.count)
        var clock = GlibcClock(zone: zone)
        var failures = 0
        for (input, line) in zip(inputs, lines) {
            var ours = input
            let t = clock.mktime(&ours) ?? -1
            let mine = "\(t) \(ours.year) \(ours.month) \(ours.day) \(ours.hour) \(ours.minute) \(ours.second) \(ours.isDST)"
            if mine != line {
                failures += 1
                if failures <= 5 { Issue.record("\(zoneName) \(input): glibc \(line), ours \(mine)") }
            }
        }
        #expect(failures == 0)
    }
}
