// libFuzzer target for the control protocol; built with Sources/TOML, Sources/CrampCore and
// Sources/CrampProtocol (as modules) by Tests/fuzz/run.sh protocol. Each input is one line:
// - as the daemon reads it (`Request(line:)`): decoded or refused with a ControlError; a
//   decoded request encodes and decodes back to itself (the client and the daemon agree);
// - as the client reads it (`ResponseMessage(line:)`): a decoded response renders for people
//   (`ResultText`) at the instant and in the zone the input's first bytes choose.
// A crash, trap, hang or leak is a bug.
import CrampCore
import CrampProtocol

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    do throws(RequestDecodingError) {
        let request = try Request(line: bytes)
        let again: Request
        do throws(RequestDecodingError) { again = try Request(line: request.encodedLine().dropLast()) } catch {
            fatalError("a decoded request does not decode after encoding: \(request) -> \(error)")
        }
        guard again == request else { fatalError("request changed in a round trip: \(request) -> \(again)") }
    } catch {
        _ = ResultText.error(error.error)
    }
    do throws(ControlError) {
        let message = try ResponseMessage(line: bytes)
        let (now, zone) = FuzzTime.pick(bytes)
        switch message.response {
        case .ok(let result): _ = ResultText.result(result, now: now, zone: zone, zones: .system, terminalWidth: bytes.count % 2 == 0 ? nil : 80)
        case .error(let error): _ = ResultText.error(error)
        }
    } catch {
        _ = ResultText.error(error)
    }
    return 0
}
