// libFuzzer target for the TOML parser and writer; built together with
// Sources/TOML by Tests/fuzz/run.sh. For every input and both versions:
// - parsing either succeeds or throws a TOMLError whose offsets lie inside
//   the input and which renders (a crash, hang or leak is a bug);
// - a parsed document written back parses to an equal tree, and writing that
//   tree again gives the same text (the writer is canonical).

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    for version in [TOMLVersion.v1_0, .v1_1] {
        do throws(TOMLError) {
            let table = try TOML.parse(bytes, version: version)
            checkOffsets(table, size: size)
            roundTrip(table, version: version)
        } catch {
            guard error.offset >= 0 && error.offset <= size,
                  (error.relatedOffset ?? 0) >= 0 && (error.relatedOffset ?? 0) <= size else {
                fatalError("error offset outside the input: \(error)")
            }
            _ = error.rendered(in: SourceText(name: "fuzz", bytes: bytes))
        }
    }
    return 0
}

func roundTrip(_ table: TOMLTable, version: TOMLVersion) {
    let text = TOML.write(table)
    let again: TOMLTable
    do throws(TOMLError) {
        again = try TOML.parse(text, version: version)
    } catch {
        fatalError("writer output does not parse: \(error.rendered(in: SourceText(name: "written", text: text)))")
    }
    guard again == table else { fatalError("round trip changed the document:\n\(text)") }
    guard TOML.write(again) == text else { fatalError("writer is not canonical:\n\(text)") }
}

func checkOffsets(_ table: TOMLTable, size: Int) {
    for entry in table.entries {
        guard entry.keyOffset >= 0 && entry.keyOffset < size else { fatalError("key offset \(entry.keyOffset) outside the input") }
        checkOffsets(entry.node, size: size)
    }
}

func checkOffsets(_ node: TOMLNode, size: Int) {
    guard node.offset >= 0 && node.offset < size else { fatalError("node offset \(node.offset) outside the input") }
    switch node.value {
    case .table(let table): checkOffsets(table, size: size)
    case .array(let elements): for element in elements { checkOffsets(element, size: size) }
    default: break
    }
}
