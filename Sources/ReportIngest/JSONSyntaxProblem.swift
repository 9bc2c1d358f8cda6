/// What is wrong with a JSON file's syntax, said in both languages of reject details.
enum JSONSyntaxProblem: Sendable, Equatable {
    case trailingText
    case objectsWithoutArray
    case unexpectedEnd
    case unexpectedCharacter(String)
    /// A comma right before a closing `]` or `}` (allowed by JavaScript, not by JSON).
    case trailingComma(String)
    case invalidLiteral
    case tooDeep
    case expectedKey
    case expectedColon
    case unclosedObject
    case expectedObjectSeparator
    case unclosedArray
    case expectedArraySeparator
    case invalidNumber
    case unterminatedString
    case controlCharacter
    case unpairedSurrogate
    case invalidUnicodeEscape
    case invalidEscape

    /// The reason in English (`--language en`).
    var english: String {
        switch self {
        case .trailingText: "unexpected text after the JSON value"
        case .objectsWithoutArray: "objects separated by commas outside an array; put [ before the first and ] after the last"
        case .unexpectedEnd: "unexpected end of the file"
        case .unexpectedCharacter(let c): "unexpected character '\(c)'"
        case .trailingComma(let c): "unexpected comma just before '\(c)': delete that comma"
        case .invalidLiteral: "invalid literal"
        case .tooDeep: "nesting deeper than \(JSONParser.maxDepth)"
        case .expectedKey: "expected a quoted key"
        case .expectedColon: "expected ':' after a key"
        case .unclosedObject: "unexpected end of the file inside an object"
        case .expectedObjectSeparator: "expected ',' or '}' in an object"
        case .unclosedArray: "unexpected end of the file inside an array"
        case .expectedArraySeparator: "expected ',' or ']' in an array"
        case .invalidNumber: "invalid number"
        case .unterminatedString: "unterminated string"
        case .controlCharacter: "control character inside a string"
        case .unpairedSurrogate: "unpaired surrogate"
        case .invalidUnicodeEscape: "invalid \\u escape"
        case .invalidEscape: "invalid escape"
        }
    }

    /// The reason in Vietnamese (the default).
    var vietnamese: String {
        switch self {
        case .trailingText: "còn chữ thừa sau giá trị JSON"
        case .objectsWithoutArray: "các đối tượng { } cách nhau bằng dấu phẩy mà không nằm trong một mảng; hãy thêm [ trước đối tượng đầu và ] sau đối tượng cuối"
        case .unexpectedEnd: "tệp kết thúc giữa chừng"
        case .unexpectedCharacter(let c): "ký tự không mong đợi '\(c)'"
        case .trailingComma(let c): "dấu phẩy thừa ngay trước '\(c)': hãy xóa dấu phẩy đó"
        case .invalidLiteral: "giá trị không hợp lệ (chỉ được true, false hoặc null)"
        case .tooDeep: "lồng nhau sâu quá \(JSONParser.maxDepth) cấp"
        case .expectedKey: "thiếu tên trường trong dấu ngoặc kép"
        case .expectedColon: "thiếu dấu ':' sau tên trường"
        case .unclosedObject: "tệp kết thúc khi một đối tượng { } chưa đóng"
        case .expectedObjectSeparator: "thiếu dấu ',' hoặc '}' trong một đối tượng"
        case .unclosedArray: "tệp kết thúc khi một danh sách [ ] chưa đóng"
        case .expectedArraySeparator: "thiếu dấu ',' hoặc ']' trong một danh sách"
        case .invalidNumber: "số không hợp lệ"
        case .unterminatedString: "chuỗi thiếu dấu ngoặc kép đóng"
        case .controlCharacter: "ký tự điều khiển trong chuỗi"
        case .unpairedSurrogate: "cặp mã \\u không đầy đủ"
        case .invalidUnicodeEscape: "mã \\u không hợp lệ"
        case .invalidEscape: "ký tự thoát sau \\ không hợp lệ"
        }
    }
}
