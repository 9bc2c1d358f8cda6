import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ReportModel

/// Streams one XML part of a workbook through Foundation's SAX parser (libxml2 underneath), with no DTD:
/// workbook parts never carry one, so a part that does (entity expansion, external entities) is refused.
class XLSXXMLHandler: NSObject, XMLParserDelegate {
    /// Called for each element start, with its local name (any `x:` prefix dropped).
    func start(_ name: Substring, _ attributes: [String: String]) {}
    func end(_ name: Substring) {}
    func text(_ string: String) {}

    /// Parses `bytes` of the part `path`; throws `bad_xlsx` for a DTD or malformed XML.
    func parse(_ bytes: [UInt8], path: String, language: Language) throws(XLSXFailure) {
        if XLSXXMLHandler.hasDTD(bytes) {
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "phần \(path) của sổ tính có khai báo DTD/ENTITY, điều sổ tính Excel không bao giờ có; tệp bị từ chối vì an toàn",
                en: "the workbook's part \(path) declares a DTD or entities, which Excel workbooks never do; refused for safety"))
        }
        let parser = XMLParser(data: Data(bytes))
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = self
        if !parser.parse(), !stopped {
            throw XLSXFailure(.badXLSX, language.pick(
                vi: "sổ tính bị hỏng: phần \(path) không phải XML hợp lệ (dòng \(parser.lineNumber)); hãy mở lại trong Excel và lưu lại",
                en: "the workbook is damaged: its part \(path) is not well-formed XML (line \(parser.lineNumber)); open it in Excel and save it again"))
        }
    }

    /// Set by a handler that has read all it needs and aborted the parse.
    var stopped = false

    /// Whether the bytes hold `<!DOCTYPE` or `<!ENTITY` (any case).
    static func hasDTD(_ b: [UInt8]) -> Bool {
        var i = 0
        let n = b.count
        while i + 2 < n {
            if b[i] == 0x3C, b[i + 1] == 0x21, b[i + 2] != 0x5B, b[i + 2] != 0x2D {  // "<!" not "<![CDATA[" or "<!--"
                return true
            }
            i += 1
        }
        return false
    }

    private static func local(_ name: String) -> Substring {
        if let colon = name.lastIndex(of: ":") { return name[name.index(after: colon)...] }
        return name[...]
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        start(XLSXXMLHandler.local(elementName), attributeDict)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        end(XLSXXMLHandler.local(elementName))
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { text(string) }
}

/// `_rels/*.rels`: relationship id to target path.
final class XLSXRelationships: XLSXXMLHandler {
    var targets: [String: (type: String, target: String)] = [:]

    override func start(_ name: Substring, _ attributes: [String: String]) {
        guard name == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else { return }
        targets[id] = (attributes["Type"] ?? "", target)
    }
}

/// `xl/workbook.xml`: the worksheets in tab order (name, relationship id, hidden or not) and the date system.
final class XLSXWorkbookPart: XLSXXMLHandler {
    struct Sheet { var name: String, relationship: String?, hidden: Bool }
    var sheets: [Sheet] = []
    var date1904 = false

    /// The sheet read: the first one the officer sees (a hidden one is a template's lookup list), else the first.
    var readSheet: Sheet? { sheets.first { !$0.hidden } ?? sheets.first }

    override func start(_ name: Substring, _ attributes: [String: String]) {
        if name == "workbookPr", let v = attributes["date1904"] { date1904 = v == "1" || v.lowercased() == "true" }
        if name == "sheet" {
            let state = attributes["state"] ?? "visible"
            sheets.append(Sheet(name: (attributes["name"] ?? "").nfc,
                                relationship: attributes.first { $0.key == "id" || $0.key.hasSuffix(":id") }?.value,
                                hidden: state == "hidden" || state == "veryHidden"))
        }
    }
}

/// `xl/sharedStrings.xml`: the table of strings cells of type `s` point into.
final class XLSXSharedStrings: XLSXXMLHandler {
    var strings: [String] = []
    private var current = ""
    private var inText = false
    private var inPhonetic = false

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "si": current = ""
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    override func end(_ name: Substring) {
        switch name {
        case "si": strings.append(current.nfc)
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    override func text(_ string: String) { if inText { current += string } }
}

/// `xl/styles.xml`: which cell styles show a date (the built-in date formats, or a custom one with date parts).
final class XLSXStyles: XLSXXMLHandler {
    /// For each cell style index (`s`), whether it formats a date.
    var isDate: [Bool] = []
    private var customDate: [String: Bool] = [:]
    private var inCellXfs = false

    static let builtInDates: Set<Int> = Set(14...22).union(27...36).union(45...47).union(50...58)

    override func start(_ name: Substring, _ attributes: [String: String]) {
        switch name {
        case "numFmt":
            if let id = attributes["numFmtId"], let code = attributes["formatCode"] { customDate[id] = XLSXStyles.codeIsDate(code) }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs:
            let id = attributes["numFmtId"] ?? "0"
            isDate.append(customDate[id] ?? Int(id).map(XLSXStyles.builtInDates.contains) ?? false)
        default: break
        }
    }

    override func end(_ name: Substring) { if name == "cellXfs" { inCellXfs = false } }

    /// Whether a number format shows a date or time: a d, m, y, h or s outside quotes, brackets and escapes.
    static func codeIsDate(_ code: String) -> Bool {
        var quoted = false, bracket = false, escaped = false
        for ch in code.lowercased() {
            if escaped { escaped = false; continue }
            switch ch {
            case "\\": escaped = true
            case "\"": quoted.toggle()
            case "[" where !quoted: bracket = true
            case "]" where !quoted: bracket = false
            case "d", "m", "y", "h", "s": if !quoted && !bracket { return true }
            default: break
            }
        }
        return false
    }
}
