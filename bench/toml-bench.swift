// Benchmark driver for bench/toml-parse.sh, compiled together with
// Sources/TOML. usage: toml-bench FILE [ITERATIONS]
// Parses FILE ITERATIONS times (default 20) and prints the best and median
// throughput. ITERATIONS 0 only reads the file (the callgrind baseline).
import Glibc

func readFile(_ path: String) -> [UInt8] {
    guard let file = fopen(path, "rb") else {
        fputs("toml-bench: cannot open \(path)\n", stderr)
        exit(2)
    }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&buffer, 1, buffer.count, file)
        if n <= 0 { break }
        bytes.append(contentsOf: buffer[0..<n])
    }
    return bytes
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

@main struct TOMLBench {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            fputs("usage: toml-bench FILE [ITERATIONS]\n", stderr)
            exit(2)
        }
        let bytes = readFile(arguments[1])
        let iterations = arguments.count > 2 ? Int(arguments[2]) ?? 20 : 20
        var seconds: [Double] = []
        var keys = 0
        for _ in 0..<iterations {
            let start = now()
            do {
                let table = try TOML.parse(bytes)
                keys &+= table.count
            } catch {
                fputs(error.rendered(in: SourceText(name: arguments[1], bytes: bytes)) + "\n", stderr)
                exit(1)
            }
            seconds.append(now() - start)
        }
        guard !seconds.isEmpty else { return }
        seconds.sort()
        let megabytes = Double(bytes.count) / 1e6
        let best = megabytes / seconds[0], median = megabytes / seconds[seconds.count / 2]
        print("swift TOML: \(bytes.count) bytes, \(iterations) parses, best \(rounded(best)) MB/s, median \(rounded(median)) MB/s (\(keys / iterations) top-level keys)")
    }

    static func rounded(_ x: Double) -> String {
        let tenths = Int((x * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }
}
