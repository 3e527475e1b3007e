import CrampProtocol
import Glibc
import Testing

/// The examples in docs/protocol.md are true: every request and response decodes and
/// re-encodes to the same bytes, each response answers its request, and every error
/// example for a bad request is exactly what decoding that request gives.
struct ProtocolDocTests {
    /// `> ` and `< ` lines of the ```text blocks, in order.
    static func exampleLines() throws -> [(sent: Bool, line: String)] {
        let docPath = String(#filePath.split(separator: "/").dropLast(3).joined(separator: "/"))
        let text = try #require(readFile("/" + docPath + "/docs/protocol.md"), "docs/protocol.md")
        var lines: [(Bool, String)] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("```") { inBlock = line == "```text"; continue }
            guard inBlock else { continue }
            if line.hasPrefix("> ") { lines.append((true, String(line.dropFirst(2)))) }
            if line.hasPrefix("< ") { lines.append((false, String(line.dropFirst(2)))) }
        }
        return lines
    }

    enum Sent { case request(Request), invalid(RequestDecodingError) }

    @Test func examplesAreTrue() throws {
        let lines = try Self.exampleLines()
        #expect(lines.count > 40)
        var pending: Sent?
        // After `watch` is answered, its events follow with its id, until the next request.
        var watching: Request?
        var commandsShown: Set<String> = []
        for (sent, line) in lines {
            let bytes = Array(line.utf8)
            if sent {
                do throws(RequestDecodingError) {
                    let request = try Request(line: bytes)
                    #expect(String(decoding: request.encodedLine().dropLast(), as: UTF8.self) == line)
                    commandsShown.insert(request.command.name)
                    pending = .request(request)
                    watching = nil
                } catch {
                    pending = .invalid(error)
                }
                continue
            }
            let response = try ResponseMessage(line: bytes)
            #expect(String(decoding: response.encodedLine().dropLast(), as: UTF8.self) == line)
            switch pending {
            case .request(let request):
                #expect(response.id == request.id, "\(line)")
                if case .ok(let result) = response.response {
                    #expect(result.name == Self.resultName(of: request.command), "\(line)")
                }
            case .invalid(let error):
                #expect(response == ResponseMessage(id: error.id, response: .error(error.error)), "\(line)")
            case nil:
                if let watch = watching {
                    #expect(response.id == watch.id, "\(line)")
                    switch response.response {
                    case .ok(let result): #expect(result.name == "event", "\(line)")
                    case .error(let error): #expect(error.code == .overrun, "\(line)")
                    }
                } else {
                    #expect(response.id == nil, "an answer to no request: \(line)")
                }
            }
            if case .request(let request) = pending, request.command == .watch, case .ok = response.response { watching = request }
            pending = nil
        }
        #expect(commandsShown == Set(Command.names), "every command has an example")
    }

    @Test func serverErrorExamplesUseTheServersWords() throws {
        let unpaired = try Self.exampleLines().filter { !$0.sent }.map(\.line)
        #expect(unpaired.contains(#"{"error":{"code":"too-large","message":"request longer than \#(ControlProtocol.maxLineBytes) bytes; closing the connection"},"id":null,"version":1}"#))
    }

    static func resultName(of command: Command) -> String {
        switch command {
        case .status: "status"
        case .list: "reminders"
        case .next: "upcoming"
        case .show: "reminder"
        case .done, .snooze, .skip, .trigger, .pause, .resume, .set, .add, .remove, .reset, .reload, .notifyTest, .watch: "action"
        case .drink, .take, .cramp, .undo: "diary"
        case .today: "today"
        case .stats: "stats"
        case .export: "export"
        case .report: "report"
        case .importRecords: "import"
        case .stock: "stock"
        }
    }
}

func readFile(_ path: String) -> String? {
    guard let file = fopen(path, "r") else { return nil }
    defer { fclose(file) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = fread(&chunk, 1, chunk.count, file)
        if n <= 0 { break }
        bytes += chunk[..<n]
    }
    return String(decoding: bytes, as: UTF8.self)
}
