/// The level of an administrative unit, or of the units that handle a procedure.
public enum UnitLevel: String, Sendable, Hashable, Codable {
    case province
    case commune
}

/// One row of the unit registry: a province or a commune, valid over a window of dates.
public struct Unit: Sendable, Hashable {
    /// Zero-padded code: 2 digits for a province, 5 for a commune.
    public var code: String
    /// The registered name, NFC, with its kind prefix (`Phường Hoàn Kiếm`).
    public var name: String
    public var level: UnitLevel
    /// The province's code for a commune; nil for a province.
    public var parentCode: String?
    /// The kind as the registry writes it: `xã`, `phường`, `đặc khu`, `tỉnh`, `thành phố`.
    public var kind: String
    /// Former or alternative names.
    public var aliases: [String]
    public var activeFrom: Day?
    public var activeTo: Day?

    public init(code: String, name: String, level: UnitLevel, parentCode: String?, kind: String,
                aliases: [String], activeFrom: Day?, activeTo: Day?) {
        self.code = code; self.name = name; self.level = level; self.parentCode = parentCode
        self.kind = kind; self.aliases = aliases; self.activeFrom = activeFrom; self.activeTo = activeTo
    }

    /// Whether this registry row applies on `day` (windows are inclusive; empty means open).
    public func isActive(on day: Day) -> Bool {
        if let f = activeFrom, day < f { return false }
        if let t = activeTo, day > t { return false }
        return true
    }

    /// The code of the province this unit belongs to (itself for a province).
    public var provinceCode: String { parentCode ?? code }
}

/// One row of the procedure registry. Procedures are not effective-dated.
public struct Procedure: Sendable, Hashable {
    /// National code in the `N.NNNNNN` form.
    public var code: String
    public var name: String
    public var field: String
    public var level: UnitLevel
    /// Every unit of `level` must report it daily, with zeros when idle.
    public var priority: Bool
    public var maxDays: Int?

    public init(code: String, name: String, field: String, level: UnitLevel, priority: Bool, maxDays: Int?) {
        self.code = code; self.name = name; self.field = field; self.level = level
        self.priority = priority; self.maxDays = maxDays
    }
}

/// An officer registered to report for a unit, over a window of dates.
public struct ContactPoint: Sendable, Hashable {
    public var unitCode: String
    public var fullName: String
    public var title: String
    public var phone: String
    public var email: String
    public var activeFrom: Day?
    public var activeTo: Day?

    public init(unitCode: String, fullName: String, title: String, phone: String, email: String,
                activeFrom: Day?, activeTo: Day?) {
        self.unitCode = unitCode; self.fullName = fullName; self.title = title; self.phone = phone
        self.email = email; self.activeFrom = activeFrom; self.activeTo = activeTo
    }

    public func isActive(on day: Day) -> Bool {
        if let f = activeFrom, day < f { return false }
        if let t = activeTo, day > t { return false }
        return true
    }
}
